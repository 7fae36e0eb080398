import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';

/** The back office's two lists: applications and complaints. */
export function OfficeTabs() {
  const { t } = useTranslation();
  return (
    <nav className="qo-tabs" aria-label={t('queueOffice.sections')}>
      <NavLink end to="/queue-office" className="qo-tabs__link">
        {t('queueOffice.applicationsTab')}
      </NavLink>
      <NavLink to="/queue-office/complaints" className="qo-tabs__link">
        {t('queueOffice.complaintsTab')}
      </NavLink>
    </nav>
  );
}
