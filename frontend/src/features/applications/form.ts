import type { AppError } from '../../lib/errors';

/** The "Contract information" tab's fields (SPEC §4), in the order of the form. */
export const FORM_FIELDS = ['currentValue', 'requestedValue', 'justification', 'contactName', 'contactPhone', 'contactEmail'] as const;
export type FormFieldName = (typeof FORM_FIELDS)[number];
export type ApplicationForm = Record<FormFieldName, string>;
export const MULTILINE_FIELDS: ReadonlySet<FormFieldName> = new Set(['currentValue', 'requestedValue', 'justification']);

/** The server's limit per field. */
export const MAX_FIELD = 4000;
export const MAX_CATEGORY_OTHER = 300;
export const OTHER = 'OTHER';
export const OFFICIAL_LETTER = 'OFFICIAL_LETTER';

export const EMPTY_FORM: ApplicationForm = { currentValue: '', requestedValue: '', justification: '', contactName: '', contactPhone: '', contactEmail: '' };

/** The stored form (JSON from the API) as strings for the inputs. */
export function formFromJson(value: unknown): ApplicationForm {
  const source = value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  const form = { ...EMPTY_FORM };
  for (const name of FORM_FIELDS) if (typeof source[name] === 'string') form[name] = source[name] as string;
  return form;
}

export interface StartChoice {
  contractId: string;
  category: string;
  categoryOther: string;
}

/** Step "contract and category": both chosen, and words for "Other". */
export function validateStart(choice: StartChoice): AppError[] {
  const errors: AppError[] = [];
  if (!choice.contractId) errors.push({ code: 'REQUIRED', field: 'contractId' });
  if (!choice.category) errors.push({ code: 'REQUIRED', field: 'category' });
  if (choice.category === OTHER) {
    const text = choice.categoryOther.trim();
    if (!text) errors.push({ code: 'REQUIRED', field: 'categoryOther' });
    else if (text.length > MAX_CATEGORY_OTHER) errors.push({ code: 'TOO_LONG', field: 'categoryOther', params: { max: MAX_CATEGORY_OTHER } });
  }
  return errors;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;

/**
 * The red-asterisk fields filled, nothing too long, a phone and an email that look like ones
 * (`required` comes from `applicationTerms.formFields`). Errors name `form.<field>` as the server does.
 */
export function validateForm(form: ApplicationForm, fields: readonly { name: string; required: boolean }[]): AppError[] {
  const errors: AppError[] = [];
  const required = new Set(fields.filter((f) => f.required).map((f) => f.name));
  for (const name of FORM_FIELDS) {
    const value = form[name].trim();
    const field = `form.${name}`;
    if (!value) {
      if (required.has(name)) errors.push({ code: 'REQUIRED', field });
      continue;
    }
    if (value.length > MAX_FIELD) errors.push({ code: 'TOO_LONG', field, params: { max: MAX_FIELD } });
    else if (name === 'contactEmail' && !EMAIL.test(value)) errors.push({ code: 'INVALID_EMAIL', field });
    else if (name === 'contactPhone' && value.replace(/\D/g, '').length < 10) errors.push({ code: 'INVALID_PHONE', field });
  }
  return errors;
}

/** Required documents not uploaded yet, as the server names them (`documents.<CODE>`). */
export function missingDocuments(requirements: readonly { code: string; required: boolean }[], documents: readonly { requirement: string }[]): AppError[] {
  const present = new Set(documents.map((d) => d.requirement));
  return requirements.filter((r) => r.required && !present.has(r.code)).map((r) => ({ code: 'DOCUMENT_REQUIRED', field: `documents.${r.code}` }));
}

/** Which tab holds an error's field: the form's tab or the documents' tab. */
export function tabOf(error: AppError): 'info' | 'documents' | null {
  if (error.field?.startsWith('form.') || error.field === 'category' || error.field === 'categoryOther') return 'info';
  if (error.field?.startsWith('documents.')) return 'documents';
  return null;
}

export interface PrefillSource {
  contract: {
    complex?: { commissioningDate?: string | null } | null;
    authorizedCompany?: { name: string } | null;
  } | null;
  viewer: { fullName?: string | null; phone?: string | null; email?: string | null } | null;
}

/**
 * What the form starts with (seed 001: the tab opens filled in): the current value the category is
 * about, when the contract holds it, and the account's own contact details.
 */
export function prefillForm(category: string, { contract, viewer }: PrefillSource, formatDate: (iso: string) => string): ApplicationForm {
  let currentValue = '';
  if (category === 'COMMISSIONING_DATE' && contract?.complex?.commissioningDate) currentValue = formatDate(contract.complex.commissioningDate);
  if (category === 'AUTHORIZED_COMPANY' && contract?.authorizedCompany?.name) currentValue = contract.authorizedCompany.name;
  return {
    ...EMPTY_FORM,
    currentValue,
    contactName: viewer?.fullName ?? '',
    contactPhone: viewer?.phone ?? '',
    contactEmail: viewer?.email ?? '',
  };
}

/** The fields that differ from what is stored: only they are sent. */
export function changedFields(form: ApplicationForm, stored: ApplicationForm): Partial<ApplicationForm> {
  const changed: Partial<ApplicationForm> = {};
  for (const name of FORM_FIELDS) if (form[name] !== stored[name]) changed[name] = form[name];
  return changed;
}

/** A fresh id for one person's action: a repeated click or a retry of it creates one application. */
export function newRequestId(): string {
  if (typeof crypto !== 'undefined' && 'randomUUID' in crypto) return crypto.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}
