import { type FormEvent, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useClient } from 'urql';
import { Alert } from '../../../components/Alert';
import { Button } from '../../../components/Button';
import { PageLoader } from '../../../components/PageLoader';
import { ApplicationQueueDocument, type ApplicationRowFieldsFragment, ApplicationsChangedDocument, type ApplicationStatus } from '../../../gql/graphql';
import { type AppError, errorMessage, fromCombinedError } from '../../../lib/errors';
import { formatDate, formatDateTime, todayIso } from '../../../lib/format';
import { useSocket, useSocketStatus } from '../../../lib/graphql/SocketContext';
import { usePageTitle } from '../../../lib/usePageTitle';
import { categoryLabel, typeLabel } from '../labels';
import { LiveBadge } from '../LiveBadge';
import { appendPage, mergeRow } from '../rows';
import { StatusBadge } from '../StatusBadge';
import { activeDeadline, dueState, STATUSES } from '../status';
import '../applications.css';

const PAGE_SIZE = 25;
const QUEUE_STATUSES = STATUSES.filter((s) => s !== 'DRAFT');

/**
 * KZhK's back office: every sent application, newest first, filtered by status (several at once),
 * overdue only and a search (number, registration number, BIN, contract number); deadlines past are
 * red, those due by the next working day amber. Live (`applicationsChanged`: the whole queue).
 */
export function QueuePage() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  usePageTitle(t('backoffice.title'));
  const client = useClient();
  const socket = useSocket();
  const socketStatus = useSocketStatus();
  const [statuses, setStatuses] = useState<ApplicationStatus[]>([]);
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [searchText, setSearchText] = useState('');
  const [search, setSearch] = useState('');
  const [rows, setRowsState] = useState<ApplicationRowFieldsFragment[] | null>(null);
  const rowsRef = useRef<ApplicationRowFieldsFragment[] | null>(null);
  const setRows = useCallback((next: ApplicationRowFieldsFragment[] | null) => {
    rowsRef.current = next;
    setRowsState(next);
  }, []);
  const [total, setTotal] = useState(0);
  const [cursor, setCursor] = useState<string | null>(null);
  const [hasMore, setHasMore] = useState(false);
  const [loadingMore, setLoadingMore] = useState(false);
  const [loadError, setLoadError] = useState<AppError | null>(null);
  const [liveIds, setLiveIds] = useState<ReadonlySet<string>>(new Set());
  const [announcement, setAnnouncement] = useState({ text: '', n: 0 });
  const filters = useRef({ statuses, overdueOnly, search });
  filters.current = { statuses, overdueOnly, search };
  const tRef = useRef(t);
  tRef.current = t;

  const variables = (after: string | null) => ({
    status: filters.current.statuses.length ? filters.current.statuses : null,
    overdueOnly: filters.current.overdueOnly,
    search: filters.current.search || null,
    first: PAGE_SIZE,
    after,
  });

  const load = useCallback(async () => {
    const result = await client.query(ApplicationQueueDocument, variables(null), { requestPolicy: 'network-only' }).toPromise();
    const page = result.data?.applicationQueue;
    if (result.error || !page) {
      setLoadError(result.error ? fromCombinedError(result.error) : { code: 'UNKNOWN' });
      return;
    }
    setLoadError(null);
    setRows(page.edges.map((e) => e.node));
    setTotal(page.totalCount);
    setCursor(page.pageInfo.endCursor ?? null);
    setHasMore(page.pageInfo.hasNextPage);
  }, [client, setRows]);

  useEffect(() => {
    void load();
  }, [load, statuses, overdueOnly, search]);
  useEffect(() => socket?.onReconnected(() => void load()), [socket, load]);

  useEffect(() => {
    const subscription = client.subscription(ApplicationsChangedDocument, {}).subscribe((result) => {
      const incoming = result.data?.applicationsChanged;
      if (!incoming || incoming.status === 'DRAFT') return;
      const { statuses: wanted, overdueOnly: onlyOverdue, search: text } = filters.current;
      const list = rowsRef.current;
      if (!list) return;
      const previous = list.find((r) => r.id === incoming.id) ?? null;
      // A new arrival joins only a list not narrowed by search or "overdue"; a known row always updates.
      if (previous || (!onlyOverdue && !text)) {
        const merged = mergeRow(list, incoming, wanted);
        rowsRef.current = merged.rows;
        setRows(merged.rows);
        if (merged.change === 'added') setTotal((n) => n + 1);
        if (merged.change === 'removed') setTotal((n) => Math.max(0, n - 1));
      }
      const previousStatus = previous?.status ?? null;
      setLiveIds((ids) => new Set(ids).add(incoming.id));
      const tr = tRef.current;
      if (previousStatus !== incoming.status) {
        setAnnouncement((a) => ({ text: tr('applications.live.status', { number: incoming.number, status: tr(`applications.status.${incoming.status}`) }), n: a.n + 1 }));
      }
    });
    return () => subscription.unsubscribe();
  }, [client, setRows]);

  const loadMore = async () => {
    if (!cursor) return;
    setLoadingMore(true);
    const result = await client.query(ApplicationQueueDocument, variables(cursor), { requestPolicy: 'network-only' }).toPromise();
    setLoadingMore(false);
    const page = result.data?.applicationQueue;
    if (result.error || !page) {
      setLoadError(result.error ? fromCombinedError(result.error) : { code: 'UNKNOWN' });
      return;
    }
    setRows(appendPage(rowsRef.current ?? [], page.edges.map((e) => e.node)));
    setCursor(page.pageInfo.endCursor ?? null);
    setHasMore(page.pageInfo.hasNextPage);
  };

  const toggleStatus = (status: ApplicationStatus) => setStatuses((list) => (list.includes(status) ? list.filter((s) => s !== status) : [...list, status]));
  const submitSearch = (event: FormEvent) => {
    event.preventDefault();
    setSearch(searchText.trim());
  };
  const today = todayIso();

  return (
    <div className="page page--wide queue-page">
      <div className="page__head">
        <div>
          <h1 tabIndex={-1}>{t('backoffice.title')}</h1>
          <p className="page__lead applications-page__lead">
            {rows && <span>{t('applications.count', { n: total })}</span>}
            <LiveBadge on={socketStatus === 'connected'} />
          </p>
        </div>
      </div>

      <div className="queue-filters">
        <details className="queue-filters__statuses">
          <summary>
            {t('backoffice.filters.statuses')}
            {statuses.length > 0 && <span className="queue-filters__count"> ({statuses.length})</span>}
          </summary>
          <fieldset className="queue-filters__set">
            <legend className="visually-hidden">{t('backoffice.filters.statuses')}</legend>
            {QUEUE_STATUSES.map((status) => (
              <label key={status} className="check queue-filters__check">
                <input type="checkbox" className="check__input" checked={statuses.includes(status)} onChange={() => toggleStatus(status)} />
                <span className="check__label">{t(`applications.status.${status}`)}</span>
              </label>
            ))}
            {statuses.length > 0 && (
              <Button variant="link" onClick={() => setStatuses([])}>
                {t('backoffice.filters.clear')}
              </Button>
            )}
          </fieldset>
        </details>
        <label className="check queue-filters__overdue">
          <input type="checkbox" className="check__input" checked={overdueOnly} onChange={(e) => setOverdueOnly(e.target.checked)} />
          <span className="check__label">{t('backoffice.filters.overdueOnly')}</span>
        </label>
        <form className="queue-filters__search" role="search" onSubmit={submitSearch}>
          <label className="visually-hidden" htmlFor="queue-search">
            {t('backoffice.filters.search')}
          </label>
          <input id="queue-search" className="field__input" type="search" placeholder={t('backoffice.filters.searchPlaceholder')} value={searchText} onChange={(e) => setSearchText(e.target.value)} />
          <Button type="submit" variant="secondary">
            {t('backoffice.filters.searchButton')}
          </Button>
        </form>
      </div>

      {loadError && (
        <Alert tone="error">
          <p>{errorMessage(t, loadError)}</p>
        </Alert>
      )}
      {!rows && !loadError && <PageLoader />}
      {rows && rows.length === 0 && <div className="empty-state">{t('backoffice.empty')}</div>}
      {rows && rows.length > 0 && (
        <div className="app-table-wrap">
          <table className="app-table queue-table">
            <caption className="visually-hidden">{t('backoffice.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('backoffice.columns.application')}</th>
                <th scope="col">{t('backoffice.columns.applicant')}</th>
                <th scope="col">{t('applications.columns.contractNumber')}</th>
                <th scope="col">{t('applications.columns.category')}</th>
                <th scope="col">{t('applications.columns.status')}</th>
                <th scope="col">{t('backoffice.columns.deadline')}</th>
                <th scope="col">{t('backoffice.columns.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => {
                const deadline = activeDeadline(row);
                const due = deadline ? dueState(deadline.date, today, row.overdue) : null;
                return (
                  <tr key={row.id} className={[liveIds.has(row.id) ? 'app-table__row--live' : '', due ? `queue-row--${due}` : ''].filter(Boolean).join(' ') || undefined} data-application={row.number}>
                    <td data-label={t('backoffice.columns.application')}>
                      <span className="mono app-table__strong">{row.number}</span>
                      {row.registrationNumber && <span className="app-table__sub mono">{row.registrationNumber}</span>}
                      <span className="app-table__sub">{typeLabel(t, row.type)}</span>
                      {row.sentAt && <span className="app-table__sub">{t('backoffice.sentAt', { when: formatDateTime(row.sentAt, locale) })}</span>}
                    </td>
                    <td data-label={t('backoffice.columns.applicant')}>
                      {row.applicant?.name ?? '—'}
                      {row.applicant && <span className="app-table__sub mono">{row.applicant.bin}</span>}
                    </td>
                    <td data-label={t('applications.columns.contractNumber')} className="mono app-table__nowrap">
                      {row.contract?.number ?? '—'}
                    </td>
                    <td data-label={t('applications.columns.category')}>{categoryLabel(t, row.category, row.categoryOther)}</td>
                    <td data-label={t('applications.columns.status')}>
                      <StatusBadge status={row.status} />
                    </td>
                    <td data-label={t('backoffice.columns.deadline')}>
                      {deadline ? (
                        <span className={`due due--${due}`}>
                          {formatDate(deadline.date, locale)}
                          <span className="app-table__sub">
                            {t(`backoffice.deadlineKinds.${deadline.kind}`)}
                            {due !== 'ok' && ` · ${t(`backoffice.due.${due}`)}`}
                          </span>
                        </span>
                      ) : (
                        <span className="muted">—</span>
                      )}
                    </td>
                    <td data-label={t('backoffice.columns.actions')}>
                      <Link className="btn btn--secondary btn--small" to={`/backoffice/applications/${row.id}`} aria-label={t('applications.openLabel', { number: row.number })}>
                        {t('applications.open')}
                      </Link>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {hasMore && (
        <p className="applications-more">
          <Button variant="secondary" onClick={() => void loadMore()} busy={loadingMore}>
            {t('applications.loadMore')}
          </Button>
        </p>
      )}
      <div className="visually-hidden" role="status" aria-live="polite">
        {announcement.text && <p key={announcement.n}>{announcement.text}</p>}
      </div>
    </div>
  );
}
