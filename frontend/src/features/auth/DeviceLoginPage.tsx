import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation } from 'urql';
import { Alert } from '../../components/Alert';
import { PageLoader } from '../../components/PageLoader';
import { DeviceLoginExchangeDocument } from '../../gql/graphql';
import { type AppError, errorMessage, fromCombinedError } from '../../lib/errors';
import { describeUserAgent } from '../../lib/userAgent';
import { usePageTitle } from '../../lib/usePageTitle';
import { useAfterSignIn } from './useAfterSignIn';

function deviceName(userAgent: string): string | null {
  const { browser, os } = describeUserAgent(userAgent);
  return [browser, os].filter(Boolean).join(' · ') || null;
}

/**
 * Where the cabinet's personal QR code points (<site>/device-login#<token>): the device that opens it
 * is signed in as the person who showed the code. The token travels in the fragment, so it never
 * reaches a server log or a Referer; it is spent at once and works only once.
 */
export function DeviceLoginPage() {
  const { t } = useTranslation();
  usePageTitle(t('deviceLogin.title'));
  const [, exchange] = useMutation(DeviceLoginExchangeDocument);
  const afterSignIn = useAfterSignIn();
  const [error, setError] = useState<AppError | null>(null);
  const started = useRef(false);

  useEffect(() => {
    if (started.current) return; // a token is spent by its first use: never send it twice
    started.current = true;
    const token = window.location.hash.replace(/^#/, '').trim();
    window.history.replaceState(null, '', window.location.pathname);
    if (!token) {
      setError({ code: 'TOKEN_INVALID' });
      return;
    }
    void exchange({ input: { token, deviceName: deviceName(navigator.userAgent) } }).then((result) => {
      const payload = result.data?.deviceLoginExchange;
      if (result.error || !payload) setError(result.error ? fromCombinedError(result.error) : { code: 'UNKNOWN' });
      else if (payload.errors.length) setError(payload.errors[0]);
      else afterSignIn(payload);
    });
  }, [exchange, afterSignIn]);

  if (!error) return <PageLoader />;
  return (
    <div className="page page--narrow">
      <h1 tabIndex={-1}>{t('deviceLogin.title')}</h1>
      <Alert tone="error">{errorMessage(t, error)}</Alert>
      <p>{t('deviceLogin.again')}</p>
      <p>
        <Link to="/login" className="btn btn--primary">
          {t('deviceLogin.signIn')}
        </Link>
      </p>
    </div>
  );
}
