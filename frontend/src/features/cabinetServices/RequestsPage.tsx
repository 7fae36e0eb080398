import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { Button } from '../../components/Button';
import { LoadFailed } from '../../components/LoadFailed';
import { PageLoader } from '../../components/PageLoader';
import { CabinetAccountServiceRequestsDocument, type CabinetRequestRowFieldsFragment, type ServiceRequestStatus } from '../../gql/graphql';
import { fromCombinedError } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { usePageTitle } from '../../lib/usePageTitle';
import { CancelRequestDialog } from './CancelRequestDialog';
import { REQUEST_STATUSES } from './format';
import { RowMenu, type RowMenuItem } from './RowMenu';
import { StatusBadge } from './StatusBadge';
import { useRequestUpdates } from './useRequestUpdates';
import './services.css';

const PAGE_SIZE = 20;

function isStatus(value: string | null): value is ServiceRequestStatus {
  return value !== null && (REQUEST_STATUSES as readonly string[]).includes(value);
}

/** Seed 004 "Обращения": №, date, type, content, status and the row's actions; a filter by status; pages of 20. */
export function RequestsPage() {
  const { t } = useTranslation();
  const { accountId = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const raw = search.get('status');
  const status = isStatus(raw) ? raw : null;
  // One query per page shown ("Show more" adds the next cursor); a change of filter starts over.
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [refresh, setRefresh] = useState(0);
  const [cancelling, setCancelling] = useState<CabinetRequestRowFieldsFragment | null>(null);
  usePageTitle(t('cabinetServices.requests.title'));
  // A request taken or closed elsewhere: read the pages again so the status and actions are current.
  useRequestUpdates(accountId, () => setRefresh((n) => n + 1));

  const choose = (next: ServiceRequestStatus | null) => {
    setCursors([null]);
    setSearch(next ? { status: next } : {}, { replace: true });
  };

  return (
    <div className="cs-page">
      <div className="cs-head">
        <h2 tabIndex={-1}>{t('cabinetServices.requests.title')}</h2>
        <Link className="btn btn--primary" to={`/cabinet/${accountId}/requests/new`}>
          {t('cabinetServices.requests.new')}
        </Link>
      </div>
      <fieldset className="cs-filters">
        <legend>{t('cabinetServices.requests.filter')}</legend>
        <button type="button" className="cs-chip" aria-pressed={status === null} onClick={() => choose(null)}>
          {t('cabinetServices.requests.all')}
        </button>
        {REQUEST_STATUSES.map((s) => (
          <button key={s} type="button" className="cs-chip" aria-pressed={status === s} onClick={() => choose(s)}>
            {t(`cabinetServices.status.${s}`)}
          </button>
        ))}
      </fieldset>
      {cursors.map((after, index) => (
        <RequestsChunk
          key={`${status ?? 'all'}-${after ?? 'first'}`}
          accountId={accountId}
          status={status}
          after={after}
          first={index === 0}
          refresh={refresh}
          onMore={index === cursors.length - 1 ? (cursor) => setCursors((list) => [...list, cursor]) : undefined}
          onCancel={setCancelling}
        />
      ))}
      <CancelRequestDialog
        request={cancelling}
        onClose={() => setCancelling(null)}
        onCancelled={() => {
          setCancelling(null);
          setRefresh((n) => n + 1);
        }}
      />
    </div>
  );
}

function RequestsChunk({
  accountId,
  status,
  after,
  first,
  refresh,
  onMore,
  onCancel,
}: {
  accountId: string;
  status: ServiceRequestStatus | null;
  after: string | null;
  first: boolean;
  refresh: number;
  onMore?: (cursor: string) => void;
  onCancel: (row: CabinetRequestRowFieldsFragment) => void;
}) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const [{ data, error, fetching }, refetch] = useQuery({
    query: CabinetAccountServiceRequestsDocument,
    variables: { accountId, status, first: PAGE_SIZE, after },
    requestPolicy: 'cache-and-network',
  });
  const lastRefresh = useRef(refresh);
  useEffect(() => {
    if (lastRefresh.current === refresh) return;
    lastRefresh.current = refresh;
    refetch({ requestPolicy: 'network-only' });
  }, [refresh, refetch]);
  const connection = data?.accountServiceRequests;
  if (error && !data) return <LoadFailed error={fromCombinedError(error)} onRetry={() => refetch({ requestPolicy: 'network-only' })} />;
  if (!connection) return fetching ? <PageLoader /> : null;
  if (first && connection.edges.length === 0) return <p className="empty-state">{status ? t('cabinetServices.requests.emptyStatus') : t('cabinetServices.requests.empty')}</p>;

  const base = `/cabinet/${accountId}/requests`;
  const actions = (row: CabinetRequestRowFieldsFragment): RowMenuItem[] => {
    const items: RowMenuItem[] = [{ label: t('cabinetServices.requests.view'), to: `${base}/${row.id}` }];
    if (row.canEdit) items.push({ label: t('cabinetServices.requests.edit'), to: `${base}/${row.id}/edit` });
    if (row.canCancel) items.push({ label: t('cabinetServices.requests.cancel'), onSelect: () => onCancel(row), danger: true });
    if (row.canRate) items.push({ label: t('cabinetServices.requests.rate'), to: `${base}/${row.id}#rate` });
    return items;
  };

  return (
    <>
      <div className="cs-table-wrap">
        <table className="cs-table cs-table--cards">
          {first && <caption className="visually-hidden">{t('cabinetServices.requests.caption', { n: connection.totalCount })}</caption>}
          <thead className={first ? undefined : 'visually-hidden'}>
            <tr>
              <th scope="col">№</th>
              <th scope="col">{t('cabinetServices.requests.createdAt')}</th>
              <th scope="col">{t('cabinetServices.requests.type')}</th>
              <th scope="col">{t('cabinetServices.requests.content')}</th>
              <th scope="col">{t('cabinetServices.requests.status')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('cabinetServices.requests.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {connection.edges.map(({ node }) => (
              <tr key={node.id} data-request={node.number}>
                <td className="cs-table__num">
                  <Link to={`${base}/${node.id}`}>{node.number}</Link>
                </td>
                <td className="cs-table__nowrap" data-label={t('cabinetServices.requests.createdAt')}>
                  {formatDateTime(node.createdAt, locale)}
                </td>
                <td data-label={t('cabinetServices.requests.type')}>{node.type.name}</td>
                <td className="cs-table__content" data-label={t('cabinetServices.requests.content')}>{node.content.length > 140 ? `${node.content.slice(0, 140)}…` : node.content}</td>
                <td data-label={t('cabinetServices.requests.status')}>
                  <StatusBadge status={node.status} />
                </td>
                <td className="cs-table__actions">
                  <RowMenu label={t('cabinetServices.requests.actionsOf', { number: node.number })} items={actions(node)} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {onMore && connection.pageInfo.hasNextPage && connection.pageInfo.endCursor && (
        <div>
          <Button variant="secondary" onClick={() => onMore(connection.pageInfo.endCursor as string)}>
            {t('cabinetServices.requests.more')}
          </Button>
        </div>
      )}
    </>
  );
}
