import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { LoadFailed } from '../../components/LoadFailed';
import { PageLoader } from '../../components/PageLoader';
import { CabinetReceiptDocument } from '../../gql/graphql';
import { fromCombinedError } from '../../lib/errors';
import { usePageTitle } from '../../lib/usePageTitle';
import { accountPath, useCabinet } from './cabinetContext';
import { ReceiptDocumentView } from './ReceiptDocumentView';
import { useReceiptPdf } from './useReceiptPdf';

/** One payment document (seed 004 «Платежный документ №5531»): the document itself, "Download" as PDF, and "Pay". */
export function ReceiptPage() {
  const { t } = useTranslation();
  const { receiptId = '' } = useParams();
  const { account } = useCabinet();
  const [{ data, error, fetching }, refetch] = useQuery({ query: CabinetReceiptDocument, variables: { id: receiptId }, requestPolicy: 'cache-and-network' });
  const pdf = useReceiptPdf();
  const receipt = data?.receipt && data.receipt.account.id === account.id ? data.receipt : null;
  usePageTitle(receipt ? t('cabinet.receipt.title', { number: receipt.number }) : t('cabinet.receipts.title'));

  return (
    <section aria-labelledby="cab-receipt-title">
      <p className="cab-back">
        <Link to={accountPath(account.id, 'receipts')}>← {t('cabinet.receipt.back')}</Link>
      </p>
      {error && !data && <LoadFailed error={fromCombinedError(error)} onRetry={() => refetch({ requestPolicy: 'network-only' })} />}
      {fetching && !data && <PageLoader />}
      {data && !receipt && (
        <Alert tone="warning">
          <p id="cab-receipt-title">{t('cabinet.receipt.missing')}</p>
        </Alert>
      )}
      {receipt && (
        <>
          <div className="cab-block__head">
            <h2 id="cab-receipt-title">{t('cabinet.receipt.title', { number: receipt.number })}</h2>
            <div className="cab-actions">
              <Button variant="secondary" busy={pdf.busyId === receipt.id} onClick={() => void pdf.download(receipt)}>
                {t('cabinet.receipt.downloadPdf')}
              </Button>
              {account.company.acquiringEnabled && (
                <Link className="btn btn--primary" to={`${accountPath(account.id, 'pay')}?receipt=${encodeURIComponent(receipt.id)}`}>
                  {t('cabinet.pay.action')}
                </Link>
              )}
            </div>
          </div>
          {pdf.error && <LoadFailed error={pdf.error} />}
          <ReceiptDocumentView receipt={receipt} />
        </>
      )}
    </section>
  );
}
