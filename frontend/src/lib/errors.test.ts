import i18next from 'i18next';
import { CombinedError } from '@urql/core';
import { describe, expect, it } from 'vitest';
import { errorMessage, formatDuration, fromCombinedError, splitErrors } from './errors';

const t = i18next.getFixedT('en');
const kk = i18next.getFixedT('kk');
const ru = i18next.getFixedT('ru');

describe('error messages', () => {
  it('localizes a code in each language', () => {
    expect(errorMessage(t, { code: 'INVALID_CREDENTIALS' })).toBe('Wrong login or password.');
    expect(errorMessage(ru, { code: 'INVALID_CREDENTIALS' })).toBe('Неверный логин или пароль.');
    expect(errorMessage(kk, { code: 'INVALID_CREDENTIALS' })).toBe('Логин немесе құпия сөз қате.');
  });

  it('puts the waiting time of a lock-out into words', () => {
    expect(errorMessage(t, { code: 'LOGIN_LOCKED', params: { retryAfterSeconds: 845 } })).toBe(
      'Too many failed attempts. Sign-in is locked for now: try again in 14 min 05 s.',
    );
    expect(errorMessage(ru, { code: 'OTP_RESEND_TOO_SOON', params: { retryAfterSeconds: 42 } })).toBe('Новый код можно запросить через 42 с.');
  });

  it('adds the attempts left to a wrong code', () => {
    expect(errorMessage(t, { code: 'OTP_INVALID', params: { attemptsLeft: 3 } })).toBe('The code is wrong. Attempts left: 3.');
    expect(errorMessage(t, { code: 'OTP_INVALID' })).toBe('The code is wrong.');
  });

  it('falls back to a generic message for a code it does not know', () => {
    expect(errorMessage(t, { code: 'SOMETHING_NEW' })).toBe('Something went wrong. Try again later.');
  });

  it('formats durations without plural forms', () => {
    expect(formatDuration(t, 0)).toBe('0 s');
    expect(formatDuration(t, 59.2)).toBe('1 min 00 s');
    expect(formatDuration(t, 42)).toBe('42 s');
    expect(formatDuration(kk, 61)).toBe('1 мин 01 с');
  });
});

describe('transport failures', () => {
  it('reads a network failure as NETWORK', () => {
    expect(fromCombinedError(new CombinedError({ networkError: new TypeError('Failed to fetch') }))).toEqual({ code: 'NETWORK' });
  });

  it('reads a 401 as UNAUTHENTICATED', () => {
    const response = new Response('{}', { status: 401 });
    expect(fromCombinedError(new CombinedError({ networkError: new Error('Unauthorized'), response })).code).toBe('UNAUTHENTICATED');
  });

  it('takes the code of a GraphQL error from its extensions', () => {
    const error = new CombinedError({ graphQLErrors: [{ message: 'Sign in first.', extensions: { code: 'UNAUTHENTICATED' } }] });
    expect(fromCombinedError(error).code).toBe('UNAUTHENTICATED');
  });
});

describe('splitting payload errors', () => {
  it('puts field errors next to the form fields and the rest above the form', () => {
    const { byField, general } = splitErrors(
      [
        { code: 'INVALID_IIN_BIN', field: 'iinBin' },
        { code: 'OTP_RATE_LIMITED', field: null },
        { code: 'REGISTRATION_NOT_FOUND', field: 'registrationId' },
      ],
      ['iinBin', 'email'],
    );
    expect(byField).toEqual({ iinBin: [{ code: 'INVALID_IIN_BIN', field: 'iinBin' }] });
    expect(general.map((e) => e.code)).toEqual(['OTP_RATE_LIMITED', 'REGISTRATION_NOT_FOUND']);
  });
});
