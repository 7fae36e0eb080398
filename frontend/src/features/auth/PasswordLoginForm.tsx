import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { Button } from '../../components/Button';
import { FormErrors } from '../../components/FormErrors';
import { TextField } from '../../components/TextField';
import { SessionLoginDocument } from '../../gql/graphql';
import { type AppError, fromCombinedError, splitErrors } from '../../lib/errors';
import { useAfterSignIn } from './useAfterSignIn';
import { useErrorFocus } from '../../components/useErrorFocus';

const FIELDS = ['login', 'password'] as const;

/** IIN/BIN or email, then the password; Enter submits (seed 000). */
export function PasswordLoginForm() {
  const { t } = useTranslation();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<AppError[]>([]);
  const formRef = useErrorFocus(errors);
  const [{ fetching }, signIn] = useMutation(SessionLoginDocument);
  const afterSignIn = useAfterSignIn();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const missing: AppError[] = [];
    if (!login.trim()) missing.push({ code: 'REQUIRED', field: 'login' });
    if (!password) missing.push({ code: 'REQUIRED', field: 'password' });
    setErrors(missing);
    if (missing.length) return;
    const result = await signIn({ input: { login: login.trim(), password } });
    const payload = result.data?.sessionLogin;
    if (result.error || !payload) {
      setErrors([result.error ? fromCombinedError(result.error) : { code: 'UNKNOWN' }]);
      return;
    }
    if (payload.errors.length) {
      // A wrong password is about the pair, not the login field: say it once, above the form.
      setErrors(payload.errors.map((e) => (e.code === 'INVALID_CREDENTIALS' ? { ...e, field: null } : e)));
      return;
    }
    afterSignIn(payload);
  };

  const { byField, general } = splitErrors(errors, FIELDS);
  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-describedby={general.length ? 'login-errors' : undefined}>
      <div id="login-errors">
        <FormErrors errors={general} />
      </div>
      <TextField
        label={t('login.loginLabel')}
        hint={t('login.loginHint')}
        name="username"
        autoComplete="username"
        value={login}
        onChange={(e) => setLogin(e.target.value)}
        errors={byField.login}
        required
      />
      <TextField
        label={t('login.password')}
        type="password"
        name="password"
        autoComplete="current-password"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        errors={byField.password}
        revealable
        required
      />
      <Button type="submit" block busy={fetching}>
        {t('login.submit')}
      </Button>
    </form>
  );
}
