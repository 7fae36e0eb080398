import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { FormErrors } from '../../components/FormErrors';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { useErrorFocus } from '../../components/useErrorFocus';
import { AccountLinkByAddressDocument, AccountLinkByLoginDocument, CabinetManagementCompaniesDocument, type CabinetLinkFieldsFragment } from '../../gql/graphql';
import { type AppError, fromCombinedError, splitErrors } from '../../lib/errors';
import { type AddressLinkForm, type FieldErrors, toAddressLinkInput, validateAddressLink, validateLoginLink } from './forms';

export type LinkMethod = 'login' | 'address';

function flatten(errors: FieldErrors): AppError[] {
  return Object.values(errors).flat();
}

/**
 * "Add by login and password" or "Add by address" (seed 004, «Добавить лицевой счет»). The
 * dialog closes only once the server took the link; what was typed stays on any error.
 */
export function LinkAccountDialog({ method, onClose, onLinked }: { method: LinkMethod | null; onClose: () => void; onLinked: (link: CabinetLinkFieldsFragment) => void }) {
  const { t } = useTranslation();
  return (
    <Dialog open={method !== null} onClose={onClose} title={t('cabinet.link.title')}>
      {method === 'login' && <LoginLinkForm onLinked={onLinked} />}
      {method === 'address' && <AddressLinkForm onLinked={onLinked} />}
    </Dialog>
  );
}

const LOGIN_FIELDS = ['login', 'password'] as const;

function LoginLinkForm({ onLinked }: { onLinked: (link: CabinetLinkFieldsFragment) => void }) {
  const { t } = useTranslation();
  const [form, setForm] = useState({ login: '', password: '' });
  const [errors, setErrors] = useState<AppError[]>([]);
  const formRef = useErrorFocus(errors);
  const [{ fetching }, link] = useMutation(AccountLinkByLoginDocument);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const invalid = flatten(validateLoginLink(form));
    setErrors(invalid);
    if (invalid.length) return;
    const result = await link({ input: { login: form.login.trim(), password: form.password } });
    const payload = result.data?.accountLinkByLogin;
    if (result.error || !payload) return setErrors([result.error ? fromCombinedError(result.error) : { code: 'UNKNOWN' }]);
    if (payload.errors.length || !payload.link) return setErrors(payload.errors.length ? payload.errors : [{ code: 'UNKNOWN' }]);
    onLinked(payload.link);
  };

  const { byField, general } = splitErrors(errors, LOGIN_FIELDS);
  return (
    <form ref={formRef} onSubmit={submit} noValidate>
      <p className="cab-dialog__lead">{t('cabinet.link.loginLead')}</p>
      <FormErrors errors={general} />
      <TextField
        label={t('cabinet.link.login')}
        hint={t('cabinet.link.loginHint')}
        name="login"
        autoComplete="username"
        value={form.login}
        onChange={(e) => setForm({ ...form, login: e.target.value })}
        errors={byField.login}
        required
      />
      <TextField
        label={t('cabinet.link.password')}
        name="password"
        type="password"
        autoComplete="current-password"
        revealable
        value={form.password}
        onChange={(e) => setForm({ ...form, password: e.target.value })}
        errors={byField.password}
        required
      />
      <Button type="submit" block busy={fetching}>
        {t('cabinet.link.submit')}
      </Button>
    </form>
  );
}

const ADDRESS_FIELDS = ['accountNumber', 'address', 'flat', 'companyId'] as const;

function AddressLinkForm({ onLinked }: { onLinked: (link: CabinetLinkFieldsFragment) => void }) {
  const { t } = useTranslation();
  const [form, setForm] = useState<AddressLinkForm>({ accountNumber: '', address: '', flat: '', companyId: '' });
  const [errors, setErrors] = useState<AppError[]>([]);
  const formRef = useErrorFocus(errors);
  const [{ fetching }, link] = useMutation(AccountLinkByAddressDocument);
  const [companies] = useQuery({ query: CabinetManagementCompaniesDocument, variables: {} });
  const options = (companies.data?.managementCompanies ?? []).map((c) => ({ value: c.id, label: c.name }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const invalid = flatten(validateAddressLink(form));
    setErrors(invalid);
    if (invalid.length) return;
    const result = await link({ input: toAddressLinkInput(form) });
    const payload = result.data?.accountLinkByAddress;
    if (result.error || !payload) return setErrors([result.error ? fromCombinedError(result.error) : { code: 'UNKNOWN' }]);
    if (payload.errors.length || !payload.link) return setErrors(payload.errors.length ? payload.errors : [{ code: 'UNKNOWN' }]);
    onLinked(payload.link);
  };

  const { byField, general } = splitErrors(errors, ADDRESS_FIELDS);
  return (
    <form ref={formRef} onSubmit={submit} noValidate>
      <p className="cab-dialog__lead">{t('cabinet.link.addressLead')}</p>
      <FormErrors errors={general} />
      <TextField
        label={t('cabinet.link.accountNumber')}
        name="accountNumber"
        inputMode="numeric"
        autoComplete="off"
        value={form.accountNumber}
        onChange={(e) => setForm({ ...form, accountNumber: e.target.value })}
        errors={byField.accountNumber}
        required
      />
      <TextField
        label={t('cabinet.link.address')}
        hint={t('cabinet.link.addressHint')}
        name="address"
        autoComplete="street-address"
        value={form.address}
        onChange={(e) => setForm({ ...form, address: e.target.value })}
        errors={byField.address}
        required
      />
      <TextField label={t('cabinet.link.flat')} name="flat" autoComplete="off" value={form.flat} onChange={(e) => setForm({ ...form, flat: e.target.value })} errors={byField.flat} required />
      <SelectField
        label={t('cabinet.link.company')}
        hint={t('cabinet.link.companyHint')}
        value={form.companyId}
        onChange={(companyId) => setForm({ ...form, companyId })}
        options={options}
        placeholder={t('cabinet.link.companyNone')}
        errors={byField.companyId}
      />
      <Button type="submit" block busy={fetching}>
        {t('cabinet.link.submit')}
      </Button>
    </form>
  );
}
