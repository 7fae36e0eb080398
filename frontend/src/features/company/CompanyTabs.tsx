import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';

const SECTIONS = [
  { to: '/company', key: 'dashboard', end: true },
  { to: '/company/requests', key: 'requests' },
  { to: '/company/links', key: 'links' },
  { to: '/company/outages', key: 'outages' },
  { to: '/company/meetings', key: 'meetings' },
  { to: '/company/imports', key: 'imports' },
] as const;

/** The back office's sections, on every page of it. */
export function CompanyTabs() {
  const { t } = useTranslation();
  return (
    <nav className="qo-tabs co-tabs" aria-label={t('company.sections')}>
      {SECTIONS.map((s) => (
        <NavLink key={s.key} end={'end' in s} to={s.to} className="qo-tabs__link">
          {t(`company.tabs.${s.key}`)}
        </NavLink>
      ))}
    </nav>
  );
}
