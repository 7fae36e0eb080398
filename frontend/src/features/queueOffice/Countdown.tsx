import { useTranslation } from 'react-i18next';
import { formatDate } from '../../lib/format';
import { countdownText, dueTone } from './deadlines';
import type { QueueDeadline } from './types';

/** "Decision · until 5 December 2026 · 2 working days left", coloured by urgency. */
export function Countdown({ deadline, withKind = true }: { deadline: QueueDeadline; withKind?: boolean }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const tone = dueTone(deadline);
  const { key, count } = countdownText(deadline, locale);
  return (
    <span className={`due due--${tone === 'today' ? 'soon' : tone} qo-countdown`} data-testid="countdown">
      {withKind && <span className="qo-countdown__kind">{t(`queueOffice.deadlineKinds.${deadline.kind}`, { defaultValue: deadline.kind })}</span>}
      <span className="qo-countdown__date">{t('queueOffice.countdown.until', { date: formatDate(deadline.due, locale) })}</span>
      <span className="qo-countdown__left">{t(key, { count })}</span>
    </span>
  );
}
