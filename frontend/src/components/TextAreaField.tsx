import { type ReactNode, type TextareaHTMLAttributes, useId } from 'react';
import type { AppError } from '../lib/errors';
import { Field } from './Field';

/** A labelled textarea; a required one carries the seed's red asterisk. */
export function TextAreaField({ label, hint, errors, required, className, ...rest }: Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'> & { label: ReactNode; hint?: ReactNode; errors?: readonly AppError[] }) {
  const id = `t${useId()}`;
  return (
    <Field id={id} label={label} hint={hint} errors={errors} marked={required} className={className}>
      {(control) => <textarea {...rest} {...control} className="field__input field__textarea" required={required} />}
    </Field>
  );
}
