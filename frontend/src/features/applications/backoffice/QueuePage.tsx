import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useClient } from 'urql';
import { Button } from '../../../components/Button';
import { LiveAnnouncement } from '../../../components/LiveAnnouncement';
import { SearchForm } from '../../../components/SearchForm';
import { ApplicationQueueDocument, type ApplicationRowFieldsFragment, type ApplicationStatus } from '../../../gql/graphql';
import { formatDate, formatDateTime } from '../../../lib/format';
import { usePageTitle } from '../../../lib/usePageTitle';
import { ApplicationsList } from '../ApplicationsList';
import type { ApplicationColumn } from '../ApplicationsTable';
import { sharedColumns } from '../columns';
import { typeLabel } from '../labels';
import { ListHeader } from '../ListHeader';
import { runningDeadline, STATUSES } from '../status';
import { useApplicationRows } from '../useApplicationRows';
import '../../../components/office.css';
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
  const [statuses, setStatuses] = useState<ApplicationStatus[]>([]);
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [search, setSearch] = useState('');
  const list = useApplicationRows({
    fetchPage: async (after) => {
      const variables = { status: statuses.length ? statuses : null, overdueOnly, search: search || null, first: PAGE_SIZE, after };
      const result = await client.query(ApplicationQueueDocument, variables, { requestPolicy: 'network-only' }).toPromise();
      return { page: result.data?.applicationQueue, error: result.error };
    },
    statuses: () => statuses,
    // A search or "overdue" is the server's to judge: a new arrival joins only a list narrowed by neither.
    admitsNew: () => !overdueOnly && !search,
  });
  const { rows, load } = list;

  useEffect(() => {
    void load();
  }, [load, statuses, overdueOnly, search]);

  const toggleStatus = (status: ApplicationStatus) => setStatuses((chosen) => (chosen.includes(status) ? chosen.filter((s) => s !== status) : [...chosen, status]));
  const dueOf = (row: ApplicationRowFieldsFragment) => {
    const deadline = runningDeadline(row);
    return { deadline, due: deadline?.due ?? null };
  };

  const shared = sharedColumns(t);
  const columns: ApplicationColumn[] = [
    {
      key: 'application',
      header: t('backoffice.columns.application'),
      cell: (row) => (
        <>
          <span className="mono app-table__strong">{row.number}</span>
          {row.registrationNumber && <span className="app-table__sub mono">{row.registrationNumber}</span>}
          <span className="app-table__sub">{typeLabel(t, row.type)}</span>
          {row.sentAt && <span className="app-table__sub">{t('backoffice.sentAt', { when: formatDateTime(row.sentAt, locale) })}</span>}
        </>
      ),
    },
    {
      key: 'applicant',
      header: t('backoffice.columns.applicant'),
      cell: (row) => (
        <>
          {row.applicant?.name ?? '—'}
          {row.applicant && <span className="app-table__sub mono">{row.applicant.bin}</span>}
        </>
      ),
    },
    shared.contractNumber,
    shared.category,
    shared.status,
    {
      key: 'deadline',
      header: t('backoffice.columns.deadline'),
      cell: (row) => {
        const { deadline, due } = dueOf(row);
        return deadline ? (
          <span className={`due due--${due}`}>
            {formatDate(deadline.date, locale)}
            <span className="app-table__sub">
              {t(`backoffice.deadlineKinds.${deadline.kind}`)}
              {due !== 'ok' && ` · ${t(`backoffice.due.${due}`)}`}
            </span>
          </span>
        ) : (
          <span className="muted">—</span>
        );
      },
    },
    {
      key: 'actions',
      header: t('backoffice.columns.actions'),
      cell: (row) => (
        <Link className="btn btn--secondary btn--small" to={`/backoffice/applications/${row.id}`} aria-label={t('applications.openLabel', { number: row.number })}>
          {t('applications.open')}
        </Link>
      ),
    },
  ];

  return (
    <div className="page page--wide queue-page">
      <ListHeader title={t('backoffice.title')} count={rows ? list.total : null} />

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
        <SearchForm className="queue-filters__search" label={t('backoffice.filters.search')} placeholder={t('backoffice.filters.searchPlaceholder')} buttonLabel={t('backoffice.filters.searchButton')} onSearch={setSearch} />
      </div>

      <ApplicationsList
        list={list}
        empty={t('backoffice.empty')}
        caption={t('backoffice.caption')}
        className="queue-table"
        columns={columns}
        rowClassName={(row) => {
          const { due } = dueOf(row);
          return due ? `queue-row--${due}` : '';
        }}
      />
      <LiveAnnouncement announcement={list.announcement} />
    </div>
  );
}
