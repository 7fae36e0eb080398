import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { LiveAnnouncement, useAnnouncement } from '../../components/LiveAnnouncement';
import { LoadFailed } from '../../components/LoadFailed';
import { PageLoader } from '../../components/PageLoader';
import { MyQueueApplicationsDocument } from '../../gql/graphql';
import { fromCombinedError } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { usePageTitle } from '../../lib/usePageTitle';
import { DeadlineList } from './DeadlineList';
import { LiveIndicator } from './LiveIndicator';
import { QueueStatusBadge } from './QueueStatusBadge';
import { useQueueChanges } from './useQueueChanges';
import './queue.css';

/**
 * "Housing queue": the viewer's applications (their own and those filed for or by them) with
 * status, number and every running deadline as a countdown; the check and the application start
 * here. A status that changes arrives by itself.
 */
export function QueueHomePage() {
  const { t, i18n } = useTranslation();
  const [{ data, error, fetching }, refetch] = useQuery({ query: MyQueueApplicationsDocument, variables: { first: 50 }, requestPolicy: 'cache-and-network' });
  const [announcement, announce] = useAnnouncement();
  usePageTitle(t('queue.title'));

  const nodes = data?.myQueueApplications.edges.map((e) => e.node) ?? [];
  const onChange = useCallback(
    (event: { applicationId: string; status: string } | null) => {
      refetch({ requestPolicy: 'network-only' });
      const known = event && nodes.find((n) => n.id === event.applicationId);
      if (known && event && known.status !== event.status) announce(t('queue.card.decidedLive', { number: known.number, status: t(`queue.status.${event.status}`) }));
    },
    [refetch, nodes, announce, t],
  );
  useQueueChanges(onChange);

  return (
    <div className="page q-page">
      <div className="page__head">
        <div>
          <h1 tabIndex={-1}>{t('queue.title')}</h1>
          <p className="page__lead">{t('queue.lead')}</p>
        </div>
      </div>
      <div className="q-actions">
        <Link className="btn btn--secondary" to="/queue/check">
          {t('queue.home.check')}
        </Link>
        <Link className="btn btn--primary" to="/queue/apply">
          {t('queue.home.apply')}
        </Link>
        <Link className="btn btn--ghost" to="/queue/history">
          {t('queue.home.history')}
        </Link>
      </div>
      <p className="q-note">{t('queue.hours')}</p>

      <section className="q-mine" aria-labelledby="q-mine-title">
        <div className="q-mine__head">
          <h2 id="q-mine-title">{t('queue.home.mine')}</h2>
          <LiveIndicator />
        </div>
        {error && !data && <LoadFailed error={fromCombinedError(error)} onRetry={() => refetch({ requestPolicy: 'network-only' })} />}
        {fetching && !data && <PageLoader />}
        {data && nodes.length === 0 && <p className="empty-state">{t('queue.home.empty')}</p>}
        {nodes.length > 0 && (
          <ul className="q-list">
            {nodes.map((app) => (
              <li key={app.id} className="q-list__item card" data-application={app.number}>
                <div className="q-list__head">
                  <Link className="q-list__number" to={`/queue/applications/${app.id}`} aria-label={t('queue.home.open', { number: app.number })}>
                    {app.number}
                  </Link>
                  <span data-testid="queue-status">
                    <QueueStatusBadge status={app.status} />
                  </span>
                </div>
                <p className="q-list__meta">
                  {app.representation !== 'SELF' && <span>{t('queue.home.forPerson', { name: app.person.fullName })}</span>}
                  <span>
                    {t('queue.home.filedAt')}: {formatDateTime(app.filedAt, i18n.language)}
                  </span>
                  {app.queueNumber != null && (
                    <span className="q-list__queue">
                      {t('queue.home.queueNumber')}: <strong>{app.queueNumber}</strong>
                    </span>
                  )}
                </p>
                <DeadlineList deadlines={app.deadlines} />
              </li>
            ))}
          </ul>
        )}
      </section>
      <p className="q-note q-note--small">{t('queue.contact')}</p>
      <LiveAnnouncement announcement={announcement} />
    </div>
  );
}
