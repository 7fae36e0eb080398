import { useTranslation } from 'react-i18next';
import { CheckIcon, CrossIcon, DotIcon } from '../../components/icons';
import type { QueueCheckFieldsFragment } from '../../gql/graphql';

type Check = QueueCheckFieldsFragment;

function CheckItem({ check }: { check: Check }) {
  const { t } = useTranslation();
  const state = !check.applies ? 'na' : check.passed ? 'passed' : 'failed';
  const Icon = state === 'passed' ? CheckIcon : state === 'failed' ? CrossIcon : DotIcon;
  const word = state === 'passed' ? t('queue.check.passed') : state === 'failed' ? t('queue.check.failed') : t('queue.check.notApplicable');
  return (
    <li className={`q-check q-check--${state}`} data-check={check.code}>
      <Icon className="q-check__icon" aria-hidden="true" />
      <div className="q-check__body">
        <p className="q-check__state">{word}</p>
        <p className="q-check__text">{check.explanation}</p>
      </div>
    </li>
  );
}

/**
 * Each named check of §§6–11 and §15 with the server's explanation: those not met first, then those
 * met; the checks that do not apply to this person are folded away under their count.
 */
export function ChecksList({ checks, label }: { checks: readonly Check[]; label: string }) {
  const { t } = useTranslation();
  const failed = checks.filter((c) => c.applies && !c.passed);
  const passed = checks.filter((c) => c.applies && c.passed);
  const other = checks.filter((c) => !c.applies);
  return (
    <div className="q-checks-wrap">
      <ul className="q-checks" aria-label={label}>
        {[...failed, ...passed].map((check) => (
          <CheckItem key={check.code} check={check} />
        ))}
      </ul>
      {other.length > 0 && (
        <details className="q-checks__other">
          <summary>{t('queue.check.otherChecks', { count: other.length })}</summary>
          <ul className="q-checks">
            {other.map((check) => (
              <CheckItem key={check.code} check={check} />
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
