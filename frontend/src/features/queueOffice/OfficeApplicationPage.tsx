import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useClient } from 'urql';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { Card } from '../../components/Card';
import { LiveAnnouncement, useAnnouncement } from '../../components/LiveAnnouncement';
import { LiveBadge } from '../../components/LiveBadge';
import { LoadFailed } from '../../components/LoadFailed';
import { PageLoader } from '../../components/PageLoader';
import { type AppError, fromCombinedError } from '../../lib/errors';
import { formatDate, formatDateTime, formatPhone } from '../../lib/format';
import { useSocketStatus } from '../../lib/graphql/SocketContext';
import { usePageTitle } from '../../lib/usePageTitle';
import { type OfficeApplication, QueueOfficeApplicationDocument } from './api';
import { Countdown } from './Countdown';
import { dueTone } from './deadlines';
import { EntryCard } from './EntryCard';
import { ChecksList, FileList, PersonFacts } from './Facts';
import { HearingCard } from './HearingCard';
import { QueueStatusBadge } from './QueueStatusBadge';
import { ReviewPanel } from './ReviewPanel';
import { useOfficeLive } from './useOfficeLive';
import '../../components/office.css';
import './queueOffice.css';

/**
 * One queue application in the back office: the applicant's registry data, the checks and
 * reasons, the files (the technical conclusion on the emergency path), the running deadlines as
 * countdowns, and what the officer does in this status — the emergency review, the hearing's
 * result signed with EDS, the removal from the register — then its complaints and history.
 */
export function OfficeApplicationPage() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const { applicationId = '' } = useParams();
  const client = useClient();
  const [app, setApp] = useState<OfficeApplication | null>(null);
  const [missing, setMissing] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [flash, setFlash] = useState<string | null>(null);
  usePageTitle(app ? t('queueOffice.card.title', { number: app.number }) : t('common.loading'));

  const load = useCallback(async () => {
    const result = await client.query(QueueOfficeApplicationDocument, { id: applicationId }, { requestPolicy: 'network-only' }).toPromise();
    if (result.error) return setError(fromCombinedError(result.error));
    setError(null);
    const found = result.data?.queueApplication ?? null;
    if (!found) setMissing(true);
    else setApp(found);
    // The server words checks, reasons and number changes in the request's language: read again in a new one.
  }, [client, applicationId, locale]);

  // A message worded in the language before goes with it.
  useEffect(() => setFlash(null), [locale]);

  useEffect(() => {
    void load();
  }, [load]);

  // Live: the applicant's position, the automatic decision or another officer's step show up by themselves.
  const socketStatus = useSocketStatus();
  const [announcement, announce] = useAnnouncement();
  const statusRef = useRef<string | null>(null);
  statusRef.current = app?.status ?? null;
  useOfficeLive(
    (event) => {
      if (event.applicationId !== applicationId) return;
      if (!event.application) return void load();
      if (statusRef.current && statusRef.current !== event.status) {
        announce(t('queueOffice.card.liveStatus', { number: event.application.number, status: t(`queueOffice.status.${event.status}`) }));
      }
      setApp(event.application);
    },
    () => void load(),
  );

  const changed = (next: OfficeApplication, message: string) => {
    setApp(next);
    setFlash(message);
    // The news is at the top of the page; the panel that caused it may be gone.
    document.querySelector('h1')?.scrollIntoView?.({ block: 'start' });
  };

  if (missing) {
    return (
      <div className="page page--narrow">
        <h1 tabIndex={-1}>{t('queueOffice.card.missing')}</h1>
        <p>
          <Link to="/queue-office">{t('queueOffice.back')}</Link>
        </p>
      </div>
    );
  }
  if (error && !app) {
    return (
      <div className="page page--narrow">
        <LoadFailed error={error} onRetry={() => void load()} />
      </div>
    );
  }
  if (!app) return <PageLoader />;

  const none = <span className="muted">—</span>;
  const complaints = app.complaints;
  const conclusion = app.files.filter((f) => f.kind === 'technical_conclusion');
  // The applicant's position files are the hearing's: shown there, not twice.
  const otherFiles = app.files.filter((f) => f.kind !== 'technical_conclusion' && f.kind !== 'hearing_position');
  const facts: [string, React.ReactNode][] = [
    [t('queueOffice.card.filedAt'), formatDateTime(app.filedAt, locale)],
    [t('queueOffice.card.businessDate'), formatDate(app.businessDate, locale)],
    [t('queueOffice.card.locality'), app.locality.name],
    [t('queueOffice.card.list'), t(`queueOffice.lists.${app.listKind}`)],
    [t('queueOffice.card.path'), t(app.emergency ? 'queueOffice.card.pathEmergency' : 'queueOffice.card.pathAuto')],
    [t('queueOffice.card.categories'), app.categories.length ? app.categories.map((c) => c.name).join('; ') : t('queueOffice.card.noCategories')],
    [t('queueOffice.card.representation'), t(`queueOffice.representation.${app.representation}`)],
    [t('queueOffice.card.phone'), <span className="mono">{formatPhone(app.phone) || '—'}</span>],
    [t('queueOffice.card.email'), app.email || '—'],
    [t('queueOffice.card.signedWith'), t(`queueOffice.signing.${app.signingMethod}`, { defaultValue: app.signingMethod })],
  ];
  if (app.registeredAt) facts.push([t('queueOffice.card.registeredAt'), formatDateTime(app.registeredAt, locale)]);
  if (app.decidedAt) facts.push([t('queueOffice.card.decidedAt'), formatDateTime(app.decidedAt, locale)]);

  return (
    <div className="page app-card qo-card">
      <p className="app-back">
        <Link to="/queue-office">← {t('queueOffice.back')}</Link>
      </p>
      <div className="page__head">
        <div>
          <h1 tabIndex={-1}>{t('queueOffice.card.title', { number: app.number })}</h1>
          <p className="page__lead app-card__lead">
            <span className="app-card__status" data-testid="queue-status">
              <QueueStatusBadge status={app.status} />
            </span>
            <span>{app.person.fullName}</span>
            {app.emergency && <span className="qo-tag">{t('queueOffice.emergency')}</span>}
            <LiveBadge on={socketStatus === 'connected'} />
          </p>
        </div>
        <Button variant="secondary" onClick={() => void load()}>
          {t('queueOffice.card.reload')}
        </Button>
      </div>

      {flash && (
        <Alert tone="success">
          <p>{flash}</p>
        </Alert>
      )}

      {app.deadlines.length > 0 && (
        <section className="qo-deadlines" aria-label={t('queueOffice.card.deadlines')}>
          {app.deadlines.map((d) => (
            <p key={d.kind} className={`qo-deadline qo-deadline--${dueTone(d)}`}>
              <Countdown deadline={d} />
            </p>
          ))}
        </section>
      )}

      {app.status === 'REFUSED' && app.reasons.length > 0 && (
        <Alert tone="error" title={t('queueOffice.card.refused')}>
          <ul className="qo-reason-list">
            {app.reasons.map((r) => (
              <li key={r.code}>{r.explanation}</li>
            ))}
          </ul>
        </Alert>
      )}

      {app.status === 'IN_REVIEW' && <ReviewPanel key={app.id} application={app} onChanged={changed} />}

      <div className="app-card__grid">
        <Card title={t('queueOffice.card.applicant')} id="qo-applicant" className="app-card__wide">
          <PersonFacts person={app.person} />
          {app.representative && (
            <details className="qo-representative" open>
              <summary>{t('queueOffice.card.representative', { kind: t(`queueOffice.representation.${app.representation}`) })}</summary>
              <PersonFacts person={app.representative} />
            </details>
          )}
        </Card>

        {app.hearing && <HearingCard key={`${app.id}:${app.status}`} application={app} onChanged={changed} />}

        <Card title={t('queueOffice.card.claim')} id="qo-claim" className="app-card__wide">
          <dl className="app-facts">
            {facts.map(([label, value]) => (
              <div key={label} className="app-facts__item">
                <dt>{label}</dt>
                <dd>{value}</dd>
              </div>
            ))}
            <div className="app-facts__item app-facts__item--wide">
              <dt>{t('queueOffice.card.consents')}</dt>
              <dd>
                {app.consents.length ? (
                  <ul className="qo-consents">
                    {app.consents.map((c) => (
                      <li key={c.consent}>
                        {t(`queueOffice.consents.${c.consent}`, { defaultValue: c.consent })} — {formatDateTime(c.givenAt, locale)}
                      </li>
                    ))}
                  </ul>
                ) : (
                  none
                )}
              </dd>
            </div>
          </dl>
        </Card>

        <Card title={t('queueOffice.card.checks')} id="qo-checks" className="app-card__wide">
          <ChecksList checks={app.checks} />
        </Card>

        {app.emergency && (
          <Card title={t('queueOffice.card.conclusion')} id="qo-conclusion">
            {conclusion.length ? <FileList files={conclusion} label={t('queueOffice.card.conclusion')} /> : <p className="muted">{t('queueOffice.card.noConclusion')}</p>}
          </Card>
        )}
        <Card title={t('queueOffice.card.files')} id="qo-files" className={app.emergency ? undefined : 'app-card__wide'}>
          <FileList files={otherFiles} label={t('queueOffice.card.files')} />
        </Card>

        {app.entry && <EntryCard key={`${app.id}:${app.status}`} application={app} onChanged={changed} />}

        {complaints.length > 0 && (
          <Card title={t('queueOffice.card.complaints')} id="qo-app-complaints" className="app-card__wide">
            <ul className="qo-app-complaints">
              {complaints.map((c) => (
                <li key={c.id}>
                  <span className="mono">{c.number}</span> · {t(`queueOffice.complaints.status.${c.status}`)} · {t(`queueOffice.complaints.addressee.${c.addressee}`)}
                </li>
              ))}
            </ul>
            <p>
              <Link to="/queue-office/complaints">{t('queueOffice.card.toComplaints')}</Link>
            </p>
          </Card>
        )}

        <Card title={t('queueOffice.card.history')} id="qo-history" className="app-card__wide">
          {app.history.length === 0 ? (
            none
          ) : (
            <ol className="qo-history">
              {app.history.map((h, i) => (
                <li key={`${h.at}-${i}`}>
                  <span className="qo-history__when">{formatDateTime(h.at, locale)}</span> {t(`queueOffice.history.${h.action}`, { defaultValue: h.action })}
                  {h.actorName && <span className="muted"> — {h.actorName}</span>}
                </li>
              ))}
            </ol>
          )}
        </Card>
      </div>
      <LiveAnnouncement announcement={announcement} />
    </div>
  );
}
