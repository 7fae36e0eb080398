import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { FormErrors } from '../../components/FormErrors';
import { NewPasswordFields, type NewPasswordValue, type PasswordVerdict } from '../../components/NewPasswordFields';
import { type AuthPayloadFieldsFragment, RegistrationCompleteDocument } from '../../gql/graphql';
import { type AppError, fromCombinedError } from '../../lib/errors';
import { useErrorFocus } from '../../components/useErrorFocus';

/** Step 3: the password twice, checked live; the account is created and signed in. */
export function PasswordStep({
  registrationId,
  onDone,
  onRestart,
}: {
  registrationId: string;
  onDone: (payload: AuthPayloadFieldsFragment) => void;
  onRestart: () => void;
}) {
  const { t } = useTranslation();
  const [value, setValue] = useState<NewPasswordValue>({ password: '', confirmation: '' });
  const [verdict, setVerdict] = useState<PasswordVerdict | null>(null);
  const [errors, setErrors] = useState<AppError[]>([]);
  const formRef = useErrorFocus(errors);
  const [{ fetching }, complete] = useMutation(RegistrationCompleteDocument);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await complete({ input: { registrationId, password: value.password, passwordConfirmation: value.confirmation } });
    const payload = result.data?.registrationComplete;
    if (result.error || !payload) {
      setErrors([result.error ? fromCombinedError(result.error) : { code: 'UNKNOWN' }]);
      return;
    }
    if (payload.errors.length) {
      const passwordCodes = payload.errors.filter((e) => e.field === 'password').map((e) => e.code);
      setVerdict({ password: value.password, codes: passwordCodes });
      setErrors(payload.errors.filter((e) => e.field !== 'password'));
      return;
    }
    onDone(payload);
  };

  const rejected = verdict && verdict.password === value.password && verdict.codes.length > 0;
  const expired = errors.some((e) => e.code === 'REGISTRATION_EXPIRED' || e.code === 'REGISTRATION_NOT_VERIFIED' || e.code === 'REGISTRATION_NOT_FOUND');
  return (
    <form ref={formRef} onSubmit={submit} noValidate>
      {rejected && <Alert tone="error">{<p>{t('password.rejected')}</p>}</Alert>}
      <FormErrors errors={errors} />
      {expired && (
        <p>
          <Button variant="secondary" onClick={onRestart}>
            {t('registration.restart')}
          </Button>
        </p>
      )}
      <NewPasswordFields value={value} onChange={setValue} verdict={verdict} labels={{ password: t('password.password'), confirmation: t('password.repeat') }} />
      <Button type="submit" block busy={fetching}>
        {t('registration.finish')}
      </Button>
    </form>
  );
}
