import { useTranslation } from 'react-i18next';
import { type Deadline, deadlineLine } from './deadlines';

/** Every deadline of the route with its date and its working-day countdown, as the server counted them. */
export function DeadlineList({ deadlines, label }: { deadlines: readonly Deadline[]; label?: string }) {
  const { t, i18n } = useTranslation();
  if (deadlines.length === 0) return null;
  return (
    <ul className="q-deadlines" aria-label={label ?? t('queue.deadline.title')}>
      {deadlines.map((d) => {
        const line = deadlineLine(t, i18n.language, d);
        return (
          <li key={`${d.kind}-${d.due}`} className={`q-deadline q-deadline--${line.state}`} data-deadline={d.kind}>
            <span className="q-deadline__label">{line.label}</span>
            <span className="q-deadline__until">{line.until}</span>
            <span className="q-deadline__countdown">{line.countdown}</span>
          </li>
        );
      })}
    </ul>
  );
}
