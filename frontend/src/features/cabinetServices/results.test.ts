import { describe, expect, it } from 'vitest';
import { localExpiry } from './DeviceQrCard';
import { formatVisit } from './format';
import { resultRows } from './results';

const RESULT = { forArea: '1520.40', againstArea: '310.00', abstainArea: '69.60', votedArea: '1900.00', totalArea: '3000.00', forShare: '0.5068', decided: true };

describe('meeting results', () => {
  it('gives each choice its area and its share of the whole building, in Russian digits', () => {
    // given a closed question's result / when formatted for a Russian reader
    const { rows, turnout, voted, total } = resultRows(RESULT, 'ru');
    // then areas and shares are of the building's area (3000 m²), and the turnout is voted/total
    expect(rows.map((r) => [r.key, r.area, r.share])).toEqual([
      ['for', '1\u00a0520,40', '50,68\u00a0%'],
      ['against', '310,00', '10,33\u00a0%'],
      ['abstain', '69,60', '2,32\u00a0%'],
    ]);
    expect([voted, total, turnout]).toEqual(['1\u00a0900,00', '3\u00a0000,00', '63,33\u00a0%']);
  });

  it('writes English digits for an English reader and Kazakh like Russian', () => {
    expect(resultRows(RESULT, 'en').rows[0]).toEqual({ key: 'for', area: '1,520.40', share: '50.68%' });
    expect(resultRows(RESULT, 'kk').rows[0].share).toBe('50,68\u00a0%');
  });

  it('does not divide by a zero area', () => {
    const rows = resultRows({ ...RESULT, totalArea: '0', forArea: '0', againstArea: '0', abstainArea: '0', votedArea: '0' }, 'en');
    expect(rows.turnout).toBe('0%');
  });
});

describe('the convenient time of a request', () => {
  const t = ((key: string, params?: Record<string, string>) =>
    ({ 'cabinetServices.visit.fromTo': `с ${params?.from} по ${params?.to}`, 'cabinetServices.visit.from': `с ${params?.from}`, 'cabinetServices.visit.to': `до ${params?.to}`, 'cabinetServices.visit.any': 'Не указано' })[key] ?? key) as never;

  it('reads as seed 004: "20 ноября 2019 г. с 08:00 по 11:00"', () => {
    expect(formatVisit(t, 'ru', '2019-11-20', '08:00', '11:00')).toBe('20 ноября 2019 г. с 08:00 по 11:00');
    expect(formatVisit(t, 'ru', '2019-10-18', null, null)).toBe('18 октября 2019 г.');
    expect(formatVisit(t, 'ru', null, null, null)).toBe('Не указано');
  });

  it('spells Kazakh months out', () => {
    expect(formatVisit(t, 'kk', '2019-11-20', '08:00', '11:00')).toBe('2019 ж. 20 қараша с 08:00 по 11:00');
  });
});

describe('the countdown of the personal QR code', () => {
  const NOW = Date.parse('2026-12-03T10:00:00Z');
  it('runs for what the server gave when the clocks agree', () => {
    expect(localExpiry('2026-12-03T10:01:30Z', NOW)).toBe('2026-12-03T10:01:30.000Z');
  });
  it('never for more than the two minutes of the token, whatever the server clock says', () => {
    expect(localExpiry('2026-12-08T10:02:00Z', NOW)).toBe('2026-12-03T10:02:00.000Z');
  });
  it('takes a date already past by this device (its clock ahead) as the full two minutes', () => {
    expect(localExpiry('2026-12-03T09:00:00Z', NOW)).toBe('2026-12-03T10:02:00.000Z');
  });
});
