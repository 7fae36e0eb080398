import { intlLocale } from '../../lib/i18n/locales';

// Money comes from the API as exact decimal strings ("3680.39"): it is formatted from the string
// (Intl takes decimal strings as they are) and compared in tiyn as BigInt, never as a float.

/**
 * Intl locale for numbers: Kazakh numbers are written as Russian ones (space groups, decimal
 * comma), and Debian's Chromium has no Kazakh data of its own.
 */
function numberLocale(locale: string): string {
  return locale === 'kk' ? 'ru-KZ' : intlLocale(locale);
}

/** "47 048,00 ₸" (kk, ru) or "₸47,048.00" (en): tenge with exactly two decimals. */
export function formatMoney(amount: string, locale: string): string {
  const format = new Intl.NumberFormat(numberLocale(locale), {
    style: 'currency',
    currency: 'KZT',
    currencyDisplay: 'narrowSymbol',
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
  return format.format(normalizeDecimal(amount) as Intl.StringNumericLiteral);
}

/** A decimal for display without a currency: volumes (up to 6 decimals, none trailing: "9,944482", "61") and tariffs (at least 2: "30,10"). */
export function formatQuantity(value: string, locale: string, minimumFractionDigits = 0): string {
  const format = new Intl.NumberFormat(numberLocale(locale), { minimumFractionDigits, maximumFractionDigits: 6 });
  return format.format(normalizeDecimal(value) as Intl.StringNumericLiteral);
}

function normalizeDecimal(value: string): string {
  const trimmed = value.trim();
  return /^-?\d+(\.\d+)?$/.test(trimmed) ? trimmed : '0';
}

/** The amount in tiyn (hundredths of a tenge), exactly; digits past the second are cut off. */
export function toTiyn(amount: string): bigint {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(amount.trim());
  if (!match) return 0n;
  const tiyn = BigInt(match[2]) * 100n + BigInt((match[3] ?? '').padEnd(2, '0').slice(0, 2));
  return match[1] === '-' ? -tiyn : tiyn;
}

/** "47048.00" from 4704800n: what the API takes as a Decimal. */
export function fromTiyn(tiyn: bigint): string {
  const sign = tiyn < 0n ? '-' : '';
  const abs = tiyn < 0n ? -tiyn : tiyn;
  return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}

/** What the header says of an account's debt: nothing owed, an amount owed, or an advance paid. */
export type DebtState = { kind: 'none' } | { kind: 'debt'; amount: string } | { kind: 'advance'; amount: string };

export function debtState(debt: string): DebtState {
  const tiyn = toTiyn(debt);
  if (tiyn > 0n) return { kind: 'debt', amount: fromTiyn(tiyn) };
  if (tiyn < 0n) return { kind: 'advance', amount: fromTiyn(-tiyn) };
  return { kind: 'none' };
}

// Browsers without Kazakh locale data print "2026 M3": Kazakh month names are spelled out here.
const KK_MONTHS = ['қаңтар', 'ақпан', 'наурыз', 'сәуір', 'мамыр', 'маусым', 'шілде', 'тамыз', 'қыркүйек', 'қазан', 'қараша', 'желтоқсан'];

/**
 * A receipt's period (the API's Date of the month's first day, "2026-03-01") as the month and year:
 * "2026 ж. наурыз" (the portal writes Kazakh dates year first), "март 2026" (seed 004), "March 2026".
 */
export function formatPeriod(period: string, locale: string): string {
  const match = /^(\d{4})-(\d{2})/.exec(period);
  if (!match) return period;
  const year = Number(match[1]);
  const month = Number(match[2]);
  if (locale === 'kk') return `${year} ж. ${KK_MONTHS[month - 1]}`;
  const date = new Date(Date.UTC(year, month - 1, 1));
  if (locale === 'ru') {
    // The standalone (nominative) month, without the "г." that Intl adds to month + year.
    return `${new Intl.DateTimeFormat('ru-KZ', { month: 'long', timeZone: 'UTC' }).format(date)} ${year}`;
  }
  return new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}

/** The largest payment at a time (payments' AMOUNT_TOO_LARGE); anything above zero may be paid. */
export const MAX_PAYMENT_TIYN = 1_000_000_000n;

/**
 * What a person typed as an amount, as the API's Decimal ("47048.50"), or why it is not one:
 * spaces (also no-break ones) group digits, a comma or a dot separates tiyn, at most two of them.
 * In English a comma groups thousands ("47,048.50"); in Kazakh and Russian it is the decimal
 * comma, so "1,000" there is one tenge with three decimals — refused, never read as a thousand.
 * Partial and over-payments are fine, from one tiyn to 10 000 000 tenge.
 */
export function parseAmount(input: string, locale: string): { amount: string } | { code: 'REQUIRED' | 'INVALID_AMOUNT' | 'AMOUNT_TOO_LARGE' } {
  const compact = input.replace(/[\s\u00a0\u202f₸]/g, '');
  if (!compact) return { code: 'REQUIRED' };
  const englishGroups = locale === 'en' && /^\d{1,3}(,\d{3})+(\.\d+)?$/.test(compact);
  const plain = englishGroups ? compact.replace(/,/g, '') : compact.replace(',', '.');
  const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(plain);
  if (!match) return { code: 'INVALID_AMOUNT' };
  const tiyn = BigInt(match[1]) * 100n + BigInt((match[2] ?? '').padEnd(2, '0'));
  if (tiyn === 0n) return { code: 'INVALID_AMOUNT' };
  if (tiyn > MAX_PAYMENT_TIYN) return { code: 'AMOUNT_TOO_LARGE' };
  return { amount: fromTiyn(tiyn) };
}

/** The amount as the pay form shows it to start with: "47048.00" → "47 048,00" (kk, ru) or "47,048.00" (en). */
export function amountForInput(amount: string, locale: string): string {
  const tiyn = toTiyn(amount);
  if (tiyn <= 0n) return '';
  return new Intl.NumberFormat(numberLocale(locale), { minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: true })
    .format(fromTiyn(tiyn) as Intl.StringNumericLiteral)
    .replace(/[\u00a0\u202f]/g, ' ');
}
