import { useTranslation } from 'react-i18next';
import { type AppError, errorMessage } from '../lib/errors';

/** The messages under one field; its id is what the input's aria-describedby points to. */
export function FieldErrors({ id, errors }: { id: string; errors?: readonly AppError[] }) {
  const { t } = useTranslation();
  if (!errors || errors.length === 0) return null;
  return (
    <div id={id} className="field__error">
      {errors.map((error, i) => (
        <p key={`${error.code}-${i}`}>
          <span className="field__error-icon" aria-hidden="true">
            !
          </span>
          {errorMessage(t, error)}
        </p>
      ))}
    </div>
  );
}
