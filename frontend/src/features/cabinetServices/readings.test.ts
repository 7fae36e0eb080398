import { describe, expect, it } from 'vitest';
import { consumption, normalizeReading, readingError } from './readings';

const METER = {
  lastReading: { id: '1', value: '123.450', submittedAt: '2026-11-20T10:00:00+05:00', source: 'resident' },
  maxMonthly: '30.000',
  windowOpen: true,
  windowFromDay: 15,
  windowToDay: 25,
};

describe('the hints next to a meter reading', () => {
  it('takes a decimal comma or point and spaces between digit groups', () => {
    expect(normalizeReading(' 1 234,5 ')).toBe('1234.5');
    expect(readingError('130,5', METER)).toBeNull();
  });

  it('asks for a value and refuses what is not a reading (letters, minus, 4 decimals)', () => {
    expect(readingError('', METER)?.code).toBe('REQUIRED');
    for (const raw of ['abc', '-5', '12.3456', '1e3']) expect(readingError(raw, METER)?.code).toBe('INVALID_VALUE');
  });

  it('refuses a reading below the last one, naming the last, and accepts the same value', () => {
    expect(readingError('123.449', METER)).toEqual({ code: 'BELOW_LAST', field: 'value', params: { last: '123.450' } });
    expect(readingError('123.45', METER)).toBeNull();
  });

  it('refuses more than the plausible monthly use above the last, naming the highest accepted', () => {
    expect(readingError('153.451', METER)).toEqual({ code: 'ABOVE_PLAUSIBLE', field: 'value', params: { max: '153.45' } });
    expect(readingError('153.450', METER)).toBeNull();
  });

  it('says the window is closed, with its days, before any other check', () => {
    expect(readingError('100', { ...METER, windowOpen: false })).toEqual({ code: 'WINDOW_CLOSED', field: 'value', params: { from: 15, to: 25 } });
  });

  it('a first reading has nothing to compare with', () => {
    expect(readingError('0.001', { ...METER, lastReading: null })).toBeNull();
    expect(consumption('5', null)).toBeNull();
  });

  it('shows the consumption since the last reading exactly (no float drift)', () => {
    expect(consumption('130.55', '123.450')).toBe('7.1');
    expect(consumption('0.3', '0.1')).toBe('0.2');
    expect(consumption('100', '123.45')).toBeNull();
  });
});
