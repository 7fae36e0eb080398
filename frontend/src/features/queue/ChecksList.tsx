import { useTranslation } from 'react-i18next';
import { CheckIcon, CrossIcon, DotIcon } from '../../components/icons';
import type { QueueCheckFieldsFragment } from '../../gql/graphql';

/** Each named check of §§6–11 and §15: met, not met or not applying, with the server's explanation. */
export function ChecksList({ checks, label }: { checks: readonly QueueCheckFieldsFragment[]; label: string }) {
  const { t } = useTranslation();
  return (
    <ul className="q-checks" aria-label={label}>
      {checks.map((check) => {
        const state = !check.applies ? 'na' : check.passed ? 'passed' : 'failed';
        const Icon = state === 'passed' ? CheckIcon : state === 'failed' ? CrossIcon : DotIcon;
        const word = state === 'passed' ? t('queue.check.passed') : state === 'failed' ? t('queue.check.failed') : t('queue.check.notApplicable');
        return (
          <li key={check.code} className={`q-check q-check--${state}`} data-check={check.code}>
            <Icon className="q-check__icon" aria-hidden="true" />
            <div className="q-check__body">
              <p className="q-check__state">{word}</p>
              <p className="q-check__text">{check.explanation}</p>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
