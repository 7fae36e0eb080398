import { useTranslation } from 'react-i18next';
import { type AppError, errorMessage } from '../lib/errors';
import { Alert } from './Alert';
import { Button } from './Button';

/** Why something could not be loaded, in words, with "Try again" when the page can ask again. */
export function LoadFailed({ error, onRetry }: { error: AppError; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert tone="error">
      <p>{errorMessage(t, error)}</p>
      {onRetry && (
        <p>
          <Button variant="link" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        </p>
      )}
    </Alert>
  );
}
