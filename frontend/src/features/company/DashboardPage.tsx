import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useClient } from 'urql';
import { usePageTitle } from '../../lib/usePageTitle';
import { CompanyMeetingsDocument, CompanyPendingLinksCountDocument, CompanyRequestCountsDocument } from './api';
import { CompanyTabs } from './CompanyTabs';
import { useRequestsLive } from './useRequestsLive';
import '../../components/office.css';
import './company.css';

/** undefined: still reading; null: could not be read (shown as "—"). */
interface Counts {
  fresh?: number | null;
  inWork?: number | null;
  links?: number | null;
  meetings?: number | null;
}

/**
 * The back office's first page: what waits for the company — new requests, requests in work,
 * accounts waiting for a decision, meetings open for voting — each leading to its list. Each
 * count is read on its own, so one section that fails leaves the others. Requests count live.
 */
export function DashboardPage() {
  const { t } = useTranslation();
  usePageTitle(t('company.dashboard.title'));
  const client = useClient();
  const [counts, setCounts] = useState<Counts>({});

  const readRequests = useCallback(async () => {
    const r = await client.query(CompanyRequestCountsDocument, {}, { requestPolicy: 'network-only' }).toPromise();
    setCounts((c) => ({ ...c, fresh: r.data?.fresh.totalCount ?? null, inWork: r.data?.inWork.totalCount ?? null }));
  }, [client]);

  useEffect(() => {
    void readRequests();
    void client
      .query(CompanyPendingLinksCountDocument, {}, { requestPolicy: 'network-only' })
      .toPromise()
      .then((r) => setCounts((c) => ({ ...c, links: r.data?.companyAccountLinks.totalCount ?? null })));
    // Meetings have no status filter: the open ones are few among the company's latest hundred.
    void client
      .query(CompanyMeetingsDocument, { first: 100 }, { requestPolicy: 'network-only' })
      .toPromise()
      .then((r) => setCounts((c) => ({ ...c, meetings: r.data ? r.data.companyMeetings.edges.filter((e) => e.node.status === 'OPEN').length : null })));
  }, [client, readRequests]);

  useRequestsLive(
    () => void readRequests(),
    () => void readRequests(),
  );

  const tiles = [
    { key: 'fresh', n: counts.fresh, to: '/company/requests' },
    { key: 'inWork', n: counts.inWork, to: '/company/requests?status=IN_WORK' },
    { key: 'links', n: counts.links, to: '/company/links' },
    { key: 'meetings', n: counts.meetings, to: '/company/meetings' },
  ] as const;
  return (
    <div className="page page--wide co-page">
      <div className="page__head">
        <div>
          <h1 tabIndex={-1}>{t('company.dashboard.title')}</h1>
          <p className="page__lead">{t('company.dashboard.lead')}</p>
        </div>
      </div>
      <CompanyTabs />
      <ul className="co-tiles">
        {tiles.map((tile) => (
          <li key={tile.key}>
            <Link className={`co-tile${tile.n ? ' co-tile--busy' : ''}`} to={tile.to} data-tile={tile.key} aria-busy={tile.n === undefined || undefined}>
              <span className="co-tile__n">{tile.n === undefined ? '…' : (tile.n ?? '—')}</span>
              <span className="co-tile__label">{t(`company.dashboard.${tile.key}`)}</span>
              <span className="co-tile__go">{t(`company.dashboard.${tile.key}Go`)} →</span>
            </Link>
          </li>
        ))}
      </ul>
      <div className="co-more-links">
        <Link to="/company/outages">{t('company.dashboard.outages')}</Link>
        <Link to="/company/imports">{t('company.dashboard.imports')}</Link>
      </div>
    </div>
  );
}
