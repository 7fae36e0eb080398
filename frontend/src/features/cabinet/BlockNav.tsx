import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { accountPath } from './cabinetContext';

// Seed 004's seven blocks, in its order; meters, requests, meetings and notifications are pages of
// features/cabinetServices, mounted under the same account.
const BLOCKS = [
  { page: '', key: 'account' },
  { page: 'meters', key: 'meters' },
  { page: 'requests', key: 'requests' },
  { page: 'receipts', key: 'receipts' },
  { page: 'payments', key: 'payments' },
  { page: 'meetings', key: 'meetings' },
  { page: 'notifications', key: 'notifications' },
] as const;

/** The blocks of one account's cabinet; the current one is marked for sight and for screen readers. */
export function BlockNav({ accountId }: { accountId: string }) {
  const { t } = useTranslation();
  return (
    <nav className="cab-nav" aria-label={t('cabinet.nav.label')}>
      <ul className="cab-nav__list">
        {BLOCKS.map(({ page, key }) => (
          <li key={key}>
            <NavLink to={accountPath(accountId, page)} end={page === ''} className={({ isActive }) => `cab-nav__link${isActive ? ' cab-nav__link--active' : ''}`}>
              {t(`cabinet.nav.${key}`)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
