import { useTranslation } from 'react-i18next';
import type { QueueStatus } from './types';

const TONE: Record<QueueStatus, string> = {
  FILED: 'progress',
  IN_REVIEW: 'action',
  HEARING: 'action',
  REGISTERED: 'success',
  REFUSED: 'danger',
  REMOVED: 'draft',
};

/** A queue application's status, coloured by whose move it is (the officer's: amber). */
export function QueueStatusBadge({ status }: { status: QueueStatus }) {
  const { t } = useTranslation();
  return <span className={`status-badge status-badge--${TONE[status]}`}>{t(`queueOffice.status.${status}`)}</span>;
}
