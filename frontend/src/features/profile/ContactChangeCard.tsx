import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { Card } from '../../components/Card';
import { CodeChannelField } from '../../components/CodeChannelField';
import { FormErrors } from '../../components/FormErrors';
import { OneTimeCodeField } from '../../components/OneTimeCodeField';
import { ResendCode } from '../../components/ResendCode';
import { TextField } from '../../components/TextField';
import {
  type CodeChannel,
  type DeliveryFieldsFragment,
  ProfileEmailChangeConfirmDocument,
  ProfileEmailChangeStartDocument,
  ProfilePhoneChangeConfirmDocument,
  ProfilePhoneChangeStartDocument,
  type UserErrorFieldsFragment,
  type ViewerFragment,
} from '../../gql/graphql';
import { useSessionManager } from '../../lib/auth/SessionContext';
import { type AppError, fromCombinedError, splitErrors } from '../../lib/errors';
import { formatPhone } from '../../lib/format';
import { useErrorFocus } from '../../components/useErrorFocus';

type Kind = 'email' | 'phone';
type Step = 'idle' | 'enter' | 'code';

interface Outcome<T> {
  value?: T | null;
  errors: readonly UserErrorFieldsFragment[];
  failure?: AppError;
}

/** Changing the email or the phone: a code goes to the new address and confirms it (SPEC §2.3). */
export function ContactChangeCard({ kind, current }: { kind: Kind; current: string | null }) {
  const { t } = useTranslation();
  const manager = useSessionManager();
  const [step, setStep] = useState<Step>('idle');
  const [value, setValue] = useState('');
  const [channel, setChannel] = useState<CodeChannel>('SMS');
  const [code, setCode] = useState('');
  const [delivery, setDelivery] = useState<DeliveryFieldsFragment | null>(null);
  const [errors, setErrors] = useState<AppError[]>([]);
  const formRef = useErrorFocus(errors);
  const [done, setDone] = useState(false);
  const [{ fetching: startingEmail }, startEmail] = useMutation(ProfileEmailChangeStartDocument);
  const [{ fetching: startingPhone }, startPhone] = useMutation(ProfilePhoneChangeStartDocument);
  const [{ fetching: confirmingEmail }, confirmEmail] = useMutation(ProfileEmailChangeConfirmDocument);
  const [{ fetching: confirmingPhone }, confirmPhone] = useMutation(ProfilePhoneChangeConfirmDocument);
  const body = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (step !== 'idle') body.current?.querySelector('input')?.focus();
  }, [step]);

  const sendCode = async (): Promise<Outcome<DeliveryFieldsFragment>> => {
    if (kind === 'email') {
      const r = await startEmail({ input: { email: value.trim() } });
      return r.error || !r.data ? { errors: [], failure: r.error ? fromCombinedError(r.error) : { code: 'UNKNOWN' } } : { value: r.data.profileEmailChangeStart.delivery, errors: r.data.profileEmailChangeStart.errors };
    }
    const r = await startPhone({ input: { phone: value.trim(), channel } });
    return r.error || !r.data ? { errors: [], failure: r.error ? fromCombinedError(r.error) : { code: 'UNKNOWN' } } : { value: r.data.profilePhoneChangeStart.delivery, errors: r.data.profilePhoneChangeStart.errors };
  };

  const confirm = async (): Promise<Outcome<ViewerFragment>> => {
    if (kind === 'email') {
      const r = await confirmEmail({ input: { email: value.trim(), code: code.trim() } });
      return r.error || !r.data ? { errors: [], failure: r.error ? fromCombinedError(r.error) : { code: 'UNKNOWN' } } : { value: r.data.profileEmailChangeConfirm.user, errors: r.data.profileEmailChangeConfirm.errors };
    }
    const r = await confirmPhone({ input: { phone: value.trim(), code: code.trim() } });
    return r.error || !r.data ? { errors: [], failure: r.error ? fromCombinedError(r.error) : { code: 'UNKNOWN' } } : { value: r.data.profilePhoneChangeConfirm.user, errors: r.data.profilePhoneChangeConfirm.errors };
  };

  const submitValue = async (event?: FormEvent) => {
    event?.preventDefault();
    if (!value.trim()) {
      setErrors([{ code: 'REQUIRED', field: kind }]);
      return;
    }
    const outcome = await sendCode();
    if (outcome.failure) return setErrors([outcome.failure]);
    setErrors([...outcome.errors]);
    if (outcome.value) {
      setDelivery(outcome.value);
      setCode('');
      setStep('code');
    }
  };

  const submitCode = async (event: FormEvent) => {
    event.preventDefault();
    if (!code.trim()) {
      setErrors([{ code: 'REQUIRED', field: 'code' }]);
      return;
    }
    const outcome = await confirm();
    if (outcome.failure) return setErrors([outcome.failure]);
    if (outcome.errors.length || !outcome.value) return setErrors([...outcome.errors]);
    manager.updateViewer(outcome.value);
    reset();
    setDone(true);
  };

  const reset = () => {
    setStep('idle');
    setValue('');
    setCode('');
    setDelivery(null);
    setErrors([]);
  };

  const fields = step === 'code' ? ['code'] : [kind, 'channel'];
  const { byField, general } = splitErrors(errors, fields);
  const shown = kind === 'phone' ? formatPhone(current) : current;
  return (
    <Card id={`change-${kind}`} title={t(`profile.${kind}Change.title`)}>
      <p className="current-value">
        <span className="muted">{t(`profile.${kind}Change.current`)}</span> <strong className={kind === 'phone' ? 'mono' : undefined}>{shown || t('profile.notSet')}</strong>
      </p>
      {done && step === 'idle' && (
        <Alert tone="success">
          <p>{t(`profile.${kind}Change.done`)}</p>
        </Alert>
      )}
      <div ref={body}>
        {step === 'idle' && (
          <Button
            variant="secondary"
            onClick={() => {
              setDone(false);
              setStep('enter');
            }}
          >
            {current ? t('common.change') : t('common.add')}
          </Button>
        )}
        {step === 'enter' && (
          <form ref={formRef} onSubmit={submitValue} noValidate>
            <FormErrors errors={general} />
            {kind === 'email' ? (
              <TextField label={t('profile.emailChange.new')} type="email" autoComplete="email" value={value} onChange={(e) => setValue(e.target.value)} errors={byField.email} required />
            ) : (
              <>
                <TextField label={t('profile.phoneChange.new')} hint={t('form.phoneHint')} type="tel" inputMode="tel" autoComplete="tel" placeholder="+7 7__ ___ __ __" value={value} onChange={(e) => setValue(e.target.value)} errors={byField.phone} required />
                <CodeChannelField name="phone-change-channel" value={channel} onChange={setChannel} errors={byField.channel} />
              </>
            )}
            <div className="form-actions">
              <Button type="submit" busy={startingEmail || startingPhone}>
                {t('profile.sendCode')}
              </Button>
              <Button variant="ghost" onClick={reset}>
                {t('common.cancel')}
              </Button>
            </div>
          </form>
        )}
        {step === 'code' && delivery && (
          <form ref={formRef} onSubmit={submitCode} noValidate>
            <Alert tone="info">
              <p>{delivery.channel === 'email' ? t('otp.sentByEmail', { to: delivery.sentTo }) : delivery.channel === 'call' ? t('otp.sentByCall', { to: delivery.sentTo }) : t('otp.sentBySms', { to: delivery.sentTo })}</p>
            </Alert>
            <FormErrors errors={general} />
            <OneTimeCodeField length={delivery.codeLength} value={code} onChange={setCode} errors={byField.code} />
            <div className="form-actions">
              <Button type="submit" busy={confirmingEmail || confirmingPhone}>
                {t('common.confirm')}
              </Button>
              <Button variant="ghost" onClick={reset}>
                {t('common.cancel')}
              </Button>
            </div>
            <div className="otp-actions">
              <ResendCode availableAt={delivery.resendAvailableAt} busy={startingEmail || startingPhone} onResend={() => void submitValue()} />
            </div>
          </form>
        )}
      </div>
    </Card>
  );
}
