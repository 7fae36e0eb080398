import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from 'urql';
import { Button } from '../../components/Button';
import { LoadFailed } from '../../components/LoadFailed';
import { PageLoader } from '../../components/PageLoader';
import { type AppError, errorMessage, fromCombinedError, isKnownCode } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { intlLocale } from '../../lib/i18n/locales';
import { usePageTitle } from '../../lib/usePageTitle';
import { CompanyChargeImportDocument, CompanyChargeImportsDocument } from './api';
import { CompanyTabs } from './CompanyTabs';
import type { ChargeImportRow, ChargeLineError } from './types';
import { usePaged } from './usePaged';
import '../../components/office.css';
import './company.css';

// Debian's Chromium has no Kazakh locale data ("2026 M06"): the months are spelled out, as lib/format does for dates.
const KK_MONTHS = ['қаңтар', 'ақпан', 'наурыз', 'сәуір', 'мамыр', 'маусым', 'шілде', 'тамыз', 'қыркүйек', 'қазан', 'қараша', 'желтоқсан'];

/** "наурыз 2026": a period is the 1st of its month. */
export function formatPeriod(period: string, locale: string): string {
  const [y, m] = period.split('-').map(Number);
  if (locale === 'kk') return `${KK_MONTHS[m - 1]} ${y}`;
  const month = new Intl.DateTimeFormat(intlLocale(locale), { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, 1)));
  return `${month} ${y}`;
}

/**
 * The charges the company's billing system sent (chargeImports): by period and source, how many
 * lines went in and how many failed, and for a failed one the error report line by line.
 */
export function ImportsPage() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  usePageTitle(t('company.imports.title'));
  const client = useClient();
  const fetchPage = useCallback(
    async (after: string | null) => {
      const result = await client.query(CompanyChargeImportsDocument, { first: 25, after }, { requestPolicy: 'network-only' }).toPromise();
      return { page: result.data?.chargeImports, error: result.error };
    },
    [client],
  );
  const list = usePaged<ChargeImportRow>(fetchPage);
  const rows = list.rows;
  return (
    <div className="page page--wide co-page">
      <div className="page__head">
        <div>
          <h1 tabIndex={-1}>{t('company.imports.title')}</h1>
          <p className="page__lead">{t('company.imports.lead')}</p>
        </div>
      </div>
      <CompanyTabs />
      {list.error && <LoadFailed error={list.error} onRetry={() => void list.refresh()} />}
      {!rows && !list.error && <PageLoader />}
      {rows && rows.length === 0 && <p className="empty-state">{t('company.imports.empty')}</p>}
      {rows && rows.length > 0 && (
        <ul className="co-imports">
          {rows.map((row) => (
            <ImportItem key={row.id} row={row} locale={locale} />
          ))}
        </ul>
      )}
      {list.hasMore && (
        <p className="applications-more">
          <Button variant="secondary" busy={list.loadingMore} onClick={() => void list.more()}>
            {t('company.more')}
          </Button>
        </p>
      )}
    </div>
  );
}

function ImportItem({ row, locale }: { row: ChargeImportRow; locale: string }) {
  const { t } = useTranslation();
  const client = useClient();
  const [errors, setErrors] = useState<ChargeLineError[] | null>(null);
  const [failure, setFailure] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const show = async () => {
    setBusy(true);
    const result = await client.query(CompanyChargeImportDocument, { id: row.id }, { requestPolicy: 'network-only' }).toPromise();
    setBusy(false);
    if (result.error || !result.data?.chargeImport) return setFailure(result.error ? fromCombinedError(result.error) : { code: 'NOT_FOUND' });
    setFailure(null);
    setErrors(result.data.chargeImport.errors);
  };
  const lineText = (e: ChargeLineError) => (isKnownCode(e.code) ? errorMessage(t, { code: e.code }) : e.message);
  return (
    <li className="co-import card" data-import={row.id}>
      <div className="co-import__head">
        <h2 className="co-link__title">{t('company.imports.period', { period: formatPeriod(row.period, locale) })}</h2>
        <span className={`status-badge status-badge--${row.linesFailed ? 'danger' : 'success'}`}>{t(row.linesFailed ? 'company.imports.withErrors' : 'company.imports.clean')}</span>
      </div>
      <dl className="app-facts co-facts">
        <div className="app-facts__item">
          <dt>{t('company.imports.source')}</dt>
          <dd>{t(`company.imports.sources.${row.source}`, { defaultValue: row.source })}</dd>
        </div>
        <div className="app-facts__item">
          <dt>{t('company.imports.received')}</dt>
          <dd>{formatDateTime(row.createdAt, locale)}</dd>
        </div>
        <div className="app-facts__item">
          <dt>{t('company.imports.lines')}</dt>
          <dd>{t('company.imports.linesValue', { total: row.linesTotal, ok: row.linesOk, failed: row.linesFailed })}</dd>
        </div>
        <div className="app-facts__item">
          <dt>{t('company.imports.receipts')}</dt>
          <dd>{row.receipts}</dd>
        </div>
      </dl>
      {row.linesFailed > 0 && errors === null && (
        <Button variant="secondary" className="btn--small" busy={busy} onClick={() => void show()}>
          {t('company.imports.showErrors', { n: row.linesFailed })}
        </Button>
      )}
      {failure && <LoadFailed error={failure} onRetry={() => void show()} />}
      {errors && (
        <div className="app-table-wrap">
          <table className="app-table co-table co-import__errors">
            <caption>{t('company.imports.errorsCaption', { n: row.linesFailed, shown: errors.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('company.imports.columns.line')}</th>
                <th scope="col">{t('company.imports.columns.account')}</th>
                <th scope="col">{t('company.imports.columns.field')}</th>
                <th scope="col">{t('company.imports.columns.error')}</th>
              </tr>
            </thead>
            <tbody>
              {errors.map((e, i) => (
                <tr key={`${e.line}-${e.field ?? ''}-${i}`}>
                  <td data-label={t('company.imports.columns.line')}>
                    <div className="app-table__cell mono">{e.line}</div>
                  </td>
                  <td data-label={t('company.imports.columns.account')}>
                    <div className="app-table__cell mono">{e.accountNumber || '—'}</div>
                  </td>
                  <td data-label={t('company.imports.columns.field')}>
                    <div className="app-table__cell mono">{e.field || '—'}</div>
                  </td>
                  <td data-label={t('company.imports.columns.error')}>
                    <div className="app-table__cell">
                      {lineText(e)}
                      <span className="app-table__sub mono">{e.code}</span>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </li>
  );
}
