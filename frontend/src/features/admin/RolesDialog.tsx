import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { type Role, UserRolesSetDocument, type ViewerFragment } from '../../gql/graphql';
import { type AppError, errorMessage, fromCombinedError } from '../../lib/errors';
import { accountName } from './access';

/** Every role of SPEC §2, in the order the dialog lists them. */
export const ROLES: readonly Role[] = ['CITIZEN', 'LEGAL_ENTITY', 'RESIDENT', 'KZHK_OPERATOR', 'QUEUE_OFFICER', 'UK_STAFF', 'PARTNER', 'ADMIN'];

/**
 * The roles of one account, changed as a whole; the server keeps the history of every change.
 * Mounted while that account is edited (its owner keys it by account): the boxes are ticked from
 * the first frame the dialog is on screen, and a cancelled edit is gone when it opens again.
 */
export function RolesDialog({ user, onClose, onSaved }: { user: ViewerFragment; onClose: () => void; onSaved: (user: ViewerFragment) => void }) {
  const { t } = useTranslation();
  const [roles, setRoles] = useState<Role[]>(() => [...user.roles]);
  const [error, setError] = useState<AppError | null>(null);
  const [{ fetching }, save] = useMutation(UserRolesSetDocument);

  const toggle = (role: Role) => setRoles((chosen) => (chosen.includes(role) ? chosen.filter((r) => r !== role) : ROLES.filter((r) => r === role || chosen.includes(r))));

  const submit = async () => {
    setError(null);
    const result = await save({ input: { userId: user.id, roles } });
    const payload = result.data?.userRolesSet;
    if (result.error || !payload || payload.errors.length || !payload.user) {
      setError(result.error ? fromCombinedError(result.error) : (payload?.errors[0] ?? { code: 'UNKNOWN' }));
      return;
    }
    onSaved(payload.user);
  };

  return (
    <Dialog
      open
      onClose={onClose}
      title={t('accounts.rolesTitle', { name: accountName(user) })}
      footer={
        <>
          <Button variant="secondary" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => void submit()} busy={fetching}>
            {t('common.save')}
          </Button>
        </>
      }
    >
      <fieldset className="role-list">
        <legend className="visually-hidden">{t('profile.roles')}</legend>
        {ROLES.map((role) => (
          <label key={role} className="role-list__item">
            <input type="checkbox" checked={roles.includes(role)} onChange={() => toggle(role)} />
            <span>{t(`roles.${role}`)}</span>
          </label>
        ))}
      </fieldset>
      {roles.length === 0 && <p className="muted">{t('accounts.noRolesHint')}</p>}
      {error && (
        <Alert tone="error">
          <p>{errorMessage(t, error)}</p>
        </Alert>
      )}
    </Dialog>
  );
}
