import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { PageLoader } from '../../components/PageLoader';
import { formatBytes } from '../../lib/format';
import { requirementLabel, typeLabel } from './labels';
import { useApplicationSetup } from './useApplicationSetup';

/**
 * Seed 001, step 3: "Өтініш жасау" opens a modal that describes the conditions of filing each
 * kind of application; the applicant chooses the type there. Its owner keys it by whether it is
 * open, so each opening is a new instance with nothing chosen from the frame it is shown (and the
 * closed one still reads the types ahead of the first opening).
 */
export function TypeChooserDialog({ open, onClose, onChoose }: { open: boolean; onClose: () => void; onChoose: (type: string) => void }) {
  const { t, i18n } = useTranslation();
  const { types, terms, error } = useApplicationSetup();
  const [chosen, setChosen] = useState('');
  const [missing, setMissing] = useState(false);

  const go = () => {
    if (!chosen) {
      setMissing(true);
      return;
    }
    onChoose(chosen);
  };

  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={t('applications.chooser.title')}
      size="wide"
      footer={
        <>
          <Button variant="secondary" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={go}>{t('common.continue')}</Button>
        </>
      }
    >
      <p className="chooser__lead">{t('applications.chooser.lead')}</p>
      {terms && (
        <ul className="chooser__general">
          <li>{t('applications.chooser.hours')}</li>
          <li>{t('applications.chooser.letter')}</li>
          <li>{t('applications.chooser.maxFile', { size: formatBytes(terms.maxFileBytes, i18n.language) })}</li>
        </ul>
      )}
      {error && (
        <Alert tone="error">
          <p>{t('errors.NETWORK')}</p>
        </Alert>
      )}
      {!types && !error && <PageLoader />}
      {types && (
        <fieldset className="chooser" aria-describedby={missing ? 'chooser-error' : undefined}>
          <legend className="chooser__legend">{t('applications.chooser.legend')}</legend>
          {missing && (
            <p className="field__error" id="chooser-error">
              {t('applications.chooser.required')}
            </p>
          )}
          {types.map((type) => (
            <label key={type.code} className={`chooser__option ${chosen === type.code ? 'chooser__option--chosen' : ''}`}>
              <input
                type="radio"
                name="application-type"
                value={type.code}
                checked={chosen === type.code}
                onChange={() => {
                  setChosen(type.code);
                  setMissing(false);
                }}
              />
              <span className="chooser__body">
                <span className="chooser__title">{typeLabel(t, type.code)}</span>
                <span className="chooser__text">{t(`applications.types.${type.code}.conditions`)}</span>
                <span className="chooser__terms">
                  {t('applications.chooser.reviewTerm', { days: type.reviewWorkingDays })} · {t('applications.chooser.revisionTerm', { days: type.revisionWorkingDays })}
                </span>
                <span className="chooser__docs">
                  {t('applications.chooser.documents')}{' '}
                  {type.documents.map((d) => `${requirementLabel(t, d.code)}${d.required ? ' *' : ''}`).join('; ')}
                </span>
              </span>
            </label>
          ))}
        </fieldset>
      )}
    </Dialog>
  );
}
