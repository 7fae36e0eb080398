import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { Card } from '../../components/Card';
import { Dialog } from '../../components/Dialog';
import { FormErrors } from '../../components/FormErrors';
import { LoadFailed } from '../../components/LoadFailed';
import { PageLoader } from '../../components/PageLoader';
import { CabinetMeetingDocument, type CabinetMeetingFieldsFragment, type CabinetMeetingQuestionFieldsFragment, CabinetMeetingVoteDocument, type VoteChoice } from '../../gql/graphql';
import { type AppError, fromCombinedError } from '../../lib/errors';
import { formatBytes, formatDateTime } from '../../lib/format';
import { usePageTitle } from '../../lib/usePageTitle';
import { meetingTone } from './MeetingsPage';
import { resultRows, VOTE_CHOICES } from './results';
import './services.css';

/** A meeting: agenda and documents; one ballot for all questions while open; the vote given; results once closed. */
export function MeetingPage() {
  const { t } = useTranslation();
  const { accountId = '', meetingId = '' } = useParams();
  const [{ data, error, fetching }, refetch] = useQuery({ query: CabinetMeetingDocument, variables: { id: meetingId, accountId }, requestPolicy: 'cache-and-network' });
  const [override, setOverride] = useState<CabinetMeetingFieldsFragment | null>(null);
  const meeting = override ?? data?.meeting ?? null;
  usePageTitle(meeting?.title ?? t('cabinetServices.meetings.title'));
  if (error && !data) return <LoadFailed error={fromCombinedError(error)} onRetry={() => refetch({ requestPolicy: 'network-only' })} />;
  if (!meeting) return fetching || !data ? <PageLoader /> : <LoadFailed error={{ code: 'NOT_FOUND' }} />;
  return <MeetingView meeting={meeting} accountId={accountId} onVoted={setOverride} />;
}

function MeetingView({ meeting, accountId, onVoted }: { meeting: CabinetMeetingFieldsFragment; accountId: string; onVoted: (m: CabinetMeetingFieldsFragment) => void }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const [choices, setChoices] = useState<Record<string, VoteChoice>>({});
  const [confirming, setConfirming] = useState(false);
  const [missing, setMissing] = useState(false);
  const [errors, setErrors] = useState<AppError[]>([]);
  const [busy, setBusy] = useState(false);
  const [justVoted, setJustVoted] = useState(false);
  const [, vote] = useMutation(CabinetMeetingVoteDocument);
  const questions = [...meeting.questions].sort((a, b) => a.position - b.position);
  const voted = questions.some((q) => q.myVote !== null);

  const ask = () => {
    const all = questions.every((q) => choices[q.id]);
    setMissing(!all);
    if (all) setConfirming(true);
  };
  const send = async () => {
    setBusy(true);
    const result = await vote({ input: { meetingId: meeting.id, accountId, votes: questions.map((q) => ({ questionId: q.id, choice: choices[q.id] })) } });
    setBusy(false);
    setConfirming(false);
    const payload = result.data?.meetingVote;
    if (result.error || !payload) return setErrors([result.error ? fromCombinedError(result.error) : { code: 'UNKNOWN' }]);
    if (payload.errors.length || !payload.meeting) return setErrors(payload.errors.length ? payload.errors : [{ code: 'UNKNOWN' }]);
    setErrors([]);
    setJustVoted(true);
    onVoted(payload.meeting);
  };

  return (
    <div className="cs-page">
      <p className="cs-back">
        <Link to={`/cabinet/${accountId}/meetings`}>← {t('cabinetServices.meetings.title')}</Link>
      </p>
      <div className="cs-head">
        <h2 tabIndex={-1}>{meeting.title}</h2>
        <span className={`cs-status cs-status--${meetingTone(meeting.status)}`}>{t(`cabinetServices.meetings.statuses.${meeting.status}`)}</span>
      </div>
      <Card>
        <dl className="cs-facts">
          <dt>{t('cabinetServices.meetings.building')}</dt>
          <dd>{meeting.building.address}</dd>
          <dt>{t('cabinetServices.meetings.opens')}</dt>
          <dd>{formatDateTime(meeting.opensAt, locale)}</dd>
          <dt>{t('cabinetServices.meetings.closes')}</dt>
          <dd>{formatDateTime(meeting.closesAt, locale)}</dd>
        </dl>
        {meeting.description && <p className="cs-description">{meeting.description}</p>}
      </Card>
      {meeting.documents.length > 0 && (
        <Card level={3} title={t('cabinetServices.meetings.documents')} id="documents">
          <ul className="cs-docs">
            {meeting.documents.map((doc) => (
              <li key={doc.id}>
                {doc.url ? (
                  <a href={doc.url} target="_blank" rel="noreferrer">
                    {doc.title}
                  </a>
                ) : (
                  doc.title
                )}{' '}
                <span className="cs-hint">({formatBytes(doc.size, locale)})</span>
              </li>
            ))}
          </ul>
        </Card>
      )}
      {justVoted && <Alert tone="success">{t('cabinetServices.meetings.thanks')}</Alert>}
      <Card level={3} title={t('cabinetServices.meetings.agenda')} id="agenda">
        {meeting.canVote && !voted && <p className="cs-hint">{t('cabinetServices.meetings.ballotHint')}</p>}
        {voted && meeting.status === 'OPEN' && <p className="cs-hint">{t('cabinetServices.meetings.votedHint')}</p>}
        {questions.map((q, index) => (
          <QuestionBlock key={q.id} question={q} number={index + 1} editable={meeting.canVote && !voted} value={choices[q.id]} invalid={missing && !choices[q.id]} onChange={(c) => {
              setMissing(false);
              setChoices((all) => ({ ...all, [q.id]: c }));
            }}
          />
        ))}
        {missing && <FormErrors errors={[{ code: 'VOTE_INCOMPLETE' }]} />}
        <FormErrors errors={errors} />
        {meeting.canVote && !voted && (
          <div className="form-actions">
            <Button onClick={ask}>{t('cabinetServices.meetings.vote')}</Button>
          </div>
        )}
        {meeting.status === 'DRAFT' && <p className="cs-hint">{t('cabinetServices.meetings.notOpenYet')}</p>}
      </Card>
      <Dialog
        open={confirming}
        onClose={() => setConfirming(false)}
        title={t('cabinetServices.meetings.confirmTitle')}
        footer={
          <>
            <Button busy={busy} onClick={() => void send()}>
              {t('cabinetServices.meetings.confirmSend')}
            </Button>
            <Button variant="secondary" onClick={() => setConfirming(false)}>
              {t('cabinetServices.meetings.confirmBack')}
            </Button>
          </>
        }
      >
        <p>{t('cabinetServices.meetings.confirmText')}</p>
        <ol>
          {questions.map((q) => (
            <li key={q.id}>
              {q.text} — <strong>{choices[q.id] ? t(`cabinetServices.meetings.choices.${choices[q.id]}`) : ''}</strong>
            </li>
          ))}
        </ol>
      </Dialog>
    </div>
  );
}

function QuestionBlock({ question, number, editable, value, invalid, onChange }: { question: CabinetMeetingQuestionFieldsFragment; number: number; editable: boolean; value: VoteChoice | undefined; invalid: boolean; onChange: (c: VoteChoice) => void }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const result = question.result;
  const formatted = result ? resultRows(result, locale) : null;
  return (
    <div className="cs-question" data-question={number}>
      <p className="cs-question__text" id={`q-${question.id}`}>
        {number}. {question.text}
      </p>
      {editable && (
        <fieldset className="cs-choices" aria-labelledby={`q-${question.id}`} aria-invalid={invalid || undefined}>
          <legend>{question.text}</legend>
          {VOTE_CHOICES.map((choice) => (
            <label key={choice}>
              <input type="radio" name={`vote-${question.id}`} value={choice} checked={value === choice} onChange={() => onChange(choice)} />
              {t(`cabinetServices.meetings.choices.${choice}`)}
            </label>
          ))}
        </fieldset>
      )}
      {question.myVote && (
        <p className="cs-my-vote">
          {t('cabinetServices.meetings.myVote')}: <strong>{t(`cabinetServices.meetings.choices.${question.myVote}`)}</strong>
        </p>
      )}
      {result && formatted && (
        <div className="cs-result-block">
          <p>
            <span className={`cs-status cs-status--${result.decided ? 'success' : 'danger'}`}>{t(result.decided ? 'cabinetServices.meetings.decided' : 'cabinetServices.meetings.notDecided')}</span>
          </p>
          <table className="cs-result">
            <caption className="visually-hidden">{t('cabinetServices.meetings.resultOf', { n: number })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('cabinetServices.meetings.choice')}</th>
                <th scope="col">{t('cabinetServices.meetings.area')}</th>
                <th scope="col">{t('cabinetServices.meetings.share')}</th>
              </tr>
            </thead>
            <tbody>
              {formatted.rows.map((row) => (
                <tr key={row.key}>
                  <td>{t(`cabinetServices.meetings.choices.${row.key.toUpperCase()}`)}</td>
                  <td>{row.area}</td>
                  <td>{row.share}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="cs-hint">{t('cabinetServices.meetings.turnout', { voted: formatted.voted, total: formatted.total, share: formatted.turnout })}</p>
        </div>
      )}
    </div>
  );
}
