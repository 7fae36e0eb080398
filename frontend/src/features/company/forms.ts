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

/**
 * A `datetime-local` value ("2026-12-05T09:00") is the operator's wall time; the API takes an
 * instant. The browser's zone is the operator's (Almaty for the companies of the portal).
 */
export function localToIso(value: string): string | null {
  if (!value) return null;
  const at = new Date(value);
  return Number.isNaN(at.getTime()) ? null : at.toISOString();
}

/** The other way, for a form's default: an instant as the browser's wall time, to the minute. */
export function isoToLocal(iso: string): string {
  const at = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
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
