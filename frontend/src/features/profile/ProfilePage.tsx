import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { PageLoader } from '../../components/PageLoader';
import { ProfileMeDocument } from '../../gql/graphql';
import { useSession, useSessionManager } from '../../lib/auth/SessionContext';
import { usePageTitle } from '../../lib/usePageTitle';
import { ContactChangeCard } from './ContactChangeCard';
import { PasswordChangeCard } from './PasswordChangeCard';
import { PersonalDataCard } from './PersonalDataCard';
import { SessionsCard } from './SessionsCard';
import './ProfilePage.css';

/** Profile (seed 000): who the account is, and the ways to change it. */
export function ProfilePage() {
  const { t } = useTranslation();
  usePageTitle(t('profile.title'));
  const { viewer } = useSession();
  const manager = useSessionManager();
  const [{ data }] = useQuery({ query: ProfileMeDocument, requestPolicy: 'network-only' });

  // The session carries the account as of sign-in; the query brings what changed since.
  useEffect(() => {
    if (data?.me) manager.updateViewer(data.me);
  }, [data, manager]);

  if (!viewer) return <PageLoader />;
  return (
    <div className="page">
      <div className="page__head">
        <div>
          <h1 tabIndex={-1}>{t('profile.title')}</h1>
          <p className="page__lead">{t('profile.lead')}</p>
        </div>
      </div>
      <div className="profile-grid">
        <PersonalDataCard viewer={viewer} />
        <div className="profile-grid__col">
          <ContactChangeCard kind="email" current={viewer.email} />
          <ContactChangeCard kind="phone" current={viewer.phone} />
        </div>
        <PasswordChangeCard hasPassword={viewer.hasPassword} />
        <SessionsCard />
      </div>
    </div>
  );
}
