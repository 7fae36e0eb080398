import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { LoadFailed } from '../../components/LoadFailed';
import { EdsSignForm, type Signer } from '../../components/eds/EdsSignForm';
import { PageLoader } from '../../components/PageLoader';
import { useCountdown } from '../../components/useCountdown';
import { SigningSessionByTokenDocument, SigningSessionCompleteDocument, SigningSessionDeclineDocument } from '../../gql/graphql';
import { fromBase64 } from '../../lib/eds/base64';
import { type AppError, errorMessage, formatDuration, fromCombinedError } from '../../lib/errors';
import { usePageTitle } from '../../lib/usePageTitle';
import './SigningPage.css';

/**
 * The second device of QR signing (public, no sign-in): `/sign/:id#<token>`. It shows what is
 * asked to be signed and by whom, the person opens their certificate (.p12) with its password, and
 * the page signs the exact payload and sends the CMS; the first device moves on by itself.
 */
export function SigningPage() {
  const { t } = useTranslation();
  usePageTitle(t('signing.title'));
  const { sessionId = '' } = useParams();
  const location = useLocation();
  // The token travels in the fragment: it never reaches a server log or a Referer header.
  const [token] = useState(() => decodeURIComponent(location.hash.replace(/^#/, '')));
  const [{ data, fetching, error }, reload] = useQuery({
    query: SigningSessionByTokenDocument,
    variables: { id: sessionId, token },
    pause: !token,
    requestPolicy: 'network-only',
  });
  const [, complete] = useMutation(SigningSessionCompleteDocument);
  const [, decline] = useMutation(SigningSessionDeclineDocument);
  const [done, setDone] = useState<'signed' | 'declined' | null>(null);
  const [declineError, setDeclineError] = useState<AppError | null>(null);
  const session = data?.signingSession ?? null;
  const left = useCountdown(session?.status === 'PENDING' ? session.expiresAt : null);

  const onSign = async (sign: Signer): Promise<readonly AppError[]> => {
    if (!session) return [{ code: 'SIGNING_SESSION_NOT_FOUND' }];
    const cms = await sign(fromBase64(session.payload));
    const result = await complete({ input: { id: session.id, token, cms } });
    const payload = result.data?.signingSessionComplete;
    if (result.error || !payload) return [result.error ? fromCombinedError(result.error) : { code: 'UNKNOWN' }];
    if (payload.errors.length) return payload.errors;
    if (payload.session?.status === 'FAILED') return [{ code: payload.session.errorCode ?? 'SIGNATURE_INVALID' }];
    setDone('signed');
    return [];
  };

  const onDecline = async () => {
    if (!session) return;
    const result = await decline({ input: { id: session.id, token } });
    const problem = result.error ? fromCombinedError(result.error) : result.data?.signingSessionCancel.errors[0];
    if (problem) setDeclineError(problem);
    else setDone('declined');
  };

  let body;
  if (!token) body = <Alert tone="error"><p>{errorMessage(t, { code: 'SIGNING_SESSION_NOT_FOUND' })}</p></Alert>;
  else if (fetching && !data) body = <PageLoader />;
  else if (error) {
    body = <LoadFailed error={fromCombinedError(error)} onRetry={() => reload()} />;
  } else if (!session) body = <Alert tone="error"><p>{errorMessage(t, { code: 'SIGNING_SESSION_NOT_FOUND' })}</p></Alert>;
  else if (done === 'signed' || session.status === 'SIGNED') {
    body = (
      <div className="signing-done" role="status">
        <p className="signing-done__mark" aria-hidden="true">
          ✓
        </p>
        <p className="signing-done__title">{t('signing.done')}</p>
        <p>{t('signing.doneHint')}</p>
      </div>
    );
  } else if (done === 'declined' || session.status === 'CANCELLED') {
    body = <Alert tone="info"><p>{t('signing.declined')}</p></Alert>;
  } else if (session.status === 'EXPIRED' || left <= 0) {
    body = <Alert tone="warning"><p>{errorMessage(t, { code: 'SIGNING_SESSION_EXPIRED' })}</p></Alert>;
  } else if (session.status === 'FAILED') {
    body = <Alert tone="error"><p>{errorMessage(t, { code: session.errorCode ?? 'SIGNATURE_INVALID' })}</p></Alert>;
  } else {
    body = (
      <>
        <dl className="signing-facts">
          <div>
            <dt>{t('signing.what')}</dt>
            <dd>{t(`signing.purposes.${session.purpose}`, { defaultValue: session.purpose })} · {session.description}</dd>
          </div>
          <div>
            <dt>{t('signing.expected')}</dt>
            <dd className="mono">{session.expectedSigner}</dd>
          </div>
          <div>
            <dt>{t('signing.digest')}</dt>
            <dd className="mono signing-facts__hash">{session.payloadSha256}</dd>
          </div>
          <div>
            <dt>{t('signing.expires')}</dt>
            <dd aria-live="off">{formatDuration(t, left)}</dd>
          </div>
        </dl>
        <EdsSignForm purpose="sign" submitLabel={t('signing.sign')} onSign={onSign} expectedSigner={session.expectedSigner} />
        {declineError && (
          <Alert tone="error">
            <p>{errorMessage(t, declineError)}</p>
          </Alert>
        )}
        <p className="signing-decline">
          <Button variant="link" onClick={() => void onDecline()}>
            {t('signing.decline')}
          </Button>
        </p>
      </>
    );
  }

  return (
    <div className="page page--narrow signing-page">
      <h1 tabIndex={-1}>{t('signing.title')}</h1>
      <p className="page__lead signing-page__lead">{t('signing.lead')}</p>
      <div className="signing-card">{body}</div>
    </div>
  );
}
