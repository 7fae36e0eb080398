import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { PageLoader } from '../../components/PageLoader';
import { ApplicationHistoryDocument } from '../../gql/graphql';
import { HistoryList } from './HistoryList';

/** "Толығырақ" in the history column: the full history of one application (read fresh: links expire). */
export function HistoryDialog({ applicationId, number, onClose }: { applicationId: string | null; number: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [{ data, fetching, error }] = useQuery({
    query: ApplicationHistoryDocument,
    variables: { id: applicationId ?? '' },
    pause: !applicationId,
    requestPolicy: 'network-only',
  });
  const history = data?.application?.history;
  return (
    <Dialog
      open={applicationId !== null}
      onClose={onClose}
      title={t('applications.history.title', { number })}
      footer={<Button onClick={onClose}>{t('dialog.close')}</Button>}
    >
      {fetching && !history && <PageLoader />}
      {error && (
        <Alert tone="error">
          <p>{t('errors.NETWORK')}</p>
        </Alert>
      )}
      {history && <HistoryList history={history} />}
    </Dialog>
  );
}
