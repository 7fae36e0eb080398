import type { AppError } from '../../lib/errors';
import type { QueueCheck, QueueComplaintAddressee, QueueComplaintStatus, QueueReason } from './types';

/** The emergency-path review (queueOfficeReview): eligible registers; not eligible needs the reasons of the preliminary decision. */
export interface ReviewDraft {
  eligible: boolean | null;
  reasons: readonly string[];
  comment: string;
}

export function reviewErrors(draft: ReviewDraft): AppError[] {
  if (draft.eligible === null) return [{ code: 'REQUIRED', field: 'eligible' }];
  if (draft.eligible) return [];
  // A preliminary refusal says which grounds and why (the server wants both).
  const errors: AppError[] = [];
  if (draft.reasons.length === 0) errors.push({ code: 'REQUIRED', field: 'reasons' });
  if (!draft.comment.trim()) errors.push({ code: 'REQUIRED', field: 'comment' });
  return errors;
}

export function reviewInput(applicationId: string, draft: ReviewDraft) {
  return { applicationId, eligible: draft.eligible === true, reasons: draft.eligible ? [] : [...draft.reasons], comment: draft.comment.trim() };
}

/**
 * The reasons an officer may choose for a preliminary refusal: those the checks found (failed
 * checks that apply, ticked at first), those already on the application, then every other ground
 * of the catalog (queueReasons), each once.
 */
export function reasonChoices(
  checks: readonly QueueCheck[],
  reasons: readonly QueueReason[],
  catalog: readonly QueueReason[] = [],
): { choices: QueueReason[]; suggested: string[] } {
  const choices = new Map<string, QueueReason>();
  const suggested: string[] = [];
  for (const check of checks) {
    if (!check.applies || check.passed || !check.reason) continue;
    if (!choices.has(check.reason)) choices.set(check.reason, { code: check.reason, explanation: check.explanation });
    suggested.push(check.reason);
  }
  for (const reason of reasons) {
    if (!choices.has(reason.code)) choices.set(reason.code, reason);
    if (!suggested.includes(reason.code)) suggested.push(reason.code);
  }
  for (const reason of catalog) if (!choices.has(reason.code)) choices.set(reason.code, reason);
  return { choices: [...choices.values()], suggested: [...new Set(suggested)] };
}

export type HearingOutcome = 'registered' | 'refused';

/**
 * What a query refused, as a code: a query's bad input comes as a GraphQL error whose
 * extensions.reason holds the stable code (HEARING_PENDING, NOT_ALLOWED) under code BAD_USER_INPUT.
 */
export function queryErrorCode(extensions: Record<string, unknown> | undefined): string | null {
  const reason = extensions?.reason;
  if (typeof reason === 'string' && reason) return reason;
  const code = extensions?.code;
  return typeof code === 'string' && code ? code : null;
}

/** The hearing's result (queueDecisionPayload / queueHearingResult): a refusal must give its reasons. */
export function decisionErrors(outcome: HearingOutcome | null, reasoning: string): AppError[] {
  if (!outcome) return [{ code: 'REQUIRED', field: 'outcome' }];
  if (outcome === 'refused' && !reasoning.trim()) return [{ code: 'REQUIRED', field: 'reasoning' }];
  return [];
}

/**
 * The answers an officer may give: satisfy, reject with reasoning, or — for a complaint to the
 * provider only — forward it to the quality authority (one to the authority is already there).
 */
export function complaintAnswers(addressee: QueueComplaintAddressee): QueueComplaintStatus[] {
  return addressee === 'PROVIDER' ? ['SATISFIED', 'REJECTED', 'FORWARDED'] : ['SATISFIED', 'REJECTED'];
}

/** A complaint's answer: every answer but "taken into review" says something to the applicant. */
export function complaintAnswerErrors(status: QueueComplaintStatus | null, answer: string): AppError[] {
  if (!status) return [{ code: 'REQUIRED', field: 'status' }];
  if (status !== 'IN_REVIEW' && !answer.trim()) return [{ code: 'REQUIRED', field: 'answer' }];
  return [];
}

/** A complaint still to be worked: registered or taken into review. */
export function complaintOpen(status: QueueComplaintStatus): boolean {
  return status === 'REGISTERED' || status === 'IN_REVIEW';
}

/** Why an entry leaves the register: register.py's codes, which queueEntryRemove records as the movement's reason. */
export const REMOVAL_REASONS = ['housing_provided', 'removed_on_request', 'removed_by_decision', 'moved_away', 'deceased'] as const;
export type RemovalReason = (typeof REMOVAL_REASONS)[number];

export function removalErrors(reason: string): AppError[] {
  return reason.trim() ? [] : [{ code: 'REQUIRED', field: 'reason' }];
}
