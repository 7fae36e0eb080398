import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient, useMutation } from 'urql';
import { Button } from '../../components/Button';
import { Card } from '../../components/Card';
import { FieldErrors } from '../../components/FieldErrors';
import { FormErrors } from '../../components/FormErrors';
import { RadioGroup } from '../../components/RadioGroup';
import { TextAreaField } from '../../components/TextAreaField';
import { type AppError, fromCombinedError, splitErrors } from '../../lib/errors';
import { type OfficeApplication, QueueOfficeReviewDocument, QueueReasonsDocument } from './api';
import { reasonChoices, reviewErrors, reviewInput } from './forms';
import type { QueueReason } from './types';

type Verdict = 'eligible' | 'not_eligible';

/**
 * The emergency path (SPEC §5.2): the officer reviews within 3 working days, with the expert's
 * technical conclusion among the files. Eligible registers the applicant; not eligible sends the
 * preliminary decision with the chosen reasons and opens the hearing (§17).
 */
export function ReviewPanel({ application, onChanged }: { application: OfficeApplication; onChanged: (next: OfficeApplication, message: string) => void }) {
  const { t, i18n } = useTranslation();
  const client = useClient();
  // Every ground of refusal (queueReasons), after those the checks found: the officer may see one the registries could not.
  const [catalog, setCatalog] = useState<QueueReason[]>([]);
  useEffect(() => {
    let live = true;
    void client
      .query(QueueReasonsDocument, {}, { requestPolicy: 'network-only' })
      .toPromise()
      .then((result) => live && result.data && setCatalog(result.data.queueReasons));
    return () => {
      live = false;
    };
  }, [client, i18n.language]);
  const { choices, suggested } = reasonChoices(application.checks, application.reasons, catalog);
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const [reasons, setReasons] = useState<string[]>(suggested);
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<AppError[]>([]);
  const [busy, setBusy] = useState(false);
  const [, review] = useMutation(QueueOfficeReviewDocument);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const draft = { eligible: verdict === null ? null : verdict === 'eligible', reasons, comment };
    const invalid = reviewErrors(draft);
    setErrors(invalid);
    if (invalid.length) return;
    setBusy(true);
    const result = await review({ input: reviewInput(application.id, draft) });
    setBusy(false);
    const payload = result.data?.queueOfficeReview;
    if (result.error || !payload) return setErrors([result.error ? fromCombinedError(result.error) : { code: 'UNKNOWN' }]);
    if (payload.errors.length || !payload.application) return setErrors(payload.errors.length ? payload.errors : [{ code: 'UNKNOWN' }]);
    onChanged(payload.application, t(verdict === 'eligible' ? 'queueOffice.review.doneEligible' : 'queueOffice.review.doneRefused'));
  };

  const { byField, general } = splitErrors(errors, ['eligible', 'reasons', 'comment']);
  const toggle = (code: string) => setReasons((chosen) => (chosen.includes(code) ? chosen.filter((c) => c !== code) : [...chosen, code]));
  return (
    <Card title={t('queueOffice.review.title')} id="qo-review" className="qo-panel">
      <p className="qo-panel__lead">{t('queueOffice.review.lead')}</p>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <FormErrors errors={general} />
        <RadioGroup
          legend={t('queueOffice.review.verdict')}
          name="qo-verdict"
          value={verdict ?? ('' as Verdict)}
          onChange={setVerdict}
          options={[
            { value: 'eligible', label: t('queueOffice.review.eligible') },
            { value: 'not_eligible', label: t('queueOffice.review.notEligible') },
          ]}
          errors={byField.eligible}
        />
        {verdict === 'not_eligible' && (
          <fieldset className={`field qo-reasons${byField.reasons ? ' field--invalid' : ''}`} aria-describedby={byField.reasons ? 'qo-reasons-error' : undefined}>
            <legend className="field__label">{t('queueOffice.review.reasons')}</legend>
            {choices.length === 0 && <p className="muted">{t('queueOffice.review.noReasons')}</p>}
            {choices.map((reason) => (
              <label key={reason.code} className="check qo-reasons__item">
                <input type="checkbox" className="check__input" checked={reasons.includes(reason.code)} onChange={() => toggle(reason.code)} />
                <span className="check__label">
                  {/* A ground the checks found is told with its facts; any other by its short name. */}
                  {suggested.includes(reason.code) ? reason.explanation : t(`queueOffice.reasons.${reason.code}`, { defaultValue: reason.explanation })}{' '}
                  <span className="mono qo-check__code">{reason.code}</span>
                </span>
              </label>
            ))}
            <FieldErrors id="qo-reasons-error" errors={byField.reasons} />
          </fieldset>
        )}
        <TextAreaField label={t('queueOffice.review.comment')} hint={t('queueOffice.review.commentHint')} required={verdict === 'not_eligible'} rows={3} value={comment} onChange={(e) => setComment(e.target.value)} errors={byField.comment} />
        <div className="form-actions">
          <Button type="submit" busy={busy} variant={verdict === 'not_eligible' ? 'danger' : 'primary'}>
            {t(verdict === 'not_eligible' ? 'queueOffice.review.submitRefusal' : 'queueOffice.review.submit')}
          </Button>
        </div>
      </form>
    </Card>
  );
}
