import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, evaluatePassword, passwordLength, passwordReady } from './rules';

const stateOf = (items: ReturnType<typeof evaluatePassword>) => Object.fromEntries(items.map((i) => [i.code, i.state]));

describe('password checklist', () => {
  it('shows every rule the browser can judge as unmet for an empty password', () => {
    const items = evaluatePassword('', '');
    expect(stateOf(items)).toEqual({
      PASSWORD_TOO_SHORT: 'unmet',
      PASSWORD_NO_LOWERCASE: 'unmet',
      PASSWORD_NO_UPPERCASE: 'unmet',
      PASSWORD_NO_DIGIT: 'unmet',
      PASSWORD_NO_SYMBOL: 'unmet',
      PASSWORD_MISMATCH: 'unmet',
    });
    expect(passwordReady(items)).toBe(false);
  });

  it('turns rules green one by one as the person types', () => {
    expect(stateOf(evaluatePassword('abc', ''))).toMatchObject({ PASSWORD_NO_LOWERCASE: 'met', PASSWORD_NO_UPPERCASE: 'unmet', PASSWORD_TOO_SHORT: 'unmet' });
    expect(stateOf(evaluatePassword('abcD1', ''))).toMatchObject({ PASSWORD_NO_UPPERCASE: 'met', PASSWORD_NO_DIGIT: 'met', PASSWORD_NO_SYMBOL: 'unmet' });
    const items = evaluatePassword('abcD1-xyz', 'abcD1-xyz');
    expect(passwordReady(items)).toBe(true);
  });

  it('counts Kazakh letters as letters and anything else as a symbol', () => {
    expect(stateOf(evaluatePassword('әңғүұқөһі', ''))).toMatchObject({ PASSWORD_NO_LOWERCASE: 'met', PASSWORD_NO_UPPERCASE: 'unmet', PASSWORD_NO_SYMBOL: 'unmet' });
    expect(stateOf(evaluatePassword('ӘлемҚала 1', ''))).toMatchObject({ PASSWORD_NO_UPPERCASE: 'met', PASSWORD_NO_SYMBOL: 'met' });
  });

  it('requires both entries to be equal and non-empty', () => {
    expect(stateOf(evaluatePassword('Qwerty-12', 'Qwerty-1'))).toMatchObject({ PASSWORD_MISMATCH: 'unmet' });
    expect(stateOf(evaluatePassword('Qwerty-12', 'Qwerty-12'))).toMatchObject({ PASSWORD_MISMATCH: 'met' });
  });

  it('counts length in characters as the server does, not UTF-16 units', () => {
    expect(passwordLength('😀😀😀😀')).toBe(4);
    // Seven characters but ten UTF-16 units: still too short for the server.
    expect(stateOf(evaluatePassword('Aa1-😀😀😀', ''))).toMatchObject({ PASSWORD_TOO_SHORT: 'unmet' });
    expect(stateOf(evaluatePassword('Aa1-😀😀😀😀', ''))).toMatchObject({ PASSWORD_TOO_SHORT: 'met' });
  });

  it('follows the server policy for the minimum length', () => {
    const policy = { ...DEFAULT_POLICY, minLength: 12 };
    const items = evaluatePassword('Abcdef-12', 'Abcdef-12', policy);
    expect(items.find((i) => i.code === 'PASSWORD_TOO_SHORT')).toEqual({ code: 'PASSWORD_TOO_SHORT', state: 'unmet', params: { n: 12 } });
  });

  it('shows the length maximum only when it is broken', () => {
    expect(evaluatePassword('Aa1-aaaa', '').some((i) => i.code === 'PASSWORD_TOO_LONG')).toBe(false);
    const long = `Aa1-${'a'.repeat(300)}`;
    expect(stateOf(evaluatePassword(long, long))).toMatchObject({ PASSWORD_TOO_LONG: 'unmet' });
  });

  it('lists server-only rules once the server reports them', () => {
    expect(evaluatePassword('Password123!', 'Password123!').some((i) => i.code === 'PASSWORD_COMMON')).toBe(false);
    const items = evaluatePassword('Password123!', 'Password123!', DEFAULT_POLICY, ['PASSWORD_COMMON']);
    expect(stateOf(items)).toMatchObject({ PASSWORD_COMMON: 'failed' });
    expect(passwordReady(items)).toBe(false);
  });

  it('keeps the order of the server policy', () => {
    const codes = evaluatePassword('x', 'y', DEFAULT_POLICY, ['PASSWORD_CONTAINS_PERSONAL_DATA']).map((i) => i.code);
    expect(codes).toEqual([
      'PASSWORD_TOO_SHORT',
      'PASSWORD_NO_LOWERCASE',
      'PASSWORD_NO_UPPERCASE',
      'PASSWORD_NO_DIGIT',
      'PASSWORD_NO_SYMBOL',
      'PASSWORD_CONTAINS_PERSONAL_DATA',
      'PASSWORD_MISMATCH',
    ]);
  });
});
