import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { FilePicker } from '../../components/FilePicker';
import { ProgressBar } from '../../components/ProgressBar';
import { type AppError, errorMessage } from '../../lib/errors';
import { formatBytes } from '../../lib/format';
import { ACCEPTED_FILES, checkFile } from '../../lib/upload/fileCheck';
import { canContinue } from '../../lib/upload/UploadController';
import { percentOf } from '../../lib/upload/uploadMachine';
import { useUploadController } from '../../lib/upload/useUploadController';

/**
 * One file for one purpose (a supporting document, the SA draft): chosen, checked, sent with tus
 * (resumable, up to 700 MB, with progress), then attached by `attach`. A file whose upload was
 * interrupted (reload, lost connection) continues where the server stopped when chosen again.
 */
export function FileUpload({
  label,
  hint,
  fingerprint,
  attach,
  onAttached,
  accept = ACCEPTED_FILES,
  check = checkFile,
  required,
  disabled,
}: {
  label: string;
  hint?: string;
  /** Unique per account and purpose: a stored upload is offered only where it began. */
  fingerprint: string;
  attach: (uploadId: string, title: string) => Promise<AppError[]>;
  onAttached?: () => void;
  accept?: string;
  check?: (file: File) => Promise<AppError | null>;
  required?: boolean;
  disabled?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [resetKey, setResetKey] = useState(0);
  // The picker is emptied while the attach is still running (and the picker disabled), so it is a
  // fresh input in the very render that enables it again: emptied in an effect after "done", a
  // choice made between the two went to the input being replaced.
  const { controller, state } = useUploadController({
    fingerprintPrefix: fingerprint,
    checkFile: check,
    attach: async (uploadId, title) => {
      const errors = await attach(uploadId, title);
      if (errors.length === 0) {
        setFile(null);
        setResetKey((k) => k + 1);
      }
      return errors;
    },
    onAttached,
  });

  // Checked and ready: send at once (an interrupted upload of the same file goes on from its offset).
  useEffect(() => {
    if (state.phase === 'ready' && file) controller.start(file.name, { continuePrevious: Boolean(state.previous) });
  }, [state.phase, state.previous, file, controller]);

  const bytes = (n: number) => formatBytes(n, i18n.language);
  const busy = state.phase === 'checking' || state.phase === 'uploading' || state.phase === 'paused' || state.phase === 'attaching';
  const checkError = state.phase === 'failed' && state.failedStep === 'check' && state.error ? [state.error] : undefined;
  const percent = percentOf(state.sent, state.total);

  return (
    <div className="file-upload">
      <FilePicker
        label={label}
        hint={hint}
        accept={accept}
        file={busy ? file : null}
        resetKey={resetKey}
        errors={checkError}
        required={required}
        disabled={disabled || busy}
        onChange={(next) => {
          setFile(next);
          if (next) void controller.select(next);
          else controller.reset();
        }}
      />
      {(state.phase === 'uploading' || state.phase === 'paused' || state.phase === 'attaching' || (state.phase === 'failed' && state.failedStep !== 'check')) && state.file && (
        <div className="file-upload__progress">
          <ProgressBar
            value={state.sent}
            max={state.total}
            paused={state.phase !== 'uploading' && state.phase !== 'attaching'}
            label={t('upload.progressLabel', { name: state.file.name })}
            valueText={t('upload.progressText', { percent, sent: bytes(state.sent), total: bytes(state.total) })}
          />
          <p className="file-upload__numbers">
            <strong>{percent}%</strong> <span>{t('upload.bytes', { sent: bytes(state.sent), total: bytes(state.total) })}</span>{' '}
            <span role="status">{t(`upload.phases.${state.phase}`)}</span>
          </p>
          {state.phase === 'failed' && state.error && (
            <Alert tone="error">
              <p>{errorMessage(t, state.error)}</p>
            </Alert>
          )}
          <div className="form-actions file-upload__actions">
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
            {state.phase === 'failed' && state.failedStep === 'attach' && (
              <Button className="btn--small" onClick={() => controller.retryAttach()}>
                {t('common.retry')}
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
    </div>
  );
}
