import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { Button } from '../../components/Button';
import { Card } from '../../components/Card';
import { FormErrors } from '../../components/FormErrors';
import { TextAreaField } from '../../components/TextAreaField';
import { type AppError, fromCombinedError, splitErrors } from '../../lib/errors';
import { CompanyRequestCloseDocument, CompanyRequestTakeDocument } from './api';
import { closeErrors } from './forms';
import type { RequestDetails } from './types';

/** What the staff do with a request in its status: take a new one into work; close one in work, saying what was done. */
export function RequestActions({ request, onChanged }: { request: RequestDetails; onChanged: (next: RequestDetails, message: string) => void }) {
  const { t } = useTranslation();
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<AppError[]>([]);
  const [, take] = useMutation(CompanyRequestTakeDocument);
  const [, close] = useMutation(CompanyRequestCloseDocument);
  const [busy, setBusy] = useState(false);

  const finish = (payload: { errors: AppError[]; serviceRequest?: RequestDetails | null } | undefined, failure: Parameters<typeof fromCombinedError>[0] | undefined, message: string) => {
    if (failure || !payload) return setErrors([failure ? fromCombinedError(failure) : { code: 'FORBIDDEN' }]);
    if (payload.errors.length || !payload.serviceRequest) return setErrors(payload.errors.length ? payload.errors : [{ code: 'UNKNOWN' }]);
    setErrors([]);
    onChanged(payload.serviceRequest, message);
  };

  const onTake = async () => {
    setBusy(true);
    const result = await take({ input: { id: request.id } });
    setBusy(false);
    finish(result.data?.serviceRequestTake, result.error, t('company.request.taken', { number: request.number }));
  };

  const onClose = async (event: FormEvent) => {
    event.preventDefault();
    const invalid = closeErrors(comment);
    setErrors(invalid);
    if (invalid.length) return;
    setBusy(true);
    const result = await close({ input: { id: request.id, comment: comment.trim() } });
    setBusy(false);
    finish(result.data?.serviceRequestClose, result.error, t('company.request.closed', { number: request.number }));
  };

  const { byField, general } = splitErrors(errors, ['comment']);
  if (request.status === 'NEW') {
    return (
      <Card title={t('company.request.takeTitle')} id="co-take" className="qo-panel">
        <p className="qo-panel__lead">{t('company.request.takeLead')}</p>
        <FormErrors errors={general} />
        <div className="form-actions">
          <Button busy={busy} onClick={() => void onTake()}>
            {t('company.request.take')}
          </Button>
        </div>
      </Card>
    );
  }
  if (request.status === 'IN_WORK') {
    return (
      <Card title={t('company.request.closeTitle')} id="co-close" className="qo-panel">
        <p className="qo-panel__lead">{t('company.request.closeLead')}</p>
        <form onSubmit={(e) => void onClose(e)} noValidate>
          <FormErrors errors={general} />
          <TextAreaField label={t('company.request.comment')} hint={t('company.request.commentHint')} required rows={3} maxLength={2000} value={comment} onChange={(e) => setComment(e.target.value)} errors={byField.comment} />
          <div className="form-actions">
            <Button type="submit" busy={busy}>
              {t('company.request.close')}
            </Button>
          </div>
        </form>
      </Card>
    );
  }
  return null;
}
