import type { ReactNode } from 'react';
import type { AppError } from '../lib/errors';
import { FieldErrors } from './FieldErrors';
import { RequiredLabel } from './RequiredLabel';
import './forms.css';

/** What the control inside a `Field` spreads on itself so its label, hint and errors belong to it. */
export interface FieldControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

export interface FieldProps {
  /** The control's id; the hint and the errors take theirs from it. */
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  errors?: readonly AppError[];
  /** Shows the red asterisk; the control itself still has to say `required` to assistive technology. */
  marked?: boolean;
  className?: string;
  /** More ids for the control's aria-describedby, after the hint and the errors. */
  describedBy?: string;
  children: (control: FieldControlProps) => ReactNode;
}

/** The frame every labelled form control shares: label, hint, the control, then its errors. */
export function Field({ id, label, hint, errors, marked = false, className, describedBy, children }: FieldProps) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const invalid = Boolean(errors && errors.length > 0);
  const control: FieldControlProps = {
    id,
    'aria-invalid': invalid || undefined,
    'aria-describedby': [hint ? hintId : null, invalid ? errorId : null, describedBy].filter(Boolean).join(' ') || undefined,
  };
  return (
    <div className={['field', invalid ? 'field--invalid' : '', className ?? ''].filter(Boolean).join(' ')}>
      <label className="field__label" htmlFor={id}>
        <RequiredLabel required={marked}>{label}</RequiredLabel>
      </label>
      {hint && (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      )}
      {children(control)}
      <FieldErrors id={errorId} errors={errors} />
    </div>
  );
}
