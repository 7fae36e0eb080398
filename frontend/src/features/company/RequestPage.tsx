import { type ReactNode, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useClient } from 'urql';
import { Alert } from '../../components/Alert';
import { Card } from '../../components/Card';
import { LiveAnnouncement, useAnnouncement } from '../../components/LiveAnnouncement';
import { LiveBadge } from '../../components/LiveBadge';
import { LoadFailed } from '../../components/LoadFailed';
import { PageLoader } from '../../components/PageLoader';
import { type AppError, fromCombinedError } from '../../lib/errors';
import { formatBytes, formatDate, formatDateTime, formatPhone } from '../../lib/format';
import { useSocketStatus } from '../../lib/graphql/SocketContext';
import { usePageTitle } from '../../lib/usePageTitle';
import { CompanyServiceRequestDocument } from './api';
import { RequestActions } from './RequestActions';
import { visitWindow } from './requestFilters';
import { RequestStatusBadge } from './StatusBadges';
import type { RequestDetails } from './types';
import { useRequestsLive } from './useRequestsLive';
import '../../components/office.css';
import './company.css';

/**
 * One service request in the back office: who asks (resident, account, address, phone), what and
 * when to come, the photos, what the staff do in its status, the resident's rating once given,
 * and the append-only history. Live: the resident's edit, cancel or rating shows up by itself.
 */
export function RequestPage() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const { requestId = '' } = useParams();
  const client = useClient();
  const [request, setRequest] = useState<RequestDetails | null>(null);
  const [missing, setMissing] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [flash, setFlash] = useState<string | null>(null);
  usePageTitle(request ? t('company.request.title', { number: request.number }) : t('common.loading'));

  const load = useCallback(async () => {
    const result = await client.query(CompanyServiceRequestDocument, { id: requestId }, { requestPolicy: 'network-only' }).toPromise();
    if (result.error) return setError(fromCombinedError(result.error));
    setError(null);
    const found = result.data?.serviceRequest ?? null;
    if (!found) setMissing(true);
    else setRequest(found);
  }, [client, requestId, locale]);

  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => setFlash(null), [locale]);

  const socketStatus = useSocketStatus();
  const [announcement, announce] = useAnnouncement();
  useRequestsLive(
    (next) => {
      if (next.id !== requestId) return;
      setRequest((before) => {
        if (before && before.status !== next.status) announce(t('company.requests.liveChanged', { number: next.number, status: t(`company.requestStatus.${next.status}`) }));
        return next;
      });
    },
    () => void load(),
  );

  if (missing) {
    return (
      <div className="page page--narrow">
        <h1 tabIndex={-1}>{t('company.request.missing')}</h1>
        <p>
          <Link to="/company/requests">{t('company.request.back')}</Link>
        </p>
      </div>
    );
  }
  if (error && !request) {
    return (
      <div className="page page--narrow">
        <LoadFailed error={error} onRetry={() => void load()} />
      </div>
    );
  }
  if (!request) return <PageLoader />;

  const none = <span className="muted">—</span>;
  const facts: [string, ReactNode][] = [
    [t('company.request.createdAt'), formatDateTime(request.createdAt, locale)],
    [t('company.request.type'), request.type.name],
    [t('company.request.resident'), request.authorName || none],
    [t('company.request.phone'), <span className="mono">{formatPhone(request.authorPhone) || t('company.notGiven')}</span>],
    [t('company.request.account'), <span className="mono">{request.account.number}</span>],
    [t('company.request.owner'), request.account.ownerName || none],
    [t('company.request.address'), request.account.address],
    [t('company.request.visit'), visitWindow(request, (d) => formatDate(d, locale)) || t('company.request.visitAny')],
  ];
  if (request.takenByName) facts.push([t('company.request.takenBy'), `${request.takenByName}${request.takenAt ? ` · ${formatDateTime(request.takenAt, locale)}` : ''}`]);
  if (request.closedAt) facts.push([t('company.request.closedAt'), formatDateTime(request.closedAt, locale)]);

  const changed = (next: RequestDetails, message: string) => {
    setRequest(next);
    setFlash(message);
    document.querySelector('h1')?.scrollIntoView?.({ block: 'start' });
  };

  return (
    <div className="page app-card co-card">
      <p className="app-back">
        <Link to="/company/requests">← {t('company.request.back')}</Link>
      </p>
      <div className="page__head">
        <div>
          <h1 tabIndex={-1}>{t('company.request.title', { number: request.number })}</h1>
          <p className="page__lead app-card__lead">
            <span className="app-card__status" data-testid="request-status">
              <RequestStatusBadge status={request.status} />
            </span>
            <span>{request.type.name}</span>
            <LiveBadge on={socketStatus === 'connected'} />
          </p>
        </div>
      </div>

      {flash && (
        <Alert tone="success">
          <p>{flash}</p>
        </Alert>
      )}

      <RequestActions key={`${request.id}:${request.status}`} request={request} onChanged={changed} />

      <div className="app-card__grid">
        <Card title={t('company.request.content')} id="co-content" className="app-card__wide">
          <p className="co-text">{request.content}</p>
          {request.closeComment && (
            <>
              <h3 className="qo-subtitle">{t('company.request.closeComment')}</h3>
              <p className="co-text">{request.closeComment}</p>
            </>
          )}
        </Card>

        <Card title={t('company.request.details')} id="co-details" className="app-card__wide">
          <dl className="app-facts">
            {facts.map(([label, value]) => (
              <div key={label} className="app-facts__item">
                <dt>{label}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
        </Card>

        <Card title={t('company.request.photos')} id="co-photos" className="app-card__wide">
          {request.photos.length === 0 ? (
            <p className="muted">{t('company.request.noPhotos')}</p>
          ) : (
            <ul className="co-photos">
              {request.photos.map((photo) => (
                <li key={photo.id} className="co-photos__item">
                  {photo.url && photo.contentType.startsWith('image/') ? (
                    <a href={photo.url} target="_blank" rel="noreferrer" aria-label={`${photo.title} ${t('common.newTab')}`}>
                      <img src={photo.url} alt={photo.title} className="co-photos__img" />
                    </a>
                  ) : photo.url ? (
                    <a href={photo.url} target="_blank" rel="noreferrer">
                      {photo.title}
                    </a>
                  ) : (
                    <span>{photo.title}</span>
                  )}
                  <span className="app-table__sub">
                    {photo.title} · {formatBytes(photo.size, locale)}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Card>

        {(request.rating != null || request.ratingNotDone) && (
          <Card title={t('company.request.rating')} id="co-rating" className="app-card__wide">
            <p className="co-rating" data-testid="request-rating">
              {request.ratingNotDone ? (
                <strong>{t('company.request.notDone')}</strong>
              ) : (
                <>
                  <span className="co-stars" aria-hidden="true">
                    {'★'.repeat(request.rating ?? 0)}
                    {'☆'.repeat(5 - (request.rating ?? 0))}
                  </span>{' '}
                  <strong>{t('company.request.ratingValue', { rating: request.rating })}</strong>
                </>
              )}
              {request.ratedAt && <span className="muted"> · {formatDateTime(request.ratedAt, locale)}</span>}
            </p>
            {request.ratingComment && <p className="co-text">{request.ratingComment}</p>}
          </Card>
        )}

        <Card title={t('company.request.history')} id="co-history" className="app-card__wide">
          {request.history.length === 0 ? (
            none
          ) : (
            <ol className="qo-history">
              {request.history.map((h, i) => (
                <li key={`${h.at}-${i}`}>
                  <span className="qo-history__when">{formatDateTime(h.at, locale)}</span> {t(`company.history.${h.action}`, { defaultValue: h.action })}
                  {h.actorName && <span className="muted"> — {h.actorName}</span>}
                  {h.comment && <span className="co-history__comment">«{h.comment}»</span>}
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
