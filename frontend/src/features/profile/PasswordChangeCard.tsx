import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { Card } from '../../components/Card';
import { FormErrors } from '../../components/FormErrors';
import { NewPasswordFields, type NewPasswordValue, type PasswordVerdict } from '../../components/NewPasswordFields';
import { TextField } from '../../components/TextField';
import { ProfilePasswordChangeDocument } from '../../gql/graphql';
import { useSessionManager } from '../../lib/auth/SessionContext';
import { type AppError, fromCombinedError, splitErrors } from '../../lib/errors';
import { useErrorFocus } from '../../components/useErrorFocus';

const NEW_PASSWORD_FIELDS = ['newPassword', 'password'];

/** Change the password (or set one, for phone-only accounts); the other sessions end. */
export function PasswordChangeCard({ hasPassword }: { hasPassword: boolean }) {
  const { t } = useTranslation();
  const manager = useSessionManager();
  const [open, setOpen] = useState(false);
  const [currentPassword, setCurrentPassword] = useState('');
  const [value, setValue] = useState<NewPasswordValue>({ password: '', confirmation: '' });
  const [verdict, setVerdict] = useState<PasswordVerdict | null>(null);
  const [errors, setErrors] = useState<AppError[]>([]);
  const formRef = useErrorFocus(errors);
  const [done, setDone] = useState(false);
  const [{ fetching }, change] = useMutation(ProfilePasswordChangeDocument);

  const reset = () => {
    setOpen(false);
    setCurrentPassword('');
    setValue({ password: '', confirmation: '' });
    setVerdict(null);
    setErrors([]);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (hasPassword && !currentPassword) {
      setErrors([{ code: 'REQUIRED', field: 'currentPassword' }]);
      return;
    }
    const result = await change({
      input: {
        ...(hasPassword ? { currentPassword } : {}),
        newPassword: value.password,
        newPasswordConfirmation: value.confirmation,
      },
    });
    const payload = result.data?.profilePasswordChange;
    if (result.error || !payload) {
      setErrors([result.error ? fromCombinedError(result.error) : { code: 'UNKNOWN' }]);
      return;
    }
    if (payload.errors.length || !payload.user) {
      const rules = payload.errors.filter((e) => e.code.startsWith('PASSWORD_') && (!e.field || NEW_PASSWORD_FIELDS.includes(e.field)));
      setVerdict({ password: value.password, codes: rules.map((e) => e.code) });
      setErrors(
        payload.errors
          .filter((e) => !rules.includes(e))
          .map((e) => (e.code === 'INVALID_CREDENTIALS' && e.field === 'currentPassword' ? { ...e, code: 'CURRENT_PASSWORD_WRONG' } : e)),
      );
      return;
    }
    manager.updateViewer(payload.user);
    reset();
    setDone(true);
  };

  const rejected = verdict && verdict.password === value.password && verdict.codes.length > 0;
  const { byField, general } = splitErrors(errors, ['currentPassword']);
  return (
    <Card id="password" title={hasPassword ? t('profile.passwordChange.title') : t('profile.passwordChange.setTitle')}>
      {done && (
        <Alert tone="success">
          <p>{t('profile.passwordChange.done')}</p>
        </Alert>
      )}
      {!open ? (
        <>
          <p className="muted">{hasPassword ? t('profile.passwordChange.lead') : t('profile.passwordChange.setLead')}</p>
          <Button
            variant="secondary"
            onClick={() => {
              setDone(false);
              setOpen(true);
            }}
          >
            {hasPassword ? t('profile.passwordChange.open') : t('profile.passwordChange.setOpen')}
          </Button>
        </>
      ) : (
        <form ref={formRef} onSubmit={submit} noValidate>
          {rejected && (
            <Alert tone="error">
              <p>{t('password.rejected')}</p>
            </Alert>
          )}
          <FormErrors errors={general} />
          {hasPassword && <TextField label={t('profile.passwordChange.current')} type="password" autoComplete="current-password" value={currentPassword} onChange={(e) => setCurrentPassword(e.target.value)} errors={byField.currentPassword} revealable required />}
          <NewPasswordFields value={value} onChange={setValue} verdict={verdict} />
          <p className="muted small">{t('profile.passwordChange.othersEnd')}</p>
          <div className="form-actions">
            <Button type="submit" busy={fetching}>
              {t('profile.passwordChange.submit')}
            </Button>
            <Button variant="ghost" onClick={reset}>
              {t('common.cancel')}
            </Button>
          </div>
        </form>
      )}
    </Card>
  );
}
