import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { Card } from '../../components/Card';
import { Dialog } from '../../components/Dialog';
import { LiveAnnouncement, useAnnouncement } from '../../components/LiveAnnouncement';
import { LoadFailed } from '../../components/LoadFailed';
import { PageLoader } from '../../components/PageLoader';
import { type ApiClientFieldsFragment, ApiClientRevokeDocument, ApiClientsDocument } from '../../gql/graphql';
import { type AppError, errorMessage, fromCombinedError } from '../../lib/errors';
import { usePageTitle } from '../../lib/usePageTitle';
import { ApiClientCard } from './ApiClientCard';
import { ApiClientCreateForm } from './ApiClientCreateForm';
import { NewKeyPanel } from './NewKeyPanel';
import { maskedKey } from './access';
import './admin.css';

/**
 * The admin's partner clients (SPEC §3.4): who may call the API with a key, for which organization
 * and with what scopes; a new key is shown once, and revoking stops it at once.
 */
export function ApiClientsPage() {
  const { t } = useTranslation();
  usePageTitle(t('apiClients.title'));
  const [{ data, error, fetching }, reload] = useQuery({ query: ApiClientsDocument, requestPolicy: 'cache-and-network' });
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<{ client: ApiClientFieldsFragment; apiKey: string } | null>(null);
  const [revoking, setRevoking] = useState<ApiClientFieldsFragment | null>(null);
  const [revokeError, setRevokeError] = useState<AppError | null>(null);
  const [announcement, announce] = useAnnouncement();
  const [{ fetching: revokeBusy }, revoke] = useMutation(ApiClientRevokeDocument);

  const confirmRevoke = async () => {
    if (!revoking) return;
    setRevokeError(null);
    const result = await revoke({ input: { clientId: revoking.id } });
    const payload = result.data?.apiClientRevoke;
    if (result.error || !payload || payload.errors.length) {
      setRevokeError(result.error ? fromCombinedError(result.error) : (payload?.errors[0] ?? { code: 'UNKNOWN' }));
      return;
    }
    announce(t('apiClients.revoked', { name: revoking.name }));
    setRevoking(null);
    reload({ requestPolicy: 'network-only' });
  };

  // The list comes from the server; a client just created joins it at the top until it reloads.
  const listed = data?.apiClients ?? [];
  const clients = created && !listed.some((c) => c.id === created.client.id) ? [created.client, ...listed] : listed;
  const active = clients.filter((c) => c.isActive).length;
  return (
    <div className="page api-clients">
      <div className="page__head">
        <div>
          <h1 tabIndex={-1}>{t('apiClients.title')}</h1>
          <p className="page__lead">{t('apiClients.lead')}</p>
        </div>
        {!creating && (
          <Button
            onClick={() => {
              setCreated(null);
              setCreating(true);
            }}
          >
            {t('apiClients.create')}
          </Button>
        )}
      </div>

      {created && <NewKeyPanel apiKey={created.apiKey} clientName={created.client.name} onDone={() => setCreated(null)} />}

      {creating && (
        <Card id="new-client" title={t('apiClients.form.title')}>
          <ApiClientCreateForm
            onCancel={() => setCreating(false)}
            onCreated={(client, apiKey) => {
              setCreating(false);
              setCreated({ client, apiKey });
              reload({ requestPolicy: 'network-only' });
            }}
          />
        </Card>
      )}

      {error && !data && <LoadFailed error={fromCombinedError(error)} onRetry={() => reload({ requestPolicy: 'network-only' })} />}
      {!data && fetching && <PageLoader />}
      {data && (
        <section aria-labelledby="clients-title">
          <h2 id="clients-title" className="api-clients__count">
            {t('apiClients.count', { total: clients.length, active })}
          </h2>
          {clients.length === 0 ? (
            <div className="empty-state">{t('apiClients.empty')}</div>
          ) : (
            <ul className="admin-list">
              {clients.map((client) => (
                <li key={client.id}>
                  <ApiClientCard
                    client={client}
                    onRevoke={() => {
                      setRevokeError(null);
                      setRevoking(client);
                    }}
                  />
                </li>
              ))}
            </ul>
          )}
        </section>
      )}

      <Dialog
        open={revoking !== null}
        onClose={() => setRevoking(null)}
        title={t('apiClients.revokeTitle', { name: revoking?.name ?? '' })}
        footer={
          <>
            <Button variant="secondary" onClick={() => setRevoking(null)}>
              {t('common.cancel')}
            </Button>
            <Button variant="danger" onClick={() => void confirmRevoke()} busy={revokeBusy}>
              {t('apiClients.revoke')}
            </Button>
          </>
        }
      >
        <p>{t('apiClients.revokeText', { key: revoking ? maskedKey(revoking.keyPrefix) : '' })}</p>
        {revokeError && (
          <Alert tone="error">
            <p>{errorMessage(t, revokeError)}</p>
          </Alert>
        )}
      </Dialog>
      <LiveAnnouncement announcement={announcement} />
    </div>
  );
}
