import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useClient, useMutation } from 'urql';
import { Button } from '../../components/Button';
import { Card } from '../../components/Card';
import { FormErrors } from '../../components/FormErrors';
import { PageLoader } from '../../components/PageLoader';
import { SelectField } from '../../components/SelectField';
import { TextAreaField } from '../../components/TextAreaField';
import { RequiredLabel } from '../../components/RequiredLabel';
import { TextField } from '../../components/TextField';
import { UploadField, type Uploaded } from '../../components/UploadField';
import { useErrorFocus } from '../../components/useErrorFocus';
import { type AppError, fromCombinedError, splitErrors } from '../../lib/errors';
import { usePageTitle } from '../../lib/usePageTitle';
import { CompanyBuildingsDocument, CompanyMeetingCreateDocument } from './api';
import { type MeetingDraft, meetingErrors, meetingInput } from './forms';
import { QuestionsEditor } from './QuestionsEditor';
import type { BuildingRef } from './types';
import '../../components/office.css';
import './company.css';

const FIELDS = ['buildingId', 'title', 'description', 'opensAt', 'closesAt', 'questions', 'documentUploadIds'];

/**
 * A new owners' meeting, saved as a draft (meetingCreate): the building, what it is about, when
 * voting opens and closes, the agenda and its documents (sent by tus as soon as chosen). Opening
 * it for voting is a separate step on its page, once everything is checked.
 */
export function MeetingNewPage() {
  const { t } = useTranslation();
  usePageTitle(t('company.meetingForm.title'));
  const client = useClient();
  const navigate = useNavigate();
  const [buildings, setBuildings] = useState<BuildingRef[] | null>(null);
  const [draft, setDraft] = useState<Omit<MeetingDraft, 'documentUploadIds'>>({ buildingId: '', title: '', description: '', opensAt: '', closesAt: '', questions: [''] });
  const [documents, setDocuments] = useState<Uploaded[]>([]);
  const [errors, setErrors] = useState<AppError[]>([]);
  const formRef = useErrorFocus(errors);
  const [busy, setBusy] = useState(false);
  const [, create] = useMutation(CompanyMeetingCreateDocument);
  useEffect(() => {
    void client
      .query(CompanyBuildingsDocument, {})
      .toPromise()
      .then((r) => {
        const found = r.data?.companyBuildings ?? [];
        setBuildings(found);
        if (found.length === 1) setDraft((d) => ({ ...d, buildingId: found[0].id }));
      });
  }, [client]);
  const set = (patch: Partial<MeetingDraft>) => setDraft((d) => ({ ...d, ...patch }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const full = { ...draft, documentUploadIds: documents.map((d) => d.uploadId) };
    const invalid = meetingErrors(full);
    setErrors(invalid);
    if (invalid.length) return;
    setBusy(true);
    const result = await create({ input: meetingInput(full) });
    setBusy(false);
    const payload = result.data?.meetingCreate;
    if (result.error || !payload) return setErrors([result.error ? fromCombinedError(result.error) : { code: 'FORBIDDEN' }]);
    if (payload.errors.length || !payload.meeting) {
      return setErrors(payload.errors.length ? payload.errors : [{ code: 'UNKNOWN' }]);
    }
    navigate(`/company/meetings/${payload.meeting.id}`, { state: { created: true } });
  };

  if (!buildings) return <PageLoader />;
  const questionFields = draft.questions.map((_, i) => `questions.${i}`);
  const { byField, general } = splitErrors(errors, [...FIELDS, ...questionFields]);
  return (
    <div className="page co-page">
      <p className="app-back">
        <Link to="/company/meetings">← {t('company.meetings.back')}</Link>
      </p>
      <h1 tabIndex={-1}>{t('company.meetingForm.title')}</h1>
      <p className="page__lead">{t('company.meetingForm.lead')}</p>
      <form ref={formRef} onSubmit={(e) => void submit(e)} noValidate className="co-form co-meeting-form">
        <FormErrors errors={general} />
        <Card title={t('company.meetingForm.about')} id="co-meeting-about">
          <SelectField label={t('company.meetingForm.building')} required value={draft.buildingId} onChange={(v) => set({ buildingId: v })} placeholder={t('company.chooseBuilding')} options={buildings.map((b) => ({ value: b.id, label: b.address }))} errors={byField.buildingId} />
          <TextField label={<RequiredLabel required>{t('company.meetingForm.titleField')}</RequiredLabel>} required maxLength={300} value={draft.title} onChange={(e) => set({ title: e.target.value })} errors={byField.title} />
          <TextAreaField label={t('company.meetingForm.description')} rows={4} maxLength={10000} value={draft.description} onChange={(e) => set({ description: e.target.value })} errors={byField.description} />
          <div className="co-form__row">
            <TextField label={<RequiredLabel required>{t('company.meetingForm.opensAt')}</RequiredLabel>} hint={t('company.timeHint')} type="datetime-local" required value={draft.opensAt} onChange={(e) => set({ opensAt: e.target.value })} errors={byField.opensAt} />
            <TextField label={<RequiredLabel required>{t('company.meetingForm.closesAt')}</RequiredLabel>} hint={t('company.timeHint')} type="datetime-local" required value={draft.closesAt} onChange={(e) => set({ closesAt: e.target.value })} errors={byField.closesAt} />
          </div>
        </Card>
        <Card title={t('company.meetingForm.agenda')} id="co-meeting-agenda">
          <QuestionsEditor questions={draft.questions} onChange={(questions) => set({ questions })} errors={byField} />
        </Card>
        <Card title={t('company.meetingForm.documents')} id="co-meeting-documents">
          <UploadField label={t('company.meetingForm.document')} hint={t('company.meetingForm.documentHint')} fingerprint="company-meeting-new" value={documents} onChange={setDocuments} max={10} errors={byField.documentUploadIds} />
        </Card>
        <div className="form-actions">
          <Button type="submit" busy={busy}>
            {t('company.meetingForm.save')}
          </Button>
          <Link className="btn btn--ghost" to="/company/meetings">
            {t('common.cancel')}
          </Link>
        </div>
      </form>
    </div>
  );
}
