import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { LoadFailed } from '../../components/LoadFailed';
import { PageLoader } from '../../components/PageLoader';
import { CabinetAccountMeetingsDocument, type MeetingStatus } from '../../gql/graphql';
import { fromCombinedError } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { usePageTitle } from '../../lib/usePageTitle';
import './services.css';

export function meetingTone(status: MeetingStatus): string {
  return status === 'OPEN' ? 'progress' : status === 'CLOSED' ? 'success' : 'neutral';
}

/** "Собрания собственников": the meetings of the account's building, open first, with their dates and status. */
export function MeetingsPage() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const { accountId = '' } = useParams();
  const [{ data, error, fetching }, refetch] = useQuery({ query: CabinetAccountMeetingsDocument, variables: { accountId }, requestPolicy: 'cache-and-network' });
  usePageTitle(t('cabinetServices.meetings.title'));
  const meetings = data?.accountMeetings ?? [];
  return (
    <div className="cs-page">
      <h2 tabIndex={-1}>{t('cabinetServices.meetings.title')}</h2>
      <p className="page__lead">{t('cabinetServices.meetings.lead')}</p>
      {error && !data && <LoadFailed error={fromCombinedError(error)} onRetry={() => refetch({ requestPolicy: 'network-only' })} />}
      {fetching && !data && <PageLoader />}
      {data && meetings.length === 0 && <p className="empty-state">{t('cabinetServices.meetings.empty')}</p>}
      {meetings.length > 0 && (
        <div className="cs-table-wrap">
          <table className="cs-table">
            <thead>
              <tr>
                <th scope="col">{t('cabinetServices.meetings.meeting')}</th>
                <th scope="col">{t('cabinetServices.meetings.dates')}</th>
                <th scope="col">{t('cabinetServices.meetings.status')}</th>
              </tr>
            </thead>
            <tbody>
              {meetings.map((m) => (
                <tr key={m.id}>
                  <td>
                    <Link to={`/cabinet/${accountId}/meetings/${m.id}`}>{m.title}</Link>
                    {m.canVote && <div className="cs-hint">{t('cabinetServices.meetings.voteOpen')}</div>}
                  </td>
                  <td className="cs-table__nowrap">
                    {formatDateTime(m.opensAt, locale)} — {formatDateTime(m.closesAt, locale)}
                  </td>
                  <td>
                    <span className={`cs-status cs-status--${meetingTone(m.status)}`}>{t(`cabinetServices.meetings.statuses.${m.status}`)}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
