import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { Button } from '../../components/Button';
import { Card } from '../../components/Card';
import { FormErrors } from '../../components/FormErrors';
import { LoadFailed } from '../../components/LoadFailed';
import { PageLoader } from '../../components/PageLoader';
import { SelectField } from '../../components/SelectField';
import { TextAreaField } from '../../components/TextAreaField';
import { TextField } from '../../components/TextField';
import { useErrorFocus } from '../../components/useErrorFocus';
import { type CabinetRequestFieldsFragment, CabinetServiceRequestCreateDocument, CabinetServiceRequestDocument, CabinetServiceRequestTypesDocument, CabinetServiceRequestUpdateDocument } from '../../gql/graphql';
import { type AppError, fromCombinedError } from '../../lib/errors';
import { todayIso } from '../../lib/format';
import { usePageTitle } from '../../lib/usePageTitle';
import { PhotoUploads, type PhotoUpload } from './PhotoUploads';
import { CONTENT_MAX, EMPTY_REQUEST_FORM, hasErrors, MAX_PHOTOS, type RequestFormValues, requestInput, validateRequestForm } from './requestForm';
import './services.css';

const FIELDS = ['typeId', 'content', 'visitDate', 'visitFrom', 'visitTo'] as const;

/** Seed 004 "Новое обращение": type, content, photos, a convenient date and hours; "Send" opens the request. */
export function NewRequestPage() {
  const { t } = useTranslation();
  usePageTitle(t('cabinetServices.form.newTitle'));
  return <RequestForm initial={null} />;
}

/** The same form for a request still New; the server refuses it once staff took it (WRONG_STATUS). */
export function EditRequestPage() {
  const { t } = useTranslation();
  const { requestId = '' } = useParams();
  const [{ data, error, fetching }, refetch] = useQuery({ query: CabinetServiceRequestDocument, variables: { id: requestId }, requestPolicy: 'network-only' });
  usePageTitle(t('cabinetServices.form.editTitle', { number: data?.serviceRequest?.number ?? '' }));
  if (error && !data) return <LoadFailed error={fromCombinedError(error)} onRetry={() => refetch({ requestPolicy: 'network-only' })} />;
  if (fetching || !data) return <PageLoader />;
  if (!data.serviceRequest) return <LoadFailed error={{ code: 'NOT_FOUND' }} />;
  return <RequestForm key={data.serviceRequest.id} initial={data.serviceRequest} />;
}

function RequestForm({ initial }: { initial: CabinetRequestFieldsFragment | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { accountId = '' } = useParams();
  const [{ data: types, error: typesError }] = useQuery({ query: CabinetServiceRequestTypesDocument, variables: {} });
  const [, create] = useMutation(CabinetServiceRequestCreateDocument);
  const [, update] = useMutation(CabinetServiceRequestUpdateDocument);
  const [values, setValues] = useState<RequestFormValues>(
    initial
      ? { typeId: initial.type.id, content: initial.content, visitDate: initial.visitDate ?? '', visitFrom: initial.visitFrom ?? '', visitTo: initial.visitTo ?? '' }
      : EMPTY_REQUEST_FORM,
  );
  const [photos, setPhotos] = useState<PhotoUpload[]>([]);
  const [removed, setRemoved] = useState<string[]>([]);
  const [fieldErrors, setFieldErrors] = useState<Record<string, AppError[]>>({});
  const flatErrors = useMemo(() => Object.values(fieldErrors).flat(), [fieldErrors]);
  const formRef = useErrorFocus(flatErrors);
  const [errors, setErrors] = useState<AppError[]>([]);
  const [busy, setBusy] = useState(false);
  const base = `/cabinet/${accountId}/requests`;
  const kept = initial ? initial.photos.filter((p) => !removed.includes(p.id)) : [];
  const set = (field: keyof RequestFormValues) => (value: string) => setValues((v) => ({ ...v, [field]: value }));
  const today = todayIso();

  if (initial && !initial.canEdit) {
    return (
      <div className="cs-page">
        <p className="cs-back">
          <Link to={`${base}/${initial.id}`}>← {t('cabinetServices.request.title', { number: initial.number })}</Link>
        </p>
        <LoadFailed error={{ code: 'WRONG_STATUS' }} />
      </div>
    );
  }

  const send = async (event: FormEvent) => {
    event.preventDefault();
    const local = validateRequestForm(values, today);
    setFieldErrors(local);
    if (hasErrors(local)) {
      setErrors([]);
      return;
    }
    setBusy(true);
    const input = requestInput(values);
    const result = initial
      ? await update({ input: { id: initial.id, ...input, addPhotoUploadIds: photos.map((p) => p.uploadId), removePhotoIds: removed } })
      : await create({ input: { accountId, ...input, photoUploadIds: photos.map((p) => p.uploadId) } });
    setBusy(false);
    const payload = result.data ? ('serviceRequestUpdate' in result.data ? result.data.serviceRequestUpdate : result.data.serviceRequestCreate) : null;
    if (result.error || !payload) return setErrors([result.error ? fromCombinedError(result.error) : { code: 'UNKNOWN' }]);
    if (payload.errors.length || !payload.serviceRequest) {
      const byField: Record<string, AppError[]> = {};
      const general: AppError[] = [];
      for (const e of payload.errors) {
        if (e.field && (FIELDS as readonly string[]).includes(e.field)) (byField[e.field] ??= []).push(e);
        else general.push(e);
      }
      setFieldErrors(byField);
      return setErrors(general.length || Object.keys(byField).length ? general : [{ code: 'UNKNOWN' }]);
    }
    for (const p of photos) if (p.preview) URL.revokeObjectURL(p.preview);
    navigate(`${base}/${payload.serviceRequest.id}`, { state: { saved: initial ? 'updated' : 'created' } });
  };

  const typeOptions = (types?.serviceRequestTypes ?? []).map((type) => ({ value: type.id, label: type.name }));
  return (
    <div className="cs-page">
      <p className="cs-back">
        <Link to={initial ? `${base}/${initial.id}` : base}>← {initial ? t('cabinetServices.request.title', { number: initial.number }) : t('cabinetServices.requests.title')}</Link>
      </p>
      <h2 tabIndex={-1}>{initial ? t('cabinetServices.form.editTitle', { number: initial.number }) : t('cabinetServices.form.newTitle')}</h2>
      <Card>
        <form ref={formRef} className="cs-form" noValidate onSubmit={(e) => void send(e)}>
          <p className="cs-hint">{t('form.requiredHint')}</p>
          {typesError && <FormErrors errors={[fromCombinedError(typesError)]} />}
          <SelectField
            label={t('cabinetServices.form.type')}
            value={values.typeId}
            onChange={set('typeId')}
            options={typeOptions}
            placeholder={t('cabinetServices.form.typePlaceholder')}
            errors={fieldErrors.typeId}
            required
          />
          <TextAreaField
            label={t('cabinetServices.form.content')}
            hint={t('cabinetServices.form.contentHint', { max: CONTENT_MAX })}
            value={values.content}
            onChange={(e) => set('content')(e.target.value)}
            errors={fieldErrors.content}
            maxLength={CONTENT_MAX + 100}
            rows={5}
            required
          />
          <div className="form-grid">
            <TextField type="date" label={t('cabinetServices.form.visitDate')} min={today} value={values.visitDate} onChange={(e) => set('visitDate')(e.target.value)} errors={fieldErrors.visitDate} />
            <TextField type="time" label={t('cabinetServices.form.visitFrom')} value={values.visitFrom} onChange={(e) => set('visitFrom')(e.target.value)} errors={fieldErrors.visitFrom} />
            <TextField type="time" label={t('cabinetServices.form.visitTo')} value={values.visitTo} onChange={(e) => set('visitTo')(e.target.value)} errors={fieldErrors.visitTo} />
          </div>
          {kept.length > 0 && (
            <ul className="cs-photos" aria-label={t('cabinetServices.form.photosSaved')}>
              {kept.map((photo) => (
                <li key={photo.id} className="cs-photo">
                  {photo.url && <img src={photo.url} alt={photo.title} />}
                  <span className="cs-photo__name">{photo.title}</span>
                  <Button variant="link" className="cs-photo__remove" onClick={() => setRemoved((r) => [...r, photo.id])} aria-label={t('cabinetServices.form.removePhoto', { name: photo.title })}>
                    {t('cabinetServices.form.remove')}
                  </Button>
                </li>
              ))}
            </ul>
          )}
          <PhotoUploads fingerprint={`service-request:${accountId}:${initial?.id ?? 'new'}`} value={photos} onChange={setPhotos} max={MAX_PHOTOS - kept.length} disabled={busy} />
          <FormErrors errors={errors} />
          <div className="form-actions">
            <Button type="submit" busy={busy}>
              {initial ? t('cabinetServices.form.save') : t('cabinetServices.form.send')}
            </Button>
            <Link to={initial ? `${base}/${initial.id}` : base}>{t('common.cancel')}</Link>
          </div>
        </form>
      </Card>
    </div>
  );
}
