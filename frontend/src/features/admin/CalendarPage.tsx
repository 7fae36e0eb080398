import { type FormEvent, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient, useMutation } from 'urql';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { Card } from '../../components/Card';
import { Dialog } from '../../components/Dialog';
import { FormErrors } from '../../components/FormErrors';
import { LiveAnnouncement, useAnnouncement } from '../../components/LiveAnnouncement';
import { LoadFailed } from '../../components/LoadFailed';
import { PageLoader } from '../../components/PageLoader';
import { RadioGroup } from '../../components/RadioGroup';
import { RequiredLabel } from '../../components/RequiredLabel';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { type AppError, fromCombinedError, splitErrors } from '../../lib/errors';
import { formatDate, formatDateTime, todayIso } from '../../lib/format';
import { CalendarOverrideAddDocument, CalendarOverrideRevokeDocument, CalendarOverridesDocument, CalendarWorkingDaysDocument } from '../../gql/graphql';
import { usePageTitle } from '../../lib/usePageTitle';
import { type CalendarDayKind, type CalendarOverride, moved, overrideErrors, pointlessOverride, previewCount, sortOverrides, weekdayName, yearChoices } from './calendar';
import './admin.css';
import './calendar.css';

const KINDS: readonly CalendarDayKind[] = ['DAY_OFF', 'WORKING_DAY'];

/**
 * The decree calendar (admin): the government moves days off by decree every year; an extra day
 * off or a transferred working day recorded here counts in every deadline computed afterwards (the
 * queue's countdowns among them). A preview "N working days after <date>" shows the effect at once:
 * it is asked again after every change and says when it moved.
 */
export function CalendarPage() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  usePageTitle(t('calendar.title'));
  const client = useClient();
  const today = todayIso();
  const [year, setYear] = useState(Number(today.slice(0, 4)));
  const [overrides, setOverrides] = useState<CalendarOverride[] | null>(null);
  const [loadError, setLoadError] = useState<AppError | null>(null);
  const [announcement, announce] = useAnnouncement();
  const [flash, setFlash] = useState<string | null>(null);

  const load = useCallback(async () => {
    const result = await client.query(CalendarOverridesDocument, { year }, { requestPolicy: 'network-only' }).toPromise();
    if (result.error || !result.data) {
      setLoadError(result.error ? fromCombinedError(result.error) : { code: 'UNKNOWN' });
      return;
    }
    setLoadError(null);
    setOverrides(result.data.calendarOverrides);
  }, [client, year]);

  useEffect(() => {
    setOverrides(null);
    void load();
  }, [load]);

  // A message worded in the language before goes with it.
  useEffect(() => setFlash(null), [locale]);

  // The preview: asked again after every change of the calendar (`version`), which then compares
  // the new date with the one before; a new question (another date or count) compares nothing.
  const [from, setFrom] = useState(today);
  const [countText, setCountText] = useState('3');
  const [version, setVersion] = useState(0);
  const [preview, setPreview] = useState<{ date: string | null; before: string | null; error: AppError | null }>({ date: null, before: null, error: null });
  const shown = useRef<string | null>(null);
  const tRef = useRef(t);
  tRef.current = t;
  const compareNext = useRef(false);
  const count = previewCount(countText);
  useEffect(() => {
    if (!from || count === null) return;
    let live = true;
    void client
      .query(CalendarWorkingDaysDocument, { from, count }, { requestPolicy: 'network-only' })
      .toPromise()
      .then((result) => {
        if (!live) return;
        const date = result.data?.calendarWorkingDays ?? null;
        const before = compareNext.current ? shown.current : null;
        compareNext.current = false;
        shown.current = date;
        setPreview({ date, before, error: result.error ? fromCombinedError(result.error) : null });
        const direction = moved(before, date);
        if (direction && date) announce(tRef.current(`calendar.preview.moved.${direction}`, { date: formatDate(date, i18n.language) }));
      });
    return () => {
      live = false;
    };
  }, [client, from, count, version, announce, i18n]);
  const direction = moved(preview.before, preview.date);

  const changed = (message: string) => {
    setFlash(message);
    compareNext.current = true;
    setVersion((v) => v + 1);
    void load();
  };

  const [revoking, setRevoking] = useState<CalendarOverride | null>(null);
  const [revokeErrors, setRevokeErrors] = useState<AppError[]>([]);
  const [, revoke] = useMutation(CalendarOverrideRevokeDocument);
  const [revokeBusy, setRevokeBusy] = useState(false);
  const confirmRevoke = async () => {
    if (!revoking) return;
    setRevokeBusy(true);
    const result = await revoke({ input: { id: revoking.id } });
    setRevokeBusy(false);
    const payload = result.data?.calendarOverrideRevoke;
    if (result.error || !payload) return setRevokeErrors([result.error ? fromCombinedError(result.error) : { code: 'UNKNOWN' }]);
    if (payload.errors.length) return setRevokeErrors(payload.errors);
    const day = formatDate(revoking.day, locale);
    setRevoking(null);
    changed(t('calendar.revoked', { day }));
  };

  const sorted = overrides ? sortOverrides(overrides) : null;
  return (
    <div className="page calendar-page">
      <div className="page__head">
        <div>
          <h1 tabIndex={-1}>{t('calendar.title')}</h1>
          <p className="page__lead">{t('calendar.lead')}</p>
        </div>
      </div>
      {flash && (
        <Alert tone="success" className="calendar-page__flash">
          <p>{flash}</p>
        </Alert>
      )}

      <div className="calendar-page__grid">
        <AddOverride
          onAdded={(o) => {
            if (Number(o.day.slice(0, 4)) !== year) setYear(Number(o.day.slice(0, 4)));
            changed(t('calendar.added', { day: formatDate(o.day, locale), kind: t(`calendar.kinds.${o.kind}`) }));
          }}
        />

        <Card title={t('calendar.preview.title')} id="calendar-preview">
          <p className="muted calendar-preview__lead">{t('calendar.preview.lead')}</p>
          <div className="calendar-preview__inputs">
            <TextField label={t('calendar.preview.from')} type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
            <TextField
              label={t('calendar.preview.count')}
              inputMode="numeric"
              value={countText}
              onChange={(e) => setCountText(e.target.value)}
              errors={count === null ? [{ code: 'OUT_OF_RANGE', field: 'count' }] : undefined}
              className="field--short"
            />
          </div>
          {preview.error && <LoadFailed error={preview.error} />}
          {preview.date && count !== null && (
            <p className={`calendar-preview__result${direction ? ' calendar-preview__result--moved' : ''}`} data-testid="calendar-preview" aria-live="polite">
              {t('calendar.preview.result', { n: count, from: formatDate(from, locale), date: formatDate(preview.date, locale), weekday: weekdayName(preview.date, locale) })}
              {direction && preview.before && (
                <span className="calendar-preview__was">{t(`calendar.preview.was.${direction}`, { date: formatDate(preview.before, locale) })}</span>
              )}
            </p>
          )}
        </Card>
      </div>

      <section className="calendar-list" aria-labelledby="calendar-list-title">
        <div className="calendar-list__head">
          <h2 id="calendar-list-title" className="calendar-list__title">
            {t('calendar.listTitle', { year })}
          </h2>
          <SelectField label={t('calendar.year')} value={String(year)} onChange={(v) => setYear(Number(v))} options={yearChoices(today).map((y) => ({ value: String(y), label: String(y) }))} />
        </div>
        {loadError && <LoadFailed error={loadError} onRetry={() => void load()} />}
        {!sorted && !loadError && <PageLoader />}
        {sorted && sorted.length === 0 && <p className="empty-state">{t('calendar.empty', { year })}</p>}
        {sorted && sorted.length > 0 && (
          <ul className="admin-list">
            {sorted.map((o) => (
              <li key={o.id}>
                <article className={`admin-card${o.revokedAt ? ' admin-card--inactive' : ''}`} aria-labelledby={`override-${o.id}`}>
                  <div className="admin-card__head">
                    <h3 id={`override-${o.id}`} className="admin-card__name">
                      {formatDate(o.day, locale)}, {weekdayName(o.day, locale)}
                    </h3>
                    <span className={`admin-card__state${o.revokedAt ? '' : ' admin-card__state--active'}`}>{t(`calendar.kinds.${o.kind}`)}</span>
                    {o.revokedAt ? (
                      <span className="admin-card__action muted">{t('calendar.revokedAt', { when: formatDateTime(o.revokedAt, locale) })}</span>
                    ) : (
                      <Button
                        variant="secondary"
                        className="admin-card__action"
                        onClick={() => {
                          setRevokeErrors([]);
                          setRevoking(o);
                        }}
                        aria-label={t('calendar.revokeLabel', { day: formatDate(o.day, locale) })}
                      >
                        {t('calendar.revoke')}
                      </Button>
                    )}
                  </div>
                  <dl className="admin-card__data">
                    <div className="admin-card__wide">
                      <dt>{t('calendar.decree')}</dt>
                      <dd>{o.decree}</dd>
                    </div>
                    <div>
                      <dt>{t('calendar.recordedAt')}</dt>
                      <dd>{formatDateTime(o.createdAt, locale)}</dd>
                    </div>
                  </dl>
                </article>
              </li>
            ))}
          </ul>
        )}
      </section>

      <Dialog
        open={revoking !== null}
        onClose={() => setRevoking(null)}
        title={revoking ? t('calendar.revokeTitle', { day: formatDate(revoking.day, locale) }) : ''}
        footer={
          <>
            <Button variant="secondary" onClick={() => setRevoking(null)}>
              {t('common.cancel')}
            </Button>
            <Button variant="danger" busy={revokeBusy} onClick={() => void confirmRevoke()}>
              {t('calendar.revoke')}
            </Button>
          </>
        }
      >
        <FormErrors errors={revokeErrors} />
        <p>{revoking && t(`calendar.revokeText.${revoking.kind}`)}</p>
        {revoking && <blockquote className="calendar-page__decree">{revoking.decree}</blockquote>}
      </Dialog>
      <LiveAnnouncement announcement={announcement} />
    </div>
  );
}

function AddOverride({ onAdded }: { onAdded: (o: CalendarOverride) => void }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const [day, setDay] = useState('');
  const [kind, setKind] = useState<CalendarDayKind>('DAY_OFF');
  const [decree, setDecree] = useState('');
  const [errors, setErrors] = useState<AppError[]>([]);
  const [busy, setBusy] = useState(false);
  const [, add] = useMutation(CalendarOverrideAddDocument);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const missing = overrideErrors({ day, decree });
    setErrors(missing);
    if (missing.length) return;
    setBusy(true);
    const result = await add({ input: { day, kind, decree: decree.trim() } });
    setBusy(false);
    const payload = result.data?.calendarOverrideAdd;
    if (result.error || !payload) return setErrors([result.error ? fromCombinedError(result.error) : { code: 'UNKNOWN' }]);
    if (payload.errors.length || !payload.override) return setErrors(payload.errors.length ? payload.errors : [{ code: 'UNKNOWN' }]);
    setDay('');
    setDecree('');
    onAdded(payload.override);
  };

  const { byField, general } = splitErrors(errors, ['day', 'kind', 'decree']);
  const hint = day && /^\d{4}-\d{2}-\d{2}$/.test(day) ? weekdayName(day, locale) : t('calendar.dayHint');
  return (
    <Card title={t('calendar.addTitle')} id="calendar-add">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <FormErrors errors={general} />
        <TextField label={<RequiredLabel required>{t('calendar.day')}</RequiredLabel>} type="date" value={day} onChange={(e) => setDay(e.target.value)} hint={hint} errors={byField.day} required />
        <RadioGroup legend={t('calendar.kind')} name="override-kind" value={kind} onChange={setKind} options={KINDS.map((k) => ({ value: k, label: t(`calendar.kinds.${k}`) }))} errors={byField.kind} />
        {pointlessOverride(day, kind) && <p className="calendar-page__warning">{t(`calendar.pointless.${kind}`)}</p>}
        <TextField label={<RequiredLabel required>{t('calendar.decree')}</RequiredLabel>} hint={t('calendar.decreeHint')} value={decree} onChange={(e) => setDecree(e.target.value)} errors={byField.decree} required maxLength={500} />
        <div className="form-actions">
          <Button type="submit" busy={busy}>
            {t('calendar.add')}
          </Button>
        </div>
      </form>
    </Card>
  );
}
