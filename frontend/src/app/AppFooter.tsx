import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import './AppFooter.css';

export function AppFooter() {
  const { t } = useTranslation();
  return (
    <footer className="app-footer">
      <div className="app-footer__inner">
        <p>{t('footer.copyright', { year: new Date().getFullYear() })}</p>
        <p>
          {t('footer.contact')} ·{' '}
          <Link to="/verify" className="app-footer__link">
            {t('footer.verify')}
          </Link>{' '}
          ·{' '}
          <Link to="/queue/public" className="app-footer__link">
            {t('queuePublic.nav')}
          </Link>{' '}
          ·{' '}
          <a href="/graphql" className="app-footer__link">
            {t('footer.api')}
          </a>
        </p>
      </div>
    </footer>
  );
}
