import { type ReactNode, type TextareaHTMLAttributes, useId } from 'react';
import { FieldErrors } from '../../components/FieldErrors';
import type { AppError } from '../../lib/errors';

/** A labelled textarea; a required one carries the seed's red asterisk. */
export function TextAreaField({ label, hint, errors, required, className, ...rest }: Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'> & { label: ReactNode; hint?: ReactNode; errors?: readonly AppError[] }) {
  const id = `t${useId()}`;
  const invalid = Boolean(errors?.length);
  const describedBy = [hint ? `${id}-hint` : '', invalid ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={['field', invalid ? 'field--invalid' : '', className ?? ''].filter(Boolean).join(' ')}>
      <label className="field__label" htmlFor={id}>
        {label}
        {required && (
          <span className="required-mark" aria-hidden="true">
            {' '}*
          </span>
        )}
      </label>
      {hint && (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <textarea {...rest} id={id} className="field__input field__textarea" required={required} aria-invalid={invalid || undefined} aria-describedby={describedBy} />
      <FieldErrors id={`${id}-error`} errors={errors} />
    </div>
  );
}
