import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { useMutation } from 'urql';
import { Button } from '../../components/Button';
import { FilePicker } from '../../components/FilePicker';
import { FormErrors } from '../../components/FormErrors';
import { RadioGroup } from '../../components/RadioGroup';
import { type DocumentVerifyMutation, DocumentVerifyDocument } from '../../gql/graphql';
import { toBase64 } from '../../lib/eds/base64';
import { type AppError, fromCombinedError } from '../../lib/errors';
import { formatBytes } from '../../lib/format';
import { usePageTitle } from '../../lib/usePageTitle';
import { IssuedCertificate } from './IssuedCertificate';
import { SignatureVerdict } from './SignatureVerdict';
import './VerifyPage.css';

/** What the API takes inline (base64 in the request). */
export const MAX_VERIFY_BYTES = 20 * 1024 * 1024;
const SIGNATURE_ACCEPT = '.cms,.p7s,.sig,.p7m,.pem,application/pkcs7-signature';

type Mode = 'pdf' | 'detached';
type Result = DocumentVerifyMutation['documentVerify'];

/** A file of the page's state when "Check it" brought one: `{ url, name }` is fetched in this browser. */
interface Preload {
  url: string;
  name: string;
}

async function readBase64(file: Blob): Promise<string> {
  return toBase64(new Uint8Array(await file.arrayBuffer()));
}

/**
 * "Verify a document" (SPEC §4, the portal's own eZsigner): a signed PDF, or a file and its detached
 * signature, read in the browser and checked by the server; each signature with its signer,
 * certificate, time and checks, and a clear verdict. Public: no sign-in needed.
 */
export function VerifyPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('verify.title'));
  const location = useLocation();
  const preload = (location.state as Preload | null) ?? null;
  // A housing-queue certificate's QR code opens /verify?certificate=<id>.
  const certificateId = new URLSearchParams(location.search).get('certificate');
  const [mode, setMode] = useState<Mode>('pdf');
  const [file, setFile] = useState<File | null>(null);
  const [signature, setSignature] = useState<File | null>(null);
  const [fieldErrors, setFieldErrors] = useState<{ file?: AppError[]; signature?: AppError[] }>({});
  const [errors, setErrors] = useState<AppError[]>([]);
  const [result, setResult] = useState<Result | null>(null);
  const [checkedName, setCheckedName] = useState('');
  const [loadingPreload, setLoadingPreload] = useState(Boolean(preload));
  const [{ fetching }, verify] = useMutation(DocumentVerifyDocument);
  const resultRef = useRef<HTMLDivElement>(null);

  const check = async (document: File, cms: File | null) => {
    setErrors([]);
    setResult(null);
    const problems: { file?: AppError[]; signature?: AppError[] } = {};
    if (document.size > MAX_VERIFY_BYTES) problems.file = [{ code: 'FILE_TOO_LARGE', field: 'file', params: { max: 20 } }];
    if (cms && cms.size > MAX_VERIFY_BYTES) problems.signature = [{ code: 'FILE_TOO_LARGE', field: 'signature', params: { max: 20 } }];
    setFieldErrors(problems);
    if (problems.file || problems.signature) return;
    const input = { file: await readBase64(document), cms: cms ? await readBase64(cms) : null };
    const response = await verify({ input });
    const payload = response.data?.documentVerify;
    if (response.error || !payload) {
      setErrors([response.error ? fromCombinedError(response.error) : { code: 'UNKNOWN' }]);
      return;
    }
    if (payload.errors.length) {
      setErrors(payload.errors.map((e) => ({ ...e, field: null })));
      return;
    }
    setCheckedName(document.name);
    setResult(payload);
    requestAnimationFrame(() => resultRef.current?.focus());
  };

  // "Check it" next to a signed file: fetch it here (its link is personal and short-lived), then check.
  useEffect(() => {
    if (!preload) return;
    let alive = true;
    void (async () => {
      try {
        const response = await fetch(preload.url, { credentials: 'same-origin' });
        if (!response.ok) throw new Error(String(response.status));
        const blob = await response.blob();
        const loaded = new File([blob], preload.name, { type: blob.type || 'application/pdf' });
        if (!alive) return;
        setMode('pdf');
        setFile(loaded);
        setLoadingPreload(false);
        await check(loaded, null);
      } catch {
        if (!alive) return;
        setLoadingPreload(false);
        setErrors([{ code: 'LINK_EXPIRED' }]);
      }
    })();
    return () => {
      alive = false;
    };
    // Once per arrival with a file.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [preload?.url]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems: { file?: AppError[]; signature?: AppError[] } = {};
    if (!file) problems.file = [{ code: 'FILE_REQUIRED', field: 'file' }];
    if (mode === 'detached' && !signature) problems.signature = [{ code: 'FILE_REQUIRED', field: 'signature' }];
    setFieldErrors(problems);
    if (!file || problems.signature) return;
    await check(file, mode === 'detached' ? signature : null);
  };

  const signatures = result?.signatures ?? [];
  const allValid = signatures.length > 0 && signatures.every((s) => s.valid);

  return (
    <div className="page page--narrow verify-page">
      <h1 tabIndex={-1}>{t('verify.title')}</h1>
      <p className="page__lead">{t('verify.lead')}</p>
      {certificateId && <IssuedCertificate id={certificateId} checkedSha256={result?.sha256 ?? null} />}

      <form className="card verify-form" onSubmit={(e) => void submit(e)} noValidate>
        <RadioGroup<Mode>
          legend={t('verify.mode')}
          name="verify-mode"
          value={mode}
          onChange={(next) => {
            setMode(next);
            setFieldErrors({});
          }}
          options={[
            { value: 'pdf', label: t('verify.modes.pdf') },
            { value: 'detached', label: t('verify.modes.detached') },
          ]}
        />
        <FilePicker
          label={mode === 'pdf' ? t('verify.pdfLabel') : t('verify.fileLabel')}
          hint={t('verify.fileHint', { size: formatBytes(MAX_VERIFY_BYTES, i18n.language) })}
          accept={mode === 'pdf' ? 'application/pdf,.pdf' : undefined}
          file={file}
          onChange={(next) => {
            setFile(next);
            setFieldErrors((e) => ({ ...e, file: undefined }));
          }}
          errors={fieldErrors.file}
        />
        {mode === 'detached' && (
          <FilePicker
            label={t('verify.signatureLabel')}
            hint={t('verify.signatureHint')}
            accept={SIGNATURE_ACCEPT}
            file={signature}
            onChange={(next) => {
              setSignature(next);
              setFieldErrors((e) => ({ ...e, signature: undefined }));
            }}
            errors={fieldErrors.signature}
          />
        )}
        <p className="verify-form__privacy">{t('verify.privacy')}</p>
        <FormErrors errors={errors} />
        <div className="form-actions">
          <Button type="submit" busy={fetching || loadingPreload}>
            {loadingPreload ? t('verify.loadingFile') : t('verify.submit')}
          </Button>
        </div>
      </form>

      {result && (
        <div ref={resultRef} tabIndex={-1} className="verify-result" aria-labelledby="verify-result-title">
          <div className={`verify-verdict verify-verdict--${allValid ? 'valid' : 'invalid'}`} role="status">
            <p className="verify-verdict__mark" aria-hidden="true">
              {allValid ? '✓' : '✕'}
            </p>
            <div>
              <h2 id="verify-result-title" className="verify-verdict__title">
                {signatures.length === 0 ? t('verify.verdict.none') : allValid ? t('verify.verdict.valid') : t('verify.verdict.invalid')}
              </h2>
              <p className="verify-verdict__file">
                {checkedName}
                {result.size ? ` · ${formatBytes(result.size, i18n.language)}` : ''} · {t(`verify.kinds.${result.kind ?? 'pdf'}`, { defaultValue: result.kind ?? '' })}
              </p>
              {result.sha256 && <p className="verify-verdict__hash mono">SHA-256: {result.sha256}</p>}
            </div>
          </div>
          <ol className="verify-signatures" aria-label={t('verify.signaturesLabel')}>
            {signatures.map((s, i) => (
              <li key={`${s.certificateSerial}-${i}`}>
                <SignatureVerdict signature={s} index={i + 1} />
              </li>
            ))}
          </ol>
        </div>
      )}
    </div>
  );
}
