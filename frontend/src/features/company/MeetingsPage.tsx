import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useClient } from 'urql';
import { Button } from '../../components/Button';
import { LoadFailed } from '../../components/LoadFailed';
import { PageLoader } from '../../components/PageLoader';
import { formatDateTime } from '../../lib/format';
import { usePageTitle } from '../../lib/usePageTitle';
import { CompanyMeetingsDocument } from './api';
import { CompanyTabs } from './CompanyTabs';
import { MeetingStatusBadge } from './StatusBadges';
import type { MeetingRow } from './types';
import { usePaged } from './usePaged';
import '../../components/office.css';
import './company.css';

/** The company's owners' meetings (companyMeetings): drafts being prepared, open ones voting, closed ones with results. */
export function MeetingsPage() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  usePageTitle(t('company.meetings.title'));
  const client = useClient();
  const fetchPage = useCallback(
    async (after: string | null) => {
      const result = await client.query(CompanyMeetingsDocument, { first: 25, after }, { requestPolicy: 'network-only' }).toPromise();
      return { page: result.data?.companyMeetings, error: result.error };
    },
    [client],
  );
  const list = usePaged<MeetingRow>(fetchPage);
  const rows = list.rows;
  return (
    <div className="page page--wide co-page">
      <div className="page__head">
        <div>
          <h1 tabIndex={-1}>{t('company.meetings.title')}</h1>
          <p className="page__lead">{t('company.meetings.lead')}</p>
        </div>
        <Link className="btn btn--primary" to="/company/meetings/new">
          {t('company.meetings.create')}
        </Link>
      </div>
      <CompanyTabs />
      {list.error && <LoadFailed error={list.error} onRetry={() => void list.refresh()} />}
      {!rows && !list.error && <PageLoader />}
      {rows && rows.length === 0 && <p className="empty-state">{t('company.meetings.empty')}</p>}
      {rows && rows.length > 0 && (
        <div className="app-table-wrap">
          <table className="app-table co-table">
            <caption className="visually-hidden">{t('company.meetings.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('company.meetings.columns.meeting')}</th>
                <th scope="col">{t('company.meetings.columns.building')}</th>
                <th scope="col">{t('company.meetings.columns.voting')}</th>
                <th scope="col">{t('company.meetings.columns.status')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('company.meetings.columns.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((m) => (
                <tr key={m.id} data-meeting={m.title}>
                  <td data-label={t('company.meetings.columns.meeting')}>
                    <div className="app-table__cell app-table__strong">{m.title}</div>
                  </td>
                  <td data-label={t('company.meetings.columns.building')}>
                    <div className="app-table__cell">{m.building.address}</div>
                  </td>
                  <td data-label={t('company.meetings.columns.voting')}>
                    <div className="app-table__cell">
                      {formatDateTime(m.opensAt, locale)} — {formatDateTime(m.closesAt, locale)}
                    </div>
                  </td>
                  <td data-label={t('company.meetings.columns.status')}>
                    <div className="app-table__cell">
                      <MeetingStatusBadge status={m.status} />
                    </div>
                  </td>
                  <td data-label={t('company.meetings.columns.actions')}>
                    <div className="app-table__cell">
                      <Link className="btn btn--secondary btn--small" to={`/company/meetings/${m.id}`} aria-label={t('company.meetings.openLabel', { title: m.title })}>
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
    </div>
  );
}
