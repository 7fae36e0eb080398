import { toTiyn } from './money';

export type ReceiptSectionCode = 'HOUSING' | 'UTILITIES' | 'OTHER';

/** The part of a receipt line the table needs (the API's ReceiptLine). */
export interface LineLike {
  section: ReceiptSectionCode;
  service: string;
  unit: string;
  volume: string;
  tariff: string;
  charged: string;
  recalculation: string;
  benefits: string;
  debtAdvance: string;
  total: string;
}

/** Seed 004's order of the sub-headers of section 3: housing, then utilities, then other services. */
export const SECTION_ORDER: readonly ReceiptSectionCode[] = ['HOUSING', 'UTILITIES', 'OTHER'];

export interface LineGroup<L extends LineLike> {
  section: ReceiptSectionCode;
  lines: L[];
}

/**
 * Section 3's table: the lines under their sub-header, sections in the seed's order whatever the
 * order the API sends (it keeps the company's positions, which are kept within a section); a
 * section with no lines gets no sub-header.
 */
export function groupLines<L extends LineLike>(lines: readonly L[]): LineGroup<L>[] {
  return SECTION_ORDER.map((section) => ({ section, lines: lines.filter((line) => line.section === section) })).filter((group) => group.lines.length > 0);
}

/**
 * Seed 004 leaves a money cell empty where the value is zero (no recalculation, no benefit): the
 * table does the same, so what was charged stands out.
 */
export function isBlank(amount: string): boolean {
  return toTiyn(amount) === 0n && !/[1-9]/.test(amount);
}
