import type { CabinetMeterFieldsFragment, CabinetMeterReadingFieldsFragment } from '../../gql/graphql';
import type { AppError } from '../../lib/errors';

const DECIMAL = /^\d{1,11}([.,]\d{1,3})?$/;

/** "123,4" or "123.4" → "123.4"; the API takes a decimal string (never a float). */
export function normalizeReading(raw: string): string {
  return raw.trim().replace(/\s+/g, '').replace(',', '.');
}

/** Compares two non-negative decimals of up to 3 fractional digits exactly (in thousandths, as BigInt). */
function thousandths(value: string): bigint {
  const [whole, fraction = ''] = value.split('.');
  return BigInt(whole || '0') * 1000n + BigInt((fraction + '000').slice(0, 3));
}

function fromThousandths(value: bigint): string {
  const whole = value / 1000n;
  const fraction = (value % 1000n).toString().padStart(3, '0').replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : `${whole}`;
}

function almatyMonth(date: Date): { year: number; month: number } {
  const [year, month] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Almaty', year: 'numeric', month: '2-digit' }).format(date).split('-').map(Number);
  return { year, month };
}

/** Calendar months in Almaty from `earlier` to `later` (November → December is 1), as the server counts them. */
export function monthsBetween(earlier: Date, later: Date): number {
  const a = almatyMonth(earlier);
  const b = almatyMonth(later);
  return (b.year - a.year) * 12 + (b.month - a.month);
}

type Checked = Pick<CabinetMeterFieldsFragment, 'lastReading' | 'readings' | 'maxMonthly' | 'windowOpen' | 'windowFromDay' | 'windowToDay'>;

/**
 * The reading the server compares with: the latest one of an earlier month (a second reading in
 * this month's window replaces the first, so this month's own reading is no bound).
 */
export function baselineReading(meter: Pick<CabinetMeterFieldsFragment, 'lastReading' | 'readings'>, now: Date): CabinetMeterReadingFieldsFragment | null {
  const all = meter.readings.length > 0 ? meter.readings : meter.lastReading ? [meter.lastReading] : [];
  return [...all].sort((a, b) => Date.parse(b.submittedAt) - Date.parse(a.submittedAt)).find((r) => monthsBetween(new Date(r.submittedAt), now) >= 1) ?? null;
}

/**
 * What the server will refuse, said before sending (the server stays the judge: its codes are the
 * same, WINDOW_CLOSED, BELOW_LAST, ABOVE_PLAUSIBLE, INVALID_VALUE, with the same params): never
 * below the last reading of an earlier month, never above it by more than maxMonthly a month since.
 */
export function readingError(raw: string, meter: Checked, now: Date = new Date()): AppError | null {
  const value = normalizeReading(raw);
  if (!value) return { code: 'REQUIRED', field: 'value' };
  if (!DECIMAL.test(value)) return { code: 'INVALID_VALUE', field: 'value' };
  if (!meter.windowOpen) return { code: 'WINDOW_CLOSED', field: 'value', params: { from: meter.windowFromDay, to: meter.windowToDay } };
  const base = baselineReading(meter, now);
  if (base && DECIMAL.test(base.value)) {
    if (thousandths(value) < thousandths(base.value)) return { code: 'BELOW_LAST', field: 'value', params: { last: base.value } };
    const months = BigInt(Math.max(1, monthsBetween(new Date(base.submittedAt), now)));
    if (DECIMAL.test(meter.maxMonthly)) {
      const ceiling = thousandths(base.value) + thousandths(meter.maxMonthly) * months;
      if (thousandths(value) > ceiling) return { code: 'ABOVE_PLAUSIBLE', field: 'value', params: { max: fromThousandths(ceiling) } };
    }
  }
  return null;
}

/** The consumption since the last reading, as a decimal string, or null when there is nothing to compare. */
export function consumption(raw: string, last: string | null | undefined): string | null {
  const value = normalizeReading(raw);
  if (!last || !DECIMAL.test(value) || !DECIMAL.test(last)) return null;
  const diff = thousandths(value) - thousandths(last);
  return diff >= 0n ? fromThousandths(diff) : null;
}
