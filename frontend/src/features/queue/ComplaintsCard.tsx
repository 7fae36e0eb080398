import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { Card } from '../../components/Card';
import { FormErrors } from '../../components/FormErrors';
import { RadioGroup } from '../../components/RadioGroup';
import { TextAreaField } from '../../components/TextAreaField';
import { UploadField, type Uploaded } from '../../components/UploadField';
import { type QueueApplicationFieldsFragment, type QueueComplaintAddressee, QueueComplaintFileDocument } from '../../gql/graphql';
import { type AppError, fromCombinedError } from '../../lib/errors';
import { formatDate, formatDateTime } from '../../lib/format';
import { DeadlineList } from './DeadlineList';
import { QueueFileLink } from './QueueFileLink';
import { isDecided } from './status';

const ADDRESSEES: readonly QueueComplaintAddressee[] = ['PROVIDER', 'QUALITY_AUTHORITY'];
const MAX_COMPLAINT_FILES = 10;

/**
 * §§18–19: the complaints about this application's decision with their status, deadlines and
 * answers, and a new one to the provider's head (5 working days) or the quality authority (15).
 */
export function ComplaintsCard({ application, onFiled }: { application: QueueApplicationFieldsFragment; onFiled: () => void }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const [, fileComplaint] = useMutation(QueueComplaintFileDocument);
  const [writing, setWriting] = useState(false);
  const [addressee, setAddressee] = useState<QueueComplaintAddressee>('PROVIDER');
  const [text, setText] = useState('');
  const [files, setFiles] = useState<Uploaded[]>([]);
  const [textErrors, setTextErrors] = useState<AppError[]>([]);
  const [errors, setErrors] = useState<readonly AppError[]>([]);
  const [busy, setBusy] = useState(false);
  const [requestId, setRequestId] = useState(() => crypto.randomUUID());
  const [filed, setFiled] = useState<string | null>(null);
  // A complaint is about a decision: registration, refusal or removal.
  const canComplain = isDecided(application.status);

  const send = async (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) return setTextErrors([{ code: 'REQUIRED', field: 'text' }]);
    setTextErrors([]);
    setBusy(true);
    const result = await fileComplaint({ input: { applicationId: application.id, addressee, text: text.trim(), uploadIds: files.map((f) => f.uploadId), requestId } });
    setBusy(false);
    const payload = result.data?.queueComplaintFile;
    if (result.error || !payload) return setErrors([result.error ? fromCombinedError(result.error) : { code: 'UNKNOWN' }]);
    if (payload.errors.length || !payload.complaint) {
      setTextErrors(payload.errors.filter((e) => e.field === 'text'));
      return setErrors(payload.errors.filter((e) => e.field !== 'text'));
    }
    setFiled(payload.complaint.number);
    setWriting(false);
    setText('');
    setFiles([]);
    setRequestId(crypto.randomUUID());
    onFiled();
  };

  return (
    <Card title={t('queue.complaints.title')} id="q-complaints" className="q-card--wide">
      {filed && (
        <Alert tone="success">
          <p>{t('queue.complaints.filed', { number: filed })}</p>
        </Alert>
      )}
      {application.complaints.length === 0 ? (
        <p className="muted">{t('queue.complaints.none')}</p>
      ) : (
        <ul className="q-complaints">
          {application.complaints.map((c) => (
            <li key={c.id} className="q-complaint" data-complaint={c.number}>
              <div className="q-list__head">
                <h3 className="q-subtitle">{t('queue.complaints.number', { number: c.number })}</h3>
                <span className="q-status q-status--progress">{t(`queue.complaints.status.${c.status}`)}</span>
              </div>
              <p className="q-list__meta">
                <span>{t(`queue.complaints.addressees.${c.addressee}`)}</span>
                <span>{t('queue.complaints.registeredOn', { date: formatDate(c.registeredOn, locale) })}</span>
              </p>
              <p className="q-position">{c.text}</p>
              {!c.answeredAt && <DeadlineList deadlines={c.deadlines} />}
              {c.answeredAt && (
                <div className="q-outcome">
                  <h4 className="q-subtitle">
                    {t('queue.complaints.answer')} · {formatDateTime(c.answeredAt, locale)}
                  </h4>
                  <p>{c.answer}</p>
                </div>
              )}
              {c.files.length > 0 && (
                <div className="q-files">
                  {c.files.map((f) => (
                    <QueueFileLink key={f.id} file={f} />
                  ))}
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {canComplain && !writing && (
        <div className="form-actions">
          <Button variant="secondary" onClick={() => setWriting(true)}>
            {t('queue.complaints.new')}
          </Button>
        </div>
      )}
      {canComplain && writing && (
        <form className="q-form" onSubmit={send} noValidate aria-label={t('queue.complaints.new')}>
          <RadioGroup<QueueComplaintAddressee>
            legend={t('queue.complaints.addressee')}
            name="addressee"
            value={addressee}
            options={ADDRESSEES.map((a) => ({ value: a, label: t(`queue.complaints.addressees.${a}`) }))}
            onChange={setAddressee}
          />
          <TextAreaField label={t('queue.complaints.text')} value={text} onChange={(e) => setText(e.target.value)} rows={6} maxLength={10000} errors={textErrors} required />
          <UploadField label={t('queue.complaints.files')} hint={t('queue.hearing.filesHint')} fingerprint={`queue-complaint:${application.id}`} value={files} onChange={setFiles} max={MAX_COMPLAINT_FILES} />
          <FormErrors errors={errors} />
          <div className="form-actions">
            <Button type="submit" busy={busy}>
              {t('queue.complaints.submit')}
            </Button>
            <Button variant="secondary" onClick={() => setWriting(false)}>
              {t('common.cancel')}
            </Button>
          </div>
        </form>
      )}
    </Card>
  );
}
