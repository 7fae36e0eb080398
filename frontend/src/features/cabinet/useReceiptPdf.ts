import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from 'urql';
import { CabinetReceiptPdfDocument } from '../../gql/graphql';
import { type AppError, fromCombinedError } from '../../lib/errors';
import { toApiLocale, isLocale } from '../../lib/i18n/locales';

/**
 * Downloads a receipt's PDF in the interface language (Kazakh or Russian; English readers get the
 * Russian one, as the API does). Its link is personal and lives minutes, so it is asked for at
 * the click, never kept from the page's load.
 */
export function useReceiptPdf(): { download: (receipt: { id: string }) => Promise<void>; busyId: string | null; error: AppError | null } {
  const client = useClient();
  const { i18n } = useTranslation();
  const [busyId, setBusyId] = useState<string | null>(null);
  const [error, setError] = useState<AppError | null>(null);

  const download = async (receipt: { id: string }) => {
    setBusyId(receipt.id);
    setError(null);
    const locale = isLocale(i18n.language) && i18n.language === 'kk' ? 'kk' : 'ru';
    const result = await client.query(CabinetReceiptPdfDocument, { id: receipt.id, locale: toApiLocale(locale) }, { requestPolicy: 'network-only' }).toPromise();
    setBusyId(null);
    const url = result.data?.receipt?.pdfUrl;
    if (result.error || !url) {
      setError(result.error ? fromCombinedError(result.error) : { code: 'NOT_FOUND' });
      return;
    }
    // Same origin: the download attribute saves the file instead of leaving the cabinet; its name
    // is the server's ("Төлем құжаты №53 2026-11.pdf"), in the document's language.
    const link = document.createElement('a');
    link.href = url;
    link.download = '';
    document.body.append(link);
    link.click();
    link.remove();
  };
  return { download, busyId, error };
}
