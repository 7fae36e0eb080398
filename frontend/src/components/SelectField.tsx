import { type ReactNode, useId } from 'react';
import type { AppError } from '../lib/errors';
import { Field } from './Field';

/** A labelled native select with the red asterisk of a required field. */
export function SelectField({
  label,
  hint,
  value,
  onChange,
  options,
  placeholder,
  errors,
  required,
  disabled,
}: {
  label: ReactNode;
  hint?: ReactNode;
  value: string;
  onChange: (value: string) => void;
  options: readonly { value: string; label: string }[];
  placeholder?: string;
  errors?: readonly AppError[];
  required?: boolean;
  disabled?: boolean;
}) {
  const id = `s${useId()}`;
  return (
    <Field id={id} label={label} hint={hint} errors={errors} marked={required}>
      {(control) => (
        <select {...control} value={value} onChange={(e) => onChange(e.target.value)} required={required} disabled={disabled}>
          {placeholder !== undefined && <option value="">{placeholder}</option>}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
