import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { FormErrors } from '../../components/FormErrors';
import { OneTimeCodeField } from '../../components/OneTimeCodeField';
import { ResendCode } from '../../components/ResendCode';
import { type DeliveryFieldsFragment, RegistrationCodeResendDocument, RegistrationCodeVerifyDocument } from '../../gql/graphql';
import { type AppError, fromCombinedError, splitErrors } from '../../lib/errors';
import { useErrorFocus } from '../../components/useErrorFocus';

const FIELDS = ['code'] as const;

/** Step 2: the SMS code. A resend issues a new registration id, which the wizard keeps. */
export function CodeStep({
  registrationId,
  delivery,
  onResent,
  onVerified,
  onBack,
}: {
  registrationId: string;
  delivery: DeliveryFieldsFragment;
  onResent: (registrationId: string, delivery: DeliveryFieldsFragment) => void;
  onVerified: () => void;
  onBack: () => void;
}) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<AppError[]>([]);
  const formRef = useErrorFocus(errors);
  const [resent, setResent] = useState(false);
  const [{ fetching }, verify] = useMutation(RegistrationCodeVerifyDocument);
  const [{ fetching: resending }, resend] = useMutation(RegistrationCodeResendDocument);
  const input = useRef<HTMLDivElement>(null);

  useEffect(() => {
    input.current?.querySelector('input')?.focus();
  }, [delivery]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!code.trim()) {
      setErrors([{ code: 'REQUIRED', field: 'code' }]);
      return;
    }
    const result = await verify({ input: { registrationId, code: code.trim() } });
    const payload = result.data?.registrationCodeVerify;
    if (result.error || !payload) {
      setErrors([result.error ? fromCombinedError(result.error) : { code: 'UNKNOWN' }]);
      return;
    }
    if (payload.errors.length || !payload.verified) {
      setErrors(payload.errors.length ? payload.errors : [{ code: 'OTP_INVALID', field: 'code' }]);
      return;
    }
    onVerified();
  };

  const requestAgain = async () => {
    setResent(false);
    const result = await resend({ input: { registrationId } });
    const payload = result.data?.registrationCodeResend;
    if (result.error || !payload) {
      setErrors([result.error ? fromCombinedError(result.error) : { code: 'UNKNOWN' }]);
      return;
    }
    if (payload.errors.length || !payload.registrationId || !payload.delivery) {
      setErrors(payload.errors.length ? payload.errors : [{ code: 'UNKNOWN' }]);
      return;
    }
    setErrors([]);
    setCode('');
    setResent(true);
    onResent(payload.registrationId, payload.delivery);
  };

  const { byField, general } = splitErrors(errors, FIELDS);
  const lost = general.some((e) => e.code === 'REGISTRATION_NOT_FOUND');
  return (
    <form ref={formRef} onSubmit={submit} noValidate>
      <Alert tone={resent ? 'success' : 'info'}>
        <p>{resent ? t('otp.resent', { to: delivery.sentTo }) : t('otp.sentBySms', { to: delivery.sentTo })}</p>
      </Alert>
      <FormErrors errors={general} />
      <div ref={input}>
        <OneTimeCodeField name="code" pattern="[0-9]*" length={delivery.codeLength} value={code} onChange={setCode} errors={byField.code} />
      </div>
      <Button type="submit" block busy={fetching} disabled={lost}>
        {t('common.continue')}
      </Button>
      <div className="otp-actions">
        <ResendCode availableAt={delivery.resendAvailableAt} busy={resending} onResend={() => void requestAgain()} />
        <Button variant="link" onClick={onBack}>
          {t('registration.editDetails')}
        </Button>
      </div>
    </form>
  );
}
