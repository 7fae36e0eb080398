import type { TFunction } from 'i18next';
import type { QueueDeadlineFieldsFragment } from '../../gql/graphql';
import { formatDate } from '../../lib/format';

export type Deadline = Pick<QueueDeadlineFieldsFragment, 'kind' | 'due' | 'workingDaysLeft' | 'overdue'>;
type PluralForm = 'one' | 'few' | 'many' | 'other';

/**
 * The CLDR plural form of a whole number in the language: Russian has three for integers
 * ("1 день", "2 дня", "5 дней"), English two, Kazakh one after a numeral. Every catalog holds all
 * four forms, so that their keys stay the same and each language picks its own.
 */
export function pluralForm(locale: string, count: number): PluralForm {
  const form = new Intl.PluralRules(locale === 'kk' ? 'kk-KZ' : locale).select(count);
  return form === 'one' || form === 'few' || form === 'many' ? form : 'other';
}

export type DeadlineState = 'overdue' | 'lastDay' | 'soon' | 'ok';

/** How urgent a deadline is: the server counts the working days; the page only colours them. */
export function deadlineState(deadline: Pick<Deadline, 'workingDaysLeft' | 'overdue'>): DeadlineState {
  if (deadline.overdue || deadline.workingDaysLeft < 0) return 'overdue';
  if (deadline.workingDaysLeft === 0) return 'lastDay';
  if (deadline.workingDaysLeft <= 2) return 'soon';
  return 'ok';
}

/** "2 working days left", "Last working day today" or "Overdue": the countdown of one deadline. */
export function countdownText(t: TFunction, locale: string, deadline: Pick<Deadline, 'workingDaysLeft' | 'overdue'>): string {
  const state = deadlineState(deadline);
  if (state === 'overdue') return t('queue.deadline.overdue');
  if (state === 'lastDay') return t('queue.deadline.lastDay');
  const count = deadline.workingDaysLeft;
  return t(`queue.deadline.left.${pluralForm(locale, count)}`, { count });
}

/** "Decision: until 9 December 2026 · 1 working day left". */
export function deadlineLine(t: TFunction, locale: string, deadline: Deadline): { label: string; until: string; countdown: string; state: DeadlineState } {
  return {
    label: t(`queue.deadline.kinds.${deadline.kind}`, { defaultValue: deadline.kind }),
    until: t('queue.deadline.until', { date: formatDate(deadline.due, locale) }),
    countdown: countdownText(t, locale, deadline),
    state: deadlineState(deadline),
  };
}

/** The deadlines still running, soonest first; a decided application keeps only complaint ones. */
export function runningDeadlines<D extends Deadline>(deadlines: readonly D[]): D[] {
  return [...deadlines].sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0));
}
