import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { Card } from '../../components/Card';
import { RefreshIcon } from '../../components/icons';
import { useCountdown } from '../../components/useCountdown';
import { type ContractFieldsFragment, ContractRefreshDocument } from '../../gql/graphql';
import { type AppError, errorMessage, formatDuration, fromCombinedError } from '../../lib/errors';
import { formatDate, formatDateTime, formatPhone } from '../../lib/format';
import { ChangeList } from './ChangeList';
import { describeChanges, type RefreshOutcome, refreshOutcome } from './changes';
import { DocumentsCard } from './DocumentsCard';
import { ExternalLink, type Fact, Facts } from './Facts';
import { HistoryCard } from './HistoryCard';

export interface ContractViewProps {
  contract: ContractFieldsFragment;
  viewerName: string | null;
  viewerId: string;
  /** Fields a live update just changed, to mark them. */
  liveChanged: ReadonlySet<string>;
  onContractChange: (contract: ContractFieldsFragment) => void;
  /** Reads the contract again: new data and new document links (they expire in minutes). */
  refetchContract: () => Promise<ContractFieldsFragment | null>;
  linksFresh: () => boolean;
}

/** One contract: the seed's three sections, its documents with upload, and its history. */
export function ContractView({ contract, viewerName, viewerId, liveChanged, onContractChange, refetchContract, linksFresh }: ContractViewProps) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const [, refresh] = useMutation(ContractRefreshDocument);
  const [refreshing, setRefreshing] = useState(false);
  const [outcome, setOutcome] = useState<RefreshOutcome | null>(null);
  const [refreshError, setRefreshError] = useState<AppError | null>(null);
  const [retryAt, setRetryAt] = useState<string | null>(null);
  const waitLeft = useCountdown(retryAt);

  const runRefresh = async () => {
    setRefreshing(true);
    setOutcome(null);
    setRefreshError(null);
    const result = await refresh({ input: { contractId: contract.id } });
    setRefreshing(false);
    const payload = result.data?.contractRefresh;
    if (result.error || !payload) {
      setRefreshError(result.error ? fromCombinedError(result.error) : { code: 'UNKNOWN' });
      return;
    }
    const problem = payload.errors[0];
    if (problem) {
      const seconds = (problem.params as { retryAfterSeconds?: unknown } | null)?.retryAfterSeconds;
      if (problem.code === 'REFRESH_TOO_SOON' && typeof seconds === 'number') setRetryAt(new Date(Date.now() + seconds * 1000).toISOString());
      setRefreshError(problem);
      return;
    }
    if (!payload.contract) return;
    setRetryAt(null);
    onContractChange(payload.contract);
    setOutcome(refreshOutcome(payload.contract.history, payload.changedFields));
  };

  const changed = useMemo(() => {
    const fields = new Set(liveChanged);
    if (outcome?.kind === 'changed') for (const c of outcome.changes) fields.add(c.field);
    return fields;
  }, [liveChanged, outcome]);

  const { complex, premises, developer, authorizedCompany: uk, guarantee } = contract;
  const phone = (value: string | undefined) => (value ? <a href={`tel:${value.replace(/[^\d+]/g, '')}`}>{formatPhone(value)}</a> : '');
  const email = (value: string | undefined) => (value ? <a href={`mailto:${value}`}>{value}</a> : '');
  const guaranteeLabels = guarantee
    ? { number: t(`contracts.guarantee.${guarantee.kind}.number`), date: t(`contracts.guarantee.${guarantee.kind}.date`) }
    : { number: t('contracts.fields.guarantee.number'), date: t('contracts.fields.guarantee.date') };

  const dduFacts: Fact[] = [
    { field: 'number', label: t('contracts.fields.number'), value: <span className="mono">{contract.number}</span> },
    { field: 'signedOn', label: t('contracts.fields.signedOn'), value: formatDate(contract.signedOn, locale) },
  ];
  const complexFacts: Fact[] = [
    { field: 'complex.name', label: t('contracts.fields.complex.name'), value: complex?.name },
    { field: 'complex.address', label: t('contracts.fields.complex.address'), value: complex?.address },
    { field: 'premises.kind', label: t('contracts.fields.premises.kind'), value: premises ? t(`contracts.premisesKinds.${premises.kind}`) : '' },
    { field: 'premises.number', label: t('contracts.fields.premises.number'), value: premises?.number },
    { field: 'complex.commissioningDate', label: t('contracts.fields.complex.commissioningDate'), value: complex?.commissioningDate ? formatDate(complex.commissioningDate, locale) : '' },
    { field: 'complex.website', label: t('contracts.fields.complex.website'), value: complex?.website ? <ExternalLink href={complex.website} /> : '' },
  ];
  const developerFacts: Fact[] = [
    { field: 'developer.name', label: t('contracts.fields.developer.name'), value: developer?.name },
    { field: 'developer.phone', label: t('contracts.fields.developer.phone'), value: phone(developer?.phone) },
    { field: 'developer.email', label: t('contracts.fields.developer.email'), value: email(developer?.email) },
    { field: 'authorizedCompany.name', label: t('contracts.fields.authorizedCompany.name'), value: uk?.name },
    { field: 'authorizedCompany.phone', label: t('contracts.fields.authorizedCompany.phone'), value: phone(uk?.phone) },
    { field: 'authorizedCompany.email', label: t('contracts.fields.authorizedCompany.email'), value: email(uk?.email) },
    { field: 'guarantee.number', label: guaranteeLabels.number, value: guarantee?.number ? <span className="mono">{guarantee.number}</span> : '' },
    { field: 'guarantee.date', label: guaranteeLabels.date, value: guarantee?.date ? formatDate(guarantee.date, locale) : '' },
  ];

  return (
    <div className="contract">
      <div className="contract__toolbar">
        <p className="contract__synced">
          {contract.refreshedAt ? t('contracts.refresh.lastRefreshed', { when: formatDateTime(contract.refreshedAt, locale) }) : t('contracts.refresh.neverRefreshed')}
        </p>
        <Button variant="secondary" onClick={() => void runRefresh()} busy={refreshing} disabled={waitLeft > 0} aria-describedby={waitLeft > 0 ? 'refresh-wait' : undefined}>
          {!refreshing && <RefreshIcon className="btn__icon" />}
          {refreshing ? t('contracts.refresh.busy') : t('contracts.refresh.button')}
        </Button>
      </div>

      <RefreshResult outcome={outcome} error={refreshError} waitLeft={waitLeft} locale={locale} />

      <div className="contract__grid">
        <Card id="contract-ddu" title={t('contracts.sections.ddu')} className="contract__ddu">
          <Facts facts={dduFacts} changed={changed} />
        </Card>
        <Card id="contract-complex" title={t('contracts.sections.complex')} className="contract__complex">
          <Facts facts={complexFacts} changed={changed} />
        </Card>
        <Card id="contract-developer" title={t('contracts.sections.developer')} className="contract__wide">
          <Facts facts={developerFacts} changed={changed} />
        </Card>
        <DocumentsCard contract={contract} viewerName={viewerName} viewerId={viewerId} refetchContract={refetchContract} linksFresh={linksFresh} />
        <HistoryCard history={contract.history} />
      </div>
    </div>
  );
}

function RefreshResult({ outcome, error, waitLeft, locale }: { outcome: RefreshOutcome | null; error: AppError | null; waitLeft: number; locale: string }) {
  const { t } = useTranslation();
  if (error?.code === 'REFRESH_TOO_SOON') {
    return (
      <Alert tone="warning" className="contract__result">
        <p>{t('contracts.refresh.tooSoon')}</p>
        {waitLeft > 0 ? (
          <p id="refresh-wait" aria-live="off">
            {t('contracts.refresh.waitFor', { time: formatDuration(t, waitLeft) })}
          </p>
        ) : (
          <p>{t('contracts.refresh.canRetry')}</p>
        )}
      </Alert>
    );
  }
  if (error) {
    return (
      <Alert tone="error" className="contract__result">
        <p>{errorMessage(t, error)}</p>
      </Alert>
    );
  }
  if (!outcome) return null;
  if (outcome.kind === 'unchanged') {
    return (
      <Alert tone="info" className="contract__result">
        <p>{t('contracts.refresh.unchanged')}</p>
      </Alert>
    );
  }
  return (
    <Alert tone="success" className="contract__result" title={t('contracts.refresh.changed', { n: outcome.changes.length })}>
      <ChangeList entries={describeChanges(t, locale, outcome.changes)} />
    </Alert>
  );
}
