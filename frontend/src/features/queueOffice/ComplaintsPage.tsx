import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useClient, useMutation } from 'urql';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { FormErrors } from '../../components/FormErrors';
import { LoadFailed } from '../../components/LoadFailed';
import { PageLoader } from '../../components/PageLoader';
import { RadioGroup } from '../../components/RadioGroup';
import { TextAreaField } from '../../components/TextAreaField';
import { type AppError, fromCombinedError, splitErrors } from '../../lib/errors';
import { formatDate, formatDateTime } from '../../lib/format';
import { usePageTitle } from '../../lib/usePageTitle';
import { QueueComplaintAnswerDocument, QueueOfficeComplaintsDocument } from './api';
import { Countdown } from './Countdown';
import { nearestDeadline } from './deadlines';
import { FileList } from './Facts';
import { complaintAnswerErrors, complaintAnswers, complaintOpen } from './forms';
import { OfficeTabs } from './OfficeTabs';
import type { QueueComplaint, QueueComplaintStatus } from './types';
import '../../components/office.css';
import './queueOffice.css';

const FILTERS: readonly (QueueComplaintStatus | 'ALL')[] = ['ALL', 'REGISTERED', 'IN_REVIEW', 'SATISFIED', 'REJECTED', 'FORWARDED'];

/** Open ones first, the most urgent first; answered ones after, newest first. */
export function complaintOrder(a: QueueComplaint, b: QueueComplaint): number {
  const openA = complaintOpen(a.status);
  const openB = complaintOpen(b.status);
  if (openA !== openB) return openA ? -1 : 1;
  if (openA) return (nearestDeadline(a.deadlines)?.workingDaysLeft ?? 99) - (nearestDeadline(b.deadlines)?.workingDaysLeft ?? 99);
  return b.registeredOn.localeCompare(a.registeredOn);
}

/**
 * Complaints about decisions (order §§18–19) for the officer to work: to the provider (5 working
 * days) or to the quality authority (15); the provider may satisfy one within 3 working days
 * instead of forwarding it. Each shows its countdowns and takes an answer: satisfy, reject with
 * reasoning, or forward.
 */
export function ComplaintsPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('queueOffice.complaints.title'));
  const client = useClient();
  const [filter, setFilter] = useState<QueueComplaintStatus | 'ALL'>('ALL');
  const [complaints, setComplaints] = useState<QueueComplaint[] | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [flash, setFlash] = useState<string | null>(null);

  const load = useCallback(async () => {
    const result = await client.query(QueueOfficeComplaintsDocument, { status: filter === 'ALL' ? null : filter }, { requestPolicy: 'network-only' }).toPromise();
    if (result.error || !result.data) return setError(result.error ? fromCombinedError(result.error) : { code: 'UNKNOWN' });
    setError(null);
    setComplaints([...result.data.queueOfficeComplaints].sort(complaintOrder));
  }, [client, filter]);

  useEffect(() => {
    setComplaints(null);
    void load();
  }, [load]);

  // A message worded in the language before goes with it.
  useEffect(() => setFlash(null), [i18n.language]);

  return (
    <div className="page page--wide qo-page">
      <div className="page__head">
        <div>
          <h1 tabIndex={-1}>{t('queueOffice.complaints.title')}</h1>
          <p className="page__lead">{t('queueOffice.complaints.lead')}</p>
        </div>
      </div>
      <OfficeTabs />
      <div className="qo-status-tabs" role="group" aria-label={t('queueOffice.byStatus')}>
        {FILTERS.map((f) => (
          <Button key={f} variant={f === filter ? 'primary' : 'secondary'} className="btn--small" aria-pressed={f === filter} onClick={() => setFilter(f)}>
            {f === 'ALL' ? t('queueOffice.allStatuses') : t(`queueOffice.complaints.status.${f}`)}
          </Button>
        ))}
      </div>
      {flash && (
        <Alert tone="success">
          <p>{flash}</p>
        </Alert>
      )}
      {error && <LoadFailed error={error} onRetry={() => void load()} />}
      {!complaints && !error && <PageLoader />}
      {complaints && complaints.length === 0 && <p className="empty-state">{t('queueOffice.complaints.empty')}</p>}
      {complaints && complaints.length > 0 && (
        <ul className="admin-list qo-complaints">
          {complaints.map((c) => (
            <li key={c.id}>
              <ComplaintCard
                complaint={c}
                onAnswered={(next) => {
                  setComplaints((list) => (list ?? []).map((x) => (x.id === next.id ? next : x)));
                  setFlash(t('queueOffice.complaints.answered', { number: next.number, status: t(`queueOffice.complaints.status.${next.status}`) }));
                }}
              />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function ComplaintCard({ complaint, onAnswered }: { complaint: QueueComplaint; onAnswered: (next: QueueComplaint) => void }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const open = complaintOpen(complaint.status);
  const [status, setStatus] = useState<QueueComplaintStatus | null>(null);
  const [answer, setAnswer] = useState('');
  const [errors, setErrors] = useState<AppError[]>([]);
  const [busy, setBusy] = useState(false);
  const [, send] = useMutation(QueueComplaintAnswerDocument);
  const titleId = `complaint-${complaint.id}`;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await answerWith(status);
  };
  const answerWith = async (chosen: QueueComplaintStatus | null) => {
    const invalid = complaintAnswerErrors(chosen, answer);
    setErrors(invalid);
    if (invalid.length || !chosen) return;
    setBusy(true);
    const result = await send({ input: { complaintId: complaint.id, status: chosen, answer: chosen === 'IN_REVIEW' ? '' : answer.trim() } });
    setBusy(false);
    const payload = result.data?.queueComplaintAnswer;
    if (result.error || !payload) return setErrors([result.error ? fromCombinedError(result.error) : { code: 'UNKNOWN' }]);
    if (payload.errors.length || !payload.complaint) return setErrors(payload.errors.length ? payload.errors : [{ code: 'UNKNOWN' }]);
    onAnswered(payload.complaint);
  };

  const { byField, general } = splitErrors(errors, ['status', 'answer']);
  return (
    <article className={`admin-card qo-complaint${open ? '' : ' admin-card--inactive'}`} aria-labelledby={titleId}>
      <div className="admin-card__head">
        <h2 id={titleId} className="admin-card__name">
          {t('queueOffice.complaints.number', { number: complaint.number })}
        </h2>
        <span className={`admin-card__state${open ? ' admin-card__state--active' : ''}`}>{t(`queueOffice.complaints.status.${complaint.status}`)}</span>
      </div>
      <dl className="admin-card__data">
        <div>
          <dt>{t('queueOffice.complaints.application')}</dt>
          <dd>
            <Link to={`/queue-office/applications/${complaint.applicationId}`} className="mono">
              {complaint.applicationNumber}
            </Link>
          </dd>
        </div>
        <div>
          <dt>{t('queueOffice.complaints.to')}</dt>
          <dd>{t(`queueOffice.complaints.addressee.${complaint.addressee}`)}</dd>
        </div>
        <div>
          <dt>{t('queueOffice.complaints.registeredOn')}</dt>
          <dd>{formatDate(complaint.registeredOn, locale)}</dd>
        </div>
        {open && complaint.deadlines.length > 0 && (
          <div className="admin-card__wide">
            <dt>{t('queueOffice.card.deadlines')}</dt>
            <dd className="qo-complaint__deadlines">
              {complaint.deadlines.map((d) => (
                <Countdown key={d.kind} deadline={d} />
              ))}
            </dd>
          </div>
        )}
        <div className="admin-card__wide">
          <dt>{t('queueOffice.complaints.text')}</dt>
          <dd>
            <blockquote className="qo-position__text">{complaint.text}</blockquote>
          </dd>
        </div>
        {complaint.files.length > 0 && (
          <div className="admin-card__wide">
            <dt>{t('queueOffice.card.files')}</dt>
            <dd>
              <FileList files={complaint.files} label={t('queueOffice.card.files')} />
            </dd>
          </div>
        )}
        {!open && (
          <div className="admin-card__wide">
            <dt>{t('queueOffice.complaints.answer')}</dt>
            <dd>
              {complaint.answer || '—'}
              {complaint.answeredAt && <span className="app-table__sub">{formatDateTime(complaint.answeredAt, locale)}</span>}
            </dd>
          </div>
        )}
      </dl>
      {open && (
        <form className="qo-answer" onSubmit={(e) => void submit(e)} noValidate aria-label={t('queueOffice.complaints.answerLabel', { number: complaint.number })}>
          <FormErrors errors={general} />
          <RadioGroup
            legend={t('queueOffice.complaints.decision')}
            name={`answer-${complaint.id}`}
            value={status ?? ('' as QueueComplaintStatus)}
            onChange={setStatus}
            options={complaintAnswers(complaint.addressee).map((s) => ({ value: s, label: t(`queueOffice.complaints.answers.${s}`) }))}
            errors={byField.status}
          />
          <TextAreaField
            label={t('queueOffice.complaints.answer')}
            hint={status ? t(`queueOffice.complaints.answerHints.${status}`) : undefined}
            required
            rows={4}
            value={answer}
            onChange={(e) => setAnswer(e.target.value)}
            errors={byField.answer}
          />
          <div className="form-actions">
            <Button type="submit" busy={busy} variant={status === 'REJECTED' ? 'danger' : 'primary'}>
              {t('queueOffice.complaints.send')}
            </Button>
            {complaint.status === 'REGISTERED' && (
              <Button variant="secondary" disabled={busy} onClick={() => void answerWith('IN_REVIEW')}>
                {t('queueOffice.complaints.takeUp')}
              </Button>
            )}
          </div>
        </form>
      )}
    </article>
  );
}
