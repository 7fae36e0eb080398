import type { TFunction } from 'i18next';
import { type AppError, errorMessage, isKnownCode } from '../../lib/errors';
import { formatDecimal } from './format';

/**
 * lib/errors' errorMessage passes only `time` and `max` to the text; the codes of meters and
 * meetings name more (the last reading, the window's days), so they are worded here.
 */
export function serviceErrorMessage(t: TFunction, error: AppError, locale: string): string {
  const params = (error.params && typeof error.params === 'object' ? error.params : {}) as Record<string, unknown>;
  if (!isKnownCode(error.code)) return errorMessage(t, error);
  const text = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');
  const number = (v: unknown) => (text(v) ? formatDecimal(text(v), locale) : '');
  return t(`errors.${error.code}`, {
    ...params,
    last: number(params.last),
    max: number(params.max),
    from: text(params.from),
    to: text(params.to),
    time: '',
  });
}
