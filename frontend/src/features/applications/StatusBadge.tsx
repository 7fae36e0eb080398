import { useTranslation } from 'react-i18next';
import type { ApplicationStatus } from '../../gql/graphql';
import { statusTone } from './status';

/** The status as the seed names it, coloured by whose move it is. */
export function StatusBadge({ status }: { status: ApplicationStatus }) {
  const { t } = useTranslation();
  return <span className={`status-badge status-badge--${statusTone(status)}`}>{t(`applications.status.${status}`)}</span>;
}
