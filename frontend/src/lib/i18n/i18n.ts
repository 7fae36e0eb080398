import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import kk from './kk.json';
import ru from './ru.json';
import cabinetEn from './domains/cabinet.en.json';
import cabinetKk from './domains/cabinet.kk.json';
import cabinetRu from './domains/cabinet.ru.json';
import cabinetServicesEn from './domains/cabinetServices.en.json';
import cabinetServicesKk from './domains/cabinetServices.kk.json';
import cabinetServicesRu from './domains/cabinetServices.ru.json';
import companyEn from './domains/company.en.json';
import companyKk from './domains/company.kk.json';
import companyRu from './domains/company.ru.json';
import { DEFAULT_LOCALE, type Locale, storedLocale, storeLocale } from './locales';

// The resident cabinet's domains keep their texts in files of their own (lib/i18n/domains), each
// under its own top-level key, so that the main files do not grow without end; their error texts
// (`errors.<CODE>`) join the main ones.
type Texts = Record<string, unknown> & { errors?: Record<string, string> };
function merged(main: Texts, ...domains: Texts[]): Texts {
  const errors = Object.assign({}, main.errors, ...domains.map((d) => d.errors ?? {}));
  return Object.assign({}, main, ...domains, { errors });
}

export const resources = {
  kk: { translation: merged(kk, cabinetKk, cabinetServicesKk, companyKk) },
  ru: { translation: merged(ru, cabinetRu, cabinetServicesRu, companyRu) },
  en: { translation: merged(en, cabinetEn, cabinetServicesEn, companyEn) },
} as const;

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
