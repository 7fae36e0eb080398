import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button';
import type { ApiClientFieldsFragment } from '../../gql/graphql';
import { formatDateTime } from '../../lib/format';
import { maskedKey } from './access';

/** One partner client: whom it acts for, its key's visible prefix, what it may do and when it was last seen. */
export function ApiClientCard({ client, onRevoke }: { client: ApiClientFieldsFragment; onRevoke: () => void }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  return (
    <article className={['admin-card', client.isActive ? '' : 'admin-card--inactive'].filter(Boolean).join(' ')} aria-labelledby={`client-${client.id}`}>
      <div className="admin-card__head">
        <h3 id={`client-${client.id}`} className="admin-card__name">
          {client.name}
        </h3>
        <span className={`admin-card__state ${client.isActive ? 'admin-card__state--active' : ''}`}>{client.isActive ? t('apiClients.active') : t('apiClients.revokedBadge')}</span>
        {client.isActive && (
          <Button variant="secondary" className="admin-card__action" onClick={onRevoke} aria-label={t('apiClients.revokeNamed', { name: client.name })}>
            {t('apiClients.revoke')}
          </Button>
        )}
      </div>
      <dl className="admin-card__data">
        <div>
          <dt>{t('apiClients.organization')}</dt>
          <dd>
            {client.organization.name} <span className="mono muted">{client.organization.bin}</span>
          </dd>
        </div>
        <div>
          <dt>{t('apiClients.key')}</dt>
          <dd className="mono">{maskedKey(client.keyPrefix)}</dd>
        </div>
        <div>
          <dt>{t('apiClients.rateLimit')}</dt>
          <dd>{t('apiClients.perMinute', { n: client.rateLimitPerMinute })}</dd>
        </div>
        <div>
          <dt>{t('apiClients.createdAt')}</dt>
          <dd>{formatDateTime(client.createdAt, locale)}</dd>
        </div>
        <div>
          <dt>{t('apiClients.lastUsedAt')}</dt>
          <dd>{client.lastUsedAt ? formatDateTime(client.lastUsedAt, locale) : <span className="muted">{t('apiClients.neverUsed')}</span>}</dd>
        </div>
        <div className="admin-card__wide">
          <dt>{t('apiClients.form.scopes')}</dt>
          <dd>
            <ul className="tag-list">
              {client.scopes.map((scope) => (
                <li key={scope} className="tag" title={t(`apiClients.scopes.${scope}`)}>
                  <span className="mono">{scope}</span>
                </li>
              ))}
            </ul>
          </dd>
        </div>
      </dl>
    </article>
  );
}
