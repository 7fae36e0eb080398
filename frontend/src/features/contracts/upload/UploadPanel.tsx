import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { Alert } from '../../../components/Alert';
import { Button } from '../../../components/Button';
import { FieldErrors } from '../../../components/FieldErrors';
import { FileIcon, PauseIcon, PlayIcon, UploadIcon } from '../../../components/icons';
import { ProgressBar } from '../../../components/ProgressBar';
import { TextField } from '../../../components/TextField';
import { ContractDocumentAttachDocument } from '../../../gql/graphql';
import { type AppError, errorMessage, fromCombinedError } from '../../../lib/errors';
import { formatBytes } from '../../../lib/format';
import { ACCEPTED_FILES } from '../../../lib/upload/fileCheck';
import { canContinue, type InterruptedUpload } from '../../../lib/upload/UploadController';
import { percentOf, type PreviousUploadInfo } from '../../../lib/upload/uploadMachine';
import { useUploadController } from '../../../lib/upload/useUploadController';

const MAX_TITLE = 300;

/**
 * "Add a document" to a contract: a title and a PDF/JPEG/PNG of up to 700 MB, sent with tus
 * (progress, pause, resume, continuing after a reload), then attached to the contract.
 */
export function UploadPanel({ contractId, contractNumber, viewerId, onAttached }: { contractId: string; contractNumber: string; viewerId: string; onAttached: () => void }) {
  const { t, i18n } = useTranslation();
  const [, attachDocument] = useMutation(ContractDocumentAttachDocument);
  const { controller, state } = useUploadController({
    fingerprintPrefix: `shanyraq:${viewerId}:${contractId}:`,
    attach: async (uploadId, title) => {
      const result = await attachDocument({ input: { contractId, uploadId, title, kind: 'OTHER' } });
      if (result.error) return [fromCombinedError(result.error)];
      const payload = result.data?.contractDocumentAttach;
      return payload ? payload.errors : [{ code: 'UNKNOWN' }];
    },
    onAttached,
  });
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState('');
  const [titleErrors, setTitleErrors] = useState<AppError[]>([]);
  const [fileMissing, setFileMissing] = useState(false);
  const [interrupted, setInterrupted] = useState<InterruptedUpload[]>([]);
  const [inputKey, setInputKey] = useState(0);
  const fileId = `file${useId()}`;
  const toggleRef = useRef<HTMLButtonElement>(null);
  const doneRef = useRef<HTMLDivElement>(null);
  const titleRef = useRef<HTMLInputElement>(null);
  const previousPhase = useRef(state.phase);

  // Uploads of this contract that a reload interrupted: offered at once.
  useEffect(() => {
    let alive = true;
    void controller.findInterrupted().then((found) => {
      if (!alive) return;
      setInterrupted(found);
      if (found.length > 0) setOpen(true);
    });
    return () => {
      alive = false;
    };
  }, [controller]);

  // Keep the keyboard where the person is: the controls replace the form, and the result replaces them.
  useEffect(() => {
    const before = previousPhase.current;
    previousPhase.current = state.phase;
    if (state.phase === 'uploading' && before === 'ready') toggleRef.current?.focus();
    if (state.phase === 'done') doneRef.current?.focus();
  }, [state.phase]);

  // The interrupted upload this file continues brings its title, in the same render that offers to
  // continue it (an effect would show that offer with an empty title first), and once per offer,
  // so that a person can still clear the field.
  const [titleFrom, setTitleFrom] = useState<PreviousUploadInfo | null>(null);
  if (state.phase === 'ready' && state.previous && state.previous !== titleFrom) {
    setTitleFrom(state.previous);
    if (!title) setTitle(state.previous.title);
  }

  // Closing the tab mid-upload loses nothing (it can be continued), but the person should know.
  useEffect(() => {
    if (state.phase !== 'uploading') return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [state.phase]);

  const validTitle = (): string | null => {
    const value = title.trim().replace(/\s+/g, ' ');
    if (!value) {
      setTitleErrors([{ code: 'REQUIRED', field: 'title' }]);
      titleRef.current?.focus();
      return null;
    }
    if (value.length > MAX_TITLE) {
      setTitleErrors([{ code: 'TOO_LONG', field: 'title', params: { max: MAX_TITLE } }]);
      titleRef.current?.focus();
      return null;
    }
    setTitleErrors([]);
    return value;
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const value = validTitle();
    if (state.phase === 'idle') setFileMissing(true);
    if (!value || state.phase !== 'ready') return;
    controller.start(value, { continuePrevious: false });
  };

  const continuePrevious = () => {
    const value = validTitle();
    if (value) controller.start(value, { continuePrevious: true });
  };

  const startOver = () => {
    const value = validTitle();
    if (value) controller.start(value, { continuePrevious: false });
  };

  const addAnother = () => {
    controller.reset();
    setTitle('');
    setInputKey((k) => k + 1);
    setInterrupted([]);
  };

  const cancel = async () => {
    await controller.cancel();
    setInputKey((k) => k + 1);
    void controller.findInterrupted().then(setInterrupted);
  };

  const discard = async (item: InterruptedUpload) => {
    await controller.discard(item);
    setInterrupted((list) => list.filter((i) => i.key !== item.key));
  };

  const locale = i18n.language;
  const bytes = (n: number) => formatBytes(n, locale);
  const percent = percentOf(state.sent, state.total);
  const inForm = state.phase === 'idle' || state.phase === 'checking' || state.phase === 'ready' || (state.phase === 'failed' && state.failedStep === 'check');
  const fileErrors: AppError[] = state.phase === 'failed' && state.failedStep === 'check' && state.error ? [state.error] : fileMissing && state.phase === 'idle' ? [{ code: 'FILE_REQUIRED', field: 'file' }] : [];

  if (!open) {
    return (
      <div className="upload">
        <Button variant="secondary" onClick={() => setOpen(true)} aria-expanded={false}>
          <UploadIcon className="btn__icon" />
          {t('contracts.upload.open')}
        </Button>
      </div>
    );
  }

  return (
    <section className="upload upload--open" aria-labelledby="upload-heading">
      <h3 className="upload__title" id="upload-heading">
        {t('contracts.upload.title')}
      </h3>
      <p className="upload__lead">{t('contracts.upload.lead', { number: contractNumber })}</p>

      {inForm &&
        !state.previous &&
        interrupted.map((item) => (
          <Alert key={item.key} tone="warning" className="upload__interrupted">
            <p>{t('contracts.upload.interrupted', { name: item.filename || item.title, percent: percentOf(item.offset, item.total), sent: bytes(item.offset), total: bytes(item.total) })}</p>
            <p>
              {t('contracts.upload.interruptedHint')}{' '}
              <Button variant="link" onClick={() => void discard(item)}>
                {t('contracts.upload.discard')}
              </Button>
            </p>
          </Alert>
        ))}

      {inForm && (
        <form onSubmit={submit} noValidate>
          <TextField
            label={t('contracts.upload.titleLabel')}
            hint={t('contracts.upload.titleHint')}
            value={title}
            maxLength={MAX_TITLE + 50}
            onChange={(e) => setTitle(e.target.value)}
            errors={titleErrors}
            ref={titleRef}
            required
          />
          <div className={`field ${fileErrors.length ? 'field--invalid' : ''}`}>
            <label className="field__label" htmlFor={fileId}>
              {t('contracts.upload.fileLabel')}
            </label>
            <p className="field__hint" id={`${fileId}-hint`}>
              {t('contracts.upload.fileHint')}
            </p>
            {/* The browser's own "Choose File" speaks the browser's language: ours speaks the page's.
                The real input covers the picker, so clicks, keyboard and screen readers reach it. */}
            <div className="file-picker">
              <input
                key={inputKey}
                id={fileId}
                type="file"
                className="file-picker__input"
                accept={ACCEPTED_FILES}
                aria-describedby={[`${fileId}-hint`, fileErrors.length ? `${fileId}-error` : ''].filter(Boolean).join(' ')}
                aria-invalid={fileErrors.length > 0 || undefined}
                onChange={(e) => {
                  setFileMissing(false);
                  const file = e.target.files?.[0];
                  if (file) void controller.select(file);
                  else controller.reset();
                }}
              />
              <span className="file-picker__button" aria-hidden="true">
                <FileIcon className="btn__icon" />
                {t('contracts.upload.choose')}
              </span>
              <span className="file-picker__name" aria-hidden="true">
                {state.file ? `${state.file.name} · ${bytes(state.file.size)}` : t('contracts.upload.noFile')}
              </span>
            </div>
            <FieldErrors id={`${fileId}-error`} errors={fileErrors} />
          </div>

          {state.phase === 'ready' && state.previous ? (
            <Alert tone="info" className="upload__resume">
              <p>{t('contracts.upload.previousFound', { percent: percentOf(state.previous.offset, state.previous.total), sent: bytes(state.previous.offset), total: bytes(state.previous.total) })}</p>
              <div className="form-actions">
                <Button onClick={continuePrevious}>
                  <PlayIcon className="btn__icon" />
                  {t('contracts.upload.continuePrevious')}
                </Button>
                <Button variant="secondary" onClick={startOver}>
                  {t('contracts.upload.startOver')}
                </Button>
              </div>
            </Alert>
          ) : (
            <div className="form-actions">
              <Button type="submit" busy={state.phase === 'checking'}>
                <UploadIcon className="btn__icon" />
                {t('contracts.upload.submit')}
              </Button>
              <Button variant="ghost" onClick={() => setOpen(false)}>
                {t('common.cancel')}
              </Button>
            </div>
          )}
        </form>
      )}

      {!inForm && state.phase !== 'done' && state.file && (
        <div className="upload__progress">
          <p className="upload__file">
            <FileIcon className="upload__file-icon" />
            <span className="upload__file-title">{title.trim() || state.file.name}</span>
            <span className="upload__file-name">{state.file.name}</span>
          </p>
          <ProgressBar
            value={state.sent}
            max={state.total}
            paused={state.phase === 'paused' || state.phase === 'failed'}
            label={t('contracts.upload.progressLabel', { name: state.file.name })}
            valueText={t('contracts.upload.progressText', { percent, sent: bytes(state.sent), total: bytes(state.total) })}
          />
          <p className="upload__numbers">
            <strong className="upload__percent">{percent}%</strong>
            <span>{t('contracts.upload.bytes', { sent: bytes(state.sent), total: bytes(state.total) })}</span>
            <span className={`upload__phase upload__phase--${state.phase}`} role="status">
              {t(`contracts.upload.phases.${state.phase}`)}
            </span>
          </p>
          {state.phase === 'failed' && state.error && (
            <Alert tone="error">
              <p>{errorMessage(t, state.error)}</p>
              {state.failedStep === 'upload' && canContinue(state) && <p>{t('contracts.upload.canContinue')}</p>}
            </Alert>
          )}
          {state.phase === 'failed' && state.failedStep === 'attach' && state.error?.field === 'title' && (
            <TextField label={t('contracts.upload.titleLabel')} value={title} onChange={(e) => setTitle(e.target.value)} errors={[state.error]} />
          )}
          <div className="form-actions">
            {(state.phase === 'uploading' || state.phase === 'paused' || canContinue(state)) && (
              <Button ref={toggleRef} variant={state.phase === 'uploading' ? 'secondary' : 'primary'} onClick={() => (state.phase === 'uploading' ? controller.pause() : controller.resume())}>
                {state.phase === 'uploading' ? <PauseIcon className="btn__icon" /> : <PlayIcon className="btn__icon" />}
                {state.phase === 'uploading' ? t('contracts.upload.pause') : t('contracts.upload.resume')}
              </Button>
            )}
            {state.phase === 'failed' && state.failedStep === 'attach' && (
              <Button onClick={() => controller.retryAttach(title.trim())}>{t('common.retry')}</Button>
            )}
            {state.phase === 'attaching' ? (
              <p className="upload__attaching">{t('contracts.upload.attaching')}</p>
            ) : (
              <Button variant="danger" onClick={() => void cancel()}>
                {state.phase === 'failed' && !canContinue(state) ? t('contracts.upload.startOver') : t('contracts.upload.cancel')}
              </Button>
            )}
          </div>
        </div>
      )}

      {state.phase === 'done' && (
        <div ref={doneRef} tabIndex={-1} className="upload__done">
          <Alert tone="success">
            <p>{t('contracts.upload.done', { title: title.trim() })}</p>
          </Alert>
          <Button variant="secondary" onClick={addAnother}>
            {t('contracts.upload.another')}
          </Button>
        </div>
      )}
    </section>
  );
}
