import { useTranslation } from 'react-i18next';
import { formatDuration } from '../lib/errors';
import { Button } from './Button';
import { useCountdown } from './useCountdown';

/** "Send the code again" that becomes available at `availableAt`, with the time left meanwhile. */
export function ResendCode({ availableAt, onResend, busy, label }: { availableAt: string | null | undefined; onResend: () => void; busy?: boolean; label?: string }) {
  const { t } = useTranslation();
  const left = useCountdown(availableAt);
  if (left > 0) {
    return (
      <p className="resend-wait" aria-live="off">
        {t('otp.resendIn', { time: formatDuration(t, left) })}
      </p>
    );
  }
  return (
    <Button variant="link" onClick={onResend} busy={busy}>
      {label ?? t('otp.resend')}
    </Button>
  );
}
