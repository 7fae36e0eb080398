import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { Button } from '../../components/Button';
import { FormErrors } from '../../components/FormErrors';
import { TextAreaField } from '../../components/TextAreaField';
import { type AppError, fromCombinedError, splitErrors } from '../../lib/errors';
import { CompanyAccountLinkDecideDocument } from './api';
import { decideErrors } from './forms';
import type { AccountLinkRow } from './types';

/** Confirm a pending link, or reject it saying why (the resident reads the reason). */
export function LinkDecision({ link, onDecided }: { link: AccountLinkRow; onDecided: (next: AccountLinkRow) => void }) {
  const { t } = useTranslation();
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<AppError[]>([]);
  const [busy, setBusy] = useState(false);
  const [, decide] = useMutation(CompanyAccountLinkDecideDocument);

  const send = async (approve: boolean) => {
    const invalid = decideErrors(approve, reason);
    setErrors(invalid);
    if (invalid.length) return;
    setBusy(true);
    const result = await decide({ input: { linkId: link.id, approve, reason: approve ? null : reason.trim() } });
    setBusy(false);
    const payload = result.data?.accountLinkDecide;
    if (result.error || !payload) return setErrors([result.error ? fromCombinedError(result.error) : { code: 'FORBIDDEN' }]);
    if (payload.errors.length || !payload.link) return setErrors(payload.errors.length ? payload.errors : [{ code: 'UNKNOWN' }]);
    onDecided(payload.link);
  };

  const { byField, general } = splitErrors(errors, ['reason']);
  const who = `${link.accountNumber} · ${link.residentName}`;
  if (!rejecting) {
    return (
      <div className="co-decision">
        <FormErrors errors={general} />
        <div className="form-actions">
          <Button busy={busy} className="btn--small" onClick={() => void send(true)} aria-label={t('company.links.confirmLabel', { who })}>
            {t('company.links.confirm')}
          </Button>
          <Button variant="secondary" className="btn--small" onClick={() => setRejecting(true)} aria-label={t('company.links.rejectLabel', { who })}>
            {t('company.links.reject')}
          </Button>
        </div>
      </div>
    );
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void send(false);
  };
  return (
    <form className="co-decision" onSubmit={submit} noValidate>
      <FormErrors errors={general} />
      <TextAreaField label={t('company.links.reason')} hint={t('company.links.reasonHint')} required rows={2} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} errors={byField.reason} autoFocus />
      <div className="form-actions">
        <Button type="submit" variant="danger" busy={busy} className="btn--small">
          {t('company.links.rejectSubmit')}
        </Button>
        <Button
          variant="ghost"
          className="btn--small"
          onClick={() => {
            setRejecting(false);
            setErrors([]);
          }}
        >
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
