import type { CombinedError } from '@urql/core';
import type { TFunction } from 'i18next';
import { CABINET_ERROR_CODES } from './i18n/domains/cabinet.codes';
import { CABINET_SERVICES_ERROR_CODES } from './i18n/domains/cabinetServices.codes';
import { COMPANY_ERROR_CODES } from './i18n/domains/company.codes';
import { PASSWORD_RULE_CODES } from './password/ruleCodes';

/** Every code the API documents; each has a message under `errors.<CODE>` in every language. */
export const ERROR_CODES = [
  'INVALID_IIN_BIN',
  'NOT_A_BIN',
  'INVALID_EMAIL',
  'INVALID_PHONE',
  'NOT_A_MOBILE_PHONE',
  'REQUIRED',
  'TOO_LONG',
  'DATE_IN_FUTURE',
  'CONTRACT_NOT_FOUND',
  'REGISTRATION_NOT_FOUND',
  'REGISTRATION_NOT_VERIFIED',
  'REGISTRATION_EXPIRED',
  'OTP_INVALID',
  'OTP_EXPIRED',
  'OTP_ATTEMPTS_EXCEEDED',
  'OTP_RESEND_TOO_SOON',
  'OTP_RATE_LIMITED',
  ...PASSWORD_RULE_CODES,
  'INVALID_CREDENTIALS',
  'LOGIN_LOCKED',
  'AGREEMENT_REQUIRED',
  'INVALID_CHANNEL',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'SESSION_REVOKED',
  'REFRESH_TOKEN_REUSED',
  'TOKEN_EXPIRED',
  'INVALID_TOKEN',
  'UNCHANGED',
  'INVALID_LOCALE',
  'TOO_MANY',
  'CANNOT_REMOVE_OWN_ADMIN',
  'INVALID_CURSOR',
  'INVALID_PAGE_SIZE',
  // Contracts: "Update data" and attaching documents.
  'REFRESH_TOO_SOON',
  'SOURCE_UNAVAILABLE',
  'SOURCE_MISMATCH',
  'UPLOAD_NOT_FOUND',
  'UPLOAD_INCOMPLETE',
  'UPLOAD_REJECTED',
  'UPLOAD_LOST',
  'KIND_NOT_ALLOWED',
  // The tus endpoint /uploads answers "CODE: explanation" with these.
  'UPLOAD_TOO_LARGE',
  'UPLOAD_QUOTA_EXCEEDED',
  'UPLOAD_TOO_MANY_OPEN',
  'UPLOAD_NOT_ALLOWED',
  'UPLOAD_TYPE_NOT_ALLOWED',
  'UPLOAD_EXPIRED',
  'UPLOAD_LOCKED',
  'UPLOAD_OFFSET_MISMATCH',
  // Signatures (EDS): verification of a CMS and of its certificate.
  'CMS_MALFORMED',
  'SIGNATURE_INVALID',
  'CERT_UNTRUSTED',
  'CERT_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_REVOKED',
  'CRL_UNAVAILABLE',
  'KEY_USAGE_INVALID',
  'UNSUPPORTED_ALGORITHM',
  'SIGNER_MISMATCH',
  'NO_SIGNING_AUTHORITY',
  'VERIFIER_UNAVAILABLE',
  'INVALID_BASE64',
  // EDS sign-in and QR signing sessions.
  'CHALLENGE_EXPIRED',
  'CHALLENGE_USED',
  'CHALLENGE_NOT_FOUND',
  'EDS_LOGIN_FAILED',
  'SIGNING_SESSION_NOT_FOUND',
  'SIGNING_SESSION_NOT_SIGNED',
  'SIGNING_SESSION_USED',
  'SIGNING_SESSION_CLOSED',
  'SIGNING_SESSION_EXPIRED',
  'SIGNING_PAYLOAD_CHANGED',
  'INVALID_PURPOSE',
  'INVALID_PAYLOAD',
  'INVALID_SUBJECT',
  // Applications to KZhK (seed 001) and the back office.
  'CONTENT_CHANGED',
  'TERMS_NOT_ACCEPTED',
  'DOCUMENT_REQUIRED',
  'WRONG_STATUS',
  'NOT_A_PARTY',
  'SA_DRAFT_MISSING',
  'PDF_REQUIRED',
  'PDF_SIGNER_UNAVAILABLE',
  'PDF_SIGNING_FAILED',
  'PDF_UNREADABLE',
  'INVALID_TYPE',
  'INVALID_CATEGORY',
  'INVALID_REQUIREMENT',
  'INVALID_REQUEST_ID',
  'UNKNOWN_FIELD',
  'NO_ORGANIZATION',
  'DATE_IN_PAST',
  'DEADLINE_BEFORE_REGISTRATION',
  'OUT_OF_RANGE',
  'NOT_ALLOWED',
  // The housing queue (SPEC §5): filing, signing by SMS, the hearing, complaints.
  'CONSENT_REQUIRED',
  'PERSON_NOT_FOUND',
  'NOT_A_MINOR',
  'NOT_A_REPRESENTATIVE',
  'PHONE_NOT_IN_MOBILE_BASE',
  'TECHNICAL_CONCLUSION_REQUIRED',
  'DEADLINE_PASSED',
  'ALREADY_FILED',
  // The queue's back office and the decree calendar.
  'HEARING_PENDING',
  'ALREADY_SET',
  'INVALID',
  // The API's safety net: a value no rule caught, or a clash with stored data.
  'INVALID_VALUE',
  'CONFLICT',
  // "Verify a document".
  'NO_SIGNATURES',
  'NOT_A_PDF',
  'FILE_TOO_LARGE',
  'RATE_LIMITED',
  // Files and links.
  'LINK_EXPIRED',
  'LINK_INVALID',
  // GraphQL's guard rails (backend/graphql_app.py, backend/schema/cost.py, extensions.py).
  'INVALID_TEXT',
  'REQUEST_TOO_LARGE',
  'QUERY_TOO_COSTLY',
  'QUERY_TOO_DEEP',
  // The resident cabinet and the management company's back office (texts in lib/i18n/domains).
  ...CABINET_ERROR_CODES,
  ...CABINET_SERVICES_ERROR_CODES,
  ...COMPANY_ERROR_CODES,
] as const;

/**
 * Client-side codes: the request never got an answer, the answer was not one we know, or an
 * API code that reads better with its context (a wrong current password is not a wrong login).
 */
export const CLIENT_ERROR_CODES = [
  'NETWORK',
  'UNKNOWN',
  'CURRENT_PASSWORD_WRONG',
  'FILE_REQUIRED',
  'FILE_EMPTY',
  'FILE_UNREADABLE',
  'UPLOAD_FAILED',
  // The certificate file in the browser (lib/eds): nothing was sent.
  'EDS_FILE_INVALID',
  'EDS_WRONG_PASSWORD',
  'EDS_NO_KEY',
  'EDS_UNSUPPORTED_KEY',
  'EDS_SIGN_FAILED',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number] | (typeof CLIENT_ERROR_CODES)[number];

export interface AppError {
  code: string;
  field?: string | null;
  params?: unknown;
}

const KNOWN = new Set<string>([...ERROR_CODES, ...CLIENT_ERROR_CODES]);

export function isKnownCode(code: string): boolean {
  return KNOWN.has(code);
}

function numberParam(params: unknown, name: string): number | undefined {
  if (params && typeof params === 'object' && name in params) {
    const value = (params as Record<string, unknown>)[name];
    if (typeof value === 'number' && Number.isFinite(value)) return value;
  }
  return undefined;
}

/** "14 min 05 s" style, so that no language needs plural forms. */
export function formatDuration(t: TFunction, totalSeconds: number): string {
  const seconds = Math.max(0, Math.ceil(totalSeconds));
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  if (minutes === 0) return t('time.seconds', { seconds: rest });
  return t('time.minutesSeconds', { minutes, seconds: String(rest).padStart(2, '0') });
}

/** The localized sentence for one error; unknown codes fall back to a generic message. */
export function errorMessage(t: TFunction, error: AppError): string {
  const code = isKnownCode(error.code) ? error.code : 'UNKNOWN';
  const retryAfter = numberParam(error.params, 'retryAfterSeconds');
  const attemptsLeft = numberParam(error.params, 'attemptsLeft');
  const max = numberParam(error.params, 'max');
  const base = t(`errors.${code}`, {
    time: retryAfter !== undefined ? formatDuration(t, retryAfter) : '',
    max: max ?? '',
  });
  if (code === 'OTP_INVALID' && attemptsLeft !== undefined) {
    return `${base} ${t('errors.attemptsLeft', { n: attemptsLeft })}`;
  }
  return base;
}

/** Turns a transport-level failure of urql into one AppError. */
export function fromCombinedError(error: CombinedError): AppError {
  if (error.networkError) {
    const status = (error.response as Response | undefined)?.status;
    if (status === 401) return { code: 'UNAUTHENTICATED' };
    return { code: 'NETWORK' };
  }
  const status = (error.response as Response | undefined)?.status;
  if (status === 401) return { code: 'UNAUTHENTICATED' };
  const first = error.graphQLErrors[0];
  const code = first?.extensions?.code;
  if (typeof code === 'string') return { code, params: first?.extensions };
  return { code: 'UNKNOWN' };
}

/** Splits payload errors into those shown next to a field of the form and the rest. */
export function splitErrors(
  errors: readonly AppError[],
  formFields: readonly string[],
): { byField: Record<string, AppError[]>; general: AppError[] } {
  const byField: Record<string, AppError[]> = {};
  const general: AppError[] = [];
  for (const error of errors) {
    if (error.field && formFields.includes(error.field)) {
      (byField[error.field] ??= []).push(error);
    } else {
      general.push(error);
    }
  }
  return { byField, general };
}
