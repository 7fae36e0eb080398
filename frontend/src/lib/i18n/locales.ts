import type { Locale as ApiLocale } from '../../gql/graphql';

export const LOCALES = ['kk', 'ru', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'kk';

const STORAGE_KEY = 'shanyraq.locale';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The language chosen on this device, or null when the person never picked one. */
export function storedLocale(): Locale | null {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return isLocale(value) ? value : null;
  } catch {
    return null; // storage can be disabled (private mode, policies)
  }
}

export function storeLocale(locale: Locale): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Not persisting is acceptable; the switch still applies to this page.
  }
}

export function toApiLocale(locale: Locale): ApiLocale {
  return locale.toUpperCase() as ApiLocale;
}

export function fromApiLocale(locale: ApiLocale): Locale {
  const lower = locale.toLowerCase();
  return isLocale(lower) ? lower : DEFAULT_LOCALE;
}

/** BCP 47 tags for Intl: Kazakh and Russian as used in Kazakhstan. */
export function intlLocale(locale: string): string {
  switch (locale) {
    case 'kk':
      return 'kk-KZ';
    case 'ru':
      return 'ru-KZ';
    default:
      return 'en-GB';
  }
}
