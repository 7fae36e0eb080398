import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation } from 'react-router';
import { Alert } from '../components/Alert';
import { Button } from '../components/Button';
import { NotificationsProvider } from '../features/notifications/NotificationsLive';
import { useSession, useSessionManager } from '../lib/auth/SessionContext';
import { AppFooter } from './AppFooter';
import { AppHeader } from './AppHeader';
import { SideNav } from './SideNav';
import './Layout.css';

export function Layout() {
  const session = useSession();
  const signedIn = session.status === 'signedIn';
  const frame = <Frame />;
  // One provider per signed-in identity: its subscription and counts belong to that person.
  return signedIn ? <NotificationsProvider key={session.generation}>{frame}</NotificationsProvider> : frame;
}

function Frame() {
  const { t } = useTranslation();
  const session = useSession();
  const manager = useSessionManager();
  const location = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  const main = useRef<HTMLElement>(null);
  const firstPath = useRef(location.pathname);
  const signedIn = session.status === 'signedIn';

  // A new route is a new page for assistive technology: focus its heading (not on first load,
  // nor when a page only switches what it shows and says so with `state.keepFocus`).
  const keepFocus = Boolean((location.state as { keepFocus?: boolean } | null)?.keepFocus);
  useEffect(() => {
    setMenuOpen(false);
    if (location.pathname === firstPath.current) return;
    firstPath.current = '';
    if (keepFocus) return;
    const heading = main.current?.querySelector<HTMLElement>('h1');
    (heading ?? main.current)?.focus({ preventScroll: false });
  }, [location.pathname]); // keepFocus belongs to the same navigation as the pathname

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('a11y.skipToContent')}
      </a>
      <AppHeader menuOpen={menuOpen} onToggleMenu={() => setMenuOpen((open) => !open)} />
      {signedIn && <SideNav open={menuOpen} onClose={() => setMenuOpen(false)} />}
      <main id="main" ref={main} tabIndex={-1} className="app__main">
        {session.status === 'signedOut' && session.endedUnexpectedly && (
          <Alert tone="warning" className="app__notice">
            <p>{t('session.ended')}</p>
          </Alert>
        )}
        {session.offline && (
          <Alert tone="error" className="app__notice">
            <p>{t('errors.NETWORK')}</p>
            <p>
              <Button variant="link" onClick={() => void manager.restore()}>
                {t('common.retry')}
              </Button>
            </p>
          </Alert>
        )}
        <Outlet />
      </main>
      <AppFooter />
    </div>
  );
}
