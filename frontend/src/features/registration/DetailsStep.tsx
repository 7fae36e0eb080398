import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { Button } from '../../components/Button';
import { FormErrors } from '../../components/FormErrors';
import { TextField } from '../../components/TextField';
import { type DeliveryFieldsFragment, RegistrationStartDocument } from '../../gql/graphql';
import { type AppError, fromCombinedError, splitErrors } from '../../lib/errors';
import { todayIso } from '../../lib/format';
import type { RegistrationDetails } from './types';
import { validateDetails } from './validateDetails';
import { useErrorFocus } from '../../components/useErrorFocus';

const FIELDS = ['iinBin', 'email', 'contractNumber', 'contractDate', 'phone'] as const;

/** Step 1 (seed 000): who you are and which contract proves it; an SMS code goes to the phone. */
export function DetailsStep({
  details,
  onChange,
  onSent,
}: {
  details: RegistrationDetails;
  onChange: (details: RegistrationDetails) => void;
  onSent: (registrationId: string, delivery: DeliveryFieldsFragment) => void;
}) {
  const { t } = useTranslation();
  const [errors, setErrors] = useState<AppError[]>([]);
  const formRef = useErrorFocus(errors);
  const [{ fetching }, start] = useMutation(RegistrationStartDocument);
  const set = (field: keyof RegistrationDetails) => (e: { target: { value: string } }) => onChange({ ...details, [field]: e.target.value });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const local = validateDetails(details);
    setErrors(local);
    if (local.length) return;
    const result = await start({
      input: {
        iinBin: details.iinBin.trim(),
        email: details.email.trim(),
        contractNumber: details.contractNumber.trim(),
        contractDate: details.contractDate,
        phone: details.phone.trim(),
      },
    });
    const payload = result.data?.registrationStart;
    if (result.error || !payload) {
      setErrors([result.error ? fromCombinedError(result.error) : { code: 'UNKNOWN' }]);
      return;
    }
    if (payload.errors.length || !payload.registrationId || !payload.delivery) {
      setErrors(payload.errors.length ? payload.errors : [{ code: 'UNKNOWN' }]);
      return;
    }
    onSent(payload.registrationId, payload.delivery);
  };

  const { byField, general } = splitErrors(errors, FIELDS);
  return (
    <form ref={formRef} onSubmit={submit} noValidate>
      <FormErrors errors={general} />
      <TextField label={t('registration.iinBin')} hint={t('registration.iinBinHint')} name="iinBin" inputMode="numeric" autoComplete="off" maxLength={12} value={details.iinBin} onChange={set('iinBin')} errors={byField.iinBin} required />
      <TextField label={t('registration.email')} type="email" name="email" autoComplete="email" value={details.email} onChange={set('email')} errors={byField.email} required />
      <div className="form-grid">
        <TextField label={t('registration.contractNumber')} hint={t('registration.contractNumberHint')} name="contractNumber" autoComplete="off" value={details.contractNumber} onChange={set('contractNumber')} errors={byField.contractNumber} required />
        <TextField label={t('registration.contractDate')} hint={t('registration.contractDateHint')} type="date" name="contractDate" max={todayIso()} value={details.contractDate} onChange={set('contractDate')} errors={byField.contractDate} required />
      </div>
      <TextField label={t('registration.phone')} hint={t('registration.phoneHint')} type="tel" name="phone" inputMode="tel" autoComplete="tel" placeholder="+7 7__ ___ __ __" value={details.phone} onChange={set('phone')} errors={byField.phone} required />
      <Button type="submit" block busy={fetching}>
        {t('common.continue')}
      </Button>
    </form>
  );
}
