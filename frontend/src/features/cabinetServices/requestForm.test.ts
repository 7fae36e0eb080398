import { describe, expect, it } from 'vitest';
import { CONTENT_MAX, EMPTY_REQUEST_FORM, hasErrors, requestInput, validateRequestForm } from './requestForm';

const TODAY = '2026-12-08';
const VALID = { ...EMPTY_REQUEST_FORM, typeId: '3', content: 'Прорвало трубу' };

function codes(errors: ReturnType<typeof validateRequestForm>) {
  return Object.fromEntries(Object.entries(errors).map(([field, list]) => [field, list.map((e) => e.code)]));
}

describe('the request form (seed 004 "Новое обращение")', () => {
  it('needs a type and a content, and nothing else', () => {
    // given an empty form / one with only type and text
    // when / then
    expect(codes(validateRequestForm(EMPTY_REQUEST_FORM, TODAY))).toEqual({ typeId: ['REQUIRED'], content: ['REQUIRED'] });
    expect(hasErrors(validateRequestForm(VALID, TODAY))).toBe(false);
  });

  it('takes spaces only as no content and refuses a text over the limit', () => {
    expect(codes(validateRequestForm({ ...VALID, content: '   \n ' }, TODAY))).toEqual({ content: ['REQUIRED'] });
    const errors = validateRequestForm({ ...VALID, content: 'а'.repeat(CONTENT_MAX + 1) }, TODAY);
    expect(errors.content).toEqual([{ code: 'TOO_LONG', field: 'content', params: { max: CONTENT_MAX } }]);
    expect(hasErrors(validateRequestForm({ ...VALID, content: 'а'.repeat(CONTENT_MAX) }, TODAY))).toBe(false);
  });

  it('refuses a visit date before today (Almaty) and accepts today and later', () => {
    expect(codes(validateRequestForm({ ...VALID, visitDate: '2026-12-07' }, TODAY))).toEqual({ visitDate: ['DATE_IN_PAST'] });
    expect(hasErrors(validateRequestForm({ ...VALID, visitDate: TODAY }, TODAY))).toBe(false);
    expect(hasErrors(validateRequestForm({ ...VALID, visitDate: '2027-01-02' }, TODAY))).toBe(false);
  });

  it('wants "to" after "from" (08:00–11:00 is fine, 11:00–08:00 and 08:00–08:00 are not)', () => {
    expect(hasErrors(validateRequestForm({ ...VALID, visitDate: '2026-12-10', visitFrom: '08:00', visitTo: '11:00' }, TODAY))).toBe(false);
    expect(codes(validateRequestForm({ ...VALID, visitFrom: '11:00', visitTo: '08:00' }, TODAY))).toEqual({ visitTo: ['INVALID_TIME_WINDOW'] });
    expect(codes(validateRequestForm({ ...VALID, visitFrom: '08:00', visitTo: '08:00' }, TODAY))).toEqual({ visitTo: ['INVALID_TIME_WINDOW'] });
  });

  it('refuses a time that is not HH:MM, and accepts one end of the window alone', () => {
    expect(codes(validateRequestForm({ ...VALID, visitFrom: '25:00', visitTo: '8:00' }, TODAY))).toEqual({ visitFrom: ['INVALID_TIME'], visitTo: ['INVALID_TIME'] });
    expect(hasErrors(validateRequestForm({ ...VALID, visitFrom: '09:30' }, TODAY))).toBe(false);
  });

  it('sends empty optional fields as null and the content trimmed', () => {
    expect(requestInput({ ...VALID, content: '  Течёт кран  ' })).toEqual({ typeId: '3', content: 'Течёт кран', visitDate: null, visitFrom: null, visitTo: null });
  });
});
