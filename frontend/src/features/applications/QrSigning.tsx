import { QRCodeSVG } from 'qrcode.react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient, useMutation } from 'urql';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { PageLoader } from '../../components/PageLoader';
import { useCountdown } from '../../components/useCountdown';
import {
  ApplicationSigningSessionCreateDocument,
  ApplicationSigningSessionUpdatedDocument,
  type SignatureStage,
  SigningSessionCancelByCreatorDocument,
} from '../../gql/graphql';
import { type AppError, errorMessage, formatDuration, fromCombinedError } from '../../lib/errors';

type Phase =
  | { kind: 'opening' }
  | { kind: 'waiting'; sessionId: string; url: string; expiresAt: string }
  | { kind: 'sending'; sessionId: string }
  | { kind: 'failed'; error: AppError };

/** The QR code's link as an absolute URL: the server may give a path when PUBLIC_URL is not set. */
export function absoluteSignUrl(signUrl: string, origin: string): string {
  try {
    return new URL(signUrl, origin).href;
  } catch {
    return signUrl;
  }
}

/**
 * Seed 001, 8.2: signing on a second device. A signing session is opened, its link is shown as a QR
 * code (and as a link), and this page follows the session (`signingSessionUpdated`): once the other
 * device has signed, `onSigned` sends the application with the session's id, by itself.
 */
export function QrSigning({ applicationId, stage, onSigned }: { applicationId: string; stage: SignatureStage; onSigned: (sessionId: string) => Promise<readonly AppError[]> }) {
  const { t } = useTranslation();
  const client = useClient();
  const [, create] = useMutation(ApplicationSigningSessionCreateDocument);
  const [, cancel] = useMutation(SigningSessionCancelByCreatorDocument);
  const [phase, setPhase] = useState<Phase>({ kind: 'opening' });
  const [attempt, setAttempt] = useState(0);
  const onSignedRef = useRef(onSigned);
  onSignedRef.current = onSigned;
  const pending = useRef<string | null>(null);
  const expiresAt = phase.kind === 'waiting' ? phase.expiresAt : null;
  const left = useCountdown(expiresAt);

  const open = useCallback(async () => {
    setPhase({ kind: 'opening' });
    const result = await create({ input: { applicationId, stage } });
    const payload = result.data?.applicationSigningSessionCreate;
    if (result.error || !payload) {
      setPhase({ kind: 'failed', error: result.error ? fromCombinedError(result.error) : { code: 'UNKNOWN' } });
      return;
    }
    if (payload.errors.length || !payload.sessionId || !payload.signUrl || !payload.expiresAt) {
      setPhase({ kind: 'failed', error: payload.errors[0] ?? { code: 'UNKNOWN' } });
      return;
    }
    pending.current = payload.sessionId;
    setPhase({ kind: 'waiting', sessionId: payload.sessionId, url: absoluteSignUrl(payload.signUrl, window.location.origin), expiresAt: payload.expiresAt });
  }, [applicationId, stage, create]);

  useEffect(() => {
    void open();
  }, [open, attempt]);

  // Closing the dialog with a session still pending cancels it: the code stops working at once.
  useEffect(
    () => () => {
      const id = pending.current;
      if (id) void cancel({ input: { id } });
    },
    [cancel],
  );

  const sessionId = phase.kind === 'waiting' ? phase.sessionId : null;
  useEffect(() => {
    if (!sessionId) return;
    const subscription = client.subscription(ApplicationSigningSessionUpdatedDocument, { id: sessionId }).subscribe((result) => {
      const session = result.data?.signingSessionUpdated;
      if (!session || session.id !== sessionId) return;
      if (session.status === 'SIGNED') {
        pending.current = null;
        setPhase({ kind: 'sending', sessionId });
        void onSignedRef.current(sessionId).then((errors) => {
          if (errors.length) setPhase({ kind: 'failed', error: errors[0] });
        });
      } else if (session.status === 'FAILED') {
        pending.current = null;
        setPhase({ kind: 'failed', error: { code: session.errorCode ?? 'SIGNATURE_INVALID' } });
      } else if (session.status === 'EXPIRED' || session.status === 'CANCELLED') {
        pending.current = null;
        setPhase({ kind: 'failed', error: { code: session.status === 'EXPIRED' ? 'SIGNING_SESSION_EXPIRED' : 'SIGNING_SESSION_CLOSED' } });
      }
    });
    return () => subscription.unsubscribe();
  }, [client, sessionId]);

  const again = () => setAttempt((n) => n + 1);

  if (phase.kind === 'opening') return <PageLoader />;
  if (phase.kind === 'failed') {
    return (
      <div className="qr-sign">
        <Alert tone="error" title={t('applications.qr.failed')}>
          <p>{errorMessage(t, phase.error)}</p>
        </Alert>
        <div className="form-actions">
          <Button onClick={again}>{t('applications.qr.newCode')}</Button>
        </div>
      </div>
    );
  }
  if (phase.kind === 'sending') {
    return (
      <div className="qr-sign">
        <Alert tone="success">
          <p>{t('applications.qr.signedSending')}</p>
        </Alert>
        <PageLoader />
      </div>
    );
  }
  const expired = left <= 0;
  return (
    <div className="qr-sign">
      <ol className="qr-sign__steps">
        <li>{t('applications.qr.step1')}</li>
        <li>{t('applications.qr.step2')}</li>
        <li>{t('applications.qr.step3')}</li>
      </ol>
      <div className={`qr-sign__code ${expired ? 'qr-sign__code--expired' : ''}`}>
        <QRCodeSVG value={phase.url} size={220} marginSize={2} title={t('applications.qr.codeLabel')} role="img" aria-label={t('applications.qr.codeLabel')} />
      </div>
      <p className="qr-sign__link">
        {t('applications.qr.linkLabel')}{' '}
        <a href={phase.url} target="_blank" rel="noopener noreferrer" data-testid="qr-sign-link">
          {phase.url}
        </a>
      </p>
      {expired ? (
        <Alert tone="warning">
          <p>{errorMessage(t, { code: 'SIGNING_SESSION_EXPIRED' })}</p>
          <p>
            <Button variant="link" onClick={again}>
              {t('applications.qr.newCode')}
            </Button>
          </p>
        </Alert>
      ) : (
        <p className="qr-sign__wait" aria-live="off">
          <span className="qr-sign__spinner" aria-hidden="true" />
          {t('applications.qr.waiting', { time: formatDuration(t, left) })}
        </p>
      )}
    </div>
  );
}
