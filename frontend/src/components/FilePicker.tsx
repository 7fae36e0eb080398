import { type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../lib/errors';
import { formatBytes } from '../lib/format';
import { Field } from './Field';
import { FileIcon } from './icons';
import './FilePicker.css';

/**
 * A file field that speaks the page's language (the browser's own "Choose File" speaks the
 * browser's): the real input covers the picker, so clicks, keyboard and screen readers reach it.
 */
export function FilePicker({
  label,
  hint,
  accept,
  file,
  onChange,
  errors,
  required,
  disabled,
  resetKey,
  className,
}: {
  label: ReactNode;
  hint?: ReactNode;
  accept?: string;
  file: File | null;
  onChange: (file: File | null) => void;
  errors?: readonly AppError[];
  required?: boolean;
  disabled?: boolean;
  /** Change it to empty the input (the same file can then be chosen again). */
  resetKey?: number | string;
  className?: string;
}) {
  const { t, i18n } = useTranslation();
  const id = `file${useId()}`;
  return (
    <Field id={id} label={label} hint={hint} errors={errors} marked={required} className={className}>
      {(control) => (
        <div className={`file-picker ${disabled ? 'file-picker--disabled' : ''}`}>
          <input
            key={resetKey}
            {...control}
            type="file"
            className="file-picker__input"
            accept={accept}
            disabled={disabled}
            required={required}
            onChange={(event) => onChange(event.target.files?.[0] ?? null)}
          />
          <span className="file-picker__button" aria-hidden="true">
            <FileIcon className="btn__icon" />
            {t('files.choose')}
          </span>
          <span className="file-picker__name" aria-hidden="true">
            {file ? `${file.name} · ${formatBytes(file.size, i18n.language)}` : t('files.noFile')}
          </span>
        </div>
      )}
    </Field>
  );
}
