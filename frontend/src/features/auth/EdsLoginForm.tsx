import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { EdsSignForm, type Signer } from '../../components/eds/EdsSignForm';
import { SessionEdsChallengeDocument, SessionEdsLoginDocument } from '../../gql/graphql';
import { fromBase64 } from '../../lib/eds/base64';
import { type AppError, fromCombinedError } from '../../lib/errors';
import { useAfterSignIn } from './useAfterSignIn';

/**
 * Sign-in with an electronic digital signature (SPEC §2.2): the AUTH certificate (.p12) signs a
 * one-time challenge of the server in this browser; the certificate's IIN opens the person's
 * account, an employee's BIN the company's. The challenge is asked for only at the last moment
 * (it lives two minutes), after the person has checked whose certificate it is.
 */
export function EdsLoginForm() {
  const { t } = useTranslation();
  const [, challenge] = useMutation(SessionEdsChallengeDocument);
  const [, login] = useMutation(SessionEdsLoginDocument);
  const afterSignIn = useAfterSignIn();

  const onSign = async (sign: Signer): Promise<AppError[]> => {
    const issued = await challenge({});
    const payload = issued.data?.sessionEdsChallenge;
    if (issued.error || !payload) return [issued.error ? fromCombinedError(issued.error) : { code: 'UNKNOWN' }];
    if (payload.errors.length) return payload.errors;
    if (!payload.challengeId || !payload.data) return [{ code: 'UNKNOWN' }];
    const cms = await sign(fromBase64(payload.data));
    const result = await login({ input: { challengeId: payload.challengeId, cms } });
    const auth = result.data?.sessionEdsLogin;
    if (result.error || !auth) return [result.error ? fromCombinedError(result.error) : { code: 'UNKNOWN' }];
    if (auth.errors.length) return auth.errors.map((e) => ({ ...e, field: null }));
    afterSignIn(auth);
    return [];
  };

  return (
    <div>
      <p className="login-eds__lead">{t('login.edsLead')}</p>
      <EdsSignForm purpose="auth" submitLabel={t('login.submit')} onSign={onSign} />
    </div>
  );
}
