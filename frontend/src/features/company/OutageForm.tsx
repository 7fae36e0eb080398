import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { Button } from '../../components/Button';
import { Card } from '../../components/Card';
import { FormErrors } from '../../components/FormErrors';
import { SelectField } from '../../components/SelectField';
import { TextAreaField } from '../../components/TextAreaField';
import { RequiredLabel } from '../../components/RequiredLabel';
import { TextField } from '../../components/TextField';
import { type AppError, fromCombinedError, splitErrors } from '../../lib/errors';
import { CompanyOutagePublishDocument } from './api';
import { isoToLocal, type OutageDraft, outageErrors, outageInput } from './forms';
import type { BuildingRef, OutageRow } from './types';

export const OUTAGE_KINDS = ['COLD_WATER', 'HOT_WATER', 'HEATING', 'ELECTRICITY', 'GAS', 'OTHER'] as const;

function emptyDraft(buildings: readonly BuildingRef[]): OutageDraft {
  return { buildingId: buildings.length === 1 ? buildings[0].id : '', kind: '', text: '', startsAt: isoToLocal(new Date().toISOString()), endsAt: '' };
}

/**
 * Publishing an outage notice: every resident with a confirmed account in the building gets it
 * in-app at once, and by SMS those who asked for it. A published notice cannot be taken back, so
 * the button says who is told.
 */
export function OutageForm({ buildings, onPublished }: { buildings: readonly BuildingRef[]; onPublished: (outage: OutageRow) => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<OutageDraft>(() => emptyDraft(buildings));
  const [errors, setErrors] = useState<AppError[]>([]);
  const [busy, setBusy] = useState(false);
  const [, publish] = useMutation(CompanyOutagePublishDocument);
  const set = (patch: Partial<OutageDraft>) => setDraft((d) => ({ ...d, ...patch }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const invalid = outageErrors(draft);
    setErrors(invalid);
    if (invalid.length) return;
    setBusy(true);
    const result = await publish({ input: outageInput(draft) });
    setBusy(false);
    const payload = result.data?.outageNoticePublish;
    if (result.error || !payload) return setErrors([result.error ? fromCombinedError(result.error) : { code: 'FORBIDDEN' }]);
    if (payload.errors.length || !payload.outage) return setErrors(payload.errors.length ? payload.errors : [{ code: 'UNKNOWN' }]);
    setErrors([]);
    setDraft(emptyDraft(buildings));
    onPublished(payload.outage);
  };

  const { byField, general } = splitErrors(errors, ['buildingId', 'kind', 'text', 'startsAt', 'endsAt']);
  return (
    <Card title={t('company.outages.formTitle')} id="co-outage-form" className="qo-panel">
      <p className="qo-panel__lead">{t('company.outages.formLead')}</p>
      <form onSubmit={(e) => void submit(e)} noValidate className="co-form">
        <FormErrors errors={general} />
        <div className="co-form__row">
          <SelectField label={t('company.outages.building')} required value={draft.buildingId} onChange={(v) => set({ buildingId: v })} placeholder={t('company.chooseBuilding')} options={buildings.map((b) => ({ value: b.id, label: b.address }))} errors={byField.buildingId} />
          <SelectField label={t('company.outages.kind')} required value={draft.kind} onChange={(v) => set({ kind: v })} placeholder={t('company.outages.chooseKind')} options={OUTAGE_KINDS.map((k) => ({ value: k, label: t(`company.outageKinds.${k}`) }))} errors={byField.kind} />
        </div>
        <TextAreaField label={t('company.outages.text')} hint={t('company.outages.textHint')} required rows={3} maxLength={1000} value={draft.text} onChange={(e) => set({ text: e.target.value })} errors={byField.text} />
        <div className="co-form__row">
          <TextField label={<RequiredLabel required>{t('company.outages.startsAt')}</RequiredLabel>} hint={t('company.timeHint')} type="datetime-local" required value={draft.startsAt} onChange={(e) => set({ startsAt: e.target.value })} errors={byField.startsAt} />
          <TextField label={t('company.outages.endsAt')} hint={t('company.outages.endsAtHint')} type="datetime-local" value={draft.endsAt} onChange={(e) => set({ endsAt: e.target.value })} errors={byField.endsAt} />
        </div>
        <div className="form-actions">
          <Button type="submit" busy={busy}>
            {t('company.outages.publish')}
          </Button>
        </div>
      </form>
    </Card>
  );
}
