import { useTranslation } from 'react-i18next';
import type { ApplicationContractFieldsFragment } from '../../gql/graphql';
import { formatDate } from '../../lib/format';

/** The contract an application amends, read-only (prefilled from KZhK's records). */
export function ContractSummary({ contract }: { contract: ApplicationContractFieldsFragment }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const facts: [string, string][] = [
    [t('applications.contract.number'), contract.number],
    [t('applications.contract.signedOn'), formatDate(contract.signedOn, locale)],
    [t('applications.contract.holder'), contract.holderName],
    [t('applications.contract.complex'), [contract.complex?.name, contract.complex?.address].filter(Boolean).join(', ')],
    [t('applications.contract.premises'), contract.premises ? `${t(`applications.premises.${contract.premises.kind}`)} № ${contract.premises.number}` : ''],
    [t('applications.contract.commissioning'), contract.complex?.commissioningDate ? formatDate(contract.complex.commissioningDate, locale) : ''],
    [t('applications.contract.developer'), contract.developer ? `${contract.developer.name} (${t('applications.bin')} ${contract.developer.bin})` : ''],
    [t('applications.contract.authorizedCompany'), contract.authorizedCompany ? `${contract.authorizedCompany.name} (${t('applications.bin')} ${contract.authorizedCompany.bin})` : ''],
    [t('applications.contract.guarantee'), contract.guarantee ? `${contract.guarantee.number}${contract.guarantee.date ? `, ${formatDate(contract.guarantee.date, locale)}` : ''}` : ''],
  ];
  return (
    <dl className="app-facts">
      {facts.map(([label, value]) => (
        <div key={label} className="app-facts__item">
          <dt>{label}</dt>
          <dd>{value || <span className="muted">—</span>}</dd>
        </div>
      ))}
    </dl>
  );
}
