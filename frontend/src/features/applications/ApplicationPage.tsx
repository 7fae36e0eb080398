import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { useClient } from 'urql';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { Card } from '../../components/Card';
import { DownloadIcon } from '../../components/icons';
import { LiveAnnouncement, useAnnouncement } from '../../components/LiveAnnouncement';
import { LiveBadge } from '../../components/LiveBadge';
import { LoadFailed } from '../../components/LoadFailed';
import { PageLoader } from '../../components/PageLoader';
import { ApplicationByIdDocument, type ApplicationFieldsFragment, ApplicationUpdatedDocument } from '../../gql/graphql';
import { useSession } from '../../lib/auth/SessionContext';
import { type AppError, fromCombinedError } from '../../lib/errors';
import { formatBytes, formatDate, formatDateTime } from '../../lib/format';
import { useSocket, useSocketStatus } from '../../lib/graphql/SocketContext';
import { usePageTitle } from '../../lib/usePageTitle';
import { OperatorActions } from './backoffice/OperatorActions';
import { ContractSummary } from './ContractSummary';
import { FileLinks } from './FileLinks';
import { FORM_FIELDS, formFromJson } from './form';
import { HistoryList } from './HistoryList';
import { categoryLabel, requirementLabel, typeLabel } from './labels';
import { RevisionNotice } from './RevisionNotice';
import { RouteSteps } from './RouteSteps';
import { SignDialog } from './SignDialog';
import { StatusBadge } from './StatusBadge';
import { runningDeadline } from './status';
import { useApplicationSetup } from './useApplicationSetup';
import '../../components/office.css';
import './applications.css';

/**
 * One application: the data of each status (seed 001's table), its documents, signatures and full
 * history, and what the viewer may do now. The same card serves the applicant (and the developer
 * while the SA is signed) and, with `operator`, KZhK's back office. Live: `applicationUpdated`.
 */
export function ApplicationPage({ operator = false }: { operator?: boolean }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const { applicationId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const client = useClient();
  const socket = useSocket();
  const socketStatus = useSocketStatus();
  const { viewer } = useSession();
  const { types } = useApplicationSetup();
  const [app, setApp] = useState<ApplicationFieldsFragment | null>(null);
  const [missing, setMissing] = useState(false);
  const [loadError, setLoadError] = useState<AppError | null>(null);
  // "Sign the SA" from the list arrives with ?sign=sa: the dialog is asked for from the first render,
  // and opens in the same render as the application that allows it (not an effect later).
  const [signingSa, setSigningSa] = useState(() => params.get('sign') === 'sa');
  const [flash, setFlash] = useState<string | null>(null);
  const [announcement, announce] = useAnnouncement();
  const statusRef = useRef<string | null>(null);
  const tRef = useRef(t);
  tRef.current = t;
  usePageTitle(app ? t('applications.card.title', { number: app.number }) : t('applications.editor.loading'));

  const receive = useCallback((next: ApplicationFieldsFragment, live: boolean) => {
    const before = statusRef.current;
    statusRef.current = next.status;
    setApp(next);
    if (live && before && before !== next.status) {
      const tr = tRef.current;
      announce(tr('applications.live.status', { number: next.number, status: tr(`applications.status.${next.status}`) }));
    }
  }, [announce]);

  const load = useCallback(async () => {
    const result = await client.query(ApplicationByIdDocument, { id: applicationId }, { requestPolicy: 'network-only' }).toPromise();
    if (result.error) {
      setLoadError(fromCombinedError(result.error));
      return;
    }
    setLoadError(null);
    const found = result.data?.application ?? null;
    if (!found) setMissing(true);
    else receive(found, false);
  }, [client, applicationId, receive]);

  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => socket?.onReconnected(() => void load()), [socket, load]);

  useEffect(() => {
    const subscription = client.subscription(ApplicationUpdatedDocument, { id: applicationId }).subscribe((result) => {
      const next = result.data?.applicationUpdated;
      if (next && next.id === applicationId) receive(next, true);
    });
    return () => subscription.unsubscribe();
  }, [client, applicationId, receive]);

  const wantsSa = params.get('sign') === 'sa';

  const backTo = operator ? '/backoffice' : '/applications';
  const backLabel = operator ? t('backoffice.backToQueue') : t('applications.backToList');

  if (missing) {
    return (
      <div className="page page--narrow">
        <h1 tabIndex={-1}>{t('applications.missing.title')}</h1>
        <p>{t('applications.missing.text')}</p>
        <p>
          <Link to={backTo}>{backLabel}</Link>
        </p>
      </div>
    );
  }
  if (loadError && !app) {
    return (
      <div className="page page--narrow">
        <LoadFailed error={loadError} onRetry={() => void load()} />
      </div>
    );
  }
  if (!app) return <PageLoader />;

  const type = types?.find((x) => x.code === app.type) ?? null;
  const form = formFromJson(app.form);
  const actions = app.availableActions;
  const rejection = app.files.filter((f) => f.kind === 'REJECTION_NOTICE');
  const saDraft = app.files.filter((f) => f.kind === 'SA_DRAFT');
  const saSigned = app.files.filter((f) => f.kind === 'SA_SIGNED');
  const deadline = runningDeadline(app);
  const due = deadline?.due ?? null;

  const progress: [string, React.ReactNode][] = [];
  if (app.sentAt) progress.push([t('applications.card.sentAt'), formatDateTime(app.sentAt, locale)]);
  if (app.registrationNumber) progress.push([t('applications.card.registrationNumber'), <span className="mono">{app.registrationNumber}</span>]);
  if (app.registeredOn) progress.push([t('applications.card.registeredOn'), formatDate(app.registeredOn, locale)]);
  if (app.reviewDeadline) progress.push([t('applications.card.reviewDeadline'), <DueDate date={app.reviewDeadline} state={deadline?.kind === 'review' ? due : null} />]);
  if (app.executorName) progress.push([t('applications.card.executor'), app.executorName]);
  if (app.executorPhone) progress.push([t('applications.card.executorPhone'), <span className="mono">{app.executorPhone}</span>]);
  if (app.revisionDeadline) progress.push([t('applications.card.revisionDeadline'), <DueDate date={app.revisionDeadline} state={deadline?.kind === 'revision' ? due : null} />]);
  if (app.saNumber) progress.push([t('applications.card.saNumber'), <span className="mono">{app.saNumber}</span>]);
  if (app.saDate) progress.push([t('applications.card.saDate'), formatDate(app.saDate, locale)]);

  return (
    <div className="page app-card">
      <p className="app-back">
        <Link to={backTo}>← {backLabel}</Link>
      </p>
      <div className="page__head">
        <div>
          <h1 tabIndex={-1}>{t('applications.card.title', { number: app.number })}</h1>
          <p className="page__lead app-card__lead">
            <span className="app-card__status" data-testid="application-status">
              <StatusBadge status={app.status} />
            </span>
            <span>{typeLabel(t, app.type)}</span>
            <LiveBadge on={socketStatus === 'connected'} />
          </p>
        </div>
        {!operator && (
          <div className="app-card__head-actions">
            {actions.includes('EDIT') && (
              <Link className="btn btn--primary" to={`/applications/${app.id}/edit`}>
                {app.status === 'NEEDS_REVISION' ? t('applications.revise') : t('applications.edit')}
              </Link>
            )}
            {actions.includes('SIGN_SA') && <Button onClick={() => setSigningSa(true)}>{t('applications.signSa')}</Button>}
          </div>
        )}
      </div>

      {flash && (
        <Alert tone="success">
          <p>{flash}</p>
        </Alert>
      )}

      <RouteSteps status={app.status} />

      {!operator && app.status === 'NEEDS_REVISION' && <RevisionNotice application={app} />}
      {app.status === 'REJECTED' && (
        <Alert tone="error" title={t('applications.card.rejected')}>
          {rejection.map((f) => (
            <FileLinks key={f.id} file={f} />
          ))}
        </Alert>
      )}
      {!operator && app.status === 'SA_PARTIES_SIGNING' && (
        <Alert tone={actions.includes('SIGN_SA') ? 'warning' : 'info'}>
          <p>{actions.includes('SIGN_SA') ? t('applications.card.saToSign') : t('applications.card.saWaiting')}</p>
        </Alert>
      )}

      {operator && <OperatorActions key={`${app.id}:${app.status}`} application={app} onChanged={(next, message) => {
        receive(next, false);
        setFlash(message);
      }} />}

      <div className="app-card__grid">
        <Card title={t('applications.card.progress')} id="app-progress" className={saDraft.length > 0 || saSigned.length > 0 ? undefined : 'app-card__wide'}>
          {progress.length === 0 ? (
            <p className="muted">{t('applications.card.noProgress')}</p>
          ) : (
            <dl className="app-facts">
              {progress.map(([label, value]) => (
                <div key={label} className="app-facts__item">
                  <dt>{label}</dt>
                  <dd>{value}</dd>
                </div>
              ))}
            </dl>
          )}
        </Card>

        {(saDraft.length > 0 || saSigned.length > 0) && (
          <Card title={t('applications.card.sa')} id="app-sa">
            <div className="app-files">
              {[...saSigned, ...saDraft].map((f) => (
                <FileLinks key={f.id} file={f} />
              ))}
            </div>
          </Card>
        )}

        <Card title={t('applications.card.data')} id="app-data" className="app-card__wide">
          <dl className="app-facts">
            <div className="app-facts__item">
              <dt>{t('applications.fields.type')}</dt>
              <dd>{typeLabel(t, app.type)}</dd>
            </div>
            <div className="app-facts__item">
              <dt>{t('applications.fields.category')}</dt>
              <dd>{categoryLabel(t, app.category, app.categoryOther)}</dd>
            </div>
            <div className="app-facts__item">
              <dt>{t('applications.card.applicant')}</dt>
              <dd>{app.applicant ? `${app.applicant.name} (${t('applications.bin')} ${app.applicant.bin})` : '—'}</dd>
            </div>
            {FORM_FIELDS.map((name) => (
              <div key={name} className="app-facts__item app-facts__item--wide">
                <dt>{t(`applications.form.${name}`)}</dt>
                <dd className="app-facts__text">{form[name] || <span className="muted">—</span>}</dd>
              </div>
            ))}
          </dl>
          {app.contract && (
            <details className="app-card__contract">
              <summary>{t('applications.card.contract', { number: app.contract.number })}</summary>
              <ContractSummary contract={app.contract} />
            </details>
          )}
        </Card>

        <Card title={t('applications.tabs.documents')} id="app-docs" className="app-card__wide">
          {app.documents.length === 0 ? (
            <p className="muted">{t('applications.documents.none')}</p>
          ) : (
            <ul className="app-docs">
              {app.documents.map((doc) => (
                <li key={doc.id} className="app-docs__item">
                  <span className="app-docs__kind">{requirementLabel(t, doc.requirement)}</span>
                  <span className="app-docs__title">{doc.title}</span>
                  <span className="app-docs__meta">{formatBytes(doc.size, locale)}</span>
                  {doc.downloadUrl && (
                    <a className="btn btn--secondary btn--small" href={doc.downloadUrl} download aria-label={t('applications.files.downloadLabel', { title: doc.title })}>
                      <DownloadIcon className="btn__icon" />
                      {t('applications.files.download')}
                    </a>
                  )}
                </li>
              ))}
            </ul>
          )}
        </Card>

        {app.signatures.length > 0 && (
          <Card title={t('applications.card.signatures')} id="app-signatures" className="app-card__wide">
            <ul className="app-sigs">
              {app.signatures.map((sig, i) => (
                <li key={`${sig.certificateSerial}-${i}`} className="app-sigs__item">
                  <p className="app-sigs__who">
                    <strong>{sig.signerName}</strong> — {t(`applications.signatures.roles.${sig.role}`)}, {t(`applications.signatures.stages.${sig.stage}`)}
                  </p>
                  <p className="app-sigs__meta">
                    {[
                      sig.signerIin && `${t('eds.iin')} ${sig.signerIin}`,
                      sig.signerBin && `${t('applications.bin')} ${sig.signerBin}`,
                      t(`applications.signatures.methods.${sig.method}`, { defaultValue: sig.method }),
                      formatDateTime(sig.signedAt, locale),
                      t('applications.signatures.version', { n: sig.version }),
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </p>
                  <p className="app-sigs__meta mono">
                    {t('eds.serial')}: {sig.certificateSerial} · {sig.certificateIssuer}
                  </p>
                  {!sig.matchesCurrent && sig.stage === 'APPLICATION' && <p className="app-sigs__stale">{t('applications.signatures.stale')}</p>}
                </li>
              ))}
            </ul>
          </Card>
        )}

        <Card title={t('applications.history.sectionTitle')} id="app-history" className="app-card__wide">
          <HistoryList history={app.history} />
        </Card>
      </div>

      {!operator && signingSa && actions.includes('SIGN_SA') && (
        <SignDialog
          key={app.id}
          onClose={() => {
            setSigningSa(false);
            if (wantsSa) setParams({}, { replace: true });
          }}
          application={app}
          stage="SUPPLEMENTARY_AGREEMENT"
          typeInfo={type}
          expectedSigner={viewer?.iinBin ?? null}
          onDone={(next) => {
            setSigningSa(false);
            if (wantsSa) setParams({}, { replace: true });
            receive(next, false);
            setFlash(t('applications.card.saSigned'));
          }}
        />
      )}

      <LiveAnnouncement announcement={announcement} />
    </div>
  );
}

function DueDate({ date, state }: { date: string; state: 'overdue' | 'soon' | 'ok' | null }) {
  const { t, i18n } = useTranslation();
  return (
    <span className={state ? `due due--${state}` : undefined}>
      {formatDate(date, i18n.language)}
      {state && state !== 'ok' && <span className="due__label"> · {t(`backoffice.due.${state}`)}</span>}
    </span>
  );
}
