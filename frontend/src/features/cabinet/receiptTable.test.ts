import { describe, expect, it } from 'vitest';
import { groupLines, isBlank, type LineLike } from './receiptTable';

function line(section: LineLike['section'], service: string, over: Partial<LineLike> = {}): LineLike {
  return { section, service, unit: 'м3', volume: '1', tariff: '1.00', charged: '1.00', recalculation: '0.00', benefits: '0.00', debtAdvance: '0.00', total: '1.00', ...over };
}

describe('section 3 of the receipt', () => {
  it('puts the lines under housing, utilities and other, in that order, keeping the order inside a section', () => {
    const lines = [line('UTILITIES', 'Холодная вода'), line('HOUSING', 'Водоотведение СОИ'), line('OTHER', 'Домофон'), line('HOUSING', 'ГВС СОИ'), line('UTILITIES', 'Отопление')];
    const groups = groupLines(lines);
    expect(groups.map((g) => g.section)).toEqual(['HOUSING', 'UTILITIES', 'OTHER']);
    expect(groups.map((g) => g.lines.map((l) => l.service))).toEqual([['Водоотведение СОИ', 'ГВС СОИ'], ['Холодная вода', 'Отопление'], ['Домофон']]);
  });

  it('gives a section with no lines no sub-header, and an empty receipt no groups', () => {
    expect(groupLines([line('HOUSING', 'Паспортный стол')]).map((g) => g.section)).toEqual(['HOUSING']);
    expect(groupLines([])).toEqual([]);
  });

  it('leaves zero money cells blank as the seed does, but not small or negative amounts', () => {
    expect(isBlank('0.00')).toBe(true);
    expect(isBlank('0')).toBe(true);
    expect(isBlank('0.01')).toBe(false);
    expect(isBlank('-12.40')).toBe(false);
  });
});
