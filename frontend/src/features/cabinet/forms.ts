import type { AppError } from '../../lib/errors';
import { parseAmount } from './money';

export type FieldErrors = Record<string, AppError[]>;

function add(errors: FieldErrors, field: string, code: string, params?: unknown) {
  (errors[field] ??= []).push(params === undefined ? { code, field } : { code, field, params });
}

// The stored columns' lengths (backend/models/housing.py): longer input is refused here, before
// a request, in the same words as the server's TOO_LONG.
const MAX = { login: 60, password: 128, accountNumber: 30, address: 400, flat: 20 } as const;

function required(errors: FieldErrors, field: keyof typeof MAX, value: string) {
  const text = value.trim();
  if (!text) add(errors, field, 'REQUIRED');
  else if (text.length > MAX[field]) add(errors, field, 'TOO_LONG', { max: MAX[field] });
}

export interface LoginLinkForm {
  login: string;
  password: string;
}

/** "Add by login and password": both given (the login is the account number unless the company said otherwise). */
export function validateLoginLink(form: LoginLinkForm): FieldErrors {
  const errors: FieldErrors = {};
  required(errors, 'login', form.login);
  // A password is taken as typed: spaces may be part of it, only an empty one is refused.
  if (!form.password) add(errors, 'password', 'REQUIRED');
  else if (form.password.length > MAX.password) add(errors, 'password', 'TOO_LONG', { max: MAX.password });
  return errors;
}

export interface AddressLinkForm {
  accountNumber: string;
  address: string;
  flat: string;
  companyId: string;
}

/** "Add by address": number, "city, street, house" and flat are required; the company may be left to the staff. */
export function validateAddressLink(form: AddressLinkForm): FieldErrors {
  const errors: FieldErrors = {};
  required(errors, 'accountNumber', form.accountNumber);
  required(errors, 'address', form.address);
  required(errors, 'flat', form.flat);
  return errors;
}

/** What accountLinkByAddress takes: trimmed, and no companyId when none was chosen. */
export function toAddressLinkInput(form: AddressLinkForm) {
  return {
    accountNumber: form.accountNumber.trim(),
    address: form.address.trim(),
    flat: form.flat.trim(),
    ...(form.companyId ? { companyId: form.companyId } : {}),
  };
}

/** The pay form: the amount as the API's Decimal, or the error under the field. */
export function validatePayment(input: string, locale: string): { amount: string; errors: FieldErrors } | { amount: null; errors: FieldErrors } {
  const parsed = parseAmount(input, locale);
  if ('amount' in parsed) return { amount: parsed.amount, errors: {} };
  const errors: FieldErrors = {};
  add(errors, 'amount', parsed.code);
  return { amount: null, errors };
}
