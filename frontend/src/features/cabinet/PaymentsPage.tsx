import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Button } from '../../components/Button';
import { LoadFailed } from '../../components/LoadFailed';
import { PageLoader } from '../../components/PageLoader';
import { CabinetPaymentsDocument } from '../../gql/graphql';
import { formatDate } from '../../lib/format';
import { usePageTitle } from '../../lib/usePageTitle';
import { useCabinet } from './cabinetContext';
import { formatMoney } from './money';
import { OrderOutcome } from './OrderOutcome';
import { usePages } from './usePages';

const PAGE = 20;

/** "Payments" (seed 004): number, date, amount, newest first; the outcome of a payment just made above them. */
export function PaymentsPage() {
  const { t, i18n } = useTranslation();
  const { account, debt, lastMoney } = useCabinet();
  const [params] = useSearchParams();
  const orderId = params.get('order');
  usePageTitle(t('cabinet.payments.title'));
  const pages = usePages(CabinetPaymentsDocument, { accountId: account.id }, (d) => d.accountPayments, PAGE);
  const { reload } = pages;
  // A settled payment appears in the list at once.
  useEffect(() => {
    if (lastMoney?.orderStatus === 'SUCCEEDED') reload();
  }, [lastMoney, reload]);

  const payments = pages.items ?? [];
  return (
    <section aria-labelledby="cab-payments-title">
      <div className="cab-block__head">
        <h2 id="cab-payments-title">{t('cabinet.payments.title')}</h2>
      </div>
      {orderId && <OrderOutcome orderId={orderId} accountId={account.id} debt={debt} lastMoney={lastMoney} />}
      {pages.error && <LoadFailed error={pages.error} onRetry={reload} />}
      {pages.items === null && !pages.error && <PageLoader />}
      {pages.items?.length === 0 && <p className="empty-state">{t('cabinet.payments.empty')}</p>}
      {payments.length > 0 && (
        <div className="cab-table-wrap">
          <table className="cab-table">
            <caption className="visually-hidden">{t('cabinet.payments.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('cabinet.payments.number')}</th>
                <th scope="col">{t('cabinet.payments.date')}</th>
                <th scope="col" className="cab-num">
                  {t('cabinet.payments.amount')}
                </th>
              </tr>
            </thead>
            <tbody>
              {payments.map((p) => (
                <tr key={p.id} data-payment={p.number}>
                  <td data-label={t('cabinet.payments.number')} className="mono">
                    {p.number}
                  </td>
                  <td data-label={t('cabinet.payments.date')}>
                    {formatDate(p.paidAt, i18n.language)}
                    {p.source === 'ONLINE' && <span className="cab-sub">{t('cabinet.payments.online')}</span>}
                  </td>
                  <td data-label={t('cabinet.payments.amount')} className="cab-num mono">
                    {formatMoney(p.amount, i18n.language)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pages.hasMore && (
        <p className="cab-more">
          <Button variant="secondary" busy={pages.busy} onClick={pages.more}>
            {t('cabinet.more')}
          </Button>
        </p>
      )}
      {pages.items !== null && pages.total > 0 && <p className="muted small">{t('cabinet.payments.count', { shown: payments.length, total: pages.total })}</p>}
    </section>
  );
}
