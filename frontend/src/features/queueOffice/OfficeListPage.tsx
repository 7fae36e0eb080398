import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useClient } from 'urql';
import { Button } from '../../components/Button';
import { LiveAnnouncement, useAnnouncement } from '../../components/LiveAnnouncement';
import { LiveBadge } from '../../components/LiveBadge';
import { LoadFailed } from '../../components/LoadFailed';
import { PageLoader } from '../../components/PageLoader';
import { type AppError, fromCombinedError } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { useSocketStatus } from '../../lib/graphql/SocketContext';
import { usePageTitle } from '../../lib/usePageTitle';
import { QueueOfficeApplicationsDocument } from './api';
import { Countdown } from './Countdown';
import { dueTone, nearestDeadline } from './deadlines';
import { OfficeTabs } from './OfficeTabs';
import { QueueStatusBadge } from './QueueStatusBadge';
import type { OfficeRow, QueueStatus } from './types';
import { useOfficeLive } from './useOfficeLive';
import '../../components/office.css';
import './queueOffice.css';

const PAGE_SIZE = 25;
/** The officer's work first: the emergency reviews, then the hearings; then the rest of the route. */
export const OFFICE_STATUSES: readonly QueueStatus[] = ['IN_REVIEW', 'HEARING', 'FILED', 'REGISTERED', 'REFUSED', 'REMOVED'];

/**
 * The queue officer's back office (SPEC §5): applications by status, each with the countdown of
 * its nearest deadline in working days (past ones red, today's and tomorrow's amber). The status
 * lives in the address (?status=), so the tab survives a reload and the way back from a card.
 */
export function OfficeListPage() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  usePageTitle(t('queueOffice.title'));
  const client = useClient();
  const [params, setParams] = useSearchParams();
  const raw = params.get('status');
  const status: QueueStatus | null = raw === 'ALL' ? null : OFFICE_STATUSES.find((s) => s === raw) ?? 'IN_REVIEW';
  const [rows, setRows] = useState<OfficeRow[] | null>(null);
  const [total, setTotal] = useState<number | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [attempt, setAttempt] = useState(0);

  const fetchPage = useCallback(
    async (after: string | null) => {
      const result = await client.query(QueueOfficeApplicationsDocument, { status, first: PAGE_SIZE, after }, { requestPolicy: 'network-only' }).toPromise();
      if (result.error || !result.data) {
        setError(result.error ? fromCombinedError(result.error) : { code: 'UNKNOWN' });
        return null;
      }
      setError(null);
      return result.data.queueOfficeApplications;
    },
    // `attempt`: "Try again" asks once more for the same list; a new language, for the localities' names in it.
    [client, status, attempt, locale],
  );

  useEffect(() => {
    let live = true;
    setRows(null);
    void fetchPage(null).then((page) => {
      if (!live || !page) return;
      setRows(page.edges.map((e) => e.node));
      setTotal(page.totalCount ?? null);
      setCursor(page.pageInfo.hasNextPage ? page.pageInfo.endCursor ?? null : null);
    });
    return () => {
      live = false;
    };
  }, [fetchPage]);

  // Live: an application that enters, leaves or changes in this list brings its first page again
  // (without the loader), so new work appears and decided work goes without a reload.
  const socketStatus = useSocketStatus();
  const [announcement, announce] = useAnnouncement();
  const rowsRef = useRef<OfficeRow[] | null>(null);
  rowsRef.current = rows;
  const refresh = useCallback(async () => {
    const page = await fetchPage(null);
    if (!page) return;
    setRows(page.edges.map((e) => e.node));
    setTotal(page.totalCount ?? null);
    setCursor(page.pageInfo.hasNextPage ? page.pageInfo.endCursor ?? null : null);
  }, [fetchPage]);
  useOfficeLive(
    (event) => {
      const shown = rowsRef.current?.some((r) => r.id === event.applicationId) ?? false;
      if (!shown && status !== null && event.status !== status) return;
      void refresh();
      if (event.application) announce(t('queueOffice.card.liveStatus', { number: event.application.number, status: t(`queueOffice.status.${event.status}`) }));
    },
    () => void refresh(),
  );

  const more = async () => {
    setLoadingMore(true);
    const page = await fetchPage(cursor);
    setLoadingMore(false);
    if (!page) return;
    setRows((before) => [...(before ?? []), ...page.edges.map((e) => e.node).filter((n) => !before?.some((b) => b.id === n.id))]);
    setCursor(page.pageInfo.hasNextPage ? page.pageInfo.endCursor ?? null : null);
  };

  const tabs: (QueueStatus | 'ALL')[] = [...OFFICE_STATUSES, 'ALL'];
  const current = status ?? 'ALL';
  return (
    <div className="page page--wide qo-page">
      <div className="page__head">
        <div>
          <h1 tabIndex={-1}>{t('queueOffice.title')}</h1>
          <p className="page__lead">{t('queueOffice.lead')}</p>
        </div>
        <LiveBadge on={socketStatus === 'connected'} />
      </div>
      <OfficeTabs />

      <div className="qo-status-tabs" role="group" aria-label={t('queueOffice.byStatus')}>
        {tabs.map((s) => (
          <Button
            key={s}
            variant={s === current ? 'primary' : 'secondary'}
            className="btn--small"
            aria-pressed={s === current}
            onClick={() => setParams(s === 'IN_REVIEW' ? {} : { status: s }, { replace: true })}
          >
            {s === 'ALL' ? t('queueOffice.allStatuses') : t(`queueOffice.status.${s}`)}
          </Button>
        ))}
      </div>
      {total !== null && rows && <p className="qo-count">{t('queueOffice.count', { n: total })}</p>}

      {error && <LoadFailed error={error} onRetry={() => setAttempt((n) => n + 1)} />}
      {!rows && !error && <PageLoader />}
      {rows && rows.length === 0 && <p className="empty-state">{t('queueOffice.empty')}</p>}
      {rows && rows.length > 0 && (
        <div className="app-table-wrap">
          <table className="app-table qo-table">
            <caption className="visually-hidden">{t('queueOffice.caption', { status: current === 'ALL' ? t('queueOffice.allStatuses') : t(`queueOffice.status.${current}`) })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('queueOffice.columns.application')}</th>
                <th scope="col">{t('queueOffice.columns.applicant')}</th>
                <th scope="col">{t('queueOffice.columns.locality')}</th>
                <th scope="col">{t('queueOffice.columns.status')}</th>
                <th scope="col">{t('queueOffice.columns.deadline')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('queueOffice.columns.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => {
                const deadline = nearestDeadline(row.deadlines);
                const tone = deadline ? dueTone(deadline) : null;
                const rowTone = tone === 'overdue' ? 'queue-row--overdue' : tone === 'today' || tone === 'soon' ? 'queue-row--soon' : undefined;
                return (
                  <tr key={row.id} className={rowTone} data-application={row.number}>
                    <td data-label={t('queueOffice.columns.application')}>
                      <div className="app-table__cell">
                        <span className="mono app-table__strong">{row.number}</span>
                        <span className="app-table__sub">{t('queueOffice.filedAt', { when: formatDateTime(row.filedAt, locale) })}</span>
                        {row.emergency && <span className="qo-tag">{t('queueOffice.emergency')}</span>}
                      </div>
                    </td>
                    <td data-label={t('queueOffice.columns.applicant')}>
                      <div className="app-table__cell">
                        {row.person.fullName}
                        <span className="app-table__sub mono">{row.person.iin}</span>
                      </div>
                    </td>
                    <td data-label={t('queueOffice.columns.locality')}>
                      <div className="app-table__cell">
                        {row.locality.name}
                        <span className="app-table__sub">{t(`queueOffice.lists.${row.listKind}`)}</span>
                      </div>
                    </td>
                    <td data-label={t('queueOffice.columns.status')}>
                      <div className="app-table__cell">
                        <QueueStatusBadge status={row.status} />
                      </div>
                    </td>
                    <td data-label={t('queueOffice.columns.deadline')}>
                      <div className="app-table__cell">{deadline ? <Countdown deadline={deadline} /> : <span className="muted">—</span>}</div>
                    </td>
                    <td data-label={t('queueOffice.columns.actions')}>
                      <div className="app-table__cell">
                        <Link className="btn btn--secondary btn--small" to={`/queue-office/applications/${row.id}`} aria-label={t('queueOffice.openLabel', { number: row.number })}>
                          {t('queueOffice.open')}
                        </Link>
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {cursor && (
        <p className="applications-more">
          <Button variant="secondary" busy={loadingMore} onClick={() => void more()}>
            {t('queueOffice.more')}
          </Button>
        </p>
      )}
      <LiveAnnouncement announcement={announcement} />
    </div>
  );
}
