import type { ApplicationStatus } from '../../gql/graphql';

/** The 10 statuses of seed 001, in route order. */
export const STATUSES: readonly ApplicationStatus[] = [
  'DRAFT',
  'SENT',
  'REGISTERED',
  'IN_REVIEW',
  'NEEDS_REVISION',
  'REJECTED',
  'APPROVED',
  'SA_PARTIES_SIGNING',
  'SA_KZHK_SIGNING',
  'SA_SIGNED',
];

/** The seed's number of a status ("1 Жасауда" … "10 КҚ қол қойылды"). */
export function statusNumber(status: ApplicationStatus): number {
  return STATUSES.indexOf(status) + 1;
}

export type StatusTone = 'draft' | 'progress' | 'action' | 'danger' | 'success';

/** The colour of a status badge: whose move it is, and whether it ended well. */
export function statusTone(status: ApplicationStatus): StatusTone {
  switch (status) {
    case 'DRAFT':
      return 'draft';
    case 'NEEDS_REVISION':
    case 'SA_PARTIES_SIGNING':
      return 'action';
    case 'REJECTED':
      return 'danger';
    case 'SA_SIGNED':
      return 'success';
    default:
      return 'progress';
  }
}

export type StepState = 'done' | 'current' | 'upcoming';
export interface RouteStep {
  status: ApplicationStatus;
  state: StepState;
}

const HAPPY_PATH: readonly ApplicationStatus[] = ['DRAFT', 'SENT', 'REGISTERED', 'IN_REVIEW', 'APPROVED', 'SA_PARTIES_SIGNING', 'SA_KZHK_SIGNING', 'SA_SIGNED'];

/**
 * The route as steps for the card: the usual path, with "needs revision" in place while it is the
 * status (the applicant revises and signs again, then it goes on from "sent"), and "rejected" ending
 * the route after the review.
 */
export function routeSteps(status: ApplicationStatus): RouteStep[] {
  if (status === 'REJECTED' || status === 'NEEDS_REVISION') {
    const path: ApplicationStatus[] = ['DRAFT', 'SENT', 'REGISTERED', 'IN_REVIEW', status];
    if (status === 'NEEDS_REVISION') path.push('APPROVED', 'SA_PARTIES_SIGNING', 'SA_KZHK_SIGNING', 'SA_SIGNED');
    const at = path.indexOf(status);
    return path.map((s, i) => ({ status: s, state: i < at ? 'done' : i === at ? 'current' : 'upcoming' }));
  }
  const at = HAPPY_PATH.indexOf(status);
  return HAPPY_PATH.map((s, i) => ({ status: s, state: i < at ? 'done' : i === at ? (s === 'SA_SIGNED' ? 'done' : 'current') : 'upcoming' }));
}

/** Review deadline while KZhK reviews; the applicant's revision deadline while it revises. */
export function activeDeadline(row: { status: ApplicationStatus; reviewDeadline?: string | null; revisionDeadline?: string | null }): { kind: 'review' | 'revision'; date: string } | null {
  if ((row.status === 'REGISTERED' || row.status === 'IN_REVIEW') && row.reviewDeadline) return { kind: 'review', date: row.reviewDeadline };
  if (row.status === 'NEEDS_REVISION' && row.revisionDeadline) return { kind: 'revision', date: row.revisionDeadline };
  return null;
}

function parseDay(iso: string): Date {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

function isWeekend(day: Date): boolean {
  const dow = day.getUTCDay();
  return dow === 0 || dow === 6;
}

/** The working day after `day` (weekends skipped; public holidays are the server's to know). */
export function nextWorkingDay(iso: string): string {
  const day = parseDay(iso);
  do day.setUTCDate(day.getUTCDate() + 1);
  while (isWeekend(day));
  return day.toISOString().slice(0, 10);
}

export type DueState = 'overdue' | 'soon' | 'ok';

/**
 * The back office's highlighting of a deadline: past it is overdue (red), due today or on the next
 * working day is soon (amber). `overdue` is the server's verdict (it knows the holidays) and wins.
 */
export function dueState(deadline: string, today: string, overdue = false): DueState {
  if (overdue || deadline < today) return 'overdue';
  if (deadline <= nextWorkingDay(today)) return 'soon';
  return 'ok';
}
