import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { Card } from '../../components/Card';
import { FormErrors } from '../../components/FormErrors';
import { DevicesIcon } from '../../components/icons';
import { MySessionsDocument, SessionRevokeDocument } from '../../gql/graphql';
import { useSessionManager } from '../../lib/auth/SessionContext';
import { type AppError, fromCombinedError } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { describeUserAgent } from '../../lib/userAgent';

/** The devices signed in to the account, each of which can be signed out from here. */
export function SessionsCard() {
  const { t, i18n } = useTranslation();
  const manager = useSessionManager();
  const [{ data, error, fetching }, refetch] = useQuery({ query: MySessionsDocument, requestPolicy: 'network-only' });
  const [, revoke] = useMutation(SessionRevokeDocument);
  const [errors, setErrors] = useState<AppError[]>([]);
  const [ending, setEnding] = useState<string | null>(null);
  const [endedOne, setEndedOne] = useState(false);
  const [signingOutAll, setSigningOutAll] = useState(false);

  const end = async (sessionId: string) => {
    setErrors([]);
    setEndedOne(false);
    setEnding(sessionId);
    const result = await revoke({ input: { sessionId } });
    setEnding(null);
    const payload = result.data?.sessionRevoke;
    if (result.error || !payload) return setErrors([result.error ? fromCombinedError(result.error) : { code: 'UNKNOWN' }]);
    if (payload.errors.length) return setErrors(payload.errors);
    setEndedOne(true);
    refetch({ requestPolicy: 'network-only' });
  };

  const signOutEverywhere = async () => {
    setSigningOutAll(true);
    await manager.signOut({ everywhere: true });
  };

  const sessions = data?.mySessions ?? [];
  return (
    <Card
      id="sessions"
      title={t('sessions.title')}
      actions={
        <Button variant="danger" onClick={() => void signOutEverywhere()} busy={signingOutAll}>
          {t('sessions.signOutEverywhere')}
        </Button>
      }
    >
      <p className="muted">{t('sessions.lead')}</p>
      {endedOne && (
        <Alert tone="success">
          <p>{t('sessions.ended')}</p>
        </Alert>
      )}
      <FormErrors errors={error ? [fromCombinedError(error), ...errors] : errors} />
      {fetching && !data && <p className="muted">{t('common.loading')}</p>}
      <ul className="session-list">
        {sessions.map((s) => {
          const { browser, os } = describeUserAgent(s.userAgent);
          const device = [browser, os].filter(Boolean).join(' · ') || t('sessions.unknownDevice');
          return (
            <li key={s.id} className={`session ${s.current ? 'session--current' : ''}`}>
              <DevicesIcon className="session__icon" />
              <div className="session__info">
                <p className="session__device">
                  {device}
                  {s.current && <span className="tag tag--primary">{t('sessions.thisDevice')}</span>}
                </p>
                <p className="session__meta">
                  {t('sessions.meta', {
                    method: t(`sessions.methods.${s.method}`, { defaultValue: s.method }),
                    ip: s.ip || '—',
                    when: formatDateTime(s.createdAt, i18n.language),
                  })}
                </p>
                {s.lastSeenAt && <p className="session__meta">{t('sessions.lastSeen', { when: formatDateTime(s.lastSeenAt, i18n.language) })}</p>}
              </div>
              {!s.current && (
                <Button variant="secondary" className="session__end" onClick={() => void end(s.id)} busy={ending === s.id} aria-label={t('sessions.endLabel', { device })}>
                  {t('sessions.end')}
                </Button>
              )}
            </li>
          );
        })}
      </ul>
    </Card>
  );
}
