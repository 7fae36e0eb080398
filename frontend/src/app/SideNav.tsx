import { type KeyboardEvent, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, useNavigate } from 'react-router';
import { CloseIcon, LogoutIcon } from '../components/icons';
import { useSession, useSessionManager } from '../lib/auth/SessionContext';
import { displayName } from './displayName';
import { navItemsFor } from './navigation';
import './SideNav.css';

/**
 * The navigation menu (seed 000): hidden by default, opened by the menu icon, closed by Esc,
 * the close button, the backdrop or choosing a page. Focus stays inside while it is open.
 */
export function SideNav({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { viewer } = useSession();
  const manager = useSessionManager();
  const navigate = useNavigate();
  const panel = useRef<HTMLDivElement>(null);
  const opener = useRef<HTMLElement | null>(null);

  useEffect(() => {
    if (open) {
      opener.current = document.activeElement as HTMLElement | null;
      panel.current?.querySelector<HTMLElement>('a, button')?.focus();
    } else if (opener.current) {
      opener.current.focus();
      opener.current = null;
    }
  }, [open]);

  useEffect(() => {
    if (!open) return;
    const onEscape = (event: globalThis.KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
    };
    document.addEventListener('keydown', onEscape);
    return () => document.removeEventListener('keydown', onEscape);
  }, [open, onClose]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Tab' || !panel.current) return;
    const focusable = [...panel.current.querySelectorAll<HTMLElement>('a[href], button:not([disabled])')];
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last?.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first?.focus();
    }
  };

  const signOut = async () => {
    onClose();
    await manager.signOut();
    navigate('/login', { replace: true });
  };

  if (!viewer) return null;
  return (
    <div className={`side-nav ${open ? 'side-nav--open' : ''}`} hidden={!open}>
      <div className="side-nav__backdrop" onClick={onClose} aria-hidden="true" />
      <div ref={panel} id="side-nav" className="side-nav__panel" role="dialog" aria-modal="true" aria-label={t('nav.label')} onKeyDown={onKeyDown}>
        <div className="side-nav__head">
          <div className="side-nav__who">
            <p className="side-nav__name">{displayName(viewer)}</p>
            <p className="side-nav__roles">{viewer.roles.map((r) => t(`roles.${r}`)).join(', ')}</p>
          </div>
          <button type="button" className="icon-btn icon-btn--dark" aria-label={t('nav.close')} onClick={onClose}>
            <CloseIcon />
          </button>
        </div>
        <nav aria-label={t('nav.label')}>
          <ul className="side-nav__list">
            {navItemsFor(viewer.roles).map(({ to, labelKey, icon: Icon }) => (
              <li key={to}>
                <NavLink to={to} className="side-nav__link" onClick={onClose}>
                  <Icon />
                  <span>{t(labelKey)}</span>
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="side-nav__foot">
          <button type="button" className="side-nav__link side-nav__signout" onClick={() => void signOut()}>
            <LogoutIcon />
            <span>{t('header.signOut')}</span>
          </button>
        </div>
      </div>
    </div>
  );
}
