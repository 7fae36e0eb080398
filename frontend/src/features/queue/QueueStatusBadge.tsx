import { useTranslation } from 'react-i18next';
import type { QueueStatus } from '../../gql/graphql';
import { statusTone } from './status';

/** The application's status in words, coloured by what it means for the citizen. */
export function QueueStatusBadge({ status }: { status: QueueStatus }) {
  const { t } = useTranslation();
  return <span className={`q-status q-status--${statusTone(status)}`}>{t(`queue.status.${status}`)}</span>;
}
