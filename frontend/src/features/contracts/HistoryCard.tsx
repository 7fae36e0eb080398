import { useTranslation } from 'react-i18next';
import { Card } from '../../components/Card';
import type { ContractEventFieldsFragment } from '../../gql/graphql';
import { formatDateTime } from '../../lib/format';
import { ChangeList } from './ChangeList';
import { actionLabel, describeChanges, newestFirst, sourceLabel } from './changes';

/** Every change of the contract (append-only on the server), newest first, with where it came from. */
export function HistoryCard({ history }: { history: readonly ContractEventFieldsFragment[] }) {
  const { t, i18n } = useTranslation();
  const events = newestFirst(history);
  return (
    <Card id="contract-history" title={t('contracts.sections.history')} className="contract__wide">
      {events.length === 0 ? (
        <p className="muted">{t('contracts.history.empty')}</p>
      ) : (
        <ol className="history" aria-label={t('contracts.history.listLabel')}>
          {events.map((event, index) => {
            const entries = describeChanges(t, i18n.language, event.changes);
            const key = `${event.at}-${event.action}-${index}`;
            return (
              <li key={key} className={`history__item history__item--${event.action}`}>
                <div className="history__head">
                  <span className="history__action">{actionLabel(t, event.action)}</span>
                  <span className="history__source">{sourceLabel(t, event.source)}</span>
                  <time className="history__time" dateTime={event.at}>
                    {formatDateTime(event.at, i18n.language)}
                  </time>
                </div>
                {entries.length > 0 &&
                  (event.action === 'created' ? (
                    // The first record lists every field: folded, the page already shows them.
                    <details className="history__details">
                      <summary>{t('contracts.history.initialData', { n: entries.length })}</summary>
                      <ChangeList entries={entries} />
                    </details>
                  ) : (
                    <ChangeList entries={entries} />
                  ))}
              </li>
            );
          })}
        </ol>
      )}
    </Card>
  );
}
