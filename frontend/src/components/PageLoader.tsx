import { useTranslation } from 'react-i18next';
import './PageLoader.css';

export function PageLoader() {
  const { t } = useTranslation();
  return (
    <div className="page-loader" role="status">
      <span className="page-loader__spinner" aria-hidden="true" />
      <span>{t('common.loading')}</span>
    </div>
  );
}
