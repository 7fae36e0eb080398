import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { FilePicker } from '../../components/FilePicker';
import { ProgressBar } from '../../components/ProgressBar';
import { type AppError, errorMessage } from '../../lib/errors';
import { formatBytes } from '../../lib/format';
import { checkFile } from '../../lib/upload/fileCheck';
import { canContinue } from '../../lib/upload/UploadController';
import { percentOf } from '../../lib/upload/uploadMachine';
import { useUploadController } from '../../lib/upload/useUploadController';

export interface PhotoUpload {
  uploadId: string;
  name: string;
  /** A local preview (object URL) of the chosen file; revoked when the photo is removed. */
  preview: string;
}

const PHOTO_TYPES = 'image/jpeg,image/png,.jpg,.jpeg,.png';

/** Photos only (the server's sniffing of the bytes is the same): a PDF is refused before sending. */
async function checkPhoto(file: File): Promise<AppError | null> {
  const error = await checkFile(file);
  if (error) return error;
  const head = new Uint8Array(await file.slice(0, 4).arrayBuffer());
  return head[0] === 0x25 && head[1] === 0x50 ? { code: 'UPLOAD_TYPE_NOT_ALLOWED', field: 'file' } : null;
}

/**
 * Photos of a request, each sent with tus as soon as it is chosen (progress, pause, resume) and
 * shown as a preview; the request names their upload ids when it is sent.
 */
export function PhotoUploads({ fingerprint, value, onChange, max, disabled }: { fingerprint: string; value: readonly PhotoUpload[]; onChange: (next: PhotoUpload[]) => void; max: number; disabled?: boolean }) {
  const { t, i18n } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [resetKey, setResetKey] = useState(0);
  const { controller, state } = useUploadController({
    fingerprintPrefix: fingerprint,
    checkFile: checkPhoto,
    attach: async (uploadId, title) => {
      onChange([...value.filter((p) => p.uploadId !== uploadId), { uploadId, name: title, preview: file ? URL.createObjectURL(file) : '' }]);
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
  const showProgress = (state.phase === 'uploading' || state.phase === 'paused' || state.phase === 'attaching' || (state.phase === 'failed' && state.failedStep !== 'check')) && state.file;

  const remove = (photo: PhotoUpload) => {
    if (photo.preview) URL.revokeObjectURL(photo.preview);
    onChange(value.filter((p) => p.uploadId !== photo.uploadId));
  };

  return (
    <div className="cs-uploads">
      <FilePicker
        label={t('cabinetServices.form.photos')}
        hint={t('cabinetServices.form.photosHint', { max })}
        accept={PHOTO_TYPES}
        file={busy ? file : null}
        resetKey={resetKey}
        errors={checkError}
        disabled={disabled || busy || value.length >= max}
        onChange={(next) => {
          setFile(next);
          if (next) void controller.select(next);
          else controller.reset();
        }}
      />
      {showProgress && state.file && (
        <div className="cs-upload__progress">
          <ProgressBar
            value={state.sent}
            max={state.total}
            paused={state.phase !== 'uploading' && state.phase !== 'attaching'}
            label={t('cabinetServices.upload.progressLabel', { name: state.file.name })}
            valueText={t('cabinetServices.upload.progressText', { percent, sent: bytes(state.sent), total: bytes(state.total) })}
          />
          <p className="cs-hint">
            <strong>{percent}%</strong> <span role="status">{t(`cabinetServices.upload.phases.${state.phase}`)}</span>
          </p>
          {state.phase === 'failed' && state.error && (
            <Alert tone="error">
              <p>{errorMessage(t, state.error)}</p>
            </Alert>
          )}
          <div className="form-actions">
            {state.phase === 'uploading' && (
              <Button variant="secondary" className="btn--small" onClick={() => controller.pause()}>
                {t('cabinetServices.upload.pause')}
              </Button>
            )}
            {(state.phase === 'paused' || canContinue(state)) && (
              <Button className="btn--small" onClick={() => controller.resume()}>
                {t('cabinetServices.upload.resume')}
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
        <ul className="cs-photos" aria-label={t('cabinetServices.form.photosAdded')}>
          {value.map((photo) => (
            <li key={photo.uploadId} className="cs-photo">
              {photo.preview && <img src={photo.preview} alt={t('cabinetServices.form.preview', { name: photo.name })} />}
              <span className="cs-photo__name" title={photo.name}>
                {photo.name}
              </span>
              <Button variant="link" className="cs-photo__remove" onClick={() => remove(photo)} aria-label={t('cabinetServices.form.removePhoto', { name: photo.name })}>
                {t('cabinetServices.form.remove')}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
