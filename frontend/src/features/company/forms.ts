import type { OutageKind } from '../../gql/graphql';
import type { AppError } from '../../lib/errors';
import { intlLocale } from '../../lib/i18n/locales';

/** Closing a request says what was done: the server wants the comment too (REQUIRED on comment). */
export function closeErrors(comment: string): AppError[] {
  return comment.trim() ? [] : [{ code: 'REQUIRED', field: 'comment' }];
}

/** Rejecting a link tells the resident why; confirming needs nothing. */
export function decideErrors(approve: boolean, reason: string): AppError[] {
  return approve || reason.trim() ? [] : [{ code: 'REQUIRED', field: 'reason' }];
}

// The portal's times are Kazakhstan's (lib/format shows every date in Asia/Almaty, whatever the
// device's zone): what the operator types into a datetime-local field is Almaty's wall time too.
const ZONE = 'Asia/Almaty';

function wallParts(at: Date): number[] {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }).formatToParts(at);
  return ['year', 'month', 'day', 'hour', 'minute', 'second'].map((type) => Number(parts.find((p) => p.type === type)?.value));
}

/** How far Almaty's wall clock is ahead of UTC at that instant (read from Intl, not hard-coded). */
function zoneOffsetMs(at: Date): number {
  const [y, mo, d, h, mi, se] = wallParts(at);
  return Date.UTC(y, mo - 1, d, h, mi, se) - Math.floor(at.getTime() / 1000) * 1000;
}

/** A `datetime-local` value ("2026-12-05T09:00", Almaty's wall time) as the instant the API takes. */
export function localToIso(value: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!m) return null;
  const wall = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  if (Number.isNaN(wall)) return null;
  // Twice: the offset at the guessed instant may differ from the one at the wall time (a zone's change).
  const guess = wall - zoneOffsetMs(new Date(wall));
  return new Date(wall - zoneOffsetMs(new Date(guess))).toISOString();
}

/** The other way, for a form's default: an instant as Almaty's wall time, to the minute. */
export function isoToLocal(iso: string): string {
  const [y, mo, d, h, mi] = wallParts(new Date(iso));
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${y}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}`;
}

export interface OutageDraft {
  buildingId: string;
  kind: string;
  text: string;
  startsAt: string;
  endsAt: string;
}

export function outageErrors(draft: OutageDraft): AppError[] {
  const errors: AppError[] = [];
  if (!draft.buildingId) errors.push({ code: 'REQUIRED', field: 'buildingId' });
  if (!draft.kind) errors.push({ code: 'REQUIRED', field: 'kind' });
  if (!draft.text.trim()) errors.push({ code: 'REQUIRED', field: 'text' });
  const starts = localToIso(draft.startsAt);
  if (!starts) errors.push({ code: 'REQUIRED', field: 'startsAt' });
  const ends = localToIso(draft.endsAt);
  if (starts && ends && ends <= starts) errors.push({ code: 'ENDS_BEFORE_START', field: 'endsAt' });
  return errors;
}

export function outageInput(draft: OutageDraft) {
  // The kind comes from the form's list of OutageKind values; outageErrors made sure one is chosen.
  return { buildingId: draft.buildingId, kind: draft.kind as OutageKind, text: draft.text.trim(), startsAt: localToIso(draft.startsAt) ?? '', endsAt: localToIso(draft.endsAt) };
}

export interface MeetingDraft {
  buildingId: string;
  title: string;
  description: string;
  opensAt: string;
  closesAt: string;
  questions: string[];
  documentUploadIds: string[];
}

/** The agenda: at least one question, none empty (an empty line of the editor is a mistake, not a question). */
export function meetingErrors(draft: MeetingDraft): AppError[] {
  const errors: AppError[] = [];
  if (!draft.buildingId) errors.push({ code: 'REQUIRED', field: 'buildingId' });
  if (!draft.title.trim()) errors.push({ code: 'REQUIRED', field: 'title' });
  const opens = localToIso(draft.opensAt);
  const closes = localToIso(draft.closesAt);
  if (!opens) errors.push({ code: 'REQUIRED', field: 'opensAt' });
  if (!closes) errors.push({ code: 'REQUIRED', field: 'closesAt' });
  if (opens && closes && closes <= opens) errors.push({ code: 'ENDS_BEFORE_START', field: 'closesAt' });
  if (draft.questions.length === 0) errors.push({ code: 'REQUIRED', field: 'questions' });
  draft.questions.forEach((q, i) => {
    if (!q.trim()) errors.push({ code: 'REQUIRED', field: `questions.${i}` });
  });
  return errors;
}

export function meetingInput(draft: MeetingDraft) {
  return {
    buildingId: draft.buildingId,
    title: draft.title.trim(),
    description: draft.description.trim(),
    opensAt: localToIso(draft.opensAt) ?? '',
    closesAt: localToIso(draft.closesAt) ?? '',
    questions: draft.questions.map((q) => q.trim()),
    documentUploadIds: [...draft.documentUploadIds],
  };
}

/** The questions editor's moves: add at the end, remove, move up/down, each returning a new list. */
export function moveQuestion(questions: readonly string[], index: number, by: -1 | 1): string[] {
  const to = index + by;
  if (to < 0 || to >= questions.length) return [...questions];
  const next = [...questions];
  [next[index], next[to]] = [next[to], next[index]];
  return next;
}

export function removeQuestion(questions: readonly string[], index: number): string[] {
  return questions.filter((_, i) => i !== index);
}

/** "52.4 %" of a share the API gives as a fraction ("0.524") in the viewer's language. */
export function formatShare(share: string, locale: string): string {
  return new Intl.NumberFormat(intlLocale(locale), { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(Number(share));
}

/** An area in m², as exact as the API gives it, grouped for the viewer's language. */
export function formatArea(area: string, locale: string): string {
  return `${new Intl.NumberFormat(intlLocale(locale), { minimumFractionDigits: 0, maximumFractionDigits: 2 }).format(Number(area))} м²`;
}
