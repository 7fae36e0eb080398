import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { CheckboxField } from '../../components/CheckboxField';
import { CodeChannelField } from '../../components/CodeChannelField';
import { FormErrors } from '../../components/FormErrors';
import { OneTimeCodeField } from '../../components/OneTimeCodeField';
import { ResendCode } from '../../components/ResendCode';
import { TextField } from '../../components/TextField';
import { type CodeChannel, type DeliveryFieldsFragment, SessionPhoneCodeSendDocument, SessionPhoneLoginDocument } from '../../gql/graphql';
import { type AppError, fromCombinedError, splitErrors } from '../../lib/errors';
import { useAfterSignIn } from './useAfterSignIn';
import { useErrorFocus } from '../../components/useErrorFocus';

const PHONE_FIELDS = ['phone', 'channel', 'acceptAgreement'] as const;
const CODE_FIELDS = ['code'] as const;

/** Phone, SMS or call, the user agreement → a four-digit code → signed in (seed 004). */
export function PhoneLoginForm() {
  const { t } = useTranslation();
  const [phone, setPhone] = useState('');
  const [channel, setChannel] = useState<CodeChannel>('SMS');
  const [accepted, setAccepted] = useState(false);
  const [delivery, setDelivery] = useState<DeliveryFieldsFragment | null>(null);
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<AppError[]>([]);
  const formRef = useErrorFocus(errors);
  const [{ fetching: sending }, sendCode] = useMutation(SessionPhoneCodeSendDocument);
  const [{ fetching: verifying }, login] = useMutation(SessionPhoneLoginDocument);
  const afterSignIn = useAfterSignIn();
  const codeStep = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (delivery) codeStep.current?.querySelector('input')?.focus();
  }, [delivery]);

  const requestCode = async (via: CodeChannel) => {
    const result = await sendCode({ input: { phone: phone.trim(), channel: via, acceptAgreement: accepted } });
    const payload = result.data?.sessionPhoneCodeSend;
    if (result.error || !payload) {
      setErrors([result.error ? fromCombinedError(result.error) : { code: 'UNKNOWN' }]);
      return;
    }
    setErrors(payload.errors);
    if (payload.delivery) {
      setChannel(via);
      setDelivery(payload.delivery);
      setCode('');
    }
  };

  const submitPhone = async (event: FormEvent) => {
    event.preventDefault();
    const missing: AppError[] = [];
    if (!phone.trim()) missing.push({ code: 'REQUIRED', field: 'phone' });
    if (!accepted) missing.push({ code: 'AGREEMENT_REQUIRED', field: 'acceptAgreement' });
    setErrors(missing);
    if (!missing.length) await requestCode(channel);
  };

  const submitCode = async (event: FormEvent) => {
    event.preventDefault();
    if (!code.trim()) {
      setErrors([{ code: 'REQUIRED', field: 'code' }]);
      return;
    }
    const result = await login({ input: { phone: phone.trim(), code: code.trim() } });
    const payload = result.data?.sessionPhoneLogin;
    if (result.error || !payload) {
      setErrors([result.error ? fromCombinedError(result.error) : { code: 'UNKNOWN' }]);
      return;
    }
    if (payload.errors.length) {
      setErrors(payload.errors);
      return;
    }
    afterSignIn(payload);
  };

  if (delivery) {
    const { byField, general } = splitErrors(errors, CODE_FIELDS);
    return (
      <form ref={formRef} onSubmit={submitCode} noValidate>
        <div ref={codeStep}>
          <Alert tone="info">
            <p>{delivery.channel === 'call' ? t('otp.sentByCall', { to: delivery.sentTo }) : t('otp.sentBySms', { to: delivery.sentTo })}</p>
          </Alert>
          <FormErrors errors={general} />
          <OneTimeCodeField name="code" pattern="[0-9]*" length={delivery.codeLength} value={code} onChange={setCode} errors={byField.code} />
        </div>
        <Button type="submit" block busy={verifying}>
          {t('common.confirm')}
        </Button>
        <div className="otp-actions">
          <ResendCode availableAt={delivery.resendAvailableAt} busy={sending} onResend={() => void requestCode(channel)} label={channel === 'CALL' ? t('otp.callAgain') : t('otp.resend')} />
          <Button
            variant="link"
            onClick={() => {
              setDelivery(null);
              setErrors([]);
            }}
          >
            {t('login.changePhone')}
          </Button>
        </div>
      </form>
    );
  }

  const { byField, general } = splitErrors(errors, PHONE_FIELDS);
  return (
    <form ref={formRef} onSubmit={submitPhone} noValidate>
      <FormErrors errors={general} />
      <TextField
        label={t('login.phone')}
        hint={t('form.phoneHint')}
        type="tel"
        name="phone"
        autoComplete="tel"
        inputMode="tel"
        placeholder="+7 7__ ___ __ __"
        value={phone}
        onChange={(e) => setPhone(e.target.value)}
        errors={byField.phone}
        required
      />
      <CodeChannelField name="channel" value={channel} onChange={setChannel} errors={byField.channel} />
      <CheckboxField label={t('login.agreement')} checked={accepted} onChange={(e) => setAccepted(e.target.checked)} errors={byField.acceptAgreement} />
      <Button type="submit" block busy={sending}>
        {t('common.continue')}
      </Button>
    </form>
  );
}
