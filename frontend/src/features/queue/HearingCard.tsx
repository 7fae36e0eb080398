import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { Card } from '../../components/Card';
import { FormErrors } from '../../components/FormErrors';
import { TextAreaField } from '../../components/TextAreaField';
import { UploadField, type Uploaded } from '../../components/UploadField';
import { type QueueApplicationFieldsFragment, QueueHearingPositionSubmitDocument } from '../../gql/graphql';
import { type AppError, fromCombinedError } from '../../lib/errors';
import { formatDate, formatDateTime } from '../../lib/format';
import { DeadlineList } from './DeadlineList';
import { QueueFileLink } from './QueueFileLink';

type Hearing = NonNullable<QueueApplicationFieldsFragment['hearing']>;
const MAX_POSITION_FILES = 10;

/**
 * §16: the preliminary decision's reasons, the notice and hearing dates with the countdown, and the
 * applicant's position (text and files) submitted online while the hearing is open; then its result.
 */
export function HearingCard({ application, onChanged }: { application: QueueApplicationFieldsFragment; onChanged: (next: QueueApplicationFieldsFragment) => void }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const hearing = application.hearing as Hearing;
  const [text, setText] = useState('');
  const [files, setFiles] = useState<Uploaded[]>([]);
  const [textErrors, setTextErrors] = useState<AppError[]>([]);
  const [errors, setErrors] = useState<readonly AppError[]>([]);
  const [, submit] = useMutation(QueueHearingPositionSubmitDocument);
  const [busy, setBusy] = useState(false);
  const open = application.status === 'HEARING' && !hearing.positionSubmittedAt && !hearing.heldAt;
  const hearingDeadlines = application.deadlines.filter((d) => d.kind === 'hearing' || d.kind === 'final_decision');

  const send = async (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) {
      setTextErrors([{ code: 'REQUIRED', field: 'text' }]);
      return;
    }
    setTextErrors([]);
    setBusy(true);
    const result = await submit({ input: { applicationId: application.id, text: text.trim(), uploadIds: files.map((f) => f.uploadId) } });
    setBusy(false);
    const payload = result.data?.queueHearingPositionSubmit;
    if (result.error || !payload) return setErrors([result.error ? fromCombinedError(result.error) : { code: 'UNKNOWN' }]);
    if (payload.errors.length || !payload.application) {
      setTextErrors(payload.errors.filter((e) => e.field === 'text'));
      return setErrors(payload.errors.filter((e) => e.field !== 'text'));
    }
    onChanged(payload.application);
  };

  return (
    <Card title={t('queue.hearing.title')} id="q-hearing" className="q-card--wide q-hearing">
      <p>{t('queue.hearing.lead')}</p>
      <ul className="q-reasons" aria-label={t('queue.card.reasons')}>
        {hearing.reasons.map((r) => (
          <li key={r.code} data-reason={r.code}>
            {r.explanation}
          </li>
        ))}
      </ul>
      <dl className="q-facts">
        <div className="q-facts__item">
          <dt>{t('queue.hearing.noticeDate')}</dt>
          <dd>{formatDate(hearing.noticeDate, locale)}</dd>
        </div>
        <div className="q-facts__item">
          <dt>{t('queue.hearing.hearingDue')}</dt>
          <dd>{formatDate(hearing.hearingDue, locale)}</dd>
        </div>
      </dl>
      {application.status === 'HEARING' && !hearing.heldAt && <DeadlineList deadlines={hearingDeadlines.length ? hearingDeadlines : [{ kind: 'hearing', due: hearing.hearingDue, workingDaysLeft: hearing.workingDaysLeft, overdue: hearing.workingDaysLeft < 0 }]} />}
      {hearing.positionSubmittedAt && (
        <Alert tone="success">
          <p>{t('queue.hearing.submitted', { at: formatDateTime(hearing.positionSubmittedAt, locale) })}</p>
          <p className="q-position">{hearing.positionText}</p>
        </Alert>
      )}
      {hearing.files.length > 0 && (
        <div className="q-files">
          {hearing.files.map((f) => (
            <QueueFileLink key={f.id} file={f} />
          ))}
        </div>
      )}
      {hearing.outcome && (
        <div className="q-outcome">
          <h3 className="q-subtitle">{t('queue.hearing.outcome')}</h3>
          <p>
            <strong>{t(`queue.hearing.outcomes.${hearing.outcome}`, { defaultValue: hearing.outcome })}</strong>
          </p>
          {hearing.outcomeReasoning && <p>{hearing.outcomeReasoning}</p>}
        </div>
      )}
      {open && (
        <form className="q-form" onSubmit={send} noValidate>
          <TextAreaField label={t('queue.hearing.position')} hint={t('queue.hearing.positionHint')} value={text} onChange={(e) => setText(e.target.value)} rows={6} maxLength={10000} errors={textErrors} required />
          <UploadField label={t('queue.hearing.files')} hint={t('queue.hearing.filesHint')} fingerprint={`queue-position:${application.id}`} value={files} onChange={setFiles} max={MAX_POSITION_FILES} />
          <FormErrors errors={errors} />
          <div className="form-actions">
            <Button type="submit" busy={busy}>
              {t('queue.hearing.submit')}
            </Button>
          </div>
        </form>
      )}
    </Card>
  );
}
