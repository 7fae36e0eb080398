import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { Card } from '../../components/Card';
import { FormErrors } from '../../components/FormErrors';
import { LoadFailed } from '../../components/LoadFailed';
import { PageLoader } from '../../components/PageLoader';
import { CabinetAccountMetersDocument, type CabinetMeterFieldsFragment, CabinetMeterReadingSubmitDocument, type MeterKind } from '../../gql/graphql';
import { type AppError, fromCombinedError } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { usePageTitle } from '../../lib/usePageTitle';
import { formatDay, formatDecimal, formatShortDate } from './format';
import { serviceErrorMessage } from './messages';
import { consumption, normalizeReading, readingError } from './readings';
import './services.css';

const KIND_ORDER: readonly MeterKind[] = ['COLD_WATER', 'HOT_WATER', 'ELECTRICITY', 'GAS', 'HEAT'];

/** "Приборы учёта": every meter of the account with its last reading, the reporting window, a field for the new reading and the history. */
export function MetersPage() {
  const { t } = useTranslation();
  const { accountId = '' } = useParams();
  const [{ data, error, fetching }, refetch] = useQuery({ query: CabinetAccountMetersDocument, variables: { accountId }, requestPolicy: 'cache-and-network' });
  usePageTitle(t('cabinetServices.meters.title'));
  // Water first, as on a receipt; then by serial.
  const meters = [...(data?.accountMeters ?? [])].sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || a.serial.localeCompare(b.serial));
  return (
    <div className="cs-page">
      <h2 tabIndex={-1}>{t('cabinetServices.meters.title')}</h2>
      <p className="page__lead">{t('cabinetServices.meters.lead')}</p>
      {error && !data && <LoadFailed error={fromCombinedError(error)} onRetry={() => refetch({ requestPolicy: 'network-only' })} />}
      {fetching && !data && <PageLoader />}
      {data && meters.length === 0 && <p className="empty-state">{t('cabinetServices.meters.empty')}</p>}
      {meters.length > 0 && (
        <div className="cs-grid">
          {meters.map((meter) => (
            <MeterCard key={meter.id} meter={meter} />
          ))}
        </div>
      )}
    </div>
  );
}

function MeterCard({ meter: initial }: { meter: CabinetMeterFieldsFragment }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const id = `m${useId()}`;
  const [meter, setMeter] = useState(initial);
  const [value, setValue] = useState('');
  const [fieldError, setFieldError] = useState<AppError | null>(null);
  const [errors, setErrors] = useState<AppError[]>([]);
  const [sent, setSent] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [, submit] = useMutation(CabinetMeterReadingSubmitDocument);
  const kind = t(`cabinetServices.meters.kind.${meter.kind}`, { defaultValue: meter.kind });
  // The API's unit codes (m3, kWh, Gcal) in the reader's writing.
  const unit = t(`cabinetServices.meters.units.${meter.unit}`, { defaultValue: meter.unit });
  const used = fieldError ? null : consumption(value, meter.lastReading?.value);

  const send = async (event: FormEvent) => {
    event.preventDefault();
    const local = readingError(value, meter, new Date());
    setFieldError(local);
    setSent(null);
    if (local) return;
    setBusy(true);
    const result = await submit({ input: { meterId: meter.id, value: normalizeReading(value) } });
    setBusy(false);
    const payload = result.data?.meterReadingSubmit;
    if (result.error || !payload) return setErrors([result.error ? fromCombinedError(result.error) : { code: 'UNKNOWN' }]);
    if (payload.errors.length || !payload.reading) {
      // The reading's own refusals go under its field; the value typed stays for correcting.
      setFieldError(payload.errors.find((e) => e.field === 'value' || !e.field) ?? null);
      return setErrors(payload.errors.filter((e) => e.field && e.field !== 'value'));
    }
    setErrors([]);
    if (payload.meter) setMeter(payload.meter);
    setSent(payload.reading.value);
    setValue('');
  };

  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  return (
    <Card level={3} title={kind} id={`meter-${meter.id}`} className="cs-meter">
      <dl className="cs-facts">
        <dt>{t('cabinetServices.meters.serial')}</dt>
        <dd className="mono">{meter.serial}</dd>
        <dt>{t('cabinetServices.meters.unit')}</dt>
        <dd>{unit}</dd>
        <dt>{t('cabinetServices.meters.last')}</dt>
        <dd>
          {meter.lastReading ? (
            <>
              <strong className="mono">{formatDecimal(meter.lastReading.value, locale)}</strong> {unit}, {formatDateTime(meter.lastReading.submittedAt, locale)}
            </>
          ) : (
            t('cabinetServices.meters.noReadings')
          )}
        </dd>
        <dt>{t('cabinetServices.meters.verification')}</dt>
        <dd>{meter.nextVerification ? formatDay(meter.nextVerification, locale) : '—'}</dd>
      </dl>
      <p className={`cs-window cs-window--${meter.windowOpen ? 'open' : 'closed'}`}>
        {t(meter.windowOpen ? 'cabinetServices.meters.windowOpen' : 'cabinetServices.meters.windowClosed', { from: meter.windowFromDay, to: meter.windowToDay })}
      </p>
      {sent && (
        <Alert tone="success">
          {t('cabinetServices.meters.accepted', { value: formatDecimal(sent, locale), unit })}
        </Alert>
      )}
      <form className="cs-meter__form" noValidate onSubmit={(e) => void send(e)}>
        <div className={`field${fieldError ? ' field--invalid' : ''}`}>
          <label className="field__label" htmlFor={id}>
            {t('cabinetServices.meters.newReading', { unit })}
          </label>
          <input
            id={id}
            className="field__input mono"
            inputMode="decimal"
            autoComplete="off"
            value={value}
            onChange={(e) => {
              setValue(e.target.value);
              setFieldError(null);
            }}
            aria-invalid={fieldError ? true : undefined}
            aria-describedby={[fieldError ? errorId : null, used ? hintId : null].filter(Boolean).join(' ') || undefined}
          />
          {used && (
            <p className="cs-hint" id={hintId}>
              {t('cabinetServices.meters.consumption', { value: formatDecimal(used, locale), unit })}
            </p>
          )}
          {fieldError && (
            <div id={errorId} className="field__error">
              <p>
                <span className="field__error-icon" aria-hidden="true">
                  !
                </span>
                {serviceErrorMessage(t, fieldError, locale)}
              </p>
            </div>
          )}
        </div>
        <Button type="submit" busy={busy}>
          {t('cabinetServices.meters.submit')}
        </Button>
      </form>
      <FormErrors errors={errors} />
      {meter.readings.length > 0 && (
        <details className="cs-meter__history">
          <summary>{t('cabinetServices.meters.history', { n: meter.readings.length })}</summary>
          <table className="cs-table">
            <thead>
              <tr>
                <th scope="col">{t('cabinetServices.meters.date')}</th>
                <th scope="col">{t('cabinetServices.meters.value', { unit })}</th>
                <th scope="col">{t('cabinetServices.meters.source')}</th>
              </tr>
            </thead>
            <tbody>
              {meter.readings.map((r) => (
                <tr key={r.id}>
                  <td className="cs-table__nowrap">
                    <time dateTime={r.submittedAt} title={formatDateTime(r.submittedAt, locale)}>
                      {formatShortDate(r.submittedAt)}
                    </time>
                  </td>
                  <td className="mono cs-table__nowrap">{formatDecimal(r.value, locale)}</td>
                  <td>{t(`cabinetServices.meters.sources.${r.source}`, { defaultValue: r.source })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </Card>
  );
}
