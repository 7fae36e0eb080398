import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { useClient, useMutation } from 'urql';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { PageLoader } from '../../components/PageLoader';
import {
  ApplicationDeleteDocument,
  type ApplicationRowFieldsFragment,
  ApplicationsChangedDocument,
  type ApplicationStatus,
  MyApplicationsDocument,
} from '../../gql/graphql';
import { type AppError, errorMessage, fromCombinedError } from '../../lib/errors';
import { formatDate } from '../../lib/format';
import { useSocket, useSocketStatus } from '../../lib/graphql/SocketContext';
import { usePageTitle } from '../../lib/usePageTitle';
import { HistoryDialog } from './HistoryDialog';
import { categoryLabel } from './labels';
import { LiveBadge } from './LiveBadge';
import { appendPage, mergeRow } from './rows';
import { StatusBadge } from './StatusBadge';
import { STATUSES } from './status';
import { TypeChooserDialog } from './TypeChooserDialog';
import './applications.css';

const PAGE_SIZE = 20;

/**
 * "«ҚТК» АҚ-дағы менің өтініштерім" (seed 001): the organization's applications with the seed's
 * columns, a status filter, "Load more", and live updates (`applicationsChanged`).
 */
export function ApplicationsPage() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  usePageTitle(t('applications.title'));
  const client = useClient();
  const socket = useSocket();
  const socketStatus = useSocketStatus();
  const navigate = useNavigate();
  const location = useLocation();
  const [status, setStatus] = useState<ApplicationStatus | ''>('');
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
  const [choosing, setChoosing] = useState(false);
  const [historyOf, setHistoryOf] = useState<ApplicationRowFieldsFragment | null>(null);
  const [deleting, setDeleting] = useState<ApplicationRowFieldsFragment | null>(null);
  const [deleteError, setDeleteError] = useState<AppError | null>(null);
  const [changedIds, setChangedIds] = useState<ReadonlySet<string>>(new Set());
  const [announcement, setAnnouncement] = useState({ text: '', n: 0 });
  const [{ fetching: deletingBusy }, deleteDraft] = useMutation(ApplicationDeleteDocument);
  const statusesRef = useRef<ApplicationStatus[]>([]);
  statusesRef.current = status ? [status] : [];
  const tRef = useRef(t);
  tRef.current = t;
  const flash = (location.state as { sent?: string; saved?: string; deleted?: string } | null) ?? null;

  const load = useCallback(async () => {
    const result = await client
      .query(MyApplicationsDocument, { status: statusesRef.current.length ? statusesRef.current : null, first: PAGE_SIZE, after: null }, { requestPolicy: 'network-only' })
      .toPromise();
    const page = result.data?.myApplications;
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
    setRows(null);
    void load();
  }, [load, status]);

  // Missed while reconnecting: read it again.
  useEffect(() => socket?.onReconnected(() => void load()), [socket, load]);

  useEffect(() => {
    const subscription = client.subscription(ApplicationsChangedDocument, {}).subscribe((result) => {
      const incoming = result.data?.applicationsChanged;
      if (!incoming) return;
      const list = rowsRef.current;
      if (!list) return;
      const merged = mergeRow(list, incoming, statusesRef.current);
      setRows(merged.rows);
      if (merged.change === 'added') setTotal((n) => n + 1);
      if (merged.change === 'removed') setTotal((n) => Math.max(0, n - 1));
      setChangedIds((ids) => new Set(ids).add(incoming.id));
      const tr = tRef.current;
      if (!merged.previous || merged.previous.status !== incoming.status) {
        setAnnouncement((a) => ({ text: tr('applications.live.status', { number: incoming.number, status: tr(`applications.status.${incoming.status}`) }), n: a.n + 1 }));
      }
    });
    return () => subscription.unsubscribe();
  }, [client, setRows]);

  const loadMore = async () => {
    if (!cursor) return;
    setLoadingMore(true);
    const result = await client
      .query(MyApplicationsDocument, { status: statusesRef.current.length ? statusesRef.current : null, first: PAGE_SIZE, after: cursor }, { requestPolicy: 'network-only' })
      .toPromise();
    setLoadingMore(false);
    const page = result.data?.myApplications;
    if (result.error || !page) {
      setLoadError(result.error ? fromCombinedError(result.error) : { code: 'UNKNOWN' });
      return;
    }
    setRows(appendPage(rowsRef.current ?? [], page.edges.map((e) => e.node)));
    setCursor(page.pageInfo.endCursor ?? null);
    setHasMore(page.pageInfo.hasNextPage);
  };

  const confirmDelete = async () => {
    if (!deleting) return;
    setDeleteError(null);
    const result = await deleteDraft({ input: { applicationId: deleting.id } });
    const errors = result.data?.applicationDelete.errors ?? [];
    if (result.error || errors.length) {
      setDeleteError(result.error ? fromCombinedError(result.error) : errors[0]);
      return;
    }
    const number = deleting.number;
    setRows((rowsRef.current ?? []).filter((r) => r.id !== deleting.id));
    setTotal((n) => Math.max(0, n - 1));
    setDeleting(null);
    setAnnouncement((a) => ({ text: t('applications.deleted', { number }), n: a.n + 1 }));
  };

  return (
    <div className="page page--wide applications-page">
      <div className="page__head applications-page__head">
        <div>
          <h1 tabIndex={-1}>{t('applications.title')}</h1>
          <p className="page__lead applications-page__lead">
            {rows && <span>{t('applications.count', { n: total })}</span>}
            <LiveBadge on={socketStatus === 'connected'} />
          </p>
        </div>
        <Button onClick={() => setChoosing(true)}>{t('applications.create')}</Button>
      </div>

      {flash?.sent && (
        <Alert tone="success" className="applications-page__flash">
          <p>{t('applications.sentFlash', { number: flash.sent })}</p>
        </Alert>
      )}
      {flash?.saved && (
        <Alert tone="success" className="applications-page__flash">
          <p>{t('applications.savedFlash', { number: flash.saved })}</p>
        </Alert>
      )}

      <div className="applications-filter">
        <div className="field applications-filter__status">
          <label className="field__label" htmlFor="app-status-filter">
            {t('applications.filter.status')}
          </label>
          <select id="app-status-filter" value={status} onChange={(e) => setStatus(e.target.value as ApplicationStatus | '')}>
            <option value="">{t('applications.filter.all')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`applications.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
      </div>

      {loadError && (
        <Alert tone="error">
          <p>{errorMessage(t, loadError)}</p>
          <p>
            <Button variant="link" onClick={() => void load()}>
              {t('common.retry')}
            </Button>
          </p>
        </Alert>
      )}
      {!rows && !loadError && <PageLoader />}
      {rows && rows.length === 0 && (
        <div className="empty-state">
          <p className="applications-empty__title">{status ? t('applications.emptyFiltered') : t('applications.empty.title')}</p>
          {!status && <p>{t('applications.empty.text')}</p>}
        </div>
      )}

      {rows && rows.length > 0 && (
        <div className="app-table-wrap">
          <table className="app-table">
            <caption className="visually-hidden">{t('applications.tableCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">№</th>
                <th scope="col">{t('applications.columns.registration')}</th>
                <th scope="col">{t('applications.columns.contractNumber')}</th>
                <th scope="col">{t('applications.columns.contractDate')}</th>
                <th scope="col">{t('applications.columns.category')}</th>
                <th scope="col">{t('applications.columns.status')}</th>
                <th scope="col">{t('applications.columns.history')}</th>
                <th scope="col">{t('applications.columns.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row, index) => (
                <tr key={row.id} className={changedIds.has(row.id) ? 'app-table__row--live' : undefined} data-application={row.number}>
                  <td data-label="№" className="app-table__num">
                    {index + 1}
                  </td>
                  <td data-label={t('applications.columns.registration')}>
                    {row.registrationNumber ? (
                      <>
                        <span className="mono app-table__strong">{row.registrationNumber}</span>
                        {row.registeredOn && <span className="app-table__sub">{formatDate(row.registeredOn, locale)}</span>}
                      </>
                    ) : (
                      <span className="muted">{t('applications.notRegistered')}</span>
                    )}
                    <span className="app-table__sub mono">{row.number}</span>
                  </td>
                  <td data-label={t('applications.columns.contractNumber')} className="mono app-table__nowrap">
                    {row.contract?.number ?? '—'}
                  </td>
                  <td data-label={t('applications.columns.contractDate')} className="app-table__nowrap">{row.contract ? formatDate(row.contract.signedOn, locale) : '—'}</td>
                  <td data-label={t('applications.columns.category')}>{categoryLabel(t, row.category, row.categoryOther)}</td>
                  <td data-label={t('applications.columns.status')}>
                    <StatusBadge status={row.status} />
                  </td>
                  <td data-label={t('applications.columns.history')}>
                    <Button variant="link" onClick={() => setHistoryOf(row)} aria-label={t('applications.history.moreLabel', { number: row.number })}>
                      {t('applications.history.more')}
                    </Button>
                  </td>
                  <td data-label={t('applications.columns.actions')}>
                    <RowActions row={row} onDelete={() => setDeleting(row)} onEdit={() => navigate(`/applications/${row.id}/edit`)} />
                  </td>
                </tr>
              ))}
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

      <TypeChooserDialog open={choosing} onClose={() => setChoosing(false)} onChoose={(type) => navigate(`/applications/new?type=${encodeURIComponent(type)}`)} />
      <HistoryDialog applicationId={historyOf?.id ?? null} number={historyOf?.number ?? ''} onClose={() => setHistoryOf(null)} />
      <Dialog
        open={deleting !== null}
        onClose={() => setDeleting(null)}
        title={t('applications.deleteTitle', { number: deleting?.number ?? '' })}
        footer={
          <>
            <Button variant="secondary" onClick={() => setDeleting(null)}>
              {t('common.cancel')}
            </Button>
            <Button variant="danger" onClick={() => void confirmDelete()} busy={deletingBusy}>
              {t('applications.delete')}
            </Button>
          </>
        }
      >
        <p>{t('applications.deleteText')}</p>
        {deleteError && (
          <Alert tone="error">
            <p>{errorMessage(t, deleteError)}</p>
          </Alert>
        )}
      </Dialog>

      <div className="visually-hidden" role="status" aria-live="polite">
        {announcement.text && <p key={announcement.n}>{announcement.text}</p>}
      </div>
    </div>
  );
}

function RowActions({ row, onDelete, onEdit }: { row: ApplicationRowFieldsFragment; onDelete: () => void; onEdit: () => void }) {
  const { t } = useTranslation();
  const actions = row.availableActions;
  return (
    <div className="app-table__actions">
      <Link className="btn btn--secondary btn--small" to={`/applications/${row.id}`} aria-label={t('applications.openLabel', { number: row.number })}>
        {t('applications.open')}
      </Link>
      {actions.includes('EDIT') && (
        <Button variant="secondary" className="btn--small" onClick={onEdit} aria-label={t(row.status === 'NEEDS_REVISION' ? 'applications.reviseLabel' : 'applications.editLabel', { number: row.number })}>
          {t(row.status === 'NEEDS_REVISION' ? 'applications.revise' : 'applications.edit')}
        </Button>
      )}
      {actions.includes('SIGN_SA') && (
        <Link className="btn btn--primary btn--small" to={`/applications/${row.id}?sign=sa`} aria-label={t('applications.signSaLabel', { number: row.number })}>
          {t('applications.signSa')}
        </Link>
      )}
      {actions.includes('DELETE') && (
        <Button variant="ghost" className="btn--small app-table__delete" onClick={onDelete} aria-label={t('applications.deleteLabel', { number: row.number })}>
          {t('applications.delete')}
        </Button>
      )}
    </div>
  );
}
