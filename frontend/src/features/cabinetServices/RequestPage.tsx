import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { useQuery } from 'urql';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { Card } from '../../components/Card';
import { LoadFailed } from '../../components/LoadFailed';
import { PageLoader } from '../../components/PageLoader';
import { type CabinetRequestFieldsFragment, CabinetServiceRequestDocument } from '../../gql/graphql';
import { fromCombinedError } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { usePageTitle } from '../../lib/usePageTitle';
import { CancelRequestDialog } from './CancelRequestDialog';
import { formatVisit } from './format';
import { GivenRating, RatingForm } from './RatingForm';
import { StatusBadge } from './StatusBadge';
import { useRequestUpdates } from './useRequestUpdates';
import './services.css';

/** Seed 004 "Обращение №268": the facts, photos and history; Edit/Cancel while New, the rating once Closed; live status. */
export function RequestPage() {
  const { t } = useTranslation();
  const { accountId = '', requestId = '' } = useParams();
  const [{ data, error, fetching }, refetch] = useQuery({ query: CabinetServiceRequestDocument, variables: { id: requestId }, requestPolicy: 'cache-and-network' });
  // The latest version from a mutation or the live feed, until the query reads a newer one.
  const [override, setOverride] = useState<CabinetRequestFieldsFragment | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const queried = data?.serviceRequest ?? null;
  // A newer read of the request replaces what a mutation or the live feed gave.
  useEffect(() => setOverride(null), [data]);
  const request = override && override.id === requestId ? override : queried;
  usePageTitle(request ? t('cabinetServices.request.title', { number: request.number }) : t('cabinetServices.requests.title'));

  useRequestUpdates(accountId, (next) => {
    if (next === null) return refetch({ requestPolicy: 'network-only' });
    if (next.id !== requestId) return;
    if (request && next.status !== request.status) setNotice(t('cabinetServices.request.statusChanged', { status: t(`cabinetServices.status.${next.status}`) }));
    // The live event's words (the type's name) are in the language of the connection, which may not
    // be the page's: keep the shown type, take the rest, and read the request again in this language.
    setOverride(request && request.type.id === next.type.id ? { ...next, type: request.type } : next);
    refetch({ requestPolicy: 'network-only' });
  });

  if (error && !data) return <LoadFailed error={fromCombinedError(error)} onRetry={() => refetch({ requestPolicy: 'network-only' })} />;
  if (!request) return fetching || !data ? <PageLoader /> : <LoadFailed error={{ code: 'NOT_FOUND' }} />;
  return <RequestView request={request} accountId={accountId} notice={notice} onChanged={setOverride} />;
}

function RequestView({ request, accountId, notice, onChanged }: { request: CabinetRequestFieldsFragment; accountId: string; notice: string | null; onChanged: (next: CabinetRequestFieldsFragment) => void }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const location = useLocation();
  const saved = (location.state as { saved?: string } | null)?.saved;
  const [cancelling, setCancelling] = useState(false);
  const base = `/cabinet/${accountId}/requests`;
  const rated = request.ratedAt !== null;

  return (
    <div className="cs-page">
      <p className="cs-back">
        <Link to={base}>← {t('cabinetServices.requests.title')}</Link>
      </p>
      <div className="cs-head">
        <h2 tabIndex={-1}>{t('cabinetServices.request.title', { number: request.number })}</h2>
        {(request.canEdit || request.canCancel) && (
          <div className="form-actions" style={{ marginTop: 0 }}>
            {request.canEdit && (
              <Link className="btn btn--secondary" to={`${base}/${request.id}/edit`}>
                {t('cabinetServices.requests.edit')}
              </Link>
            )}
            {request.canCancel && (
              <Button variant="danger" onClick={() => setCancelling(true)}>
                {t('cabinetServices.requests.cancel')}
              </Button>
            )}
          </div>
        )}
      </div>
      {saved && !notice && <Alert tone="success">{t(`cabinetServices.request.${saved === 'updated' ? 'updated' : 'created'}`, { number: request.number })}</Alert>}
      {notice && <Alert tone="info">{notice}</Alert>}
      <Card>
        <dl className="cs-facts">
          <dt>{t('cabinetServices.request.status')}</dt>
          <dd>
            <StatusBadge status={request.status} />
          </dd>
          <dt>{t('cabinetServices.requests.createdAt')}</dt>
          <dd>{formatDateTime(request.createdAt, locale)}</dd>
          <dt>{t('cabinetServices.request.visit')}</dt>
          <dd>{formatVisit(t, locale, request.visitDate, request.visitFrom, request.visitTo)}</dd>
          <dt>{t('cabinetServices.requests.type')}</dt>
          <dd>{request.type.name}</dd>
          <dt>{t('cabinetServices.requests.content')}</dt>
          <dd>{request.content}</dd>
          {request.takenByName && (
            <>
              <dt>{t('cabinetServices.request.takenBy')}</dt>
              <dd>
                {request.takenByName}
                {request.takenAt && `, ${formatDateTime(request.takenAt, locale)}`}
              </dd>
            </>
          )}
          {request.closedAt && (
            <>
              <dt>{t('cabinetServices.request.closedAt')}</dt>
              <dd>{formatDateTime(request.closedAt, locale)}</dd>
            </>
          )}
          {request.closeComment && (
            <>
              <dt>{t('cabinetServices.request.closeComment')}</dt>
              <dd>{request.closeComment}</dd>
            </>
          )}
        </dl>
      </Card>
      {request.photos.length > 0 && (
        <Card level={3} title={t('cabinetServices.request.photos')} id="photos">
          <ul className="cs-photos">
            {request.photos.map((photo) => (
              <li key={photo.id} className="cs-photo">
                {photo.url ? (
                  <a href={photo.url} target="_blank" rel="noreferrer" aria-label={`${photo.title} ${t('common.newTab')}`}>
                    <img src={photo.url} alt={photo.title} />
                  </a>
                ) : (
                  <span className="cs-hint">{t('cabinetServices.request.photoUnavailable')}</span>
                )}
                <span className="cs-photo__name">{photo.title}</span>
              </li>
            ))}
          </ul>
        </Card>
      )}
      {request.canRate && !rated && <RatingForm request={request} onRated={onChanged} />}
      {rated && <GivenRating request={request} />}
      {request.history.length > 0 && (
        <Card level={3} title={t('cabinetServices.request.history')} id="history">
          <ol className="cs-history">
            {request.history.map((event, i) => (
              <li key={`${event.at}-${i}`}>
                <span className="cs-history__at">{formatDateTime(event.at, locale)}</span>
                <strong>{t(`cabinetServices.history.${event.action}`, { defaultValue: event.action })}</strong>
                {event.actorName && ` — ${event.actorName}`}
                {event.comment && <div className="cs-hint">{event.comment}</div>}
              </li>
            ))}
          </ol>
        </Card>
      )}
      <CancelRequestDialog
        request={cancelling ? request : null}
        onClose={() => setCancelling(false)}
        onCancelled={(next) => {
          setCancelling(false);
          onChanged(next);
        }}
      />
    </div>
  );
}
