import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DownloadIcon } from '../../components/icons';
import type { ApplicationEventFieldsFragment } from '../../gql/graphql';
import { formatDateTime } from '../../lib/format';
import { actorLabel, historyActionLabel } from './labels';
import { StatusBadge } from './StatusBadge';

/** Which stage of seed 001 an event belongs to: forming, signing or review. */
function stageOf(action: string): 'forming' | 'signing' | 'review' {
  if (['created', 'edited', 'document_added', 'document_removed'].includes(action)) return 'forming';
  if (['submit', 'sa_signed_by_party', 'sa_parties_signed'].includes(action)) return 'signing';
  return 'review';
}

/**
 * "Өтінім тарихы" (seed 001): every stage of forming, signing and review, newest first, with its
 * time, who acted, the comment, and the downloads of the notices and agreements.
 */
export function HistoryList({ history, verifiable = true }: { history: readonly ApplicationEventFieldsFragment[]; verifiable?: boolean }) {
  const { t, i18n } = useTranslation();
  const events = [...history].reverse();
  if (events.length === 0) return <p className="muted">{t('applications.history.empty')}</p>;
  return (
    <ol className="app-history" aria-label={t('applications.history.listLabel')}>
      {events.map((event, index) => {
        const stage = stageOf(event.action);
        return (
          <li key={`${event.at}-${event.action}-${index}`} className={`app-history__item app-history__item--${stage}`}>
            <div className="app-history__head">
              <span className="app-history__stage">{t(`applications.history.stages.${stage}`)}</span>
              <span className="app-history__action">{historyActionLabel(t, event.action)}</span>
              <time className="app-history__time" dateTime={event.at}>
                {formatDateTime(event.at, i18n.language)}
              </time>
            </div>
            {event.toStatus && event.fromStatus !== event.toStatus && (
              <p className="app-history__status">
                {t('applications.history.statusNow')} <StatusBadge status={event.toStatus} />
              </p>
            )}
            <p className="app-history__actor">{actorLabel(t, event.actor, event.actorLabel)}</p>
            {event.comment && <blockquote className="app-history__comment">{event.comment}</blockquote>}
            {event.files.length > 0 && (
              <ul className="app-history__files">
                {event.files.map((file) => (
                  <li key={file.id}>
                    {file.downloadUrl && (
                      <a className="btn btn--secondary btn--small" href={file.downloadUrl} download aria-label={t('applications.files.downloadLabel', { title: file.title })}>
                        <DownloadIcon className="btn__icon" />
                        {t('applications.files.download')}
                      </a>
                    )}
                    <span className="app-history__file-title">{file.title}</span>
                    {verifiable && file.downloadUrl && file.signed && (
                      <Link className="app-history__verify" to="/verify" state={{ url: file.downloadUrl, name: `${file.title}.pdf` }}>
                        {t('applications.files.verify')}
                      </Link>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </li>
        );
      })}
    </ol>
  );
}
