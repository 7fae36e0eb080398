import { useTranslation } from 'react-i18next';
import type { QueueStatus } from '../../gql/graphql';
import { routeSteps } from './status';

/** Where the application is on its route, done steps ticked, the current one marked. */
export function QueueRouteSteps({ status, hadHearing }: { status: QueueStatus; hadHearing: boolean }) {
  const { t } = useTranslation();
  return (
    <ol className="q-route" aria-label={t('queue.card.route')}>
      {routeSteps(status, hadHearing).map((step, i) => (
        <li key={step.code} className={`q-route__step q-route__step--${step.state}`} aria-current={step.state === 'current' ? 'step' : undefined}>
          <span className="q-route__num" aria-hidden="true">
            {i + 1}
          </span>
          <span className="q-route__label">{t(`queue.card.steps.${step.code}`)}</span>
          <span className="visually-hidden"> — {t(`queue.card.stepState.${step.state}`)}</span>
        </li>
      ))}
    </ol>
  );
}
