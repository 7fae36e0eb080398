import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { Alert } from '../../components/Alert';
import { PageLoader } from '../../components/PageLoader';
import { CabinetPaymentOrderDocument } from '../../gql/graphql';
import { errorMessage, fromCombinedError } from '../../lib/errors';
import { accountPath, type MoneyEvent } from './cabinetContext';
import { debtState, formatMoney } from './money';

/**
 * How a payment went, when the acquirer sends the resident back (`?order=<id>`): received,
 * declined (with the bank's reason), or still waiting for the bank — then it changes by itself
 * when the webhook settles the order (the money event names the order).
 */
export function OrderOutcome({ orderId, accountId, debt, lastMoney }: { orderId: string; accountId: string; debt: string; lastMoney: MoneyEvent | null }) {
  const { t, i18n } = useTranslation();
  const [{ data, error, fetching }, refetch] = useQuery({ query: CabinetPaymentOrderDocument, variables: { id: orderId }, requestPolicy: 'network-only' });
  const order = data?.paymentOrder ?? null;
  const status = order?.status;

  useEffect(() => {
    if (lastMoney?.orderId === orderId) refetch({ requestPolicy: 'network-only' });
  }, [lastMoney, orderId, refetch]);

  // The webhook may land before or after the browser comes back; while the order waits, look
  // again now and then too, in case the live connection is down.
  useEffect(() => {
    if (status !== 'CREATED' && status !== 'AWAITING_3DS') return;
    const timer = window.setInterval(() => refetch({ requestPolicy: 'network-only' }), 5000);
    return () => window.clearInterval(timer);
  }, [status, refetch]);

  if (error && !data) return <Alert tone="error"><p>{errorMessage(t, fromCombinedError(error))}</p></Alert>;
  if (fetching && !data) return <PageLoader />;
  if (!order || order.accountId !== accountId) {
    return (
      <Alert tone="warning">
        <p>{t('cabinet.order.notFound')}</p>
      </Alert>
    );
  }
  const amount = formatMoney(order.amount, i18n.language);
  // The acquirer's page shows the order by the first 8 characters of its id: the same here, for the bank or the company.
  const number = <p className="small">{t('cabinet.order.number', { number: order.id.split('-')[0].toUpperCase() })}</p>;
  const debtNow = debtState(debt);
  const debtText = debtNow.kind === 'debt' ? t('cabinet.order.debtNow', { amount: formatMoney(debtNow.amount, i18n.language) }) : t('cabinet.order.debtNone');
  switch (order.status) {
    case 'SUCCEEDED':
      return (
        <Alert tone="success" title={t('cabinet.order.succeeded', { amount })} className="cab-outcome">
          <p>{debtText}</p>
          {number}
        </Alert>
      );
    case 'DECLINED':
      return (
        <Alert tone="error" title={t('cabinet.order.declined', { amount })} className="cab-outcome">
          {order.failureCode && <p>{errorMessage(t, { code: order.failureCode })}</p>}
          {number}
          <p>
            <Link to={accountPath(accountId, 'pay')}>{t('cabinet.order.tryAgain')}</Link>
          </p>
        </Alert>
      );
    case 'EXPIRED':
      return (
        <Alert tone="warning" title={t('cabinet.order.expired', { amount })} className="cab-outcome">
          <p>
            <Link to={accountPath(accountId, 'pay')}>{t('cabinet.order.tryAgain')}</Link>
          </p>
        </Alert>
      );
    default:
      return (
        <Alert tone="info" title={t('cabinet.order.waiting', { amount })} className="cab-outcome">
          <p>{t('cabinet.order.waitingText')}</p>
          {number}
        </Alert>
      );
  }
}
