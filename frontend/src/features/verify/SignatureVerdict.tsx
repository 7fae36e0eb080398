import { useTranslation } from 'react-i18next';
import type { DocumentVerifyMutation } from '../../gql/graphql';
import { errorMessage } from '../../lib/errors';
import { formatDate, formatDateTime } from '../../lib/format';

type Signature = DocumentVerifyMutation['documentVerify']['signatures'][number];

/** One signature: who, with which certificate, when, and each check as passed or failed. */
export function SignatureVerdict({ signature: s, index }: { signature: Signature; index: number }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const checks: [string, boolean][] = [
    [t('verify.checks.intact'), s.intact],
    [t('verify.checks.trusted'), s.trusted],
    [t('verify.checks.notRevoked'), !s.revoked],
    [t('verify.checks.whole'), s.coversWholeDocument],
  ];
  return (
    <article className={`verify-sig verify-sig--${s.valid ? 'valid' : 'invalid'}`} aria-labelledby={`sig-${index}`}>
      <h3 className="verify-sig__title" id={`sig-${index}`}>
        {t('verify.signature', { n: index })}: {s.signerName ?? t('verify.unknownSigner')}{' '}
        <span className={`verify-sig__badge verify-sig__badge--${s.valid ? 'valid' : 'invalid'}`}>{s.valid ? t('verify.valid') : t('verify.invalid')}</span>
      </h3>
      {!s.valid && s.problem && <p className="verify-sig__problem">{errorMessage(t, { code: s.problem })}</p>}
      <dl className="verify-sig__facts">
        {s.iin && (
          <div>
            <dt>{t('eds.iin')}</dt>
            <dd className="mono">{s.iin}</dd>
          </div>
        )}
        {s.organization && (
          <div>
            <dt>{t('eds.organization')}</dt>
            <dd>{s.organization}</dd>
          </div>
        )}
        {s.bin && (
          <div>
            <dt>{t('eds.bin')}</dt>
            <dd className="mono">{s.bin}</dd>
          </div>
        )}
        <div>
          <dt>{t('verify.signedAt')}</dt>
          <dd>{s.signedAt ? formatDateTime(s.signedAt, locale) : '—'}</dd>
        </div>
        <div>
          <dt>{t('eds.issuer')}</dt>
          <dd>{s.issuer ?? '—'}</dd>
        </div>
        <div>
          <dt>{t('eds.serial')}</dt>
          <dd className="mono verify-sig__serial">{s.certificateSerial ?? '—'}</dd>
        </div>
        <div>
          <dt>{t('verify.validity')}</dt>
          <dd>{s.validFrom && s.validTo ? `${formatDate(s.validFrom, locale)} — ${formatDate(s.validTo, locale)}` : '—'}</dd>
        </div>
      </dl>
      <ul className="verify-sig__checks">
        {checks.map(([label, ok]) => (
          <li key={label} className={`verify-check verify-check--${ok ? 'ok' : 'bad'}`}>
            <span aria-hidden="true">{ok ? '✓' : '✕'}</span> {label}
            <span className="visually-hidden"> — {ok ? t('verify.yes') : t('verify.no')}</span>
          </li>
        ))}
      </ul>
    </article>
  );
}
