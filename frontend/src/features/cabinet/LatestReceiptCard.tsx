import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { Button } from '../../components/Button';
import { Card } from '../../components/Card';
import { LoadFailed } from '../../components/LoadFailed';
import { PageLoader } from '../../components/PageLoader';
import { CabinetReceiptsDocument } from '../../gql/graphql';
import { fromCombinedError } from '../../lib/errors';
import { accountPath, useCabinet } from './cabinetContext';
import { formatMoney, formatPeriod } from './money';
import { useReceiptPdf } from './useReceiptPdf';

/** The overview's latest receipt: number, period, amount, with "View", "Download" and "Pay"; a new month's receipt replaces it live. */
export function LatestReceiptCard() {
  const { t, i18n } = useTranslation();
  const { account, lastMoney } = useCabinet();
  const canPay = account.company.acquiringEnabled;
  const [{ data, error, fetching }, refetch] = useQuery({ query: CabinetReceiptsDocument, variables: { accountId: account.id, first: 1 }, requestPolicy: 'cache-and-network' });
  const pdf = useReceiptPdf();
  useEffect(() => {
    if (lastMoney?.receiptId) refetch({ requestPolicy: 'network-only' });
  }, [lastMoney, refetch]);
  const latest = data?.accountReceipts.edges[0]?.node ?? null;

  return (
    <Card title={t('cabinet.overview.latestTitle')} className="cab-overview__receipt" id="cab-latest">
      {error && !data && <LoadFailed error={fromCombinedError(error)} onRetry={() => refetch({ requestPolicy: 'network-only' })} />}
      {fetching && !data && <PageLoader />}
      {data && !latest && <p className="muted">{t('cabinet.receipts.empty')}</p>}
      {latest && (
        <>
          <dl className="cab-facts">
            <div>
              <dt>{t('cabinet.receipts.numberLabel')}</dt>
              <dd className="mono">{latest.number}</dd>
            </div>
            <div>
              <dt>{t('cabinet.receipts.period')}</dt>
              <dd>{formatPeriod(latest.period, i18n.language)}</dd>
            </div>
            <div>
              <dt>{t('cabinet.receipts.amount')}</dt>
              <dd className="mono">{formatMoney(latest.totalToPay, i18n.language)}</dd>
            </div>
          </dl>
          {pdf.error && <LoadFailed error={pdf.error} />}
          <div className="cab-actions">
            {canPay && (
              <Link className="btn btn--primary" to={`${accountPath(account.id, 'pay')}?receipt=${encodeURIComponent(latest.id)}`}>
                {t('cabinet.pay.action')}
              </Link>
            )}
            <Link className="btn btn--secondary" to={accountPath(account.id, `receipts/${latest.id}`)}>
              {t('cabinet.receipts.view')}
            </Link>
            <Button variant="ghost" busy={pdf.busyId === latest.id} onClick={() => void pdf.download(latest)}>
              {t('cabinet.receipts.download')}
            </Button>
          </div>
        </>
      )}
    </Card>
  );
}
