import type { AppError } from '../../lib/errors';
import { todayIso } from '../../lib/format';
import { iinBinChecksumOk } from '../../lib/iinBin';
import type { RegistrationDetails } from './types';

/** Checks the browser can make before asking the server; the server checks everything again. */
export function validateDetails(details: RegistrationDetails, today: string = todayIso()): AppError[] {
  const errors: AppError[] = [];
  const required: (keyof RegistrationDetails)[] = ['iinBin', 'email', 'contractNumber', 'contractDate', 'phone'];
  for (const field of required) {
    if (!details[field].trim()) errors.push({ code: 'REQUIRED', field });
  }
  const iin = details.iinBin.trim();
  if (iin && !iinBinChecksumOk(iin)) errors.push({ code: 'INVALID_IIN_BIN', field: 'iinBin' });
  const email = details.email.trim();
  if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) errors.push({ code: 'INVALID_EMAIL', field: 'email' });
  if (details.contractDate && details.contractDate > today) errors.push({ code: 'DATE_IN_FUTURE', field: 'contractDate' });
  return errors;
}
