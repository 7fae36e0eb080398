import { useTranslation } from 'react-i18next';
import type { ChangeEntry } from './changes';

/** Field changes as "Field: old → new"; a field that was empty before shows only its value. */
export function ChangeList({ entries, className }: { entries: readonly ChangeEntry[]; className?: string }) {
  const { t } = useTranslation();
  const none = t('contracts.notSet');
  return (
    <ul className={['change-list', className ?? ''].filter(Boolean).join(' ')}>
      {entries.map((entry) => (
        <li key={entry.field} className="change">
          <span className="change__field">{entry.label}</span>
          <span className="change__values">
            {entry.old ? (
              <>
                <span className="visually-hidden">{t('contracts.changes.was')}</span>
                <del className="change__old">{entry.old}</del>
                <span className="change__arrow" aria-hidden="true">
                  →
                </span>
                <span className="visually-hidden">{t('contracts.changes.now')}</span>
                <ins className="change__new">{entry.new || none}</ins>
              </>
            ) : (
              <span className="change__new">{entry.new || none}</span>
            )}
          </span>
        </li>
      ))}
    </ul>
  );
}
