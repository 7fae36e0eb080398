import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { useClient, useMutation } from 'urql';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { Card } from '../../components/Card';
import { FormErrors } from '../../components/FormErrors';
import { LoadFailed } from '../../components/LoadFailed';
import { PageLoader } from '../../components/PageLoader';
import { type AppError, fromCombinedError } from '../../lib/errors';
import { formatBytes, formatDateTime } from '../../lib/format';
import { usePageTitle } from '../../lib/usePageTitle';
import { CompanyMeetingCloseDocument, CompanyMeetingDocument, CompanyMeetingOpenDocument } from './api';
import { formatArea, formatShare } from './forms';
import { MeetingStatusBadge } from './StatusBadges';
import type { MeetingDetails, MeetingResult } from './types';
import '../../components/office.css';
import './company.css';

/** While voting is open the staff's results are read again this often (votes have no subscription). */
const REFRESH_MS = 15_000;

/**
 * One owners' meeting for the staff: its agenda and documents, opening a draft for voting and
 * closing an open one; the results by question — areas for, against, abstained, of the whole
 * building — weighted by area and read again every 15 s while open.
 */
export function MeetingPage() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const { meetingId = '' } = useParams();
  const location = useLocation();
  const client = useClient();
  const [meeting, setMeeting] = useState<MeetingDetails | null>(null);
  const [missing, setMissing] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [flash, setFlash] = useState<string | null>((location.state as { created?: boolean } | null)?.created ? t('company.meeting.created') : null);
  const [actionErrors, setActionErrors] = useState<AppError[]>([]);
  const [busy, setBusy] = useState(false);
  // Closing early makes the results final: asked once more, in the panel itself.
  const [confirmClose, setConfirmClose] = useState(false);
  const [, open] = useMutation(CompanyMeetingOpenDocument);
  const [, close] = useMutation(CompanyMeetingCloseDocument);
  usePageTitle(meeting ? meeting.title : t('common.loading'));

  const load = useCallback(async () => {
    const result = await client.query(CompanyMeetingDocument, { id: meetingId }, { requestPolicy: 'network-only' }).toPromise();
    if (result.error) return setError(fromCombinedError(result.error));
    setError(null);
    const found = result.data?.meeting ?? null;
    if (!found) setMissing(true);
    else setMeeting(found);
  }, [client, meetingId]);

  useEffect(() => {
    void load();
  }, [load]);
  const status = meeting?.status;
  useEffect(() => {
    if (status !== 'OPEN') return;
    const timer = window.setInterval(() => void load(), REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [status, load]);

  const act = async (which: 'open' | 'close') => {
    if (!meeting) return;
    setBusy(true);
    const result = which === 'open' ? await open({ input: { id: meeting.id } }) : await close({ input: { id: meeting.id } });
    setBusy(false);
    const data = result.data;
    const payload = data && ('meetingOpen' in data ? data.meetingOpen : 'meetingClose' in data ? data.meetingClose : undefined);
    if (result.error || !payload) return setActionErrors([result.error ? fromCombinedError(result.error) : { code: 'FORBIDDEN' }]);
    if (payload.errors.length || !payload.meeting) return setActionErrors(payload.errors.length ? payload.errors : [{ code: 'UNKNOWN' }]);
    setActionErrors([]);
    setConfirmClose(false);
    setMeeting(payload.meeting);
    setFlash(t(which === 'open' ? 'company.meeting.opened' : 'company.meeting.closed'));
  };

  if (missing) {
    return (
      <div className="page page--narrow">
        <h1 tabIndex={-1}>{t('company.meeting.missing')}</h1>
        <p>
          <Link to="/company/meetings">{t('company.meetings.back')}</Link>
        </p>
      </div>
    );
  }
  if (error && !meeting) {
    return (
      <div className="page page--narrow">
        <LoadFailed error={error} onRetry={() => void load()} />
      </div>
    );
  }
  if (!meeting) return <PageLoader />;

  return (
    <div className="page app-card co-card">
      <p className="app-back">
        <Link to="/company/meetings">← {t('company.meetings.back')}</Link>
      </p>
      <div className="page__head">
        <div>
          <h1 tabIndex={-1}>{meeting.title}</h1>
          <p className="page__lead app-card__lead">
            <span className="app-card__status" data-testid="meeting-status">
              <MeetingStatusBadge status={meeting.status} />
            </span>
            <span>{meeting.building.address}</span>
          </p>
        </div>
      </div>
      {flash && (
        <Alert tone="success">
          <p>{flash}</p>
        </Alert>
      )}

      {meeting.status !== 'CLOSED' && (
        <Card title={t(meeting.status === 'DRAFT' ? 'company.meeting.openTitle' : 'company.meeting.closeTitle')} id="co-meeting-action" className="qo-panel">
          <p className="qo-panel__lead">{t(meeting.status === 'DRAFT' ? 'company.meeting.openLead' : 'company.meeting.closeLead', { when: formatDateTime(meeting.closesAt, locale) })}</p>
          <FormErrors errors={actionErrors} />
          {meeting.status === 'OPEN' && confirmClose ? (
            <div className="co-confirm" role="group" aria-label={t('company.meeting.closeConfirm')}>
              <p className="co-confirm__text">{t('company.meeting.closeConfirm')}</p>
              <div className="form-actions">
                <Button busy={busy} variant="danger" onClick={() => void act('close')}>
                  {t('company.meeting.closeYes')}
                </Button>
                <Button variant="ghost" onClick={() => setConfirmClose(false)}>
                  {t('common.cancel')}
                </Button>
              </div>
            </div>
          ) : (
            <div className="form-actions">
              <Button busy={busy} variant={meeting.status === 'OPEN' ? 'danger' : 'primary'} onClick={() => (meeting.status === 'DRAFT' ? void act('open') : setConfirmClose(true))}>
                {t(meeting.status === 'DRAFT' ? 'company.meeting.open' : 'company.meeting.close')}
              </Button>
            </div>
          )}
        </Card>
      )}

      <div className="app-card__grid">
        <Card title={t('company.meeting.about')} id="co-meeting-about" className="app-card__wide">
          <dl className="app-facts">
            <div className="app-facts__item">
              <dt>{t('company.meeting.opensAt')}</dt>
              <dd>{formatDateTime(meeting.opensAt, locale)}</dd>
            </div>
            <div className="app-facts__item">
              <dt>{t('company.meeting.closesAt')}</dt>
              <dd>{formatDateTime(meeting.closesAt, locale)}</dd>
            </div>
          </dl>
          {meeting.description && <p className="co-text co-meeting__description">{meeting.description}</p>}
        </Card>

        <Card title={t('company.meeting.results')} id="co-meeting-results" className="app-card__wide">
          {meeting.status === 'OPEN' && <p className="muted">{t('company.meeting.resultsLive')}</p>}
          {meeting.status === 'DRAFT' && <p className="muted">{t('company.meeting.resultsDraft')}</p>}
          <ol className="co-agenda">
            {meeting.questions.map((q) => (
              <li key={q.id} className="co-agenda__item" data-question={q.position}>
                <p className="co-agenda__text">
                  <span className="mono">{q.position}.</span> {q.text}
                </p>
                {q.result && meeting.status !== 'DRAFT' && <ResultBars result={q.result} final={meeting.status === 'CLOSED'} locale={locale} />}
              </li>
            ))}
          </ol>
        </Card>

        <Card title={t('company.meeting.documents')} id="co-meeting-docs" className="app-card__wide">
          {meeting.documents.length === 0 ? (
            <p className="muted">{t('company.meeting.noDocuments')}</p>
          ) : (
            <ul className="qo-files">
              {meeting.documents.map((d) => (
                <li key={d.id}>
                  {d.url ? (
                    <a href={d.url} target="_blank" rel="noreferrer">
                      {d.title}
                    </a>
                  ) : (
                    d.title
                  )}{' '}
                  <span className="muted">· {formatBytes(d.size, locale)}</span>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </div>
  );
}

function ResultBars({ result, final, locale }: { result: MeetingResult; final: boolean; locale: string }) {
  const { t } = useTranslation();
  const total = Number(result.totalArea) || 1;
  const part = (area: string) => `${Math.min(100, (Number(area) / total) * 100)}%`;
  return (
    <div className="co-result">
      <div className="co-result__bar" aria-hidden="true">
        <span className="co-result__for" style={{ width: part(result.forArea) }} />
        <span className="co-result__against" style={{ width: part(result.againstArea) }} />
        <span className="co-result__abstain" style={{ width: part(result.abstainArea) }} />
      </div>
      <dl className="co-result__numbers">
        <div>
          <dt>{t('company.meeting.for')}</dt>
          <dd>
            {formatArea(result.forArea, locale)} · {formatShare(result.forShare, locale)}
          </dd>
        </div>
        <div>
          <dt>{t('company.meeting.against')}</dt>
          <dd>{formatArea(result.againstArea, locale)}</dd>
        </div>
        <div>
          <dt>{t('company.meeting.abstain')}</dt>
          <dd>{formatArea(result.abstainArea, locale)}</dd>
        </div>
        <div>
          <dt>{t('company.meeting.voted')}</dt>
          <dd>{t('company.meeting.ofTotal', { voted: formatArea(result.votedArea, locale), total: formatArea(result.totalArea, locale) })}</dd>
        </div>
      </dl>
      <p className={`co-result__verdict co-result__verdict--${result.decided ? 'yes' : 'no'}`}>
        {t(result.decided ? (final ? 'company.meeting.decided' : 'company.meeting.decidedSoFar') : final ? 'company.meeting.notDecided' : 'company.meeting.notDecidedSoFar')}
      </p>
    </div>
  );
}
