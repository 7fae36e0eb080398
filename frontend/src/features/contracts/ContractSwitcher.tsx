import { useTranslation } from 'react-i18next';

/**
 * Seed 000: a holder with two or more contracts picks one by its number. Toggle buttons (one of
 * them pressed); the page keeps the choice in its URL.
 */
export function ContractSwitcher({
  contracts,
  selectedId,
  newIds,
  onSelect,
}: {
  contracts: readonly { id: string; number: string }[];
  selectedId: string | null;
  /** Contracts that arrived while the page was open, marked until opened. */
  newIds?: ReadonlySet<string>;
  onSelect: (id: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="contract-switcher" role="group" aria-label={t('contracts.switcher')}>
      {contracts.map((contract) => (
        <button key={contract.id} type="button" className="contract-switcher__btn" aria-pressed={contract.id === selectedId} onClick={() => onSelect(contract.id)}>
          <span className="contract-switcher__sign" aria-hidden="true">
            №
          </span>
          <span className="contract-switcher__number">{contract.number}</span>
          {newIds?.has(contract.id) && (
            <>
              {' '}
              <span className="contract-switcher__new">{t('contracts.newBadge')}</span>
            </>
          )}
        </button>
      ))}
    </div>
  );
}
