import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { LanguageSwitcher } from '../components/LanguageSwitcher';
import { LogoutIcon, MenuIcon, ShanyraqMark } from '../components/icons';
import { NotificationBell } from '../features/notifications/NotificationBell';
import { useSession, useSessionManager } from '../lib/auth/SessionContext';
import { displayName } from './displayName';
import './AppHeader.css';

export function AppHeader({ menuOpen, onToggleMenu }: { menuOpen: boolean; onToggleMenu: () => void }) {
  const { t } = useTranslation();
  const session = useSession();
  const manager = useSessionManager();
  const navigate = useNavigate();
  const [signingOut, setSigningOut] = useState(false);
  const viewer = session.status === 'signedIn' ? session.viewer : null;

  const signOut = async () => {
    setSigningOut(true);
    await manager.signOut();
    setSigningOut(false);
    navigate('/login', { replace: true });
  };

  return (
    <header className="app-header">
      <div className="app-header__inner">
        {viewer && (
          <button type="button" className="icon-btn" aria-expanded={menuOpen} aria-controls="side-nav" aria-label={t('nav.open')} onClick={onToggleMenu}>
            <MenuIcon />
          </button>
        )}
        <Link to="/" className="brand">
          <ShanyraqMark className="brand__mark" />
          <span className="brand__text">
            <span className="brand__name">{t('app.brand')}</span>
            <span className="brand__tagline">{t('app.tagline')}</span>
          </span>
        </Link>
        <div className="app-header__tools">
          <LanguageSwitcher />
          {viewer ? (
            <>
              <NotificationBell />
              <span className="app-header__user" title={displayName(viewer)}>
                {displayName(viewer)}
              </span>
              <button type="button" className="icon-btn app-header__signout" onClick={() => void signOut()} disabled={signingOut}>
                <LogoutIcon />
                <span className="app-header__signout-text">{t('header.signOut')}</span>
              </button>
            </>
          ) : (
            session.status === 'signedOut' && (
              <nav className="app-header__guest" aria-label={t('header.accountLinks')}>
                <Link to="/login" className="app-header__link">
                  {t('header.signIn')}
                </Link>
                <Link to="/register" className="app-header__link app-header__link--cta">
                  {t('header.register')}
                </Link>
              </nav>
            )
          )}
        </div>
      </div>
    </header>
  );
}
