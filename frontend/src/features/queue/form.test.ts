import { describe, expect, it } from 'vitest';
import { emptyApplyForm, normalizePhone, placeServerErrors, toApplicationInput, toClaimInput, validateApply, validateClaim } from './form';

// A valid IIN (checksum) and one with its last digit changed.
const CHILD_IIN = '150101500001';
const consentsGiven = { PROPERTY_CHECK: true, PERSONAL_DATA: true, PUBLICATION: true, NO_CATEGORY_ACK: true };

describe('the queue application form', () => {
  it('asks for every one of the four consents on its own', () => {
    const errors = validateApply({ ...emptyApplyForm({}, { phone: '+77010000001', email: 'a@b.kz' }), consents: { ...consentsGiven, PUBLICATION: false } });
    expect(Object.keys(errors)).toEqual(['consents.PUBLICATION']);
    expect(errors['consents.PUBLICATION'][0].code).toBe('CONSENT_REQUIRED');
  });

  it('checks the phone and the email, and accepts a phone written as people write it', () => {
    const form = { ...emptyApplyForm(), consents: consentsGiven };
    expect(validateApply({ ...form, phone: '', email: '' })).toEqual({ phone: [{ code: 'REQUIRED', field: 'phone' }], email: [{ code: 'REQUIRED', field: 'email' }] });
    expect(validateApply({ ...form, phone: '12345', email: 'not-an-email' })).toEqual({ phone: [{ code: 'INVALID_PHONE', field: 'phone' }], email: [{ code: 'INVALID_EMAIL', field: 'email' }] });
    expect(validateApply({ ...form, phone: '8 (701) 123-45-67', email: ' a@b.kz ' })).toEqual({});
    expect(normalizePhone('8 (701) 123-45-67')).toBe('+77011234567');
    expect(normalizePhone('7 701 123 45 67')).toBe('+77011234567');
  });

  it('requires the technical conclusion only on the emergency path', () => {
    const form = { ...emptyApplyForm({}, { phone: '+77010000001', email: 'a@b.kz' }), consents: consentsGiven };
    expect(validateApply({ ...form, emergency: true })).toEqual({ technicalConclusionUploadId: [{ code: 'TECHNICAL_CONCLUSION_REQUIRED', field: 'technicalConclusionUploadId' }] });
    expect(validateApply({ ...form, emergency: true, conclusion: { uploadId: 'u1', name: 'c.pdf' } })).toEqual({});
    expect(validateApply({ ...form, emergency: false })).toEqual({});
  });

  it('needs a valid IIN of the represented person, not the filer’s own', () => {
    const claim = { representation: 'LEGAL_REPRESENTATIVE' as const, personIin: '', emergency: false, categories: [] };
    expect(validateClaim(claim).personIin[0].code).toBe('REQUIRED');
    expect(validateClaim({ ...claim, personIin: '150101500002' }).personIin[0].code).toBe('INVALID_IIN_BIN');
    expect(validateClaim({ ...claim, personIin: CHILD_IIN }, CHILD_IIN).personIin[0].code).toBe('INVALID');
    expect(validateClaim({ ...claim, personIin: CHILD_IIN })).toEqual({});
    expect(validateClaim({ ...claim, representation: 'SELF' })).toEqual({});
  });

  it('sends only what the chosen path needs, consents in the order’s order', () => {
    const form = {
      ...emptyApplyForm({ representation: 'SELF', personIin: CHILD_IIN, categories: ['large_family'] }, { phone: '8 701 123 45 67', email: ' a@b.kz ' }),
      consents: { NO_CATEGORY_ACK: true, PUBLICATION: true, PERSONAL_DATA: true, PROPERTY_CHECK: true },
      conclusion: { uploadId: 'u1', name: 'c.pdf' },
    };
    expect(toApplicationInput(form, 'req-1')).toEqual({
      requestId: 'req-1',
      representation: 'SELF',
      personIin: null,
      emergency: false,
      technicalConclusionUploadId: null,
      categories: ['large_family'],
      consents: ['PROPERTY_CHECK', 'PERSONAL_DATA', 'PUBLICATION', 'NO_CATEGORY_ACK'],
      phone: '+77011234567',
      email: 'a@b.kz',
    });
    expect(toClaimInput({ representation: 'TRUSTEE', personIin: ` ${CHILD_IIN} `, emergency: true, categories: [] })).toEqual({
      representation: 'TRUSTEE',
      personIin: CHILD_IIN,
      emergency: true,
      categories: [],
    });
  });

  it('puts the server’s errors under their fields, whatever prefix the API gives them', () => {
    const { byField, general } = placeServerErrors([
      { code: 'PHONE_NOT_IN_MOBILE_BASE', field: 'phone' },
      { code: 'INVALID_EMAIL', field: 'application.email' },
      { code: 'CONSENT_REQUIRED', field: 'consents' },
      { code: 'OTP_INVALID', field: 'signature.smsCode' },
      { code: 'ALREADY_FILED', field: null },
    ]);
    expect(Object.keys(byField).sort()).toEqual(['consents', 'email', 'phone', 'smsCode']);
    expect(general).toEqual([{ code: 'ALREADY_FILED', field: null }]);
  });
});
