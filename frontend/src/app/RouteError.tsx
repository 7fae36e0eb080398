import { useTranslation } from 'react-i18next';

/** Shown when a screen crashes: a way out instead of a blank page. */
export function RouteError() {
  const { t } = useTranslation();
  return (
    <div className="page page--narrow status-page" role="alert">
      <h1>{t('crash.title')}</h1>
      <p>{t('crash.text')}</p>
      <p>
        <a href="/" className="btn btn--primary">
          {t('notFound.home')}
        </a>
      </p>
    </div>
  );
}
