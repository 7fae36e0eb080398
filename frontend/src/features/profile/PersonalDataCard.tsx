import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { Card } from '../../components/Card';
import { FormErrors } from '../../components/FormErrors';
import { TextField } from '../../components/TextField';
import { type Locale as ApiLocale, ProfileUpdateDocument } from '../../gql/graphql';
import type { Viewer } from '../../lib/auth/sessionManager';
import { useSessionManager } from '../../lib/auth/SessionContext';
import { type AppError, fromCombinedError, splitErrors } from '../../lib/errors';
import { formatPhone } from '../../lib/format';
import { changeLocale } from '../../lib/i18n/i18n';
import { fromApiLocale } from '../../lib/i18n/locales';
import { useErrorFocus } from '../../components/useErrorFocus';

const LANGUAGE_NAMES: Record<ApiLocale, string> = { KK: 'Қазақша', RU: 'Русский', EN: 'English' };

export function PersonalDataCard({ viewer }: { viewer: Viewer }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const company = viewer.kind === 'COMPANY';
  const none = <span className="muted">{t('profile.notSet')}</span>;
  return (
    <Card
      id="personal"
      title={t('profile.personal')}
      actions={
        !editing && (
          <Button
            variant="secondary"
            onClick={() => {
              setSaved(false);
              setEditing(true);
            }}
          >
            {t('common.edit')}
          </Button>
        )
      }
    >
      {saved && (
        <Alert tone="success">
          <p>{t('profile.saved')}</p>
        </Alert>
      )}
      {editing ? (
        <EditForm
          viewer={viewer}
          onDone={(didSave) => {
            setEditing(false);
            setSaved(didSave);
          }}
        />
      ) : (
        <dl className="data-list">
          <div>
            <dt>{company ? t('profile.companyName') : t('profile.fullName')}</dt>
            <dd>{viewer.fullName || none}</dd>
          </div>
          <div>
            <dt>{t('profile.iinBin')}</dt>
            <dd className="mono">{viewer.iinBin || none}</dd>
          </div>
          <div>
            <dt>{t('profile.email')}</dt>
            <dd>{viewer.email || none}</dd>
          </div>
          <div>
            <dt>{t('profile.phone')}</dt>
            <dd className="mono">{formatPhone(viewer.phone) || none}</dd>
          </div>
          <div>
            <dt>{t('profile.language')}</dt>
            <dd>{LANGUAGE_NAMES[viewer.locale]}</dd>
          </div>
          <div>
            <dt>{t('profile.roles')}</dt>
            <dd>
              <ul className="tag-list">
                {viewer.roles.map((role) => (
                  <li key={role} className="tag">
                    {t(`roles.${role}`)}
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        </dl>
      )}
    </Card>
  );
}

function EditForm({ viewer, onDone }: { viewer: Viewer; onDone: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const manager = useSessionManager();
  const [fullName, setFullName] = useState(viewer.fullName);
  const [locale, setLocale] = useState<ApiLocale>(viewer.locale);
  const [errors, setErrors] = useState<AppError[]>([]);
  const formRef = useErrorFocus(errors);
  const [{ fetching }, update] = useMutation(ProfileUpdateDocument);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!fullName.trim()) {
      setErrors([{ code: 'REQUIRED', field: 'fullName' }]);
      return;
    }
    const input = {
      ...(fullName.trim() !== viewer.fullName ? { fullName: fullName.trim() } : {}),
      ...(locale !== viewer.locale ? { locale } : {}),
    };
    if (Object.keys(input).length === 0) {
      onDone(false);
      return;
    }
    const result = await update({ input });
    const payload = result.data?.profileUpdate;
    if (result.error || !payload) {
      setErrors([result.error ? fromCombinedError(result.error) : { code: 'UNKNOWN' }]);
      return;
    }
    if (payload.errors.length || !payload.user) {
      setErrors(payload.errors);
      return;
    }
    manager.updateViewer(payload.user);
    // One language for the account and the screen: the person chose it here.
    if (input.locale) await changeLocale(fromApiLocale(input.locale));
    onDone(true);
  };

  const { byField, general } = splitErrors(errors, ['fullName', 'locale']);
  return (
    <form ref={formRef} onSubmit={submit} noValidate>
      <FormErrors errors={general} />
      <TextField label={viewer.kind === 'COMPANY' ? t('profile.companyName') : t('profile.fullName')} name="fullName" autoComplete="name" value={fullName} maxLength={200} onChange={(e) => setFullName(e.target.value)} errors={byField.fullName} required />
      <div className="field">
        <label className="field__label" htmlFor="profile-locale">
          {t('profile.language')}
        </label>
        <p className="field__hint" id="profile-locale-hint">
          {t('profile.languageHint')}
        </p>
        <select id="profile-locale" aria-describedby="profile-locale-hint" value={locale} onChange={(e) => setLocale(e.target.value as ApiLocale)}>
          {(Object.keys(LANGUAGE_NAMES) as ApiLocale[]).map((code) => (
            <option key={code} value={code} lang={code.toLowerCase()}>
              {LANGUAGE_NAMES[code]}
            </option>
          ))}
        </select>
      </div>
      <div className="form-actions">
        <Button type="submit" busy={fetching}>
          {t('common.save')}
        </Button>
        <Button variant="ghost" onClick={() => onDone(false)}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
