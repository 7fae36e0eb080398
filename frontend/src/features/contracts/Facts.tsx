import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface Fact {
  /** The API's field name (`complex.commissioningDate`), to mark what just changed. */
  field: string;
  label: string;
  value: ReactNode;
}

/** Labelled values of a section, laid out in columns as in seed 000; just-changed ones marked. */
export function Facts({ facts, changed }: { facts: readonly Fact[]; changed?: ReadonlySet<string> }) {
  const { t } = useTranslation();
  return (
    <dl className="facts">
      {facts.map((fact) => {
        const isChanged = changed?.has(fact.field) ?? false;
        const empty = fact.value === null || fact.value === undefined || fact.value === '';
        return (
          <div key={fact.field} className={`fact ${isChanged ? 'fact--changed' : ''}`}>
            <dt className="fact__label">{fact.label}</dt>
            <dd className="fact__value">
              {empty ? <span className="muted">{t('contracts.notSet')}</span> : fact.value}
              {isChanged && <span className="fact__badge">{t('contracts.changedBadge')}</span>}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}

/** An outside link only when it is one (http/https), opened in a new tab. */
export function ExternalLink({ href }: { href: string }) {
  const { t } = useTranslation();
  let url: URL | null = null;
  try {
    url = new URL(href);
  } catch {
    url = null;
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) return <>{href}</>;
  const text = `${url.host}${url.pathname === '/' ? '' : url.pathname}`;
  return (
    <a href={url.href} target="_blank" rel="noopener noreferrer">
      {text}
      <span className="visually-hidden"> {t('common.newTab')}</span>
    </a>
  );
}
