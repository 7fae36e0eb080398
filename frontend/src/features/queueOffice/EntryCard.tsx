import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { Button } from '../../components/Button';
import { Card } from '../../components/Card';
import { Dialog } from '../../components/Dialog';
import { FormErrors } from '../../components/FormErrors';
import { SelectField } from '../../components/SelectField';
import { type AppError, fromCombinedError, splitErrors } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { type OfficeApplication, QueueEntryRemoveDocument } from './api';
import { REMOVAL_REASONS, removalErrors } from './forms';

/**
 * The register entry: today's number in its locality and list and every change of it with its
 * reason (newest first); while active, the officer may take it off the register with a reason
 * (provided with housing, on request, …) — everyone behind moves up, which the server records.
 */
export function EntryCard({ application, onChanged }: { application: OfficeApplication; onChanged: (next: OfficeApplication, message: string) => void }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const entry = application.entry;
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [errors, setErrors] = useState<AppError[]>([]);
  const [busy, setBusy] = useState(false);
  const [, remove] = useMutation(QueueEntryRemoveDocument);
  if (!entry) return null;

  const ask = (event: FormEvent) => {
    event.preventDefault();
    const invalid = removalErrors(reason);
    setErrors(invalid);
    if (!invalid.length) setConfirming(true);
  };
  const confirm = async () => {
    setBusy(true);
    const result = await remove({ input: { applicationId: application.id, reason } });
    setBusy(false);
    setConfirming(false);
    const payload = result.data?.queueEntryRemove;
    if (result.error || !payload) return setErrors([result.error ? fromCombinedError(result.error) : { code: 'UNKNOWN' }]);
    if (payload.errors.length || !payload.application) return setErrors(payload.errors.length ? payload.errors : [{ code: 'UNKNOWN' }]);
    onChanged(payload.application, t('queueOffice.entry.removed', { number: application.number }));
  };

  const { byField, general } = splitErrors(errors, ['reason']);
  return (
    <Card title={t('queueOffice.entry.title')} id="qo-entry">
      <dl className="app-facts">
        <div className="app-facts__item">
          <dt>{t('queueOffice.entry.number')}</dt>
          <dd className="qo-entry__number">{entry.active && entry.number ? entry.number : <span className="muted">{t('queueOffice.entry.inactive')}</span>}</dd>
        </div>
        <div className="app-facts__item">
          <dt>{t('queueOffice.entry.registeredAt')}</dt>
          <dd>{formatDateTime(entry.registeredAt, locale)}</dd>
        </div>
      </dl>
      {entry.changes.length > 0 && (
        <details className="qo-changes">
          <summary>{t('queueOffice.entry.changes', { n: entry.changes.length })}</summary>
          <ul>
            {entry.changes.map((c, i) => (
              <li key={`${c.at}-${i}`}>
                {formatDateTime(c.at, locale)}: {c.from} → {c.to}. {c.explanation}
              </li>
            ))}
          </ul>
        </details>
      )}
      {entry.active && (
        <form className="qo-remove" onSubmit={ask} noValidate>
          <FormErrors errors={general} />
          <SelectField
            label={t('queueOffice.entry.reason')}
            value={reason}
            onChange={setReason}
            placeholder={t('queueOffice.entry.chooseReason')}
            options={REMOVAL_REASONS.map((code) => ({ value: code, label: t(`queueOffice.entry.reasons.${code}`) }))}
            errors={byField.reason}
            required
          />
          <div className="form-actions">
            <Button type="submit" variant="danger">
              {t('queueOffice.entry.remove')}
            </Button>
          </div>
        </form>
      )}
      <Dialog
        open={confirming}
        onClose={() => setConfirming(false)}
        title={t('queueOffice.entry.confirmTitle', { number: application.number })}
        footer={
          <>
            <Button variant="secondary" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </Button>
            <Button variant="danger" busy={busy} onClick={() => void confirm()}>
              {t('queueOffice.entry.remove')}
            </Button>
          </>
        }
      >
        <p>{t('queueOffice.entry.confirmText', { reason: reason ? t(`queueOffice.entry.reasons.${reason}`) : '' })}</p>
      </Dialog>
    </Card>
  );
}
