import type { QueueDeadline } from './types';

export type DueTone = 'overdue' | 'today' | 'soon' | 'ok';

/** How urgent a deadline is: past, today, by the next working day, or later. */
export function dueTone(deadline: Pick<QueueDeadline, 'workingDaysLeft' | 'overdue'>): DueTone {
  if (deadline.overdue || deadline.workingDaysLeft < 0) return 'overdue';
  if (deadline.workingDaysLeft === 0) return 'today';
  if (deadline.workingDaysLeft === 1) return 'soon';
  return 'ok';
}

/**
 * The deadline to show first of those running: an overdue one, else the one with the fewest
 * working days left (the server already dropped the ones a decided application no longer has).
 */
export function nearestDeadline<T extends QueueDeadline>(deadlines: readonly T[]): T | null {
  let best: T | null = null;
  for (const d of deadlines) {
    if (!best) best = d;
    else if (d.overdue !== best.overdue) best = d.overdue ? d : best;
    else if (d.workingDaysLeft < best.workingDaysLeft) best = d;
  }
  return best;
}

export type PluralCategory = 'one' | 'few' | 'many' | 'other';

/**
 * The plural form of a count in the interface's language. Every catalog has all four forms under
 * the same keys (the i18n test wants the same keys everywhere); Kazakh and English use two of them.
 */
export function pluralCategory(n: number, locale: string): PluralCategory {
  const category = new Intl.PluralRules(locale === 'kk' ? 'kk-KZ' : locale).select(n);
  return category === 'one' || category === 'few' || category === 'many' ? category : 'other';
}

/** The countdown's words as an i18n key and its count: "N working days left", "the last day today", "overdue by N". */
export function countdownText(deadline: Pick<QueueDeadline, 'workingDaysLeft' | 'overdue'>, locale: string): { key: string; count: number } {
  const tone = dueTone(deadline);
  if (tone === 'today') return { key: 'queueOffice.countdown.today', count: 0 };
  const count = tone === 'overdue' ? Math.max(1, -deadline.workingDaysLeft) : deadline.workingDaysLeft;
  return { key: `queueOffice.countdown.${tone === 'overdue' ? 'overdue' : 'left'}.${pluralCategory(count, locale)}`, count };
}

/** Deadline kinds the server names (DESIGN.md: QueueDeadline.kind). */
export const DEADLINE_KINDS = ['decision', 'notify', 'hearing', 'final_decision', 'complaint', 'complaint_satisfy'] as const;
