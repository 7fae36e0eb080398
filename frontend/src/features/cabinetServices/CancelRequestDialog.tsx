import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { FormErrors } from '../../components/FormErrors';
import { type CabinetRequestFieldsFragment, CabinetServiceRequestCancelDocument } from '../../gql/graphql';
import { type AppError, fromCombinedError } from '../../lib/errors';

/** "Cancel the request?" — cancelling cannot be undone, so it is asked once more. */
export function CancelRequestDialog({ request, onClose, onCancelled }: { request: { id: string; number: number } | null; onClose: () => void; onCancelled: (next: CabinetRequestFieldsFragment) => void }) {
  const { t } = useTranslation();
  const [, cancel] = useMutation(CabinetServiceRequestCancelDocument);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<AppError[]>([]);

  const confirm = async () => {
    if (!request) return;
    setBusy(true);
    const result = await cancel({ input: { id: request.id } });
    setBusy(false);
    const payload = result.data?.serviceRequestCancel;
    if (result.error || !payload) return setErrors([result.error ? fromCombinedError(result.error) : { code: 'UNKNOWN' }]);
    if (payload.errors.length || !payload.serviceRequest) return setErrors(payload.errors.length ? payload.errors : [{ code: 'UNKNOWN' }]);
    setErrors([]);
    onCancelled(payload.serviceRequest);
  };

  return (
    <Dialog
      open={request !== null}
      onClose={() => {
        setErrors([]);
        onClose();
      }}
      title={t('cabinetServices.requests.cancelTitle', { number: request?.number ?? '' })}
      footer={
        <>
          <Button variant="danger" busy={busy} onClick={() => void confirm()}>
            {t('cabinetServices.requests.cancelConfirm')}
          </Button>
          <Button variant="secondary" onClick={onClose}>
            {t('cabinetServices.requests.cancelKeep')}
          </Button>
        </>
      }
    >
      <p>{t('cabinetServices.requests.cancelText')}</p>
      <FormErrors errors={errors} />
    </Dialog>
  );
}
