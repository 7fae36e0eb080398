import { describe, expect, it } from 'vitest';
import { amountForInput, debtState, formatMoney, formatPeriod, formatQuantity, fromTiyn, parseAmount, toTiyn } from './money';

// Intl separates groups with no-break spaces; the tests read them as plain ones.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('money of the cabinet', () => {
  it('shows tenge with two decimals in each language, exactly as the API sent them', () => {
    expect(plain(formatMoney('47048.00', 'ru'))).toBe('47 048,00 ₸');
    expect(plain(formatMoney('3680.39', 'kk'))).toBe('3 680,39 ₸');
    expect(plain(formatMoney('3680.39', 'en'))).toBe('₸3,680.39');
    expect(plain(formatMoney('1480.03', 'ru'))).toBe('1 480,03 ₸');
    // Beyond a double's 15-16 digits nothing is rounded away.
    expect(plain(formatMoney('12345678901234.57', 'ru'))).toBe('12 345 678 901 234,57 ₸');
    expect(plain(formatMoney('-120.5', 'ru'))).toBe('-120,50 ₸');
  });

  it('writes volumes without trailing zeros and tariffs with at least two decimals', () => {
    expect(formatQuantity('9.944482', 'ru')).toBe('9,944482');
    expect(formatQuantity('61.000000', 'kk')).toBe('61');
    expect(formatQuantity('30.1000', 'ru', 2)).toBe('30,10');
    expect(formatQuantity('1.05', 'en', 2)).toBe('1.05');
  });

  it('counts in tiyn without floats', () => {
    expect(toTiyn('0.1')).toBe(10n);
    expect(toTiyn('47048.00')).toBe(4704800n);
    expect(toTiyn('-3.05')).toBe(-305n);
    expect(fromTiyn(4704800n)).toBe('47048.00');
    expect(fromTiyn(-5n)).toBe('-0.05');
  });

  it('says "none" at zero or below, the amount when owed, and an advance when overpaid', () => {
    expect(debtState('0.00')).toEqual({ kind: 'none' });
    expect(debtState('0')).toEqual({ kind: 'none' });
    expect(debtState('47048.00')).toEqual({ kind: 'debt', amount: '47048.00' });
    expect(debtState('-500.10')).toEqual({ kind: 'advance', amount: '500.10' });
  });

  it('names the period by month and year in the interface language', () => {
    expect(formatPeriod('2019-03-01', 'ru')).toBe('март 2019');
    expect(formatPeriod('2026-11-01', 'kk')).toBe('2026 ж. қараша');
    expect(formatPeriod('2026-02-01', 'en')).toBe('February 2026');
  });
});

describe('the amount a resident types', () => {
  it('reads spaces, the decimal comma and the dot, and sends a two-decimal Decimal', () => {
    expect(parseAmount('47 048,00', 'ru')).toEqual({ amount: '47048.00' });
    expect(parseAmount('47\u00a0048,5', 'kk')).toEqual({ amount: '47048.50' });
    expect(parseAmount('5000', 'kk')).toEqual({ amount: '5000.00' });
    expect(parseAmount('1.5', 'ru')).toEqual({ amount: '1.50' });
    expect(parseAmount('47,048.00', 'en')).toEqual({ amount: '47048.00' });
    expect(parseAmount(' 2 000 ₸ ', 'ru')).toEqual({ amount: '2000.00' });
  });

  it('refuses an empty field, words, three decimals, zero, and more than 10 000 000 at once', () => {
    expect(parseAmount('  ', 'ru')).toEqual({ code: 'REQUIRED' });
    expect(parseAmount('сто', 'ru')).toEqual({ code: 'INVALID_AMOUNT' });
    expect(parseAmount('10,005', 'ru')).toEqual({ code: 'INVALID_AMOUNT' });
    // In Russian and Kazakh "1,000" is not a thousand.
    expect(parseAmount('1,000', 'kk')).toEqual({ code: 'INVALID_AMOUNT' });
    expect(parseAmount('-5', 'ru')).toEqual({ code: 'INVALID_AMOUNT' });
    expect(parseAmount('0,00', 'ru')).toEqual({ code: 'INVALID_AMOUNT' });
    expect(parseAmount('0,01', 'ru')).toEqual({ amount: '0.01' });
    expect(parseAmount('10000000', 'ru')).toEqual({ amount: '10000000.00' });
    expect(parseAmount('10000000,01', 'ru')).toEqual({ code: 'AMOUNT_TOO_LARGE' });
  });

  it('starts the pay form with the debt written as the language writes numbers', () => {
    expect(amountForInput('47048.00', 'ru')).toBe('47 048,00');
    expect(amountForInput('47048.00', 'en')).toBe('47,048.00');
    expect(amountForInput('0.00', 'kk')).toBe('');
    expect(amountForInput('-10.00', 'kk')).toBe('');
    // What it shows is read back as the same amount.
    expect(parseAmount(amountForInput('3680.39', 'kk'), 'kk')).toEqual({ amount: '3680.39' });
  });
});
