import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from './Alert';
import { Button } from './Button';
import { FilePicker } from './FilePicker';
import { ProgressBar } from './ProgressBar';
import { type AppError, errorMessage } from '../lib/errors';
import { formatBytes } from '../lib/format';
import { ACCEPTED_FILES } from '../lib/upload/fileCheck';
import { canContinue } from '../lib/upload/UploadController';
import { percentOf } from '../lib/upload/uploadMachine';
import { useUploadController } from '../lib/upload/useUploadController';
import './UploadField.css';

export interface Uploaded {
  uploadId: string;
  name: string;
}

/**
 * Files a form names by their upload ids (the queue's expert conclusion, hearing position and
 * complaint; a meeting's documents): each is sent with tus (resumable, with progress) as soon as
 * it is chosen, and its upload id kept here until the form that names it is sent. `max` 1 replaces
 * the file; more keep a list.
 */
export function UploadField({
  label,
  hint,
  fingerprint,
  value,
  onChange,
  max = 1,
  required,
  errors,
  disabled,
}: {
  label: string;
  hint?: string;
  /** Unique per account and purpose: a stored upload is offered only where it began. */
  fingerprint: string;
  value: readonly Uploaded[];
  onChange: (next: Uploaded[]) => void;
  max?: number;
  required?: boolean;
  errors?: readonly AppError[];
  disabled?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [resetKey, setResetKey] = useState(0);
  const { controller, state } = useUploadController({
    fingerprintPrefix: fingerprint,
    attach: async (uploadId, title) => {
      const entry = { uploadId, name: title };
      onChange(max === 1 ? [entry] : [...value.filter((u) => u.uploadId !== uploadId), entry].slice(-max));
      setFile(null);
      setResetKey((k) => k + 1);
      return [];
    },
  });

  useEffect(() => {
    if (state.phase === 'ready' && file) controller.start(file.name, { continuePrevious: Boolean(state.previous) });
  }, [state.phase, state.previous, file, controller]);

  const bytes = (n: number) => formatBytes(n, i18n.language);
  const busy = state.phase === 'checking' || state.phase === 'uploading' || state.phase === 'paused' || state.phase === 'attaching';
  const checkError = state.phase === 'failed' && state.failedStep === 'check' && state.error ? [state.error] : [];
  const percent = percentOf(state.sent, state.total);
  const full = value.length >= max && max > 1;

  return (
    <div className="upload-field">
      <FilePicker
        label={label}
        hint={hint}
        accept={ACCEPTED_FILES}
        file={busy ? file : null}
        resetKey={resetKey}
        errors={[...checkError, ...(errors ?? [])]}
        required={required && value.length === 0}
        disabled={disabled || busy || full}
        onChange={(next) => {
          setFile(next);
          if (next) void controller.select(next);
          else controller.reset();
        }}
      />
      {(state.phase === 'uploading' || state.phase === 'paused' || state.phase === 'attaching' || (state.phase === 'failed' && state.failedStep !== 'check')) && state.file && (
        <div className="upload-field__progress">
          <ProgressBar
            value={state.sent}
            max={state.total}
            paused={state.phase !== 'uploading' && state.phase !== 'attaching'}
            label={t('upload.progressLabel', { name: state.file.name })}
            valueText={t('upload.progressText', { percent, sent: bytes(state.sent), total: bytes(state.total) })}
          />
          <p className="upload-field__numbers">
            <strong>{percent}%</strong> <span role="status">{t(`upload.phases.${state.phase}`)}</span>
          </p>
          {state.phase === 'failed' && state.error && (
            <Alert tone="error">
              <p>{errorMessage(t, state.error)}</p>
            </Alert>
          )}
          <div className="form-actions">
            {state.phase === 'uploading' && (
              <Button variant="secondary" className="btn--small" onClick={() => controller.pause()}>
                {t('upload.pause')}
              </Button>
            )}
            {(state.phase === 'paused' || canContinue(state)) && (
              <Button className="btn--small" onClick={() => controller.resume()}>
                {t('upload.resume')}
              </Button>
            )}
            {state.phase !== 'attaching' && (
              <Button
                variant="ghost"
                className="btn--small"
                onClick={() => {
                  void controller.cancel();
                  setFile(null);
                  setResetKey((k) => k + 1);
                }}
              >
                {t('common.cancel')}
              </Button>
            )}
          </div>
        </div>
      )}
      {value.length > 0 && (
        <ul className="upload-field__list" aria-label={`${t('upload.added')}: ${label}`}>
          {value.map((u) => (
            <li key={u.uploadId} className="upload-field__item">
              <span className="upload-field__name">{u.name}</span>
              <Button variant="link" onClick={() => onChange(value.filter((x) => x.uploadId !== u.uploadId))} aria-label={t('upload.remove', { name: u.name })}>
                {t('upload.removeShort')}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
