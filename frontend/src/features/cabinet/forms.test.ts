import { describe, expect, it } from 'vitest';
import { toAddressLinkInput, validateAddressLink, validateLoginLink, validatePayment } from './forms';

describe('"Add by login and password"', () => {
  it('asks for both fields', () => {
    expect(validateLoginLink({ login: ' ', password: '' })).toEqual({
      login: [{ code: 'REQUIRED', field: 'login' }],
      password: [{ code: 'REQUIRED', field: 'password' }],
    });
    expect(validateLoginLink({ login: '10118', password: 'Demo-10118' })).toEqual({});
  });

  it('takes a password as typed and refuses what no column holds', () => {
    expect(validateLoginLink({ login: '10118', password: ' secret ' })).toEqual({});
    expect(validateLoginLink({ login: '1'.repeat(61), password: 'x' }).login).toEqual([{ code: 'TOO_LONG', field: 'login', params: { max: 60 } }]);
  });
});

describe('"Add by address"', () => {
  const filled = { accountNumber: ' 10119 ', address: ' г. Астана, Тұран даңғылы, 1 ', flat: ' 17 ', companyId: '' };

  it('requires the number, "city, street, house" and the flat, but not the company', () => {
    expect(Object.keys(validateAddressLink({ accountNumber: '', address: '', flat: '', companyId: '' }))).toEqual(['accountNumber', 'address', 'flat']);
    expect(validateAddressLink(filled)).toEqual({});
  });

  it('sends trimmed values and no company when none was chosen', () => {
    expect(toAddressLinkInput(filled)).toEqual({ accountNumber: '10119', address: 'г. Астана, Тұран даңғылы, 1', flat: '17' });
    expect(toAddressLinkInput({ ...filled, companyId: '7' })).toMatchObject({ companyId: '7' });
  });
});

describe('the pay form', () => {
  it('sends a partial payment or an over-payment as typed, with two decimals', () => {
    expect(validatePayment('1 000,5', 'ru')).toEqual({ amount: '1000.50', errors: {} });
    expect(validatePayment('60000', 'kk')).toEqual({ amount: '60000.00', errors: {} });
  });

  it('puts a wrong amount under the field', () => {
    expect(validatePayment('', 'ru')).toEqual({ amount: null, errors: { amount: [{ code: 'REQUIRED', field: 'amount' }] } });
    expect(validatePayment('12,345', 'ru').errors.amount[0].code).toBe('INVALID_AMOUNT');
  });
});
