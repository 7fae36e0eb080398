import type { QueueApplicationInput, QueueClaimInput, QueueConsent, QueueRepresentation, QueueSigningMethod } from '../../gql/graphql';
import type { AppError } from '../../lib/errors';
import { iinBinChecksumOk } from '../../lib/iinBin';

/** Appendix 2's consents, in the order's order; every one is required. */
export const CONSENTS: readonly QueueConsent[] = ['PROPERTY_CHECK', 'PERSONAL_DATA', 'PUBLICATION', 'NO_CATEGORY_ACK'];
export const REPRESENTATIONS: readonly QueueRepresentation[] = ['SELF', 'TRUSTEE', 'LEGAL_REPRESENTATIVE'];

/** What the citizen answers before the check and the application: who for, emergency, categories. */
export interface ClaimForm {
  representation: QueueRepresentation;
  personIin: string;
  emergency: boolean;
  categories: string[];
}

export interface ApplyForm extends ClaimForm {
  consents: Record<QueueConsent, boolean>;
  phone: string;
  email: string;
  conclusion: { uploadId: string; name: string } | null;
  method: QueueSigningMethod;
}

export const EMPTY_CLAIM: ClaimForm = { representation: 'SELF', personIin: '', emergency: false, categories: [] };

export function emptyApplyForm(claim: Partial<ClaimForm> = {}, contacts: { phone?: string | null; email?: string | null } = {}): ApplyForm {
  return {
    ...EMPTY_CLAIM,
    ...claim,
    consents: { PROPERTY_CHECK: false, PERSONAL_DATA: false, PUBLICATION: false, NO_CATEGORY_ACK: false },
    phone: contacts.phone ?? '',
    email: contacts.email ?? '',
    conclusion: null,
    method: 'SMS',
  };
}

/** "+7 (701) 123-45-67", "8 701 123 45 67" → "+77011234567"; anything else is returned trimmed. */
export function normalizePhone(value: string): string {
  const digits = value.replace(/[\s()-]/g, '');
  if (/^8\d{10}$/.test(digits)) return `+7${digits.slice(1)}`;
  if (/^7\d{10}$/.test(digits)) return `+${digits}`;
  return digits;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export type FieldErrors = Record<string, AppError[]>;

function add(errors: FieldErrors, field: string, code: string) {
  (errors[field] ??= []).push({ code, field });
}

/** The part shared by the check and the application: the represented person's IIN when one is represented. */
export function validateClaim(form: ClaimForm, ownIin?: string | null): FieldErrors {
  const errors: FieldErrors = {};
  if (form.representation !== 'SELF') {
    const iin = form.personIin.trim();
    if (!iin) add(errors, 'personIin', 'REQUIRED');
    else if (!iinBinChecksumOk(iin)) add(errors, 'personIin', 'INVALID_IIN_BIN');
    else if (ownIin && iin === ownIin) add(errors, 'personIin', 'INVALID');
  }
  return errors;
}

/**
 * What the SPA can tell before anything is sent (the server checks all of it again): the IIN of
 * the represented person, each of the four consents, the phone and email, and the expert's
 * conclusion on the emergency path. Keys are the API's field names; consents are `consents.<CODE>`.
 */
export function validateApply(form: ApplyForm, ownIin?: string | null): FieldErrors {
  const errors = validateClaim(form, ownIin);
  for (const consent of CONSENTS) if (!form.consents[consent]) add(errors, `consents.${consent}`, 'CONSENT_REQUIRED');
  const phone = normalizePhone(form.phone);
  if (!phone) add(errors, 'phone', 'REQUIRED');
  else if (!/^\+7\d{10}$/.test(phone)) add(errors, 'phone', 'INVALID_PHONE');
  const email = form.email.trim();
  if (!email) add(errors, 'email', 'REQUIRED');
  else if (!EMAIL.test(email)) add(errors, 'email', 'INVALID_EMAIL');
  if (form.emergency && !form.conclusion) add(errors, 'technicalConclusionUploadId', 'TECHNICAL_CONCLUSION_REQUIRED');
  return errors;
}

export function hasErrors(errors: FieldErrors): boolean {
  return Object.values(errors).some((list) => list.length > 0);
}

export function toClaimInput(form: ClaimForm): QueueClaimInput {
  return {
    representation: form.representation,
    personIin: form.representation === 'SELF' ? null : form.personIin.trim(),
    emergency: form.emergency,
    categories: [...form.categories],
  };
}

/** The input that is signed and filed; the same object goes to queueSigningPayload and queueApplicationFile. */
export function toApplicationInput(form: ApplyForm, requestId: string): QueueApplicationInput {
  return {
    requestId,
    representation: form.representation,
    personIin: form.representation === 'SELF' ? null : form.personIin.trim(),
    emergency: form.emergency,
    categories: [...form.categories],
    technicalConclusionUploadId: form.emergency ? (form.conclusion?.uploadId ?? null) : null,
    consents: CONSENTS.filter((c) => form.consents[c]),
    phone: normalizePhone(form.phone),
    email: form.email.trim(),
  };
}

/**
 * The API names fields as its input does (`phone`, `application.phone`, `consents`): each error goes
 * under the form's key for it, and what matches no field stays general.
 */
export function placeServerErrors(errors: readonly AppError[]): { byField: FieldErrors; general: AppError[] } {
  const byField: FieldErrors = {};
  const general: AppError[] = [];
  const known = new Set(['personIin', 'phone', 'email', 'technicalConclusionUploadId', 'smsCode', 'categories']);
  for (const error of errors) {
    const field = (error.field ?? '').replace(/^(application|signature|input)\./, '');
    if (known.has(field)) (byField[field] ??= []).push(error);
    else if (field === 'consents' || error.code === 'CONSENT_REQUIRED') (byField.consents ??= []).push(error);
    else if (error.code === 'TECHNICAL_CONCLUSION_REQUIRED') (byField.technicalConclusionUploadId ??= []).push(error);
    else if (error.code === 'PHONE_NOT_IN_MOBILE_BASE') (byField.phone ??= []).push(error);
    else general.push(error);
  }
  return { byField, general };
}
