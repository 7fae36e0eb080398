import type { AppError } from '../../lib/errors';
import { intlLocale } from '../../lib/i18n/locales';

export type CalendarDayKind = 'DAY_OFF' | 'WORKING_DAY';

export interface CalendarOverride {
  id: string;
  day: string;
  kind: CalendarDayKind;
  decree: string;
  createdAt: string;
  revokedAt?: string | null;
}

// Debian's Chromium has no Kazakh locale data (lib/format.ts spells the months out too).
const KK_WEEKDAYS = ['жексенбі', 'дүйсенбі', 'сейсенбі', 'сәрсенбі', 'бейсенбі', 'жұма', 'сенбі'];

/** A calendar date (YYYY-MM-DD) as a day of the week: the date itself, whatever the device's zone. */
function utcDate(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

export function weekdayName(iso: string, locale: string): string {
  const date = utcDate(iso);
  if (locale === 'kk') return KK_WEEKDAYS[date.getUTCDay()];
  return new Intl.DateTimeFormat(intlLocale(locale), { weekday: 'long', timeZone: 'UTC' }).format(date);
}

export function isWeekend(iso: string): boolean {
  const day = utcDate(iso).getUTCDay();
  return day === 0 || day === 6;
}

/**
 * An override that changes nothing is most likely a wrong date: a day off that is already a
 * Saturday or Sunday, a "working day" on a weekday. Said as a hint; the decree decides.
 */
export function pointlessOverride(day: string, kind: CalendarDayKind): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return false;
  return kind === 'DAY_OFF' ? isWeekend(day) : !isWeekend(day);
}

export function overrideErrors(draft: { day: string; decree: string }): AppError[] {
  const errors: AppError[] = [];
  if (!draft.day) errors.push({ code: 'REQUIRED', field: 'day' });
  if (!draft.decree.trim()) errors.push({ code: 'REQUIRED', field: 'decree' });
  return errors;
}

/** The years the page offers: last year, this one and the two the government plans ahead. */
export function yearChoices(today: string): number[] {
  const year = Number(today.slice(0, 4));
  return [year - 1, year, year + 1, year + 2];
}

/** In force first, by day; revoked ones after, by day too. */
export function sortOverrides<T extends Pick<CalendarOverride, 'day' | 'revokedAt'>>(overrides: readonly T[]): T[] {
  return [...overrides].sort((a, b) => Number(Boolean(a.revokedAt)) - Number(Boolean(b.revokedAt)) || a.day.localeCompare(b.day));
}

/** The preview's deadline before and after a change: whether it moved, and which way. */
export function moved(before: string | null, after: string | null): 'later' | 'earlier' | null {
  if (!before || !after || before === after) return null;
  return after > before ? 'later' : 'earlier';
}

/** The number of working days the preview counts: 1 to 60, as typed. */
export function previewCount(text: string): number | null {
  if (!/^\d{1,2}$/.test(text.trim())) return null;
  const n = Number(text);
  return n >= 1 && n <= 60 ? n : null;
}
