import { useTranslation } from 'react-i18next';
import type { QueueApplicationFieldsFragment } from '../../gql/graphql';
import { formatDateTime } from '../../lib/format';

type Entry = NonNullable<QueueApplicationFieldsFragment['entry']>;

/** "Why my number changed": today's number and every move, newest first, with its reason. */
export function NumberChanges({ entry }: { entry: Entry }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="q-number">
      {entry.number != null && (
        <p className="q-number__now" data-testid="queue-number">
          {t('queue.card.numberNow', { number: entry.number })}
        </p>
      )}
      {entry.changes.length === 0 ? (
        <p className="muted">{t('queue.card.numberNone')}</p>
      ) : (
        <ol className="q-changes" aria-label={t('queue.card.numberTitle')}>
          {entry.changes.map((c, i) => (
            <li key={`${c.at}-${i}`} className="q-change">
              <span className="q-change__move">{t('queue.card.numberChange', { from: c.from, to: c.to })}</span>
              <span className="q-change__at">{formatDateTime(c.at, i18n.language)}</span>
              <span className="q-change__why">{c.explanation}</span>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
