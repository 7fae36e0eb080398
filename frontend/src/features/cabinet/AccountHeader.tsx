import { useTranslation } from 'react-i18next';
import { formatPhone } from '../../lib/format';
import type { CabinetAccountFieldsFragment } from '../../gql/graphql';
import { AddressMenu } from './AddressMenu';
import { debtState, formatMoney } from './money';

/**
 * Seed 004's header card: «Лицевой счет №10117», the owner, the phone ("not given" when the
 * company has none), the address (a button: switch or add accounts), living and registered, and
 * the debt — "none", the amount, or an advance.
 */
export function AccountHeader({ account, debt }: { account: CabinetAccountFieldsFragment; debt: string }) {
  const { t, i18n } = useTranslation();
  const state = debtState(debt);
  return (
    <section className="card cab-header" aria-labelledby="cab-header-title">
      <div className="cab-header__main">
        <h1 className="cab-header__title" id="cab-header-title" tabIndex={-1}>
          {t('cabinet.header.title', { number: account.number })}
        </h1>
        <p className="cab-header__owner">{account.ownerName}</p>
        <p className="cab-header__line">
          {t('cabinet.header.phone')}: {account.phone ? formatPhone(account.phone) : t('cabinet.header.phoneNone')}
        </p>
        <AddressMenu account={account} />
        <p className="cab-header__line">{t('cabinet.header.people', { living: account.living, registered: account.registered })}</p>
      </div>
      <div className={`cab-header__debt cab-header__debt--${state.kind}`} data-testid="cabinet-debt" aria-live="off">
        <p className="cab-header__debt-label">{t('cabinet.header.debt')}</p>
        <p className="cab-header__debt-value">
          {state.kind === 'none' && t('cabinet.header.debtNone')}
          {state.kind === 'debt' && formatMoney(state.amount, i18n.language)}
          {state.kind === 'advance' && t('cabinet.header.advance', { amount: formatMoney(state.amount, i18n.language) })}
        </p>
      </div>
    </section>
  );
}
