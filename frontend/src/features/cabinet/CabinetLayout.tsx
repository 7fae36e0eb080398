import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useParams } from 'react-router';
import { useClient, useQuery } from 'urql';
import { LiveAnnouncement, useAnnouncement } from '../../components/LiveAnnouncement';
import { LoadFailed } from '../../components/LoadFailed';
import { PageLoader } from '../../components/PageLoader';
import { CabinetAccountDocument, CabinetAccountMoneyDocument } from '../../gql/graphql';
import { fromCombinedError } from '../../lib/errors';
import { useSocket } from '../../lib/graphql/SocketContext';
import { AccountHeader } from './AccountHeader';
import { BlockNav } from './BlockNav';
import type { CabinetContext, MoneyEvent } from './cabinetContext';
import { debtState, formatMoney } from './money';
import './cabinet.css';

/**
 * The cabinet of one account (seed 004): the header card with the account and its debt, the
 * blocks' navigation, and the block's page below. The debt follows accountMoneyUpdated, so a
 * payment or a new receipt changes it while the page is open; pages see the same events.
 */
export function CabinetLayout() {
  const { t, i18n } = useTranslation();
  const { accountId = '' } = useParams();
  const client = useClient();
  const socket = useSocket();
  const [{ data, error, fetching }, refetch] = useQuery({ query: CabinetAccountDocument, variables: { id: accountId }, requestPolicy: 'cache-and-network' });
  const [lastMoney, setLastMoney] = useState<MoneyEvent | null>(null);
  const [announcement, announce] = useAnnouncement();
  const reload = useCallback(() => refetch({ requestPolicy: 'network-only' }), [refetch]);
  const tRef = useRef({ t, locale: i18n.language });
  tRef.current = { t, locale: i18n.language };

  useEffect(() => {
    setLastMoney(null);
    const subscription = client.subscription(CabinetAccountMoneyDocument, { accountId }).subscribe((result) => {
      const event = result.data?.accountMoneyUpdated;
      if (!event || event.accountId !== accountId) return;
      setLastMoney((last) => ({ debt: event.debt, orderId: event.orderId ?? null, orderStatus: event.orderStatus ?? null, receiptId: event.receiptId ?? null, n: (last?.n ?? 0) + 1 }));
      const { t: tr, locale } = tRef.current;
      const state = debtState(event.debt);
      announce(state.kind === 'debt' ? tr('cabinet.header.debtNow', { amount: formatMoney(state.amount, locale) }) : tr('cabinet.header.debtGone'));
    });
    return () => subscription.unsubscribe();
  }, [client, accountId, announce]);
  // Events missed while the socket was down: read the account again.
  useEffect(() => socket?.onReconnected(reload), [socket, reload]);

  const account = data?.personalAccount ?? null;
  // The live debt wins over the loaded one until the account is read again.
  const debt = lastMoney?.debt ?? account?.debt ?? '0';
  const context = useMemo<CabinetContext | null>(() => (account ? { account, debt, lastMoney } : null), [account, debt, lastMoney]);

  if (error && !data) {
    return (
      <div className="page cab-page">
        <LoadFailed error={fromCombinedError(error)} onRetry={reload} />
      </div>
    );
  }
  if (fetching && !data) return <PageLoader />;
  if (!context) {
    return (
      <div className="page cab-page">
        <h1 tabIndex={-1}>{t('cabinet.missing.title')}</h1>
        <p className="page__lead">{t('cabinet.missing.text')}</p>
        <p>
          <Link className="btn btn--primary" to="/cabinet">
            {t('cabinet.header.manage')}
          </Link>
        </p>
      </div>
    );
  }
  return (
    <div className="page cab-page">
      <AccountHeader account={context.account} debt={context.debt} />
      <BlockNav accountId={context.account.id} />
      <div className="cab-block">
        <Outlet context={context} />
      </div>
      <LiveAnnouncement announcement={announcement} />
    </div>
  );
}
