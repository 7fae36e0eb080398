import type { ApplicationDeadlineKind, ApplicationDue, ApplicationStatus } from '../../gql/graphql';

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

export type DueState = 'overdue' | 'soon' | 'ok';
export interface RunningDeadline {
  kind: 'review' | 'revision';
  date: string;
  due: DueState;
}

/**
 * The deadline that runs now, as the server judged it (which deadline, and whether it is past or
 * due by the next working day — it knows the public holidays), in the names styles and texts use.
 */
export function runningDeadline(row: { deadline?: { kind: ApplicationDeadlineKind; date: string; due: ApplicationDue } | null }): RunningDeadline | null {
  if (!row.deadline) return null;
  const { kind, date, due } = row.deadline;
  return { kind: kind === 'REVIEW' ? 'review' : 'revision', date, due: due === 'OVERDUE' ? 'overdue' : due === 'SOON' ? 'soon' : 'ok' };
}
