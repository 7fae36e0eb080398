import { useTranslation } from 'react-i18next';
import type { AppError } from '../lib/errors';
import { TextField, type TextFieldProps } from './TextField';

type PassedOn = Omit<TextFieldProps, 'label' | 'hint' | 'value' | 'onChange' | 'errors' | 'maxLength' | 'inputMode' | 'autoComplete' | 'className' | 'required'>;

/**
 * The field for a code sent by SMS, call or email: digits only, as long as the delivery says, and
 * offered by the phone's keyboard from the message (`one-time-code`).
 */
export function OneTimeCodeField({ length, value, onChange, errors, ...input }: PassedOn & { length: number; value: string; onChange: (digits: string) => void; errors?: readonly AppError[] }) {
  const { t } = useTranslation();
  return (
    <TextField
      {...input}
      label={t('otp.codeLabel')}
      hint={t('otp.codeHint', { n: length })}
      inputMode="numeric"
      autoComplete="one-time-code"
      maxLength={length}
      value={value}
      onChange={(e) => onChange(e.target.value.replace(/\D/g, ''))}
      errors={errors}
      className="field--code"
      required
    />
  );
}
