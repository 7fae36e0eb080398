import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useMutation } from 'urql';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { FormErrors } from '../../components/FormErrors';
import { TextField } from '../../components/TextField';
import { useErrorFocus } from '../../components/useErrorFocus';
import { CabinetPaymentOrderCreateDocument } from '../../gql/graphql';
import { type AppError, fromCombinedError, splitErrors } from '../../lib/errors';
import { usePageTitle } from '../../lib/usePageTitle';
import { accountPath, useCabinet } from './cabinetContext';
import { validatePayment } from './forms';
import { amountForInput, debtState, formatMoney } from './money';

const PAY_FIELDS = ['amount'] as const;

/** Leaves the SPA for the acquirer's own card page; a separate function so that tests can watch it. */
export function goToAcquirer(url: string) {
  window.location.assign(url);
}

/**
 * Online payment (seed 004: where the company has internet acquiring): the amount starts as the
 * debt and may be changed — part of it, or more, to two decimals. "Pay" opens an order and goes to
 * the acquirer's page; the card never touches the portal. The acquirer sends the resident back to
 * the payments block, which shows how it went.
 */
export function PayPage() {
  const { t, i18n } = useTranslation();
  const { account, debt } = useCabinet();
  const [params] = useSearchParams();
  const receiptId = params.get('receipt');
  usePageTitle(t('cabinet.pay.title'));
  const [amount, setAmount] = useState(() => amountForInput(debt, i18n.language));
  const [errors, setErrors] = useState<AppError[]>([]);
  const [leaving, setLeaving] = useState(false);
  const formRef = useErrorFocus(errors);
  const [{ fetching }, create] = useMutation(CabinetPaymentOrderCreateDocument);
  const state = debtState(debt);

  if (!account.company.acquiringEnabled) {
    return (
      <section aria-labelledby="cab-pay-title">
        <h2 id="cab-pay-title">{t('cabinet.pay.title')}</h2>
        <Alert tone="info">
          <p>{t('cabinet.pay.unavailable')}</p>
        </Alert>
      </section>
    );
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = validatePayment(amount, i18n.language);
    const invalid = Object.values(checked.errors).flat();
    setErrors(invalid);
    if (!checked.amount) return;
    const result = await create({ input: { accountId: account.id, amount: checked.amount, ...(receiptId ? { receiptId } : {}) } });
    const payload = result.data?.paymentOrderCreate;
    if (result.error || !payload) return setErrors([result.error ? fromCombinedError(result.error) : { code: 'UNKNOWN' }]);
    if (payload.errors.length || !payload.order) return setErrors(payload.errors.length ? payload.errors : [{ code: 'UNKNOWN' }]);
    setLeaving(true);
    goToAcquirer(payload.order.payUrl);
  };

  const { byField, general } = splitErrors(errors, PAY_FIELDS);
  return (
    <section aria-labelledby="cab-pay-title" className="cab-pay">
      <h2 id="cab-pay-title">{t('cabinet.pay.title')}</h2>
      <form ref={formRef} onSubmit={submit} noValidate className="card cab-pay__form">
        <dl className="cab-facts">
          <div>
            <dt>{t('cabinet.pay.account')}</dt>
            <dd className="mono">{account.number}</dd>
          </div>
          <div>
            <dt>{t('cabinet.pay.recipient')}</dt>
            <dd>{account.company.name}</dd>
          </div>
          <div>
            <dt>{t('cabinet.header.debt')}</dt>
            <dd className="mono">{state.kind === 'debt' ? formatMoney(state.amount, i18n.language) : t('cabinet.header.debtNone')}</dd>
          </div>
        </dl>
        <FormErrors errors={general} />
        <TextField
          label={t('cabinet.pay.amount')}
          hint={t('cabinet.pay.amountHint')}
          name="amount"
          inputMode="decimal"
          autoComplete="off"
          value={amount}
          onChange={(e) => {
            setAmount(e.target.value);
            // A corrected amount is not wrong any more; the next "Pay" checks it again.
            setErrors((old) => old.filter((error) => error.field !== 'amount'));
          }}
          errors={byField.amount}
          required
        />
        <p className="muted small">{t('cabinet.pay.redirectNote')}</p>
        <div className="cab-actions">
          <Button type="submit" busy={fetching || leaving}>
            {t('cabinet.pay.submit')}
          </Button>
          <Link className="btn btn--ghost" to={accountPath(account.id)}>
            {t('common.cancel')}
          </Link>
        </div>
      </form>
    </section>
  );
}
