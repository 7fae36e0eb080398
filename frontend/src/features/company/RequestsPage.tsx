import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useClient } from 'urql';
import { Button } from '../../components/Button';
import { LiveAnnouncement, useAnnouncement } from '../../components/LiveAnnouncement';
import { LiveBadge } from '../../components/LiveBadge';
import { LoadFailed } from '../../components/LoadFailed';
import { PageLoader } from '../../components/PageLoader';
import { SelectField } from '../../components/SelectField';
import { formatDate, formatDateTime, formatPhone } from '../../lib/format';
import { useSocketStatus } from '../../lib/graphql/SocketContext';
import { usePageTitle } from '../../lib/usePageTitle';
import { CompanyBuildingsDocument, CompanyRequestTypesDocument, CompanyServiceRequestsDocument } from './api';
import { CompanySearch } from './CompanySearch';
import { CompanyTabs } from './CompanyTabs';
import { applyLive, filterFromParams, filterToParams, filterVariables, type RequestFilter, visitWindow } from './requestFilters';
import { RequestStatusBadge } from './StatusBadges';
import { type BuildingRef, REQUEST_STATUSES, type RequestRow, type RequestType } from './types';
import { usePaged } from './usePaged';
import { useRequestsLive } from './useRequestsLive';
import '../../components/office.css';
import './company.css';

const PAGE_SIZE = 25;

/**
 * The company's queue of service requests (companyServiceRequests), newest first: by status
 * (the new ones by default), type and building, and a search by number, content or account. Live:
 * a request the residents send, or a colleague takes, shows up or leaves without a reload.
 */
export function RequestsPage() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  usePageTitle(t('company.requests.title'));
  const client = useClient();
  const [params, setParams] = useSearchParams();
  const filter = filterFromParams(params);
  const filterKey = JSON.stringify(filterVariables(filter));
  const setFilter = (next: Partial<RequestFilter>) => setParams(filterToParams({ ...filter, ...next }), { replace: true });

  const [types, setTypes] = useState<RequestType[]>([]);
  const [buildings, setBuildings] = useState<BuildingRef[]>([]);
  useEffect(() => {
    void client.query(CompanyRequestTypesDocument, {}).toPromise().then((r) => r.data && setTypes(r.data.serviceRequestTypes));
    void client.query(CompanyBuildingsDocument, {}).toPromise().then((r) => r.data && setBuildings(r.data.companyBuildings));
  }, [client, locale]);

  const fetchPage = useCallback(
    async (after: string | null) => {
      const variables = { filter: JSON.parse(filterKey), first: PAGE_SIZE, after };
      const result = await client.query(CompanyServiceRequestsDocument, variables, { requestPolicy: 'network-only' }).toPromise();
      return { page: result.data?.companyServiceRequests, error: result.error };
    },
    // The type names come in the request's language: read again in a new one.
    [client, filterKey, locale],
  );
  const list = usePaged<RequestRow>(fetchPage);

  const socketStatus = useSocketStatus();
  const [announcement, announce] = useAnnouncement();
  const state = useRef({ list, filter });
  state.current = { list, filter };
  useRequestsLive(
    (request) => {
      const { list: current, filter: shown } = state.current;
      if (!current.rows) return;
      const outcome = applyLive({ rows: current.rows, total: current.total }, request, shown);
      if (outcome.kind === 'ignored') return;
      if (outcome.kind === 'reload') void current.refresh();
      else current.setRows(outcome.state.rows, outcome.state.total);
      announce(t(outcome.kind === 'added' ? 'company.requests.liveNew' : 'company.requests.liveChanged', { number: request.number, status: t(`company.requestStatus.${request.status}`) }));
    },
    () => void state.current.list.refresh(),
  );

  const current = filter.status ?? 'ALL';
  const rows = list.rows;
  return (
    <div className="page page--wide co-page">
      <div className="page__head">
        <div>
          <h1 tabIndex={-1}>{t('company.requests.title')}</h1>
          <p className="page__lead">{t('company.requests.lead')}</p>
        </div>
        <LiveBadge on={socketStatus === 'connected'} />
      </div>
      <CompanyTabs />

      <div className="qo-status-tabs" role="group" aria-label={t('company.requests.byStatus')}>
        {[...REQUEST_STATUSES, 'ALL' as const].map((s) => (
          <Button key={s} variant={s === current ? 'primary' : 'secondary'} className="btn--small" aria-pressed={s === current} onClick={() => setFilter({ status: s === 'ALL' ? null : s })}>
            {s === 'ALL' ? t('company.requests.allStatuses') : t(`company.requestStatus.${s}`)}
          </Button>
        ))}
      </div>

      <div className="queue-filters co-filters">
        <SelectField label={t('company.requests.type')} value={filter.typeId ?? ''} onChange={(v) => setFilter({ typeId: v || null })} placeholder={t('company.requests.anyType')} options={types.map((x) => ({ value: x.id, label: x.name }))} />
        <SelectField label={t('company.requests.building')} value={filter.buildingId ?? ''} onChange={(v) => setFilter({ buildingId: v || null })} placeholder={t('company.requests.anyBuilding')} options={buildings.map((b) => ({ value: b.id, label: b.address }))} />
        <CompanySearch className="queue-filters__search co-filters__search" label={t('company.requests.search')} placeholder={t('company.requests.searchPlaceholder')} buttonLabel={t('company.requests.searchButton')} onSearch={(q) => setFilter({ search: q })} initial={filter.search} />
      </div>
      {rows && <p className="qo-count">{t('company.requests.count', { n: list.total })}</p>}

      {list.error && <LoadFailed error={list.error} onRetry={() => void list.refresh()} />}
      {!rows && !list.error && <PageLoader />}
      {rows && rows.length === 0 && <p className="empty-state">{t('company.requests.empty')}</p>}
      {rows && rows.length > 0 && (
        <div className="app-table-wrap">
          <table className="app-table co-table">
            <caption className="visually-hidden">{t('company.requests.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('company.requests.columns.request')}</th>
                <th scope="col">{t('company.requests.columns.content')}</th>
                <th scope="col">{t('company.requests.columns.resident')}</th>
                <th scope="col">{t('company.requests.columns.visit')}</th>
                <th scope="col">{t('company.requests.columns.status')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('company.requests.columns.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id} data-request={row.number}>
                  <td data-label={t('company.requests.columns.request')}>
                    <div className="app-table__cell">
                      <span className="mono app-table__strong">№ {row.number}</span>
                      <span className="app-table__sub">{formatDateTime(row.createdAt, locale)}</span>
                      <span className="app-table__sub">{row.type.name}</span>
                    </div>
                  </td>
                  <td data-label={t('company.requests.columns.content')}>
                    <div className="app-table__cell co-content">{row.content}</div>
                  </td>
                  <td data-label={t('company.requests.columns.resident')}>
                    <div className="app-table__cell">
                      {row.authorName}
                      <span className="app-table__sub mono">{formatPhone(row.authorPhone) || '—'}</span>
                      <span className="app-table__sub">
                        {t('company.requests.accountShort', { number: row.account.number })} · {row.account.address}
                      </span>
                    </div>
                  </td>
                  <td data-label={t('company.requests.columns.visit')}>
                    <div className="app-table__cell">{visitWindow(row, (d) => formatDate(d, locale)) || <span className="muted">—</span>}</div>
                  </td>
                  <td data-label={t('company.requests.columns.status')}>
                    <div className="app-table__cell">
                      <RequestStatusBadge status={row.status} />
                      {row.takenByName && <span className="app-table__sub">{row.takenByName}</span>}
                    </div>
                  </td>
                  <td data-label={t('company.requests.columns.actions')}>
                    <div className="app-table__cell">
                      <Link className="btn btn--secondary btn--small" to={`/company/requests/${row.id}`} aria-label={t('company.requests.openLabel', { number: row.number })}>
                        {t('company.open')}
                      </Link>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {list.hasMore && (
        <p className="applications-more">
          <Button variant="secondary" busy={list.loadingMore} onClick={() => void list.more()}>
            {t('company.more')}
          </Button>
        </p>
      )}
      <LiveAnnouncement announcement={announcement} />
    </div>
  );
}
