import { useTranslation } from 'react-i18next';
import { type AppError, errorMessage } from '../lib/errors';
import { Alert } from './Alert';

/** Errors of a whole form (not tied to one field), or of the request itself. */
export function FormErrors({ errors }: { errors: readonly AppError[] }) {
  const { t } = useTranslation();
  if (errors.length === 0) return null;
  return (
    <Alert tone="error">
      {errors.map((error, i) => (
        <p key={`${error.code}-${i}`}>{errorMessage(t, error)}</p>
      ))}
    </Alert>
  );
}
