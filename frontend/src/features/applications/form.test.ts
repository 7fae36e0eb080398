import { describe, expect, it } from 'vitest';
import { changedFields, EMPTY_FORM, formFromJson, missingDocuments, prefillForm, tabOf, validateForm, validateStart } from './form';

const FIELDS = [
  { name: 'currentValue', required: true },
  { name: 'requestedValue', required: true },
  { name: 'justification', required: true },
  { name: 'contactName', required: true },
  { name: 'contactPhone', required: true },
  { name: 'contactEmail', required: false },
];

describe('choosing the contract and the category', () => {
  it('needs both, and words for “Other”', () => {
    expect(validateStart({ contractId: '', category: '', categoryOther: '' }).map((e) => e.field)).toEqual(['contractId', 'category']);
    expect(validateStart({ contractId: 'c1', category: 'OTHER', categoryOther: '  ' })).toEqual([{ code: 'REQUIRED', field: 'categoryOther' }]);
    expect(validateStart({ contractId: 'c1', category: 'OTHER', categoryOther: 'x'.repeat(301) })[0]).toMatchObject({ code: 'TOO_LONG', params: { max: 300 } });
    expect(validateStart({ contractId: 'c1', category: 'COMMISSIONING_DATE', categoryOther: '' })).toEqual([]);
  });
});

describe('the contract information tab', () => {
  const filled = { ...EMPTY_FORM, currentValue: '30.09.2026', requestedValue: '31.03.2027', justification: 'Кешіктірілген жеткізілімдер', contactName: 'Исаева Г.', contactPhone: '+77011110005' };

  it('asks for every field with a red asterisk, as the server names them', () => {
    expect(validateForm(EMPTY_FORM, FIELDS).map((e) => `${e.code} ${e.field}`)).toEqual([
      'REQUIRED form.currentValue',
      'REQUIRED form.requestedValue',
      'REQUIRED form.justification',
      'REQUIRED form.contactName',
      'REQUIRED form.contactPhone',
    ]);
    expect(validateForm(filled, FIELDS)).toEqual([]);
  });

  it('checks the phone and the email when given, and the length of everything', () => {
    expect(validateForm({ ...filled, contactPhone: '123', contactEmail: 'not-an-email' }, FIELDS).map((e) => e.code)).toEqual(['INVALID_PHONE', 'INVALID_EMAIL']);
    expect(validateForm({ ...filled, justification: 'x'.repeat(4001) }, FIELDS)[0]).toMatchObject({ code: 'TOO_LONG', field: 'form.justification' });
  });

  it('sends only what changed', () => {
    expect(changedFields({ ...filled, requestedValue: '30.06.2027' }, filled)).toEqual({ requestedValue: '30.06.2027' });
    expect(changedFields(filled, filled)).toEqual({});
  });

  it('reads the stored form, ignoring what it does not know', () => {
    expect(formFromJson({ requestedValue: 'A', other: 1, contactPhone: 5 })).toEqual({ ...EMPTY_FORM, requestedValue: 'A' });
    expect(formFromJson(null)).toEqual(EMPTY_FORM);
  });

  it('starts filled in from the contract and the account', () => {
    const source = {
      contract: { complex: { commissioningDate: '2026-09-30' }, authorizedCompany: { name: 'ТОО «Алатау Құрылыс»' } },
      viewer: { fullName: 'ТОО «Алатау Құрылыс»', phone: '+77011110005', email: 'api@alatau-qurylys.demo.shanyraq.kz' },
    };
    const format = (iso: string) => iso.split('-').reverse().join('.');
    expect(prefillForm('COMMISSIONING_DATE', source, format)).toMatchObject({ currentValue: '30.09.2026', contactPhone: '+77011110005', contactEmail: 'api@alatau-qurylys.demo.shanyraq.kz' });
    expect(prefillForm('AUTHORIZED_COMPANY', source, format).currentValue).toBe('ТОО «Алатау Құрылыс»');
    expect(prefillForm('BANK_DETAILS', source, format).currentValue).toBe('');
  });
});

describe('the supporting documents tab', () => {
  const requirements = [
    { code: 'OFFICIAL_LETTER', required: true },
    { code: 'REVISED_SCHEDULE', required: true },
    { code: 'JUSTIFICATION', required: false },
  ];

  it('always asks for the official letter and the other required documents', () => {
    expect(missingDocuments(requirements, [])).toEqual([
      { code: 'DOCUMENT_REQUIRED', field: 'documents.OFFICIAL_LETTER' },
      { code: 'DOCUMENT_REQUIRED', field: 'documents.REVISED_SCHEDULE' },
    ]);
    expect(missingDocuments(requirements, [{ requirement: 'OFFICIAL_LETTER' }, { requirement: 'REVISED_SCHEDULE' }])).toEqual([]);
  });

  it('sends each error to the tab that holds its field', () => {
    expect(tabOf({ code: 'REQUIRED', field: 'form.requestedValue' })).toBe('info');
    expect(tabOf({ code: 'REQUIRED', field: 'categoryOther' })).toBe('info');
    expect(tabOf({ code: 'DOCUMENT_REQUIRED', field: 'documents.OFFICIAL_LETTER' })).toBe('documents');
    expect(tabOf({ code: 'CONTENT_CHANGED' })).toBeNull();
  });
});
