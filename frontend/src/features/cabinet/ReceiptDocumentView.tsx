import { useTranslation } from 'react-i18next';
import type { CabinetReceiptFieldsFragment } from '../../gql/graphql';
import { formatDate, formatPhone } from '../../lib/format';
import { formatMoney, formatPeriod, formatQuantity } from './money';
import { groupLines, isBlank } from './receiptTable';

/**
 * The payment document as seed 004 lays it out: section 1 (payer and provider), section 2 (the
 * recipient's bank details, what was charged, the debt at the start, total to pay, paid in the
 * period) and section 3 (one line per service under its sub-header, and the totals).
 */
export function ReceiptDocumentView({ receipt }: { receipt: CabinetReceiptFieldsFragment }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const money = (value: string) => formatMoney(value, locale);
  // Section 3's money cells: numbers without the currency sign (the header names it), blank at zero.
  const cell = (value: string) => (isBlank(value) ? '' : formatQuantity(value, locale, 2));
  const { account, recipient } = receipt;
  const company = account.company;
  const groups = groupLines(receipt.lines);
  const period = formatPeriod(receipt.period, locale);

  return (
    <article className="card cab-receipt" aria-label={t('cabinet.receipt.title', { number: receipt.number })}>
      <header className="cab-receipt__head">
        <p className="cab-receipt__kind">{t('cabinet.receipt.kind')}</p>
        <p className="cab-receipt__purpose">{t('cabinet.receipt.purpose')}</p>
      </header>

      <section className="cab-receipt__section" aria-labelledby="cab-r1">
        <h3 id="cab-r1">{t('cabinet.receipt.section1')}</h3>
        <div className="cab-receipt__two">
          <dl className="cab-receipt__facts">
            <div>
              <dt>{t('cabinet.receipt.period')}</dt>
              <dd>{period}</dd>
            </div>
            <div>
              <dt>{t('cabinet.receipt.payer')}</dt>
              <dd>{account.ownerName}</dd>
            </div>
            <div>
              <dt>{t('cabinet.receipt.address')}</dt>
              <dd>{account.address}</dd>
            </div>
            <div>
              <dt>{t('cabinet.receipt.areas')}</dt>
              <dd>{t('cabinet.receipt.areasValue', { premises: formatQuantity(account.premisesArea, locale, 2), account: formatQuantity(account.accountArea, locale, 2) })}</dd>
            </div>
            <div>
              <dt>{t('cabinet.receipt.people')}</dt>
              <dd>{t('cabinet.receipt.peopleValue', { living: account.living, registered: account.registered })}</dd>
            </div>
          </dl>
          <dl className="cab-receipt__facts">
            <div>
              <dt>{t('cabinet.receipt.provider')}</dt>
              <dd>{company.name}</dd>
            </div>
            {company.address && (
              <div>
                <dt>{t('cabinet.receipt.providerAddress')}</dt>
                <dd>{company.address}</dd>
              </div>
            )}
            {company.phone && (
              <div>
                <dt>{t('cabinet.receipt.phone')}</dt>
                <dd>{formatPhone(company.phone)}</dd>
              </div>
            )}
            {company.hours && (
              <div>
                <dt>{t('cabinet.receipt.hours')}</dt>
                <dd>{company.hours}</dd>
              </div>
            )}
          </dl>
        </div>
      </section>

      <section className="cab-receipt__section" aria-labelledby="cab-r2">
        <h3 id="cab-r2">{t('cabinet.receipt.section2')}</h3>
        <div className="cab-receipt__scroll" tabIndex={0} role="region" aria-labelledby="cab-r2">
          <table className="cab-rtable">
            <thead>
              <tr>
                <th scope="col">{t('cabinet.receipt.recipient')}</th>
                <th scope="col">{t('cabinet.receipt.bank')}</th>
                <th scope="col">{t('cabinet.receipt.payerAccount')}</th>
                <th scope="col">{t('cabinet.receipt.services')}</th>
                <th scope="col" className="cab-num">
                  {t('cabinet.receipt.chargedForPeriod')}
                </th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <td>{recipient.name}</td>
                <td>
                  {[
                    recipient.bin && t('cabinet.receipt.bin', { value: recipient.bin }),
                    recipient.iik && t('cabinet.receipt.iik', { value: recipient.iik }),
                    recipient.bankName,
                    recipient.bik && t('cabinet.receipt.bik', { value: recipient.bik }),
                  ]
                    .filter(Boolean)
                    .join(', ')}
                </td>
                <td className="mono">{account.number}</td>
                <td>{t('cabinet.receipt.servicesValue')}</td>
                <td className="cab-num mono">{money(receipt.charged)}</td>
              </tr>
            </tbody>
          </table>
        </div>
        <dl className="cab-receipt__totals">
          <div>
            <dt>{t('cabinet.receipt.openingDebt')}</dt>
            <dd className="mono">{money(receipt.openingDebt)}</dd>
          </div>
          <div className="cab-receipt__due">
            <dt>{t('cabinet.receipt.totalToPay')}</dt>
            <dd className="mono">{money(receipt.totalToPay)}</dd>
          </div>
          <div>
            <dt>{t('cabinet.receipt.paidInPeriod')}</dt>
            <dd className="mono">{money(receipt.paidInPeriod)}</dd>
          </div>
        </dl>
      </section>

      <section className="cab-receipt__section" aria-labelledby="cab-r3">
        <h3 id="cab-r3">{t('cabinet.receipt.section3')}</h3>
        <div className="cab-receipt__scroll" tabIndex={0} role="region" aria-labelledby="cab-r3">
          <table className="cab-rtable cab-rtable--lines">
            <thead>
              <tr>
                <th scope="col">{t('cabinet.receipt.col.service')}</th>
                <th scope="col">{t('cabinet.receipt.col.unit')}</th>
                <th scope="col" className="cab-num">{t('cabinet.receipt.col.volume')}</th>
                <th scope="col" className="cab-num">{t('cabinet.receipt.col.tariff')}</th>
                <th scope="col" className="cab-num">{t('cabinet.receipt.col.charged')}</th>
                <th scope="col" className="cab-num">{t('cabinet.receipt.col.recalculation')}</th>
                <th scope="col" className="cab-num">{t('cabinet.receipt.col.benefits')}</th>
                <th scope="col" className="cab-num">{t('cabinet.receipt.col.debtAdvance')}</th>
                <th scope="col" className="cab-num">{t('cabinet.receipt.col.total')}</th>
              </tr>
            </thead>
            {groups.map((group) => (
              <tbody key={group.section}>
                <tr className="cab-rtable__group">
                  <th scope="colgroup" colSpan={9}>
                    {t(`cabinet.receipt.sections.${group.section}`)}
                  </th>
                </tr>
                {group.lines.map((line, i) => (
                  <tr key={`${group.section}-${i}`}>
                    <th scope="row" className="cab-rtable__service">{line.service}</th>
                    <td>{line.unit}</td>
                    <td className="cab-num mono">{line.unit ? formatQuantity(line.volume, locale) : ''}</td>
                    <td className="cab-num mono">{line.unit ? formatQuantity(line.tariff, locale, 2) : ''}</td>
                    <td className="cab-num mono">{cell(line.charged)}</td>
                    <td className="cab-num mono">{cell(line.recalculation)}</td>
                    <td className="cab-num mono">{cell(line.benefits)}</td>
                    <td className="cab-num mono">{cell(line.debtAdvance)}</td>
                    <td className="cab-num mono cab-strong">{formatQuantity(line.total, locale, 2)}</td>
                  </tr>
                ))}
              </tbody>
            ))}
            <tfoot>
              <tr className="cab-rtable__total">
                <th scope="row" colSpan={4}>
                  {t('cabinet.receipt.col.sum')}
                </th>
                <td className="cab-num mono">{formatQuantity(receipt.charged, locale, 2)}</td>
                <td className="cab-num mono">{cell(receipt.recalculation)}</td>
                <td className="cab-num mono">{cell(receipt.benefits)}</td>
                <td className="cab-num mono">{cell(receipt.openingDebt)}</td>
                <td className="cab-num mono">{formatQuantity(receipt.totalToPay, locale, 2)}</td>
              </tr>
            </tfoot>
          </table>
        </div>
        <p className="muted small">{t('cabinet.receipt.issuedNote', { date: formatDate(receipt.issuedAt, locale) })}</p>
      </section>
    </article>
  );
}
