import { useTranslation } from 'react-i18next';
import type { ApplicationStatus } from '../../gql/graphql';
import { routeSteps, statusNumber } from './status';

/** Where the application is on the seed's route, done steps ticked, the current one marked. */
export function RouteSteps({ status }: { status: ApplicationStatus }) {
  const { t } = useTranslation();
  return (
    <ol className="route" aria-label={t('applications.card.route')}>
      {routeSteps(status).map((step) => (
        <li key={step.status} className={`route__step route__step--${step.state} route__step--${step.status.toLowerCase()}`} aria-current={step.state === 'current' ? 'step' : undefined}>
          <span className="route__num" aria-hidden="true">
            {statusNumber(step.status)}
          </span>
          <span className="route__label">{t(`applications.status.${step.status}`)}</span>
          <span className="visually-hidden"> — {t(`applications.card.stepState.${step.state}`)}</span>
        </li>
      ))}
    </ol>
  );
}
