import { describe, expect, it } from 'vitest';
import { moved, overrideErrors, pointlessOverride, previewCount, sortOverrides, weekdayName, yearChoices } from './calendar';

describe('decree calendar', () => {
  it('names the day of the week of a date in every language', () => {
    expect(weekdayName('2026-12-16', 'kk')).toBe('сәрсенбі');
    expect(weekdayName('2026-12-16', 'ru')).toBe('среда');
    expect(weekdayName('2026-12-16', 'en')).toBe('Wednesday');
    expect(weekdayName('2027-03-21', 'kk')).toBe('жексенбі');
  });

  it('flags an override that would change nothing', () => {
    expect(pointlessOverride('2026-12-19', 'DAY_OFF')).toBe(true); // a Saturday already
    expect(pointlessOverride('2026-12-18', 'DAY_OFF')).toBe(false);
    expect(pointlessOverride('2026-12-18', 'WORKING_DAY')).toBe(true); // a Friday already
    expect(pointlessOverride('2026-12-19', 'WORKING_DAY')).toBe(false);
    expect(pointlessOverride('', 'DAY_OFF')).toBe(false);
  });

  it('needs a day and the decree', () => {
    expect(overrideErrors({ day: '', decree: ' ' })).toEqual([
      { code: 'REQUIRED', field: 'day' },
      { code: 'REQUIRED', field: 'decree' },
    ]);
    expect(overrideErrors({ day: '2026-12-18', decree: 'Decree No. 1' })).toEqual([]);
  });

  it('offers years around today and sorts overrides in force first', () => {
    expect(yearChoices('2026-12-03')).toEqual([2025, 2026, 2027, 2028]);
    const sorted = sortOverrides([
      { day: '2026-03-09', revokedAt: '2026-02-01T00:00:00Z' },
      { day: '2026-12-18', revokedAt: null },
      { day: '2026-01-02', revokedAt: null },
    ]);
    expect(sorted.map((o) => o.day)).toEqual(['2026-01-02', '2026-12-18', '2026-03-09']);
  });

  it('tells which way the preview moved', () => {
    expect(moved('2026-12-21', '2026-12-22')).toBe('later');
    expect(moved('2026-12-22', '2026-12-21')).toBe('earlier');
    expect(moved('2026-12-21', '2026-12-21')).toBeNull();
    expect(moved(null, '2026-12-21')).toBeNull();
  });

  it('counts 1 to 60 working days', () => {
    expect(previewCount('3')).toBe(3);
    expect(previewCount('0')).toBeNull();
    expect(previewCount('61')).toBeNull();
    expect(previewCount('x')).toBeNull();
  });
});
