import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button';
import { FormErrors } from '../../components/FormErrors';
import { OneTimeCodeField } from '../../components/OneTimeCodeField';
import { ResendCode } from '../../components/ResendCode';
import type { AppError } from '../../lib/errors';
import { formatPhone } from '../../lib/format';

const CODE_LENGTH = 6;

export type CodeSent = { sentTo: string; resendAvailableAt: string | null };

/**
 * Signing with a one-time SMS password (seed 002): "Send the code", then the code field and "Sign
 * and file". The page asks for the code (it checks the form and binds the code to the exact data
 * first) and files with it; a wrong or expired code is shown under the field.
 * Its owner remounts it when the data change, since a code signs only the data it was sent for.
 */
export function SmsSigning({ sendCode, onSign }: { sendCode: () => Promise<CodeSent | readonly AppError[]>; onSign: (code: string) => Promise<readonly AppError[]> }) {
  const { t } = useTranslation();
  const [sent, setSent] = useState<CodeSent | null>(null);
  const [code, setCode] = useState('');
  const [codeErrors, setCodeErrors] = useState<AppError[]>([]);
  const [errors, setErrors] = useState<readonly AppError[]>([]);
  const [busy, setBusy] = useState<'code' | 'sign' | null>(null);

  const send = async () => {
    setErrors([]);
    setBusy('code');
    const result = await sendCode();
    setBusy(null);
    if (Array.isArray(result)) {
      setErrors(result);
      return;
    }
    setSent(result as CodeSent);
    setCode('');
    setCodeErrors([]);
  };

  const sign = async (event: FormEvent) => {
    event.preventDefault();
    if (code.length !== CODE_LENGTH) {
      setCodeErrors([{ code: 'REQUIRED', field: 'smsCode' }]);
      return;
    }
    setBusy('sign');
    const found = await onSign(code);
    setBusy(null);
    const mine = found.filter((e) => e.code.startsWith('OTP_') || e.field === 'smsCode' || e.field?.endsWith('.smsCode'));
    setCodeErrors(mine);
    setErrors(found.filter((e) => !mine.includes(e)));
  };

  if (!sent) {
    return (
      <div className="q-sms">
        <FormErrors errors={errors} />
        <div className="form-actions">
          <Button onClick={() => void send()} busy={busy === 'code'}>
            {t('queue.apply.sendCode')}
          </Button>
        </div>
      </div>
    );
  }
  return (
    <form className="q-sms" onSubmit={sign} noValidate aria-label={t('queue.apply.methods.SMS')}>
      <p role="status" className="q-sms__sent">
        {t('queue.apply.codeSent', { to: formatPhone(sent.sentTo) })}
      </p>
      <OneTimeCodeField length={CODE_LENGTH} value={code} onChange={setCode} errors={codeErrors} />
      <FormErrors errors={errors} />
      <div className="form-actions">
        <Button type="submit" busy={busy === 'sign'}>
          {t('queue.apply.signAndFile')}
        </Button>
        <ResendCode availableAt={sent.resendAvailableAt} onResend={() => void send()} busy={busy === 'code'} />
      </div>
    </form>
  );
}
