import { type InputHTMLAttributes, type ReactNode, type Ref, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../lib/errors';
import { FieldErrors } from './FieldErrors';
import './forms.css';

export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> {
  label: ReactNode;
  hint?: ReactNode;
  errors?: readonly AppError[];
  /** A password input with a button that shows what was typed. */
  revealable?: boolean;
  id?: string;
  ref?: Ref<HTMLInputElement>;
}

export function TextField({ label, hint, errors, revealable, id, type = 'text', className, 'aria-describedby': extraDescribedBy, ...input }: TextFieldProps) {
  const { t } = useTranslation();
  const autoId = useId();
  const inputId = id ?? `f${autoId}`;
  const hintId = `${inputId}-hint`;
  const errorId = `${inputId}-error`;
  const [revealed, setRevealed] = useState(false);
  const invalid = Boolean(errors && errors.length > 0);
  const describedBy = [hint ? hintId : null, invalid ? errorId : null, extraDescribedBy].filter(Boolean).join(' ') || undefined;
  return (
    <div className={['field', invalid ? 'field--invalid' : '', className ?? ''].filter(Boolean).join(' ')}>
      <label className="field__label" htmlFor={inputId}>
        {label}
      </label>
      {hint && (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      )}
      <div className="field__control">
        <input
          {...input}
          id={inputId}
          type={revealable && revealed ? 'text' : type}
          className="field__input"
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
        />
        {revealable && (
          <button type="button" className="field__reveal" aria-pressed={revealed} aria-controls={inputId} onClick={() => setRevealed((v) => !v)}>
            {revealed ? t('form.hide') : t('form.show')}
          </button>
        )}
      </div>
      <FieldErrors id={errorId} errors={errors} />
    </div>
  );
}
