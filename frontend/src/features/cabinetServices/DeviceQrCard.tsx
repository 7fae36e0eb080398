import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { Button } from '../../components/Button';
import { Card } from '../../components/Card';
import { FormErrors } from '../../components/FormErrors';
import { useCountdown } from '../../components/useCountdown';
import { CabinetDeviceLoginTokenCreateDocument } from '../../gql/graphql';
import { type AppError, formatDuration, fromCombinedError } from '../../lib/errors';

interface Code {
  qrSvg: string;
  /** When it expires by this device's clock (see localExpiry). */
  expiresAt: string;
}

/** The token's life (DESIGN: two minutes); a longer one is not shown even if the clocks disagree. */
const MAX_TTL_SECONDS = 120;

/**
 * The server dates expiresAt by its clock; this device's may be off by minutes (or, on a demo
 * server, days), so the countdown runs from receipt for the time the server gave, capped at the
 * token's life; a date already past by this clock is read as the full life.
 */
export function localExpiry(expiresAt: string, now: number): string {
  const left = (Date.parse(expiresAt) - now) / 1000;
  const seconds = Number.isFinite(left) && left > 0 ? Math.min(left, MAX_TTL_SECONDS) : MAX_TTL_SECONDS;
  return new Date(now + seconds * 1000).toISOString();
}

/**
 * "Мобильное приложение": the personal QR code that signs the mobile app in. The token lives two
 * minutes and works once; it is asked for only when the person shows the code, and the SVG is
 * shown as an image (never put into the page as markup).
 */
export function DeviceQrCard() {
  const { t } = useTranslation();
  const [, create] = useMutation(CabinetDeviceLoginTokenCreateDocument);
  const [code, setCode] = useState<Code | null>(null);
  const [errors, setErrors] = useState<AppError[]>([]);
  const [busy, setBusy] = useState(false);
  const left = useCountdown(code?.expiresAt);
  const expired = code !== null && left <= 0;

  const show = useCallback(async () => {
    setBusy(true);
    const result = await create({});
    setBusy(false);
    const payload = result.data?.deviceLoginTokenCreate;
    if (result.error || !payload) return setErrors([result.error ? fromCombinedError(result.error) : { code: 'UNKNOWN' }]);
    if (payload.errors.length || !payload.qrSvg || !payload.expiresAt) return setErrors(payload.errors.length ? payload.errors : [{ code: 'UNKNOWN' }]);
    setErrors([]);
    setCode({ qrSvg: payload.qrSvg, expiresAt: localExpiry(payload.expiresAt, Date.now()) });
  }, [create]);

  // The image would keep a code the server no longer accepts: it fades and asks for a new one.
  useEffect(() => {
    if (expired) document.getElementById('device-qr-new')?.focus({ preventScroll: true });
  }, [expired]);

  return (
    <Card level={3} title={t('cabinetServices.qr.title')} id="mobile-app">
      <p>{t('cabinetServices.qr.lead')}</p>
      <div className="cs-qr">
        <div className={`cs-qr__image${expired ? ' cs-qr__image--expired' : ''}`}>
          {code ? (
            <img src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(code.qrSvg)}`} alt={t('cabinetServices.qr.alt')} />
          ) : (
            <span className="cs-hint">{t('cabinetServices.qr.placeholder')}</span>
          )}
        </div>
        <div>
          <ol className="cs-qr__steps">
            <li>{t('cabinetServices.qr.step1')}</li>
            <li>{t('cabinetServices.qr.step2')}</li>
            <li>{t('cabinetServices.qr.step3')}</li>
          </ol>
          <p className="cs-hint">{t('cabinetServices.qr.safety')}</p>
          {code && (
            <>
              <p className="cs-qr__timer" aria-hidden="true">
                {expired ? <strong>{t('cabinetServices.qr.expired')}</strong> : t('cabinetServices.qr.validFor', { time: formatDuration(t, left) })}
              </p>
              {/* Announced once when shown, each half minute, and when it expires — not every second. */}
              <p role="status" className="visually-hidden">
                {expired ? t('cabinetServices.qr.expired') : t('cabinetServices.qr.validFor', { time: formatDuration(t, Math.ceil(left / 30) * 30) })}
              </p>
            </>
          )}
          <FormErrors errors={errors} />
          <div className="form-actions">
            <Button id="device-qr-new" variant={code && !expired ? 'secondary' : 'primary'} busy={busy} onClick={() => void show()}>
              {code ? t('cabinetServices.qr.renew') : t('cabinetServices.qr.show')}
            </Button>
          </div>
        </div>
      </div>
    </Card>
  );
}
