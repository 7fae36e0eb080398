import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Card } from '../../components/Card';
import { formatPhone } from '../../lib/format';
import { usePageTitle } from '../../lib/usePageTitle';
import { accountPath, useCabinet } from './cabinetContext';
import { LatestReceiptCard } from './LatestReceiptCard';
import { debtState, formatMoney } from './money';

/** The account's own block: the debt with "Pay", the latest receipt, the company's contacts and the other blocks. */
export function OverviewPage() {
  const { t, i18n } = useTranslation();
  const { account, debt } = useCabinet();
  usePageTitle(t('cabinet.header.title', { number: account.number }));
  const state = debtState(debt);
  const canPay = account.company.acquiringEnabled;
  const company = account.company;
  return (
    <div className="cab-overview">
      <Card title={t('cabinet.overview.debtTitle')} className="cab-overview__debt" id="cab-debt">
        <p className="cab-big">{state.kind === 'debt' ? formatMoney(state.amount, i18n.language) : state.kind === 'advance' ? t('cabinet.header.advance', { amount: formatMoney(state.amount, i18n.language) }) : t('cabinet.header.debtNone')}</p>
        {canPay ? (
          <Link className="btn btn--primary" to={accountPath(account.id, 'pay')}>
            {t('cabinet.pay.action')}
          </Link>
        ) : (
          <p className="muted small">{t('cabinet.pay.unavailable')}</p>
        )}
      </Card>

      <LatestReceiptCard />

      <Card title={t('cabinet.overview.companyTitle')} className="cab-overview__company" id="cab-company">
        <p className="cab-strong">{company.name}</p>
        {company.address && <p className="cab-line">{company.address}</p>}
        {company.phone && (
          <p className="cab-line">
            {t('cabinet.overview.phone')}: <a href={`tel:${company.phone}`}>{formatPhone(company.phone)}</a>
          </p>
        )}
        {company.emergencyPhone && (
          <p className="cab-line">
            {t('cabinet.overview.emergency')}: <a href={`tel:${company.emergencyPhone}`}>{formatPhone(company.emergencyPhone)}</a>
          </p>
        )}
        {company.hours && (
          <p className="cab-line">
            {t('cabinet.overview.hours')}: {company.hours}
          </p>
        )}
      </Card>

      <Card title={t('cabinet.overview.quickTitle')} className="cab-overview__quick" id="cab-quick">
        <ul className="cab-quick">
          {(['receipts', 'payments', 'meters', 'requests', 'meetings', 'notifications'] as const).map((page) => (
            <li key={page}>
              <Link to={accountPath(account.id, page)}>{t(`cabinet.overview.quick.${page}`)}</Link>
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}
