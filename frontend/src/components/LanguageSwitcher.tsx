import { useTranslation } from 'react-i18next';
import { LOCALES, type Locale } from '../lib/i18n/locales';
import { useLocaleSwitch } from '../lib/i18n/useLocaleSwitch';
import './LanguageSwitcher.css';

// Each language names itself, so a person finds theirs whatever the current language is.
const NAMES: Record<Locale, { short: string; full: string }> = {
  kk: { short: 'ҚАЗ', full: 'Қазақша' },
  ru: { short: 'РУС', full: 'Русский' },
  en: { short: 'ENG', full: 'English' },
};

export function LanguageSwitcher() {
  const { t } = useTranslation();
  const { locale, switchTo } = useLocaleSwitch();
  return (
    <div className="lang-switch" role="group" aria-label={t('header.language')}>
      {LOCALES.map((code) => (
        <button
          key={code}
          type="button"
          lang={code}
          className="lang-switch__btn"
          aria-pressed={code === locale}
          aria-label={NAMES[code].full}
          title={NAMES[code].full}
          onClick={() => void switchTo(code)}
        >
          {NAMES[code].short}
        </button>
      ))}
    </div>
  );
}
