import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ShanyraqMark } from './icons';
import './AuthShell.css';

/** The frame of the sign-in and registration pages: the form in a card, the portal's intro beside it. */
export function AuthShell({ title, children, footer }: { title: ReactNode; children: ReactNode; footer?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="auth-page">
      <aside className="auth-aside" aria-label={t('aside.label')}>
        <ShanyraqMark className="auth-aside__mark" width={56} height={56} />
        <p className="auth-aside__title">{t('aside.title')}</p>
        <ul className="auth-aside__list">
          <li>{t('aside.equity')}</li>
          <li>{t('aside.queue')}</li>
          <li>{t('aside.residents')}</li>
        </ul>
        <p className="auth-aside__contact">{t('aside.contact')}</p>
      </aside>
      <div className="auth-card">
        <h1 tabIndex={-1}>{title}</h1>
        {children}
        {footer && <div className="auth-card__alt">{footer}</div>}
      </div>
    </div>
  );
}
