import type { AppError } from '../../lib/errors';
import type { Meter } from './api/meters';

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

/**
 * What the server will refuse, said before sending (the server stays the judge: its codes are the
 * same, WINDOW_CLOSED, BELOW_LAST, ABOVE_PLAUSIBLE, INVALID_VALUE, with the same params).
 */
export function readingError(raw: string, meter: Pick<Meter, 'lastReading' | 'maxMonthly' | 'windowOpen' | 'windowFromDay' | 'windowToDay'>): AppError | null {
  const value = normalizeReading(raw);
  if (!value) return { code: 'REQUIRED', field: 'value' };
  if (!DECIMAL.test(value)) return { code: 'INVALID_VALUE', field: 'value' };
  if (!meter.windowOpen) return { code: 'WINDOW_CLOSED', field: 'value', params: { from: meter.windowFromDay, to: meter.windowToDay } };
  const last = meter.lastReading?.value;
  if (last !== undefined && DECIMAL.test(last)) {
    if (thousandths(value) < thousandths(last)) return { code: 'BELOW_LAST', field: 'value', params: { last } };
    if (DECIMAL.test(meter.maxMonthly) && thousandths(value) - thousandths(last) > thousandths(meter.maxMonthly)) {
      return { code: 'ABOVE_PLAUSIBLE', field: 'value', params: { max: fromThousandths(thousandths(last) + thousandths(meter.maxMonthly)) } };
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
