import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import kk from './kk.json';
import ru from './ru.json';
import { DEFAULT_LOCALE, type Locale, storedLocale, storeLocale } from './locales';

export const resources = { kk: { translation: kk }, ru: { translation: ru }, en: { translation: en } } as const;

export function initI18n(locale: Locale = storedLocale() ?? DEFAULT_LOCALE) {
  if (!i18next.isInitialized) {
    void i18next.use(initReactI18next).init({
      resources,
      lng: locale,
      fallbackLng: DEFAULT_LOCALE,
      interpolation: { escapeValue: false }, // React escapes already
      initAsync: false,
    });
  }
  setDocumentLanguage(locale);
  return i18next;
}

function setDocumentLanguage(locale: Locale) {
  // Unit tests of pure code (the EDS library) run without a DOM.
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
}

/** Switches the interface language and remembers it on this device. */
export async function changeLocale(locale: Locale): Promise<void> {
  storeLocale(locale);
  setDocumentLanguage(locale);
  await i18next.changeLanguage(locale);
}

export function currentLocale(): Locale {
  const lng = i18next.resolvedLanguage ?? i18next.language;
  return lng === 'ru' || lng === 'en' || lng === 'kk' ? lng : DEFAULT_LOCALE;
}
