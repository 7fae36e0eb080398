import { describe, expect, it } from 'vitest';
import { baselineReading, consumption, monthsBetween, normalizeReading, readingError } from './readings';

const NOW = new Date('2026-12-18T10:00:00+05:00');
const NOVEMBER = { id: '1', value: '123.450', submittedAt: '2026-11-20T10:00:00+05:00', source: 'resident' };
const METER = { lastReading: NOVEMBER, readings: [NOVEMBER], maxMonthly: '30.000', windowOpen: true, windowFromDay: 15, windowToDay: 25 };

describe('the hints next to a meter reading', () => {
  it('takes a decimal comma or point and spaces between digit groups', () => {
    expect(normalizeReading(' 1 234,5 ')).toBe('1234.5');
    expect(readingError('130,5', METER, NOW)).toBeNull();
  });

  it('asks for a value and refuses what is not a reading (letters, minus, 4 decimals, exponent)', () => {
    expect(readingError('', METER, NOW)?.code).toBe('REQUIRED');
    for (const raw of ['abc', '-5', '12.3456', '1e3']) expect(readingError(raw, METER, NOW)?.code).toBe('INVALID_VALUE');
  });

  it('refuses a reading below the last one, naming the last, and accepts the same value', () => {
    expect(readingError('123.449', METER, NOW)).toEqual({ code: 'BELOW_LAST', field: 'value', params: { last: '123.450' } });
    expect(readingError('123.45', METER, NOW)).toBeNull();
  });

  it('refuses more than the plausible monthly use above the last, naming the highest accepted', () => {
    expect(readingError('153.451', METER, NOW)).toEqual({ code: 'ABOVE_PLAUSIBLE', field: 'value', params: { max: '153.45' } });
    expect(readingError('153.450', METER, NOW)).toBeNull();
  });

  it('allows the plausible use of every month since the last reading (two months: twice as much)', () => {
    const october = { ...NOVEMBER, submittedAt: '2026-10-20T10:00:00+05:00' };
    const meter = { ...METER, lastReading: october, readings: [october] };
    expect(readingError('183.450', meter, NOW)).toBeNull();
    expect(readingError('183.451', meter, NOW)?.code).toBe('ABOVE_PLAUSIBLE');
  });

  it("a correction inside this month's window is bound by last month's reading, not by this month's first one", () => {
    // given a reading of 140 sent on the 16th of this month over November's 123.45
    const december = { id: '2', value: '140.000', submittedAt: '2026-12-16T09:00:00+05:00', source: 'resident' };
    const meter = { ...METER, lastReading: december, readings: [december, NOVEMBER] };
    // then 130 corrects it (the server replaces this month's reading), while 120 is below November's
    expect(baselineReading(meter, NOW)?.id).toBe('1');
    expect(readingError('130', meter, NOW)).toBeNull();
    expect(readingError('120', meter, NOW)?.code).toBe('BELOW_LAST');
  });

  it('says the window is closed, with its days, before any other check', () => {
    expect(readingError('100', { ...METER, windowOpen: false }, NOW)).toEqual({ code: 'WINDOW_CLOSED', field: 'value', params: { from: 15, to: 25 } });
  });

  it('a first reading has nothing to compare with', () => {
    expect(readingError('0.001', { ...METER, lastReading: null, readings: [] }, NOW)).toBeNull();
    expect(consumption('5', null)).toBeNull();
  });

  it('counts calendar months in Almaty, not in UTC', () => {
    expect(monthsBetween(new Date('2026-11-30T23:30:00+05:00'), new Date('2026-12-01T00:10:00+05:00'))).toBe(1);
    // the same UTC day, but 00:30 on 1 December in Almaty
    expect(monthsBetween(new Date('2026-11-30T18:30:00Z'), new Date('2026-11-30T19:30:00Z'))).toBe(1);
    expect(monthsBetween(new Date('2026-12-01T00:10:00+05:00'), new Date('2026-12-31T23:50:00+05:00'))).toBe(0);
  });

  it('shows the consumption since the last reading exactly (no float drift)', () => {
    expect(consumption('130.55', '123.450')).toBe('7.1');
    expect(consumption('0.3', '0.1')).toBe('0.2');
    expect(consumption('100', '123.45')).toBeNull();
  });
});
