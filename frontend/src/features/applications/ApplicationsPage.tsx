import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { useClient, useMutation } from 'urql';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { LiveAnnouncement } from '../../components/LiveAnnouncement';
import { ApplicationDeleteDocument, type ApplicationRowFieldsFragment, type ApplicationStatus, MyApplicationsDocument } from '../../gql/graphql';
import { type AppError, errorMessage, fromCombinedError } from '../../lib/errors';
import { formatDate } from '../../lib/format';
import { usePageTitle } from '../../lib/usePageTitle';
import { ApplicationsList } from './ApplicationsList';
import type { ApplicationColumn } from './ApplicationsTable';
import { sharedColumns } from './columns';
import { HistoryDialog } from './HistoryDialog';
import { ListHeader } from './ListHeader';
import { STATUSES } from './status';
import { TypeChooserDialog } from './TypeChooserDialog';
import { useApplicationRows } from './useApplicationRows';
import '../../components/office.css';
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
  const navigate = useNavigate();
  const location = useLocation();
  const [status, setStatus] = useState<ApplicationStatus | ''>('');
  const statuses = status ? [status] : [];
  const list = useApplicationRows({
    fetchPage: async (after) => {
      const result = await client.query(MyApplicationsDocument, { status: statuses.length ? statuses : null, first: PAGE_SIZE, after }, { requestPolicy: 'network-only' }).toPromise();
      return { page: result.data?.myApplications, error: result.error };
    },
    statuses: () => statuses,
  });
  const { rows, load, clear } = list;
  const [choosing, setChoosing] = useState(false);
  const [historyOf, setHistoryOf] = useState<ApplicationRowFieldsFragment | null>(null);
  const [deleting, setDeleting] = useState<ApplicationRowFieldsFragment | null>(null);
  const [deleteError, setDeleteError] = useState<AppError | null>(null);
  const [{ fetching: deletingBusy }, deleteDraft] = useMutation(ApplicationDeleteDocument);
  const flash = (location.state as { sent?: string; saved?: string; deleted?: string } | null) ?? null;

  useEffect(() => {
    clear();
    void load();
  }, [clear, load, status]);

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
    list.remove(deleting.id);
    setDeleting(null);
    list.announce(t('applications.deleted', { number }));
  };

  const shared = sharedColumns(t);
  const columns: ApplicationColumn[] = [
    { key: 'num', header: '№', className: 'app-table__num', cell: (_row, index) => index + 1 },
    {
      key: 'registration',
      header: t('applications.columns.registration'),
      cell: (row) => (
        <>
          {row.registrationNumber ? (
            <>
              <span className="mono app-table__strong">{row.registrationNumber}</span>
              {row.registeredOn && <span className="app-table__sub">{formatDate(row.registeredOn, locale)}</span>}
            </>
          ) : (
            <span className="muted">{t('applications.notRegistered')}</span>
          )}
          <span className="app-table__sub mono">{row.number}</span>
        </>
      ),
    },
    shared.contractNumber,
    { key: 'contractDate', header: t('applications.columns.contractDate'), className: 'app-table__nowrap', cell: (row) => (row.contract ? formatDate(row.contract.signedOn, locale) : '—') },
    shared.category,
    shared.status,
    {
      key: 'history',
      header: t('applications.columns.history'),
      cell: (row) => (
        <Button variant="link" onClick={() => setHistoryOf(row)} aria-label={t('applications.history.moreLabel', { number: row.number })}>
          {t('applications.history.more')}
        </Button>
      ),
    },
    {
      key: 'actions',
      header: t('applications.columns.actions'),
      cell: (row) => <RowActions row={row} onDelete={() => setDeleting(row)} onEdit={() => navigate(`/applications/${row.id}/edit`)} />,
    },
  ];

  return (
    <div className="page page--wide applications-page">
      <ListHeader title={t('applications.title')} count={rows ? list.total : null} className="applications-page__head">
        <Button onClick={() => setChoosing(true)}>{t('applications.create')}</Button>
      </ListHeader>

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

      <ApplicationsList
        list={list}
        onRetry={() => void load()}
        empty={
          <>
            <p className="applications-empty__title">{status ? t('applications.emptyFiltered') : t('applications.empty.title')}</p>
            {!status && <p>{t('applications.empty.text')}</p>}
          </>
        }
        caption={t('applications.tableCaption')}
        columns={columns}
      />

      <TypeChooserDialog key={choosing ? 'open' : 'closed'} open={choosing} onClose={() => setChoosing(false)} onChoose={(type) => navigate(`/applications/new?type=${encodeURIComponent(type)}`)} />
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

      <LiveAnnouncement announcement={list.announcement} />
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
