import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { FilePicker } from '../../components/FilePicker';
import { ProgressBar } from '../../components/ProgressBar';
import { type AppError, errorMessage } from '../../lib/errors';
import { formatBytes } from '../../lib/format';
import { ACCEPTED_FILES } from '../../lib/upload/fileCheck';
import { canContinue } from '../../lib/upload/UploadController';
import { percentOf } from '../../lib/upload/uploadMachine';
import { useUploadController } from '../../lib/upload/useUploadController';

export interface Uploaded {
  uploadId: string;
  name: string;
}

/**
 * Files for the queue (the expert's conclusion, a hearing position, a complaint): each is sent
 * with tus (resumable, with progress) as soon as it is chosen, and its upload id kept here until
 * the form that names it is sent. `max` 1 replaces the file; more keep a list.
 */
export function QueueUpload({
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
    <div className="q-upload">
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
        <div className="q-upload__progress">
          <ProgressBar
            value={state.sent}
            max={state.total}
            paused={state.phase !== 'uploading' && state.phase !== 'attaching'}
            label={t('applications.upload.progressLabel', { name: state.file.name })}
            valueText={t('applications.upload.progressText', { percent, sent: bytes(state.sent), total: bytes(state.total) })}
          />
          <p className="q-upload__numbers">
            <strong>{percent}%</strong> <span role="status">{t(`applications.upload.phases.${state.phase}`)}</span>
          </p>
          {state.phase === 'failed' && state.error && (
            <Alert tone="error">
              <p>{errorMessage(t, state.error)}</p>
            </Alert>
          )}
          <div className="form-actions">
            {state.phase === 'uploading' && (
              <Button variant="secondary" className="btn--small" onClick={() => controller.pause()}>
                {t('applications.upload.pause')}
              </Button>
            )}
            {(state.phase === 'paused' || canContinue(state)) && (
              <Button className="btn--small" onClick={() => controller.resume()}>
                {t('applications.upload.resume')}
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
        <ul className="q-upload__list" aria-label={`${t('queue.upload.added')}: ${label}`}>
          {value.map((u) => (
            <li key={u.uploadId} className="q-upload__item">
              <span className="q-upload__name">{u.name}</span>
              <Button variant="link" onClick={() => onChange(value.filter((x) => x.uploadId !== u.uploadId))} aria-label={t('queue.upload.remove', { name: u.name })}>
                {t('queue.upload.removeShort')}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
