import { useTranslation } from 'react-i18next';
import { CheckboxField } from '../../components/CheckboxField';
import { RadioGroup } from '../../components/RadioGroup';
import { TextField } from '../../components/TextField';
import type { QueueRepresentation } from '../../gql/graphql';
import type { AppError } from '../../lib/errors';
import { type ClaimForm, REPRESENTATIONS } from './form';

export interface CategoryOption {
  code: string;
  name: string;
  fromRegistry: boolean;
}

/**
 * The answers the check and the application share: who the application is for (with the
 * represented person's IIN), the emergency-housing path, and the social categories of art. 74 §1,
 * those the registry confirms marked as such.
 */
export function ClaimFields({
  value,
  onChange,
  categories,
  errors,
  personSlot,
}: {
  value: ClaimForm;
  onChange: (next: ClaimForm) => void;
  categories: readonly CategoryOption[];
  errors: Record<string, AppError[]>;
  /** Shown under the IIN of the represented person (the "fill in" button and their data). */
  personSlot?: React.ReactNode;
}) {
  const { t } = useTranslation();
  const set = (patch: Partial<ClaimForm>) => onChange({ ...value, ...patch });
  return (
    <>
      <RadioGroup<QueueRepresentation>
        legend={t('queue.claim.who')}
        name="representation"
        value={value.representation}
        options={REPRESENTATIONS.map((r) => ({ value: r, label: t(`queue.representation.${r}`) }))}
        onChange={(representation) => set({ representation })}
      />
      {value.representation !== 'SELF' && (
        <div className="q-represented">
          <TextField
            label={t('queue.claim.personIin')}
            hint={t('queue.claim.personIinHint')}
            inputMode="numeric"
            maxLength={12}
            autoComplete="off"
            value={value.personIin}
            onChange={(e) => set({ personIin: e.target.value.replace(/\D/g, '') })}
            errors={errors.personIin}
            required
          />
          {personSlot}
        </div>
      )}
      <RadioGroup<'no' | 'yes'>
        legend={t('queue.claim.emergency')}
        name="emergency"
        value={value.emergency ? 'yes' : 'no'}
        options={[
          { value: 'no', label: t('queue.claim.emergencyNo') },
          { value: 'yes', label: t('queue.claim.emergencyYes') },
        ]}
        onChange={(v) => set({ emergency: v === 'yes' })}
      />
      {value.emergency && <p className="field__hint q-hint">{t('queue.claim.emergencyHint')}</p>}
      <fieldset className="field q-categories">
        <legend className="field__label">{t('queue.claim.categories')}</legend>
        <p className="field__hint">{t('queue.claim.categoriesHint')}</p>
        <div className="q-categories__list">
          {categories.map((c) => (
            <CheckboxField
              key={c.code}
              name="categories"
              value={c.code}
              label={
                <>
                  {c.name}
                  {c.fromRegistry && <span className="tag tag--primary q-tag">{t('queue.claim.fromRegistry')}</span>}
                </>
              }
              checked={value.categories.includes(c.code)}
              onChange={(e) => set({ categories: e.target.checked ? [...value.categories, c.code] : value.categories.filter((x) => x !== c.code) })}
            />
          ))}
        </div>
      </fieldset>
    </>
  );
}
