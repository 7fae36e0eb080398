import type { AppError } from '../../lib/errors';

export const CONTENT_MAX = 2000;
export const MAX_PHOTOS = 5;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export interface RequestFormValues {
  typeId: string;
  content: string;
  visitDate: string;
  visitFrom: string;
  visitTo: string;
}

export const EMPTY_REQUEST_FORM: RequestFormValues = { typeId: '', content: '', visitDate: '', visitFrom: '', visitTo: '' };

/**
 * The checks the server makes too, done before sending so a mistake shows at its field at once:
 * a type and a text; the visit day not before today (Almaty); times as HH:MM, "to" after "from".
 * The time window stands without a date (any day at those hours), as seed 004's form allows.
 */
export function validateRequestForm(values: RequestFormValues, today: string): Record<string, AppError[]> {
  const errors: Record<string, AppError[]> = {};
  const add = (field: string, error: AppError) => (errors[field] ??= []).push({ ...error, field });
  if (!values.typeId) add('typeId', { code: 'REQUIRED' });
  const content = values.content.trim();
  if (!content) add('content', { code: 'REQUIRED' });
  else if (content.length > CONTENT_MAX) add('content', { code: 'TOO_LONG', params: { max: CONTENT_MAX } });
  if (values.visitDate && values.visitDate < today) add('visitDate', { code: 'DATE_IN_PAST' });
  if (values.visitFrom && !TIME.test(values.visitFrom)) add('visitFrom', { code: 'INVALID_TIME' });
  if (values.visitTo && !TIME.test(values.visitTo)) add('visitTo', { code: 'INVALID_TIME' });
  if (TIME.test(values.visitFrom) && TIME.test(values.visitTo) && values.visitTo <= values.visitFrom) add('visitTo', { code: 'INVALID_TIME_WINDOW' });
  return errors;
}

export function hasErrors(errors: Record<string, AppError[]>): boolean {
  return Object.values(errors).some((list) => list.length > 0);
}

/** The form's values as the API takes them: empty optional fields as null. */
export function requestInput(values: RequestFormValues) {
  return {
    typeId: values.typeId,
    content: values.content.trim(),
    visitDate: values.visitDate || null,
    visitFrom: values.visitFrom || null,
    visitTo: values.visitTo || null,
  };
}
