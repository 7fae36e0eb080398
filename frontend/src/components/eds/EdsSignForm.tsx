import { type FormEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CertificateInfo, EdsKey } from '../../lib/eds';
import { toBase64 } from '../../lib/eds/base64';
import { EdsError } from '../../lib/eds/errors';
import { validityAt } from '../../lib/eds/validity';
import type { AppError } from '../../lib/errors';
import { formatDate } from '../../lib/format';
import { Button } from '../Button';
import { FilePicker } from '../FilePicker';
import { FormErrors } from '../FormErrors';
import { TextField } from '../TextField';
import './EdsSignForm.css';

/** Signs bytes with the opened key and returns base64 DER of a detached CMS. */
export type Signer = (data: Uint8Array) => Promise<string>;

export const PKCS12_ACCEPT = '.p12,.pfx,application/x-pkcs12';

export interface EdsSignFormProps {
  /** AUTH certificates sign in, RSA (signing) ones sign documents: the other kind gets a warning. */
  purpose: 'auth' | 'sign';
  /** The label of the final button: "Send form" (seed 001), "Sign in", "Sign". */
  submitLabel: string;
  /**
   * Called with a signer for the opened key: fetch the exact bytes, sign them, send the CMS. Returns
   * the server's errors (empty on success). The key and the password are dropped afterwards either way.
   */
  onSign: (sign: Signer) => Promise<readonly AppError[]>;
  /** The IIN or BIN that must sign, when known: a certificate of someone else gets a warning first. */
  expectedSigner?: string | null;
  /** Shown between the certificate and the button (what is about to be signed). */
  children?: ReactNode;
  disabled?: boolean;
}

/**
 * EDS signing in the browser (seed 001, 8.1): "Choose file" for the certificate (.p12), its
 * password, then the certificate's owner and validity to check, then sign. The PKCS#12 file and
 * its password stay in this page: the key is opened with WebCrypto (not extractable), used once
 * and forgotten; only the signature and the certificates are sent.
 */
export function EdsSignForm({ purpose, submitLabel, onSign, expectedSigner, children, disabled }: EdsSignFormProps) {
  const { t, i18n } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [password, setPassword] = useState('');
  const [fileKey, setFileKey] = useState(0);
  const [fieldErrors, setFieldErrors] = useState<{ file?: AppError[]; password?: AppError[] }>({});
  const [errors, setErrors] = useState<readonly AppError[]>([]);
  const [opening, setOpening] = useState(false);
  const [signing, setSigning] = useState(false);
  const [info, setInfo] = useState<CertificateInfo | null>(null);
  const keyRef = useRef<EdsKey | null>(null);
  const certRef = useRef<HTMLDivElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const headingId = `cert${useId()}`;

  // Leaving the page drops the key.
  useEffect(
    () => () => {
      keyRef.current = null;
    },
    [],
  );

  useEffect(() => {
    if (info) certRef.current?.focus();
  }, [info]);

  useEffect(() => {
    if (fieldErrors.file?.length) formRef.current?.querySelector<HTMLElement>('input[type="file"]')?.focus();
    else if (fieldErrors.password?.length) passwordRef.current?.focus();
  }, [fieldErrors]);

  const forgetKey = () => {
    keyRef.current = null;
    setInfo(null);
    setPassword('');
  };

  const open = async (event: FormEvent) => {
    event.preventDefault();
    setErrors([]);
    const missing: { file?: AppError[]; password?: AppError[] } = {};
    if (!file) missing.file = [{ code: 'FILE_REQUIRED', field: 'file' }];
    if (!password) missing.password = [{ code: 'REQUIRED', field: 'password' }];
    setFieldErrors(missing);
    if (!file || !password) return;
    setOpening(true);
    try {
      // The PKI library loads on first use: most pages never sign.
      const { openPkcs12 } = await import('../../lib/eds');
      const key = await openPkcs12(await file.arrayBuffer(), password);
      keyRef.current = key;
      setInfo(key.info);
      setPassword(''); // the key is open; the password is no longer needed here
    } catch (error) {
      const code = error instanceof EdsError ? error.code : 'EDS_FILE_INVALID';
      if (code === 'EDS_WRONG_PASSWORD') setFieldErrors({ password: [{ code, field: 'password' }] });
      else setFieldErrors({ file: [{ code, field: 'file' }] });
    } finally {
      setOpening(false);
    }
  };

  const sign = async () => {
    const key = keyRef.current;
    if (!key) return;
    setSigning(true);
    setErrors([]);
    let result: readonly AppError[];
    try {
      const { signDetached } = await import('../../lib/eds');
      result = await onSign(async (data) => toBase64(await signDetached(key, data)));
    } catch (error) {
      result = [{ code: error instanceof EdsError ? error.code : 'UNKNOWN' }];
    }
    setSigning(false);
    forgetKey();
    if (result.length > 0) {
      setErrors(result);
      passwordRef.current?.focus();
    } else {
      setFile(null);
      setFileKey((k) => k + 1);
    }
  };

  const otherCertificate = () => {
    forgetKey();
    setErrors([]);
    setFile(null);
    setFileKey((k) => k + 1);
  };

  if (info) {
    const validity = validityAt(info);
    const mismatch = expectedSigner ? info.iin !== expectedSigner && info.bin !== expectedSigner : false;
    const wrongPurpose = info.purpose !== 'other' && info.purpose !== purpose;
    return (
      <div className="eds-form">
        <div ref={certRef} tabIndex={-1} className="eds-cert" role="group" aria-labelledby={headingId}>
          <p className="eds-cert__title" id={headingId}>
            {t('eds.certTitle')}
          </p>
          <CertificateFacts info={info} />
          <p className={`eds-cert__validity eds-cert__validity--${validity}`}>
            {t(`eds.validity.${validity}`, { from: formatDate(info.notBefore.toISOString(), i18n.language), to: formatDate(info.notAfter.toISOString(), i18n.language) })}
          </p>
        </div>
        {wrongPurpose && <p className="eds-form__warning">{t(purpose === 'auth' ? 'eds.warnings.signForAuth' : 'eds.warnings.authForSign')}</p>}
        {mismatch && <p className="eds-form__warning">{t('eds.warnings.otherSigner', { expected: expectedSigner })}</p>}
        {children}
        <FormErrors errors={errors} />
        <div className="form-actions">
          <Button onClick={() => void sign()} busy={signing} disabled={disabled}>
            {signing ? t('eds.signing') : submitLabel}
          </Button>
          <Button variant="secondary" onClick={otherCertificate} disabled={signing}>
            {t('eds.otherCertificate')}
          </Button>
        </div>
      </div>
    );
  }

  return (
    <form ref={formRef} className="eds-form" onSubmit={(e) => void open(e)} noValidate>
      <FormErrors errors={errors} />
      <FilePicker
        label={t('eds.fileLabel')}
        hint={t(purpose === 'auth' ? 'eds.fileHintAuth' : 'eds.fileHintSign')}
        accept={PKCS12_ACCEPT}
        file={file}
        resetKey={fileKey}
        errors={fieldErrors.file}
        onChange={(next) => {
          setFile(next);
          setFieldErrors((e) => ({ ...e, file: undefined }));
        }}
        disabled={disabled}
      />
      <TextField
        ref={passwordRef}
        label={t('eds.passwordLabel')}
        type="password"
        autoComplete="off"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        errors={fieldErrors.password}
        revealable
        disabled={disabled}
      />
      <p className="eds-form__privacy">{t('eds.privacy')}</p>
      <div className="form-actions">
        <Button type="submit" busy={opening} disabled={disabled}>
          {t('eds.open')}
        </Button>
      </div>
    </form>
  );
}

/** Whose certificate it is: name, IIN, company and BIN, issuer and serial. */
export function CertificateFacts({ info }: { info: Pick<CertificateInfo, 'fullName' | 'commonName' | 'iin' | 'bin' | 'organization' | 'issuer' | 'serial'> }) {
  const { t } = useTranslation();
  return (
    <dl className="eds-facts">
      <div>
        <dt>{t('eds.owner')}</dt>
        <dd>{info.fullName || info.commonName}</dd>
      </div>
      {info.iin && (
        <div>
          <dt>{t('eds.iin')}</dt>
          <dd className="mono">{info.iin}</dd>
        </div>
      )}
      {info.organization && (
        <div>
          <dt>{t('eds.organization')}</dt>
          <dd>{info.organization}</dd>
        </div>
      )}
      {info.bin && (
        <div>
          <dt>{t('eds.bin')}</dt>
          <dd className="mono">{info.bin}</dd>
        </div>
      )}
      <div>
        <dt>{t('eds.issuer')}</dt>
        <dd>{info.issuer}</dd>
      </div>
      <div>
        <dt>{t('eds.serial')}</dt>
        <dd className="mono eds-facts__serial">{info.serial}</dd>
      </div>
    </dl>
  );
}
