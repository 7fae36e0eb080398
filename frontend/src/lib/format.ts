import { intlLocale } from './i18n/locales';

// Dates of the portal are Kazakhstan's (SPEC §7), whatever the device's zone.
const TIME_ZONE = 'Asia/Almaty';

// Browsers without Kazakh locale data (Debian's Chromium among them) print "2026 M11 22":
// Kazakh month names are spelled out here instead of trusting Intl for kk.
const KK_MONTHS = ['қаңтар', 'ақпан', 'наурыз', 'сәуір', 'мамыр', 'маусым', 'шілде', 'тамыз', 'қыркүйек', 'қазан', 'қараша', 'желтоқсан'];

function almatyParts(date: Date): { year: number; month: number; day: number; hour: string; minute: string } {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: TIME_ZONE,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return { year: Number(get('year')), month: Number(get('month')), day: Number(get('day')), hour: get('hour'), minute: get('minute') };
}

export function formatDateTime(iso: string, locale: string): string {
  const date = new Date(iso);
  if (locale === 'kk') {
    const p = almatyParts(date);
    return `${p.year} ж. ${p.day} ${KK_MONTHS[p.month - 1]}, ${p.hour}:${p.minute}`;
  }
  return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'medium', timeStyle: 'short', timeZone: TIME_ZONE }).format(date);
}

export function formatDate(iso: string, locale: string): string {
  const date = new Date(iso);
  if (locale === 'kk') {
    const p = almatyParts(date);
    return `${p.year} ж. ${p.day} ${KK_MONTHS[p.month - 1]}`;
  }
  return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'long', timeZone: TIME_ZONE }).format(date);
}

/** "+7 701 123 45 67" for display; the API keeps E.164. */
export function formatPhone(e164: string | null | undefined): string {
  if (!e164) return '';
  const match = /^\+7(\d{3})(\d{3})(\d{2})(\d{2})$/.exec(e164);
  return match ? `+7 ${match[1]} ${match[2]} ${match[3]} ${match[4]}` : e164;
}

/** Today in Almaty as YYYY-MM-DD, the upper bound of a contract date. */
export function todayIso(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

const BYTE_UNITS: Record<string, readonly string[]> = {
  kk: ['Б', 'КБ', 'МБ', 'ГБ'],
  ru: ['Б', 'КБ', 'МБ', 'ГБ'],
  en: ['B', 'KB', 'MB', 'GB'],
};

/**
 * "41,3 КБ", "700 MB": binary multiples, so the 700 MiB upload limit reads as 700. Kazakh numbers
 * are written as in Russian (space groups, decimal comma), which Intl has data for everywhere.
 */
export function formatBytes(bytes: number, locale: string): string {
  const units = BYTE_UNITS[locale] ?? BYTE_UNITS.en;
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  const number = new Intl.NumberFormat(locale === 'kk' ? 'ru-KZ' : intlLocale(locale), { maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(value);
  return `${number} ${units[unit]}`;
}
