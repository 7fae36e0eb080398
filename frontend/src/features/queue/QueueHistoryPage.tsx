import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { LoadFailed } from '../../components/LoadFailed';
import { PageLoader } from '../../components/PageLoader';
import { MyServiceHistoryDocument, type QueueStatus } from '../../gql/graphql';
import { fromCombinedError } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { usePageTitle } from '../../lib/usePageTitle';
import { QueueFileLink } from './QueueFileLink';
import { certificates, statusTone } from './status';
import './queue.css';

const QUEUE_STATUSES: readonly QueueStatus[] = ['FILED', 'IN_REVIEW', 'HEARING', 'REGISTERED', 'REFUSED', 'REMOVED'];

/** A status of the history in words: an application's or a complaint's, as the API names them. */
function historyStatus(t: TFunction, service: string, status: string): string {
  const code = status.toUpperCase();
  const key = service === 'queue_complaint' ? `queue.complaints.status.${code}` : `queue.status.${code}`;
  return t(key, { defaultValue: status });
}

function historyTone(service: string, status: string): string {
  const code = status.toUpperCase();
  if (service === 'queue_complaint') return code === 'SATISFIED' ? 'success' : code === 'REJECTED' ? 'danger' : 'progress';
  return QUEUE_STATUSES.includes(code as QueueStatus) ? statusTone(code as QueueStatus) : 'neutral';
}

/** "Service history" (seed 002, «Қызметтерді алу тарихы»): every service asked for, its status and result, with downloads. */
export function QueueHistoryPage() {
  const { t, i18n } = useTranslation();
  const [{ data, error, fetching }, refetch] = useQuery({ query: MyServiceHistoryDocument, requestPolicy: 'cache-and-network' });
  usePageTitle(t('queue.history.title'));
  const items = data?.myServiceHistory ?? [];
  return (
    <div className="page q-page">
      <p className="q-back">
        <Link to="/queue">← {t('queue.card.back')}</Link>
      </p>
      <h1 tabIndex={-1}>{t('queue.history.title')}</h1>
      <p className="page__lead">{t('queue.history.lead')}</p>
      {error && !data && <LoadFailed error={fromCombinedError(error)} onRetry={() => refetch({ requestPolicy: 'network-only' })} />}
      {fetching && !data && <PageLoader />}
      {data && items.length === 0 && <p className="empty-state">{t('queue.history.empty')}</p>}
      {items.length > 0 && (
        <ul className="q-list" aria-label={t('queue.history.title')}>
          {items.map((item) => {
            // The certificates in force, then the rest (notices, answers).
            const files = [...certificates(item.files), ...item.files.filter((f) => !f.kind.startsWith('certificate_'))];
            return (
            <li key={item.id} className="q-list__item card" data-service={item.number}>
              <div className="q-list__head">
                <h2 className="q-list__service">{t(`queue.history.services.${item.service}`, { defaultValue: item.service })}</h2>
                <span className={`q-status q-status--${historyTone(item.service, item.status)}`}>{historyStatus(t, item.service, item.status)}</span>
              </div>
              <dl className="q-facts">
                <div className="q-facts__item">
                  <dt>{t('queue.history.number')}</dt>
                  <dd className="mono">
                    {item.applicationId ? (
                      <Link to={`/queue/applications/${item.applicationId}`} aria-label={t('queue.history.open', { number: item.number })}>
                        {item.number}
                      </Link>
                    ) : (
                      item.number
                    )}
                  </dd>
                </div>
                <div className="q-facts__item">
                  <dt>{t('queue.history.requestedAt')}</dt>
                  <dd>{formatDateTime(item.requestedAt, i18n.language)}</dd>
                </div>
                <div className="q-facts__item q-facts__item--wide">
                  <dt>{t('queue.history.result')}</dt>
                  <dd>{item.result || '—'}</dd>
                </div>
              </dl>
              {files.length > 0 && (
                <div className="q-files" aria-label={t('queue.history.files')}>
                  {files.map((f) => (
                    <QueueFileLink key={f.id} file={f} />
                  ))}
                </div>
              )}
            </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
