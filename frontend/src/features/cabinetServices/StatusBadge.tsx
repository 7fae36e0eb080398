import { useTranslation } from 'react-i18next';
import type { ServiceRequestStatus } from '../../gql/graphql';
import { statusTone } from './format';

export function StatusBadge({ status }: { status: ServiceRequestStatus }) {
  const { t } = useTranslation();
  return <span className={`cs-status cs-status--${statusTone(status)}`}>{t(`cabinetServices.status.${status}`)}</span>;
}
