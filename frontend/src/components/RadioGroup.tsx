import { type ReactNode, useId } from 'react';
import type { AppError } from '../lib/errors';
import { FieldErrors } from './FieldErrors';
import './forms.css';

interface RadioGroupProps<T extends string> {
  legend: ReactNode;
  name: string;
  value: T;
  options: readonly { value: T; label: ReactNode }[];
  onChange: (value: T) => void;
  errors?: readonly AppError[];
  disabled?: boolean;
}

export function RadioGroup<T extends string>({ legend, name, value, options, onChange, errors, disabled }: RadioGroupProps<T>) {
  const id = `r${useId()}`;
  const invalid = Boolean(errors && errors.length > 0);
  return (
    <fieldset className={['field', 'radio-group', invalid ? 'field--invalid' : ''].filter(Boolean).join(' ')} aria-describedby={invalid ? `${id}-error` : undefined} disabled={disabled}>
      <legend className="field__label">{legend}</legend>
      <div className="radio-group__options">
        {options.map((option) => (
          <label key={option.value} className="radio">
            <input type="radio" name={name} value={option.value} checked={value === option.value} onChange={() => onChange(option.value)} />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
      <FieldErrors id={`${id}-error`} errors={errors} />
    </fieldset>
  );
}
