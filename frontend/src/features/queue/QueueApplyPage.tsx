import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { useClient, useMutation, useQuery } from 'urql';
import { Alert } from '../../components/Alert';
import { Card } from '../../components/Card';
import { CheckboxField } from '../../components/CheckboxField';
import { EdsSignForm, type Signer } from '../../components/eds/EdsSignForm';
import { FieldErrors } from '../../components/FieldErrors';
import { FormErrors } from '../../components/FormErrors';
import { PageLoader } from '../../components/PageLoader';
import { RadioGroup } from '../../components/RadioGroup';
import { TextField } from '../../components/TextField';
import { UploadField } from '../../components/UploadField';
import {
  QueueApplicationFileDocument,
  QueueCategoriesDocument,
  type QueueApplicationInput,
  QueuePrefillDocument,
  type QueuePrefillQuery,
  type QueueSignatureInput,
  type QueueSigningMethod,
  QueueSigningPayloadDocument,
  QueueSmsCodeRequestDocument,
} from '../../gql/graphql';
import { useSession } from '../../lib/auth/SessionContext';
import { fromBase64 } from '../../lib/eds/base64';
import { type AppError, fromCombinedError } from '../../lib/errors';
import { iinBinChecksumOk } from '../../lib/iinBin';
import { usePageTitle } from '../../lib/usePageTitle';
import { ClaimFields } from './ClaimFields';
import { type ApplyForm, CONSENTS, type ClaimForm, emptyApplyForm, type FieldErrors as Errors, hasErrors, placeServerErrors, toApplicationInput, validateApply } from './form';
import { PersonFacts } from './PersonFacts';
import { type CodeSent, SmsSigning } from './SmsSigning';
import { queryError } from './queryError';
import './queue.css';

type Prefill = NonNullable<QueuePrefillQuery['queuePrefill']>;

/**
 * The application of Appendix 2: the applicant's (and the represented person's) data from the
 * registries, read-only; the social categories, the four consents, phone and email, the expert's
 * conclusion on the emergency path; then signed with a one-time SMS password or with EDS over the
 * exact bytes the server gives for these answers, and filed.
 */
export function QueueApplyPage() {
  const { t } = useTranslation();
  const client = useClient();
  const navigate = useNavigate();
  const location = useLocation();
  const { viewer } = useSession();
  const fromCheck = (location.state as { claim?: ClaimForm } | null)?.claim;
  const [form, setForm] = useState<ApplyForm>(() => emptyApplyForm(fromCheck, { phone: viewer?.phone, email: viewer?.email }));
  const [errors, setErrors] = useState<Errors>({});
  const [general, setGeneral] = useState<readonly AppError[]>([]);
  const [requestId] = useState(() => crypto.randomUUID());
  const [{ data: own, fetching: ownLoading, error: ownError }] = useQuery({ query: QueuePrefillDocument, variables: { iin: null } });
  const [{ data: catalog }] = useQuery({ query: QueueCategoriesDocument });
  const [represented, setRepresented] = useState<{ iin: string; prefill: Prefill | null; error: AppError | null } | null>(null);
  const [, file] = useMutation(QueueApplicationFileDocument);
  const [, requestCode] = useMutation(QueueSmsCodeRequestDocument);
  const formRef = useRef<HTMLDivElement>(null);
  const preselected = useRef<string | null>(null);
  usePageTitle(t('queue.apply.title'));

  const representing = form.representation !== 'SELF';
  const personIin = form.personIin.trim();
  // The represented person's data come from the registries as soon as their IIN is complete; an
  // answer for an IIN that was changed meanwhile is dropped.
  const asked = useRef<string | null>(null);
  useEffect(() => {
    if (!representing || !iinBinChecksumOk(personIin) || asked.current === personIin) return;
    asked.current = personIin;
    setRepresented({ iin: personIin, prefill: null, error: null });
    void client
      .query(QueuePrefillDocument, { iin: personIin }, { requestPolicy: 'network-only' })
      .toPromise()
      .then((result) => {
        if (asked.current !== personIin) return;
        const error = result.error ? { ...queryError(result.error), field: 'personIin' } : result.data?.queuePrefill ? null : { code: 'PERSON_NOT_FOUND', field: 'personIin' };
        setRepresented({ iin: personIin, prefill: result.data?.queuePrefill ?? null, error });
      });
  }, [client, representing, personIin]);

  const applicantPrefill: Prefill | null = representing ? (represented?.iin === personIin ? represented.prefill : null) : (own?.queuePrefill ?? null);
  const confirmed = useMemo(() => new Set((applicantPrefill?.categories ?? []).filter((c) => c.fromRegistry).map((c) => c.code)), [applicantPrefill]);
  const categories = (catalog?.queueCategories ?? []).map((c) => ({ ...c, fromRegistry: confirmed.has(c.code) }));

  // Categories the registry confirms for the applicant start ticked, once per applicant.
  useEffect(() => {
    if (!applicantPrefill) return;
    const who = applicantPrefill.person.iin;
    if (preselected.current === who) return;
    preselected.current = who;
    setForm((f) => ({ ...f, categories: [...new Set([...f.categories, ...confirmed])] }));
  }, [applicantPrefill, confirmed]);

  if (ownLoading && !own) return <PageLoader />;

  const personErrors = [...(errors.personIin ?? []), ...(represented?.iin === personIin && represented.error ? [represented.error] : [])];
  const input = (): QueueApplicationInput => toApplicationInput(form, requestId);
  // The SMS code and the EDS signature cover exactly these answers: a change starts signing afresh.
  const signedKey = JSON.stringify(input());

  /** Checks the form here first; false (and the errors shown, the first focused) when it cannot be filed. */
  const ready = (): boolean => {
    const found = validateApply(form, viewer?.iinBin);
    if (representing && !applicantPrefill) (found.personIin ??= []).push({ code: personIin ? 'PERSON_NOT_FOUND' : 'REQUIRED', field: 'personIin' });
    setErrors(found);
    setGeneral([]);
    if (hasErrors(found)) {
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return false;
    }
    return true;
  };

  const show = (found: readonly AppError[]): readonly AppError[] => {
    const { byField, general: rest } = placeServerErrors(found);
    const { smsCode, ...fields } = byField;
    setErrors(fields);
    setGeneral(rest);
    if (Object.keys(fields).length) requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
    return smsCode ?? [];
  };

  const payloadFor = async (data: QueueApplicationInput) => {
    const result = await client.query(QueueSigningPayloadDocument, { input: data }, { requestPolicy: 'network-only' }).toPromise();
    if (result.error || !result.data) return { errors: [result.error ? queryError(result.error) : { code: 'UNKNOWN' }] };
    // Null: the account may not file (the API names the refusal in extensions.denied).
    if (!result.data.queueSigningPayload) return { errors: [{ code: 'FORBIDDEN' }] };
    return { payload: result.data.queueSigningPayload };
  };

  const fileWith = async (data: QueueApplicationInput, signature: QueueSignatureInput): Promise<readonly AppError[]> => {
    const result = await file({ input: { application: data, signature } });
    const payload = result.data?.queueApplicationFile;
    if (result.error || !payload) return show([result.error ? fromCombinedError(result.error) : { code: 'UNKNOWN' }]);
    if (payload.errors.length || !payload.application) return show(payload.errors.length ? payload.errors : [{ code: 'UNKNOWN' }]);
    const filed = payload.application;
    navigate(`/queue/applications/${filed.id}`, { state: { flash: t('queue.apply.filed', { number: filed.number }) } });
    return [];
  };

  const sendCode = async (): Promise<CodeSent | readonly AppError[]> => {
    if (!ready()) return [];
    const data = input();
    const signed = await payloadFor(data);
    if (!signed.payload) return show(signed.errors);
    const result = await requestCode({ input: { phone: data.phone, digest: signed.payload.digest } });
    const payload = result.data?.queueSmsCodeRequest;
    if (result.error || !payload) return show([result.error ? fromCombinedError(result.error) : { code: 'UNKNOWN' }]);
    if (payload.errors.length) {
      show(payload.errors);
      return [];
    }
    return { sentTo: payload.sentTo ?? data.phone, resendAvailableAt: payload.resendAvailableAt ?? null };
  };

  const signWithEds = async (sign: Signer): Promise<readonly AppError[]> => {
    if (!ready()) return [];
    const data = input();
    const signed = await payloadFor(data);
    if (!signed.payload) return show(signed.errors);
    const cms = await sign(fromBase64(signed.payload.payload));
    const rest = await fileWith(data, { method: 'EDS', cms });
    return rest;
  };

  const set = (patch: Partial<ApplyForm>) => {
    setForm((f) => ({ ...f, ...patch }));
    // What was fixed stops being shown as wrong; the rest stays until the next try.
    const fields = Object.keys(patch).map((k) => (k === 'conclusion' ? 'technicalConclusionUploadId' : k));
    clearErrors(...fields);
  };
  const clearErrors = (...fields: string[]) =>
    setErrors((current) => {
      if (!fields.some((f) => current[f]?.length)) return current;
      const next = { ...current };
      for (const f of fields) delete next[f];
      return next;
    });
  const ownPerson = own?.queuePrefill?.person ?? null;

  return (
    <div className="page q-page">
      <p className="q-back">
        <Link to="/queue">← {t('queue.card.back')}</Link>
      </p>
      <h1 tabIndex={-1}>{t('queue.apply.title')}</h1>
      <p className="page__lead">{t('queue.apply.lead')}</p>
      <p className="q-note">{t('queue.hours')}</p>
      {ownError && <FormErrors errors={[queryError(ownError)]} />}

      <div ref={formRef} className="q-apply">
        <Card title={representing ? t('queue.apply.representative') : t('queue.apply.applicant')} id="q-applicant">
          {ownPerson ? <PersonFacts person={ownPerson} label={representing ? t('queue.apply.representative') : t('queue.apply.applicant')} /> : <p className="muted">{t('queue.apply.loadingRegistries')}</p>}
          <p className="q-note q-note--small">{t('queue.person.fromRegistries')}</p>
        </Card>

        <Card title={t('queue.apply.claim')} id="q-claim">
          <ClaimFields
            value={form}
            onChange={(claim) => set(claim)}
            categories={categories}
            errors={{ ...errors, personIin: personErrors }}
            personSlot={
              representing && (
                <div className="q-represented__person" aria-live="polite">
                  {applicantPrefill ? (
                    <>
                      <h3 className="q-subtitle">{t('queue.apply.represented')}</h3>
                      <PersonFacts person={applicantPrefill.person} label={t('queue.apply.represented')} />
                    </>
                  ) : represented?.iin === personIin && !represented.error ? (
                    <p className="muted">{t('queue.apply.loadingRegistries')}</p>
                  ) : (
                    !represented?.error && <p className="muted">{t('queue.apply.personMissing')}</p>
                  )}
                </div>
              )
            }
          />
          {form.emergency && (
            <UploadField
              label={t('queue.apply.conclusion')}
              hint={t('queue.apply.conclusionHint')}
              fingerprint={`queue-conclusion:${viewer?.id ?? ''}`}
              value={form.conclusion ? [form.conclusion] : []}
              onChange={(next) => set({ conclusion: next[0] ?? null })}
              errors={errors.technicalConclusionUploadId}
              required
            />
          )}
        </Card>

        <Card title={t('queue.apply.consents')} id="q-consents">
          <fieldset className="q-consents" aria-describedby="q-consents-hint">
            <legend className="visually-hidden">{t('queue.apply.consents')}</legend>
            <p className="field__hint" id="q-consents-hint">
              {t('queue.apply.consentsHint')}
            </p>
            {CONSENTS.map((consent) => (
              <CheckboxField
                key={consent}
                label={t(`queue.apply.consent.${consent}`)}
                checked={form.consents[consent]}
                required
                onChange={(e) => {
                  const given = e.target.checked;
                  setForm((f) => ({ ...f, consents: { ...f.consents, [consent]: given } }));
                  if (given) clearErrors(`consents.${consent}`, 'consents');
                }}
                errors={errors[`consents.${consent}`]}
              />
            ))}
            <FieldErrors id="q-consents-error" errors={errors.consents} />
          </fieldset>
        </Card>

        <Card title={t('queue.apply.contacts')} id="q-contacts">
          <div className="form-grid">
            <TextField
              label={t('queue.apply.phone')}
              hint={t('queue.apply.phoneHint')}
              type="tel"
              autoComplete="tel"
              value={form.phone}
              onChange={(e) => set({ phone: e.target.value })}
              errors={errors.phone}
              required
            />
            <TextField label={t('queue.apply.email')} type="email" autoComplete="email" value={form.email} onChange={(e) => set({ email: e.target.value })} errors={errors.email} required />
          </div>
          {own?.queuePrefill && (
            <p className={`q-note q-note--small ${own.queuePrefill.phoneRegistered ? '' : 'q-note--warn'}`}>
              {own.queuePrefill.phoneRegistered ? t('queue.apply.phoneRegistered') : t('queue.apply.phoneNotRegistered')}
            </p>
          )}
        </Card>

        <Card title={t('queue.apply.sign')} id="q-sign">
          <RadioGroup<QueueSigningMethod>
            legend={t('queue.apply.method')}
            name="method"
            value={form.method}
            options={(['SMS', 'EDS'] as const).map((m) => ({ value: m, label: t(`queue.apply.methods.${m}`) }))}
            onChange={(method) => set({ method })}
          />
          {hasErrors(errors) && (
            <Alert tone="error">
              <p>{t('queue.apply.fixErrors')}</p>
            </Alert>
          )}
          <FormErrors errors={general} />
          {form.method === 'SMS' ? (
            <SmsSigning key={signedKey} sendCode={sendCode} onSign={(smsCode) => fileWith(input(), { method: 'SMS', smsCode })} />
          ) : (
            <EdsSignForm key={signedKey} purpose="sign" submitLabel={t('queue.apply.edsSubmit')} onSign={signWithEds} expectedSigner={viewer?.iinBin ?? null} />
          )}
        </Card>
      </div>
    </div>
  );
}
