import { type InputHTMLAttributes, type ReactNode, type Ref, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../lib/errors';
import { Field } from './Field';

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
  const [revealed, setRevealed] = useState(false);
  return (
    <Field id={inputId} label={label} hint={hint} errors={errors} className={className} describedBy={extraDescribedBy}>
      {(control) => (
        <div className="field__control">
          <input {...input} {...control} type={revealable && revealed ? 'text' : type} className="field__input" />
          {revealable && (
            <button type="button" className="field__reveal" aria-pressed={revealed} aria-controls={inputId} onClick={() => setRevealed((v) => !v)}>
              {revealed ? t('form.hide') : t('form.show')}
            </button>
          )}
        </div>
      )}
    </Field>
  );
}
