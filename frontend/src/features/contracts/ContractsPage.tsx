import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useParams } from 'react-router';
import { useClient } from 'urql';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { LiveAnnouncement, useAnnouncement } from '../../components/LiveAnnouncement';
import { LoadFailed } from '../../components/LoadFailed';
import { PageLoader } from '../../components/PageLoader';
import { type ContractFieldsFragment, ContractByIdDocument, ContractUpdatedDocument, MyContractsDocument } from '../../gql/graphql';
import { useSession } from '../../lib/auth/SessionContext';
import { type AppError, fromCombinedError } from '../../lib/errors';
import { useSocket, useSocketStatus } from '../../lib/graphql/SocketContext';
import { usePageTitle } from '../../lib/usePageTitle';
import { contractPath, mergeContract, selectContract, sortContracts } from './contractList';
import { ContractSwitcher } from './ContractSwitcher';
import { ContractView } from './ContractView';
import './ContractsPage.css';

/** Document links live about five minutes; older than this, they are fetched again before use. */
const LINKS_FRESH_MS = 2 * 60 * 1000;

/**
 * "My contracts" (Менің шарттарым, seed 000): the holder's contracts, one at a time, chosen by
 * number; `/contracts/:contractId` keeps the choice. Subscribed to `contractUpdated`: a change
 * (or a new contract) shows up in place and is announced politely.
 */
export function ContractsPage() {
  const { t } = useTranslation();
  const { contractId } = useParams();
  const navigate = useNavigate();
  const client = useClient();
  const socket = useSocket();
  const socketStatus = useSocketStatus();
  const { viewer } = useSession();
  const [contracts, setContracts] = useState<ContractFieldsFragment[] | null>(null);
  const [loadError, setLoadError] = useState<AppError | null>(null);
  const [newIds, setNewIds] = useState<ReadonlySet<string>>(new Set());
  const [liveChanged, setLiveChanged] = useState<{ id: string; fields: ReadonlySet<string> } | null>(null);
  const [announcement, announce] = useAnnouncement();
  const fetchedAt = useRef(new Map<string, number>());
  const contractsRef = useRef(contracts);
  contractsRef.current = contracts;
  const tRef = useRef(t);
  tRef.current = t;

  const selection = selectContract(contracts, contractId);
  const shown = selection.kind === 'shown' ? selection.contract : null;
  usePageTitle(shown ? `${t('contracts.title')} · ${shown.number}` : t('contracts.title'));

  const load = useCallback(async () => {
    const result = await client.query(MyContractsDocument, {}, { requestPolicy: 'network-only' }).toPromise();
    if (result.error || !result.data) {
      setLoadError(result.error ? fromCombinedError(result.error) : { code: 'UNKNOWN' });
      return;
    }
    setLoadError(null);
    const now = Date.now();
    for (const c of result.data.myContracts) fetchedAt.current.set(c.id, now);
    setContracts(sortContracts(result.data.myContracts));
  }, [client]);

  const receive = useCallback((contract: ContractFieldsFragment) => {
    fetchedAt.current.set(contract.id, Date.now());
    setContracts((list) => mergeContract(list ?? [], contract).list);
  }, []);

  useEffect(() => {
    void load();
    // What changed while the socket was reconnecting was not pushed: read it all again.
    return socket?.onReconnected(() => void load());
  }, [load, socket]);

  useEffect(() => {
    const subscription = client.subscription(ContractUpdatedDocument, {}).subscribe((result) => {
      const contract = result.data?.contractUpdated;
      if (!contract) return;
      const known = contractsRef.current?.some((c) => c.id === contract.id) ?? false;
      receive(contract);
      const tr = tRef.current;
      if (!known) {
        setNewIds((ids) => new Set(ids).add(contract.id));
        announce(tr('contracts.live.added', { number: contract.number }));
        return;
      }
      const last = contract.history[contract.history.length - 1];
      setLiveChanged({ id: contract.id, fields: new Set(last?.changes.map((c) => c.field) ?? []) });
      announce(tr('contracts.live.updated', { number: contract.number }));
    });
    return () => subscription.unsubscribe();
  }, [client, receive, announce]);

  const refetchContract = useCallback(
    async (id: string) => {
      const result = await client.query(ContractByIdDocument, { id }, { requestPolicy: 'network-only' }).toPromise();
      const contract = result.data?.contract ?? null;
      if (contract) receive(contract);
      return contract;
    },
    [client, receive],
  );

  const select = (id: string) => {
    if (id === contractId) return;
    setNewIds((ids) => {
      const next = new Set(ids);
      next.delete(id);
      return next;
    });
    // A switch, not a new page: the pressed button keeps the focus.
    navigate(contractPath(id), { state: { keepFocus: true } });
  };

  if (selection.kind === 'redirect') return <Navigate to={contractPath(selection.to)} replace state={{ keepFocus: true }} />;

  const list = contracts ?? [];
  return (
    <div className="page contracts-page">
      <div className="page__head">
        <div>
          <h1 tabIndex={-1}>{t('contracts.title')}</h1>
          <p className="page__lead contracts-page__lead">
            {contracts && <span>{t('contracts.count', { n: list.length })}</span>}
            <span className={`contracts-live contracts-live--${socketStatus === 'connected' ? 'on' : 'off'}`}>
              {socketStatus === 'connected' ? t('contracts.liveOn') : t('contracts.liveOff')}
            </span>
          </p>
        </div>
      </div>

      {loadError && <LoadFailed error={loadError.code === 'NETWORK' ? loadError : { code: 'UNKNOWN' }} onRetry={() => void load()} />}

      {selection.kind === 'loading' && !loadError && <PageLoader />}

      {selection.kind === 'empty' && (
        <div className="empty-state contracts-empty">
          <p className="contracts-empty__title">{t('contracts.empty.title')}</p>
          <p>{t('contracts.empty.text')}</p>
        </div>
      )}

      {list.length >= 2 && <ContractSwitcher contracts={list} selectedId={shown?.id ?? null} newIds={newIds} onSelect={select} />}

      {selection.kind === 'missing' && (
        <Alert tone="warning">
          <p>{t('contracts.missing')}</p>
          {list.length === 1 && (
            <p>
              <Button variant="link" onClick={() => select(list[0].id)}>
                {t('contracts.openOnly', { number: list[0].number })}
              </Button>
            </p>
          )}
        </Alert>
      )}

      {shown && viewer && (
        <ContractView
          key={shown.id}
          contract={shown}
          viewerName={viewer.fullName}
          viewerId={viewer.id}
          liveChanged={liveChanged?.id === shown.id ? liveChanged.fields : EMPTY}
          onContractChange={receive}
          refetchContract={() => refetchContract(shown.id)}
          linksFresh={() => Date.now() - (fetchedAt.current.get(shown.id) ?? 0) < LINKS_FRESH_MS}
        />
      )}

      <LiveAnnouncement announcement={announcement} />
    </div>
  );
}

const EMPTY: ReadonlySet<string> = new Set();
