import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button } from '../../components/Button';
import { LoadFailed } from '../../components/LoadFailed';
import { PageLoader } from '../../components/PageLoader';
import { CabinetReceiptsDocument } from '../../gql/graphql';
import { usePageTitle } from '../../lib/usePageTitle';
import { accountPath, useCabinet } from './cabinetContext';
import { debtState, formatMoney, formatPeriod } from './money';
import { usePages } from './usePages';
import { useReceiptPdf } from './useReceiptPdf';

const PAGE = 12;

/** "Payment documents" (seed 004): number, period, amount; view or download each; the debt above them. */
export function ReceiptsPage() {
  const { t, i18n } = useTranslation();
  const { account, debt, lastMoney } = useCabinet();
  usePageTitle(t('cabinet.receipts.title'));
  // A year at a time; "Show more" appends the next year.
  const pages = usePages(CabinetReceiptsDocument, { accountId: account.id }, (d) => d.accountReceipts, PAGE);
  const { reload } = pages;
  const pdf = useReceiptPdf();
  useEffect(() => {
    if (lastMoney?.receiptId) reload();
  }, [lastMoney, reload]);

  const receipts = pages.items ?? [];
  const state = debtState(debt);
  return (
    <section aria-labelledby="cab-receipts-title">
      <div className="cab-block__head">
        <h2 id="cab-receipts-title">{t('cabinet.receipts.title')}</h2>
        <p className="cab-block__debt">
          {t('cabinet.header.debt')}: <strong>{state.kind === 'debt' ? formatMoney(state.amount, i18n.language) : t('cabinet.header.debtNone')}</strong>
          {account.company.acquiringEnabled && state.kind === 'debt' && (
            <Link className="btn btn--primary btn--small" to={accountPath(account.id, 'pay')}>
              {t('cabinet.pay.action')}
            </Link>
          )}
        </p>
      </div>
      {pages.error && <LoadFailed error={pages.error} onRetry={reload} />}
      {pages.items === null && !pages.error && <PageLoader />}
      {pdf.error && <LoadFailed error={pdf.error} />}
      {pages.items?.length === 0 && <p className="empty-state">{t('cabinet.receipts.empty')}</p>}
      {receipts.length > 0 && (
        <div className="cab-table-wrap">
          <table className="cab-table">
            <caption className="visually-hidden">{t('cabinet.receipts.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('cabinet.receipts.number')}</th>
                <th scope="col">{t('cabinet.receipts.period')}</th>
                <th scope="col" className="cab-num">
                  {t('cabinet.receipts.amount')}
                </th>
                <th scope="col">
                  <span className="visually-hidden">{t('cabinet.accounts.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {receipts.map((r) => (
                <tr key={r.id} data-receipt={r.number}>
                  <td data-label={t('cabinet.receipts.number')} className="mono">
                    {r.number}
                  </td>
                  <td data-label={t('cabinet.receipts.period')}>{formatPeriod(r.period, i18n.language)}</td>
                  <td data-label={t('cabinet.receipts.amount')} className="cab-num mono">
                    {formatMoney(r.totalToPay, i18n.language)}
                  </td>
                  <td data-label={t('cabinet.accounts.actions')}>
                    <div className="cab-table__actions">
                      <Link className="btn btn--secondary btn--small" to={accountPath(account.id, `receipts/${r.id}`)} aria-label={t('cabinet.receipts.viewNumber', { number: r.number, period: formatPeriod(r.period, i18n.language) })}>
                        {t('cabinet.receipts.view')}
                      </Link>
                      <Button variant="ghost" className="btn--small" busy={pdf.busyId === r.id} onClick={() => void pdf.download(r)} aria-label={t('cabinet.receipts.downloadNumber', { number: r.number, period: formatPeriod(r.period, i18n.language) })}>
                        {t('cabinet.receipts.download')}
                      </Button>
                    </div>
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
    </section>
  );
}
