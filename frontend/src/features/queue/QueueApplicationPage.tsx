import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { useClient } from 'urql';
import { Alert } from '../../components/Alert';
import { Card } from '../../components/Card';
import { LiveAnnouncement, useAnnouncement } from '../../components/LiveAnnouncement';
import { LoadFailed } from '../../components/LoadFailed';
import { PageLoader } from '../../components/PageLoader';
import { type QueueApplicationFieldsFragment, QueueApplicationByIdDocument } from '../../gql/graphql';
import { type AppError, fromCombinedError } from '../../lib/errors';
import { formatDate, formatDateTime } from '../../lib/format';
import { usePageTitle } from '../../lib/usePageTitle';
import { ChecksList } from './ChecksList';
import { ComplaintsCard } from './ComplaintsCard';
import { DeadlineList } from './DeadlineList';
import { CONSENTS } from './form';
import { HearingCard } from './HearingCard';
import { LiveIndicator } from './LiveIndicator';
import { NumberChanges } from './NumberChanges';
import { PersonFacts } from './PersonFacts';
import { QueueFileLink } from './QueueFileLink';
import { QueueRouteSteps } from './QueueRouteSteps';
import { QueueStatusBadge } from './QueueStatusBadge';
import { certificates, isDecided } from './status';
import { useQueueChanges } from './useQueueChanges';
import './queue.css';

/**
 * One queue application as its applicant follows it: status and route, every deadline counting
 * down, the checks with their reasons, the decision arriving live with the certificates in Kazakh
 * and Russian, "why my number changed", the hearing with the position form, complaints, history.
 */
export function QueueApplicationPage() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const { applicationId = '' } = useParams();
  const location = useLocation();
  const client = useClient();
  const [app, setApp] = useState<QueueApplicationFieldsFragment | null>(null);
  const [missing, setMissing] = useState(false);
  const [loadError, setLoadError] = useState<AppError | null>(null);
  const [flash] = useState<string | null>(() => (location.state as { flash?: string } | null)?.flash ?? null);
  const [announcement, announce] = useAnnouncement();
  const statusRef = useRef<string | null>(null);
  usePageTitle(app ? t('queue.card.title', { number: app.number }) : t('queue.title'));

  const load = useCallback(
    async (live: boolean) => {
      const result = await client.query(QueueApplicationByIdDocument, { id: applicationId }, { requestPolicy: 'network-only' }).toPromise();
      if (result.error) return setLoadError(fromCombinedError(result.error));
      setLoadError(null);
      const found = result.data?.queueApplication ?? null;
      if (!found) return setMissing(true);
      const before = statusRef.current;
      statusRef.current = found.status;
      setApp(found);
      if (live && before && before !== found.status) announce(t('queue.card.decidedLive', { number: found.number, status: t(`queue.status.${found.status}`) }));
    },
    [client, applicationId, announce, t],
  );

  useEffect(() => {
    void load(false);
  }, [load]);
  useQueueChanges(
    useCallback(
      (event) => {
        if (!event || event.applicationId === applicationId) void load(true);
      },
      [applicationId, load],
    ),
  );

  if (missing) {
    return (
      <div className="page page--narrow">
        <h1 tabIndex={-1}>{t('notFound.title')}</h1>
        <p>
          <Link to="/queue">{t('queue.card.back')}</Link>
        </p>
      </div>
    );
  }
  if (loadError && !app) {
    return (
      <div className="page page--narrow">
        <LoadFailed error={loadError} onRetry={() => void load(false)} />
      </div>
    );
  }
  if (!app) return <PageLoader />;

  const certs = certificates(app.files);
  const otherFiles = app.files.filter((f) => !f.kind.startsWith('certificate_') && f.kind !== 'hearing_position');
  const decided = isDecided(app.status);
  const number = app.entry?.number ?? app.queueNumber;
  // The hearing's own deadlines are counted down on its card.
  const caseDeadlines = app.deadlines.filter((d) => !d.kind.startsWith('complaint') && !(app.hearing && (d.kind === 'hearing' || d.kind === 'final_decision')));

  return (
    <div className="page q-page q-card">
      <p className="q-back">
        <Link to="/queue">← {t('queue.card.back')}</Link>
      </p>
      <div className="page__head">
        <div>
          <h1 tabIndex={-1}>{t('queue.card.title', { number: app.number })}</h1>
          <p className="page__lead q-card__lead">
            <span data-testid="queue-status">
              <QueueStatusBadge status={app.status} />
            </span>
            <LiveIndicator />
          </p>
        </div>
      </div>
      {flash && (
        <Alert tone="success">
          <p>{flash}</p>
        </Alert>
      )}

      <QueueRouteSteps status={app.status} hadHearing={Boolean(app.hearing)} />

      <section className="q-decision" aria-live="polite" aria-labelledby="q-decision-title">
        {app.status === 'REGISTERED' && (
          <Alert tone="success" title={<span id="q-decision-title">{t('queue.card.registered')}</span>}>
            <p data-testid="queue-registered">
              {t('queue.card.registeredText', { date: app.registeredAt ? formatDateTime(app.registeredAt, locale) : '—', number: number ?? '—' })}
            </p>
          </Alert>
        )}
        {app.status === 'REFUSED' && (
          <Alert tone="error" title={<span id="q-decision-title">{t('queue.card.refused')}</span>}>
            <ul className="q-reasons">
              {app.reasons.map((r) => (
                <li key={r.code} data-reason={r.code}>
                  {r.explanation}
                </li>
              ))}
            </ul>
          </Alert>
        )}
        {app.status === 'REMOVED' && <Alert tone="info" title={<span id="q-decision-title">{t('queue.card.removed')}</span>} />}
        {!decided && app.status !== 'HEARING' && (
          <p className="q-note" id="q-decision-title">
            {t('queue.card.pending')}
          </p>
        )}
      </section>

      {caseDeadlines.length > 0 && (
        <Card title={t('queue.deadline.title')} id="q-deadlines">
          <DeadlineList deadlines={caseDeadlines} />
        </Card>
      )}

      <div className="q-grid">
        {(decided || certs.length > 0) && (
          <Card title={t('queue.card.certificate')} id="q-certificate">
            {certs.length === 0 ? (
              <p className="muted">{t('queue.card.certificateNone')}</p>
            ) : (
              <div className="q-files">
                {certs.map((f) => (
                  <QueueFileLink key={f.id} file={f} />
                ))}
              </div>
            )}
          </Card>
        )}

        {app.entry && (
          <Card title={t('queue.card.numberTitle')} id="q-number">
            <NumberChanges entry={app.entry} />
          </Card>
        )}

        {app.hearing && <HearingCard application={app} onChanged={(next) => setApp(next)} />}

        <Card title={t('queue.card.facts')} id="q-facts" className="q-card--wide">
          <dl className="q-facts">
            <div className="q-facts__item">
              <dt>{t('queue.card.filedAt')}</dt>
              <dd>{formatDateTime(app.filedAt, locale)}</dd>
            </div>
            <div className="q-facts__item">
              <dt>{t('queue.card.businessDate')}</dt>
              <dd>{formatDate(app.businessDate, locale)}</dd>
            </div>
            <div className="q-facts__item">
              <dt>{t('queue.card.locality')}</dt>
              <dd>{app.locality.name}</dd>
            </div>
            <div className="q-facts__item">
              <dt>{t('queue.card.listKind')}</dt>
              <dd>{t(`queue.list.${app.listKind}`)}</dd>
            </div>
            <div className="q-facts__item q-facts__item--wide">
              <dt>{t('queue.card.representation')}</dt>
              <dd>{t(`queue.representation.${app.representation}`)}</dd>
            </div>
            <div className="q-facts__item q-facts__item--wide">
              <dt>{t('queue.card.categories')}</dt>
              <dd>{app.categories.length ? app.categories.map((c) => c.name).join('; ') : t('queue.card.noCategories')}</dd>
            </div>
            <div className="q-facts__item">
              <dt>{t('queue.card.emergency')}</dt>
              <dd>{app.emergency ? t('queue.card.yes') : t('queue.card.no')}</dd>
            </div>
            <div className="q-facts__item">
              <dt>{t('queue.card.signedWith')}</dt>
              <dd>{t(`queue.apply.methods.${app.signingMethod}`)}</dd>
            </div>
            <div className="q-facts__item">
              <dt>{t('queue.card.phone')}</dt>
              <dd className="mono">{app.phone}</dd>
            </div>
            <div className="q-facts__item">
              <dt>{t('queue.card.email')}</dt>
              <dd>{app.email}</dd>
            </div>
          </dl>
          <h3 className="q-subtitle">{app.representative ? t('queue.apply.represented') : t('queue.apply.applicant')}</h3>
          <PersonFacts person={app.person} label={app.representative ? t('queue.apply.represented') : t('queue.apply.applicant')} />
          {app.representative && (
            <>
              <h3 className="q-subtitle">{t('queue.apply.representative')}</h3>
              <PersonFacts person={app.representative} label={t('queue.apply.representative')} />
            </>
          )}
          <h3 className="q-subtitle">{t('queue.card.consentsGiven')}</h3>
          <ul className="q-consent-list">
            {[...app.consents].sort((a, b) => CONSENTS.indexOf(a.consent) - CONSENTS.indexOf(b.consent)).map((c) => (
              <li key={c.consent}>
                <span>{t(`queue.apply.consent.${c.consent}`)}</span>
                <span className="q-facts__sub">{t('queue.card.consentLine', { at: formatDateTime(c.givenAt, locale), method: t(`queue.apply.methods.${c.signingMethod}`) })}</span>
              </li>
            ))}
          </ul>
        </Card>

        {app.checks.length > 0 && (
          <Card title={t('queue.card.checks')} id="q-checks" className="q-card--wide">
            <ChecksList checks={app.checks} label={t('queue.card.checks')} />
          </Card>
        )}

        {otherFiles.length > 0 && (
          <Card title={t('queue.card.files')} id="q-files" className="q-card--wide">
            <div className="q-files">
              {otherFiles.map((f) => (
                <QueueFileLink key={f.id} file={f} />
              ))}
            </div>
          </Card>
        )}

        {(decided || app.complaints.length > 0) && (
          <ComplaintsCard
            application={app}
            onFiled={() => void load(false)}
          />
        )}

        <Card title={t('queue.card.history')} id="q-history" className="q-card--wide">
          {app.history.length === 0 ? (
            <p className="muted">{t('queue.card.historyNone')}</p>
          ) : (
            <ol className="q-history">
              {[...app.history].reverse().map((h, i) => (
                <li key={`${h.at}-${i}`} className="q-history__item">
                  <span className="q-history__at">{formatDateTime(h.at, locale)}</span>
                  <span className="q-history__what">{t(`queue.history.actions.${h.action}`, { defaultValue: h.action })}</span>
                  {h.actorName && <span className="q-history__who">{h.actorName}</span>}
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
