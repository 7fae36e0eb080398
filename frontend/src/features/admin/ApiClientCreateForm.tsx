import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { Button } from '../../components/Button';
import { FieldErrors } from '../../components/FieldErrors';
import { FormErrors } from '../../components/FormErrors';
import { RequiredLabel } from '../../components/RequiredLabel';
import { TextField } from '../../components/TextField';
import { useErrorFocus } from '../../components/useErrorFocus';
import { type ApiClientFieldsFragment, ApiClientCreateDocument, type ApiScope } from '../../gql/graphql';
import { type AppError, fromCombinedError, splitErrors } from '../../lib/errors';
import { API_SCOPES, DEFAULT_SCOPES } from './access';

const FIELDS = ['name', 'organizationBin', 'organizationName', 'scopes', 'rateLimitPerMinute'];

/** A new partner client: who it acts for and what it may do. What was typed stays on any error. */
export function ApiClientCreateForm({ onCreated, onCancel }: { onCreated: (client: ApiClientFieldsFragment, apiKey: string) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const scopesId = `s${useId()}`;
  const [name, setName] = useState('');
  const [bin, setBin] = useState('');
  const [organizationName, setOrganizationName] = useState('');
  const [scopes, setScopes] = useState<ApiScope[]>([...DEFAULT_SCOPES]);
  const [rateLimit, setRateLimit] = useState('600');
  const [errors, setErrors] = useState<AppError[]>([]);
  const formRef = useErrorFocus(errors);
  const [{ fetching }, create] = useMutation(ApiClientCreateDocument);

  const toggle = (scope: ApiScope) => setScopes((chosen) => (chosen.includes(scope) ? chosen.filter((s) => s !== scope) : API_SCOPES.filter((s) => s === scope || chosen.includes(s))));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const missing: AppError[] = [];
    if (!name.trim()) missing.push({ code: 'REQUIRED', field: 'name' });
    if (!bin.trim()) missing.push({ code: 'REQUIRED', field: 'organizationBin' });
    if (scopes.length === 0) missing.push({ code: 'REQUIRED', field: 'scopes' });
    const limit = rateLimit.trim() === '' ? null : Number(rateLimit);
    if (limit !== null && !Number.isInteger(limit)) missing.push({ code: 'OUT_OF_RANGE', field: 'rateLimitPerMinute' });
    if (missing.length) return setErrors(missing);
    const result = await create({
      input: { name: name.trim(), organizationBin: bin.trim(), organizationName: organizationName.trim() || null, scopes, rateLimitPerMinute: limit },
    });
    const payload = result.data?.apiClientCreate;
    if (result.error || !payload) return setErrors([result.error ? fromCombinedError(result.error) : { code: 'UNKNOWN' }]);
    if (payload.errors.length || !payload.client || !payload.apiKey) return setErrors(payload.errors.length ? payload.errors : [{ code: 'UNKNOWN' }]);
    onCreated(payload.client, payload.apiKey);
  };

  const { byField, general } = splitErrors(errors, FIELDS);
  const scopesInvalid = Boolean(byField.scopes?.length);
  return (
    <form ref={formRef} onSubmit={submit} noValidate className="api-client-form">
      <p className="muted">{t('form.requiredHint')}</p>
      <FormErrors errors={general} />
      <TextField label={<RequiredLabel required>{t('apiClients.form.name')}</RequiredLabel>} hint={t('apiClients.form.nameHint')} value={name} maxLength={200} onChange={(e) => setName(e.target.value)} errors={byField.name} required />
      <TextField
        label={<RequiredLabel required>{t('apiClients.form.bin')}</RequiredLabel>}
        hint={t('apiClients.form.binHint')}
        className="field--short"
        inputMode="numeric"
        autoComplete="off"
        maxLength={12}
        value={bin}
        onChange={(e) => setBin(e.target.value.replace(/\D/g, ''))}
        errors={byField.organizationBin}
        required
      />
      <TextField label={t('apiClients.form.organizationName')} hint={t('apiClients.form.organizationNameHint')} value={organizationName} maxLength={300} onChange={(e) => setOrganizationName(e.target.value)} errors={byField.organizationName} />
      <fieldset className={['field', 'scope-list', scopesInvalid ? 'field--invalid' : ''].filter(Boolean).join(' ')} aria-describedby={scopesInvalid ? `${scopesId}-error` : undefined}>
        <legend className="field__label">
          <RequiredLabel required>{t('apiClients.form.scopes')}</RequiredLabel>
        </legend>
        {API_SCOPES.map((scope) => (
          <label key={scope} className="scope-list__item">
            <input type="checkbox" checked={scopes.includes(scope)} onChange={() => toggle(scope)} />
            <span>
              <strong className="mono">{scope}</strong>
              <span className="scope-list__text">{t(`apiClients.scopes.${scope}`)}</span>
            </span>
          </label>
        ))}
        <FieldErrors id={`${scopesId}-error`} errors={byField.scopes} />
      </fieldset>
      <TextField
        label={t('apiClients.form.rateLimit')}
        hint={t('apiClients.form.rateLimitHint')}
        className="field--short"
        type="number"
        min={1}
        max={100000}
        step={1}
        value={rateLimit}
        onChange={(e) => setRateLimit(e.target.value)}
        errors={byField.rateLimitPerMinute}
      />
      <div className="form-actions">
        <Button type="submit" busy={fetching}>
          {t('apiClients.form.submit')}
        </Button>
        <Button variant="ghost" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
