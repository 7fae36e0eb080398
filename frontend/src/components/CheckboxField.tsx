import { type InputHTMLAttributes, type ReactNode, useId } from 'react';
import type { AppError } from '../lib/errors';
import { FieldErrors } from './FieldErrors';
import './forms.css';

interface CheckboxFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'id'> {
  label: ReactNode;
  errors?: readonly AppError[];
}

export function CheckboxField({ label, errors, ...input }: CheckboxFieldProps) {
  const id = `c${useId()}`;
  const invalid = Boolean(errors && errors.length > 0);
  return (
    <div className={['field', 'field--check', invalid ? 'field--invalid' : ''].filter(Boolean).join(' ')}>
      <div className="check">
        <input {...input} id={id} type="checkbox" className="check__input" aria-invalid={invalid || undefined} aria-describedby={invalid ? `${id}-error` : undefined} />
        <label htmlFor={id} className="check__label">
          {label}
        </label>
      </div>
      <FieldErrors id={`${id}-error`} errors={errors} />
    </div>
  );
}
