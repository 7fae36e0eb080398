import type { TFunction } from 'i18next';
import type { ServiceRequestStatus } from '../../gql/graphql';
import { formatDate } from '../../lib/format';
import { intlLocale } from '../../lib/i18n/locales';

/** A date of the API ("2019-11-20") at noon in Almaty, so that no zone moves it to another day. */
function dateOnly(iso: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T12:00:00+05:00` : iso;
}

export function formatDay(iso: string, locale: string): string {
  return formatDate(dateOnly(iso), locale);
}

/** "20 ноября 2019 г. с 08:00 по 11:00" (seed 004 "Удобное время"); parts that are missing are left out. */
export function formatVisit(t: TFunction, locale: string, date: string | null, from: string | null, to: string | null): string {
  const day = date ? formatDay(date, locale) : '';
  const hours = from && to ? t('cabinetServices.visit.fromTo', { from, to }) : from ? t('cabinetServices.visit.from', { from }) : to ? t('cabinetServices.visit.to', { to }) : '';
  return [day, hours].filter(Boolean).join(' ') || t('cabinetServices.visit.any');
}

/** The filter tabs of the requests list, in the order a request goes through them. */
export const REQUEST_STATUSES: readonly ServiceRequestStatus[] = ['NEW', 'IN_WORK', 'CLOSED', 'CANCELLED'];

export function statusTone(status: ServiceRequestStatus): 'progress' | 'success' | 'neutral' | 'danger' {
  if (status === 'NEW') return 'neutral';
  if (status === 'IN_WORK') return 'progress';
  if (status === 'CLOSED') return 'success';
  return 'danger';
}

/** A decimal of the API ("123.450") in the reader's digits ("123,45"), never through float arithmetic for display of more than 15 digits. */
export function formatDecimal(value: string, locale: string, maxFraction = 3, minFraction = 0): string {
  const number = Number(value);
  if (!Number.isFinite(number)) return value;
  return new Intl.NumberFormat(locale === 'kk' ? 'ru-KZ' : intlLocale(locale), { minimumFractionDigits: minFraction, maximumFractionDigits: maxFraction }).format(number);
}

/** An area in m², always with its two decimals ("183,80"), as the registers write it. */
export function formatArea(value: string, locale: string): string {
  return formatDecimal(value, locale, 2, 2);
}

/** A share 0..1 of the API ("0.5312") as "53,12 %". */
export function formatShare(value: string, locale: string): string {
  const number = Number(value);
  if (!Number.isFinite(number)) return value;
  return new Intl.NumberFormat(locale === 'kk' ? 'ru-KZ' : intlLocale(locale), { style: 'percent', maximumFractionDigits: 2 }).format(number);
}

/** "20.11.2026" in Almaty: for narrow tables (a meter's history), the same in every language. */
export function formatShortDate(iso: string): string {
  return new Intl.DateTimeFormat('ru-RU', { timeZone: 'Asia/Almaty', day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date(iso));
}
