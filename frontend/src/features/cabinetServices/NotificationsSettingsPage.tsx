import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { Alert } from '../../components/Alert';
import { Card } from '../../components/Card';
import { FormErrors } from '../../components/FormErrors';
import { LoadFailed } from '../../components/LoadFailed';
import { PageLoader } from '../../components/PageLoader';
import { CabinetAccountOutagesDocument, type CabinetOutageFieldsFragment, type CabinetPreferencesFieldsFragment, CabinetResidentPreferencesDocument, CabinetResidentPreferencesUpdateDocument } from '../../gql/graphql';
import { type AppError, fromCombinedError } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { usePageTitle } from '../../lib/usePageTitle';
import { DeviceQrCard } from './DeviceQrCard';
import './services.css';

/** Seed 004 "Уведомления": SMS about requests and emergency outages, the building's outages, and the mobile app's QR. */
export function NotificationsSettingsPage() {
  const { t } = useTranslation();
  usePageTitle(t('cabinetServices.settings.title'));
  return (
    <div className="cs-page">
      <h2 tabIndex={-1}>{t('cabinetServices.settings.title')}</h2>
      <SmsSettings />
      <Outages />
      <DeviceQrCard />
    </div>
  );
}

function SmsSettings() {
  const { t } = useTranslation();
  const [{ data, error, fetching }, refetch] = useQuery({ query: CabinetResidentPreferencesDocument, variables: {}, requestPolicy: 'cache-and-network' });
  const [, update] = useMutation(CabinetResidentPreferencesUpdateDocument);
  const [saved, setSaved] = useState<CabinetPreferencesFieldsFragment | null>(null);
  const [errors, setErrors] = useState<AppError[]>([]);
  const [busy, setBusy] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const prefs = saved ?? data?.myResidentPreferences ?? null;

  const toggle = async (field: 'smsRequests' | 'smsOutages', value: boolean) => {
    if (!prefs) return;
    setBusy(field);
    setDone(false);
    const next = { smsRequests: prefs.smsRequests, smsOutages: prefs.smsOutages, [field]: value };
    const result = await update({ input: next });
    setBusy(null);
    const payload = result.data?.residentPreferencesUpdate;
    if (result.error || !payload) return setErrors([result.error ? fromCombinedError(result.error) : { code: 'UNKNOWN' }]);
    if (payload.errors.length || !payload.preferences) return setErrors(payload.errors.length ? payload.errors : [{ code: 'UNKNOWN' }]);
    setErrors([]);
    setSaved(payload.preferences);
    setDone(true);
  };

  return (
    <Card level={3} title={t('cabinetServices.settings.smsTitle')} id="sms">
      {error && !data && <LoadFailed error={fromCombinedError(error)} onRetry={() => refetch({ requestPolicy: 'network-only' })} />}
      {fetching && !data && <PageLoader />}
      {prefs && (
        <>
          <p>{t('cabinetServices.settings.smsLead')}</p>
          {!prefs.smsAvailable && <Alert tone="info">{t('cabinetServices.settings.smsUnavailable')}</Alert>}
          {(['smsRequests', 'smsOutages'] as const).map((field) => (
            <label key={field} className="cs-switch">
              <input
                type="checkbox"
                role="switch"
                checked={prefs[field]}
                disabled={!prefs.smsAvailable || busy !== null}
                aria-busy={busy === field || undefined}
                aria-describedby={!prefs.smsAvailable ? undefined : `${field}-hint`}
                onChange={(e) => void toggle(field, e.target.checked)}
              />
              <span>
                <span className="cs-switch__label">{t(`cabinetServices.settings.${field}`)}</span>
                <span className="cs-hint" id={`${field}-hint`} style={{ display: 'block' }}>
                  {t(`cabinetServices.settings.${field}Hint`)}
                </span>
              </span>
            </label>
          ))}
          <p role="status" className="cs-hint">
            {done ? t('cabinetServices.settings.saved') : ''}
          </p>
          <FormErrors errors={errors} />
        </>
      )}
    </Card>
  );
}

/** Now (the server's word, by its clock), still to come, or over. */
function phase(outage: CabinetOutageFieldsFragment, now: number): 'now' | 'upcoming' | 'past' {
  if (outage.current) return 'now';
  return Date.parse(outage.startsAt) > now && (!outage.endsAt || Date.parse(outage.endsAt) > now) ? 'upcoming' : 'past';
}

function Outages() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const { accountId = '' } = useParams();
  const [{ data, error, fetching }, refetch] = useQuery({ query: CabinetAccountOutagesDocument, variables: { accountId }, requestPolicy: 'cache-and-network' });
  const outages = data?.accountOutages ?? [];
  const now = Date.now();
  return (
    <Card level={3} title={t('cabinetServices.outages.title')} id="outages">
      {error && !data && <LoadFailed error={fromCombinedError(error)} onRetry={() => refetch({ requestPolicy: 'network-only' })} />}
      {fetching && !data && <PageLoader />}
      {data && outages.length === 0 && <p className="cs-hint">{t('cabinetServices.outages.empty')}</p>}
      {outages.length > 0 && (
        <ul className="cs-outages">
          {outages.map((o) => {
            const when = phase(o, now);
            return (
              <li key={o.id} className={`cs-outage${when === 'past' ? ' cs-outage--past' : ''}`}>
                <strong>{t(`cabinetServices.outages.kind.${o.kind}`, { defaultValue: o.kind })}</strong>
                {' · '}
                <span>{t(`cabinetServices.outages.${when}`)}</span>
                <p className="cs-outage__text">{o.text}</p>
                <p className="cs-outage__when">
                  {o.endsAt
                    ? t('cabinetServices.outages.period', { from: formatDateTime(o.startsAt, locale), to: formatDateTime(o.endsAt, locale) })
                    : t('cabinetServices.outages.since', { from: formatDateTime(o.startsAt, locale) })}
                </p>
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}
