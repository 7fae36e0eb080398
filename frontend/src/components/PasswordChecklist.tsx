import { useTranslation } from 'react-i18next';
import type { ChecklistItem } from '../lib/password/rules';
import { CheckIcon, CrossIcon, DotIcon } from './icons';
import './PasswordChecklist.css';

/** The rules of the password as a list that turns green item by item while typing. */
export function PasswordChecklist({ items, id }: { items: readonly ChecklistItem[]; id?: string }) {
  const { t } = useTranslation();
  return (
    <div className="pw-checklist" id={id}>
      <p className="pw-checklist__title">{t('password.rulesTitle')}</p>
      <ul>
        {items.map((item) => (
          <li key={item.code} className={`pw-checklist__item pw-checklist__item--${item.state}`}>
            {item.state === 'met' ? <CheckIcon /> : item.state === 'failed' ? <CrossIcon /> : <DotIcon />}
            <span>{t(`password.rules.${item.code}`, item.params)}</span>
            <span className="visually-hidden">{t(`password.state.${item.state}`)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
