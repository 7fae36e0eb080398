import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../lib/errors';
import { evaluatePassword } from '../lib/password/rules';
import { usePasswordPolicy } from '../lib/password/usePasswordPolicy';
import { PasswordChecklist } from './PasswordChecklist';
import { TextField } from './TextField';

export interface NewPasswordValue {
  password: string;
  confirmation: string;
}

/** What the server said about a password, kept only while that password is still the one typed. */
export interface PasswordVerdict {
  password: string;
  codes: string[];
}

/**
 * A new password typed twice, with the policy as a checklist that updates on every keystroke.
 * Rules only the server can check join the list once the server reports them.
 */
export function NewPasswordFields({
  value,
  onChange,
  verdict,
  confirmationErrors,
  labels,
}: {
  value: NewPasswordValue;
  onChange: (value: NewPasswordValue) => void;
  verdict?: PasswordVerdict | null;
  confirmationErrors?: readonly AppError[];
  labels?: { password?: string; confirmation?: string };
}) {
  const { t } = useTranslation();
  const policy = usePasswordPolicy();
  const checklistId = `pw${useId()}`;
  const serverCodes = verdict && verdict.password === value.password ? verdict.codes : [];
  const items = evaluatePassword(value.password, value.confirmation, policy, serverCodes);
  return (
    <>
      <TextField
        label={labels?.password ?? t('password.new')}
        type="password"
        autoComplete="new-password"
        value={value.password}
        onChange={(e) => onChange({ ...value, password: e.target.value })}
        aria-describedby={checklistId}
        revealable
        required
      />
      <TextField
        label={labels?.confirmation ?? t('password.confirm')}
        type="password"
        autoComplete="new-password"
        value={value.confirmation}
        onChange={(e) => onChange({ ...value, confirmation: e.target.value })}
        errors={confirmationErrors}
        revealable
        required
      />
      <PasswordChecklist id={checklistId} items={items} />
    </>
  );
}
