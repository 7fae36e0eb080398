import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient, useMutation } from 'urql';
import { Button } from '../../components/Button';
import { Card } from '../../components/Card';
import { Dialog } from '../../components/Dialog';
import { EdsSignForm, type Signer } from '../../components/eds/EdsSignForm';
import { FormErrors } from '../../components/FormErrors';
import { RadioGroup } from '../../components/RadioGroup';
import { TextAreaField } from '../../components/TextAreaField';
import { useSession } from '../../lib/auth/SessionContext';
import { fromBase64 } from '../../lib/eds/base64';
import { type AppError, fromCombinedError, splitErrors } from '../../lib/errors';
import { formatDate, formatDateTime } from '../../lib/format';
import { type DecisionInput, type OfficeApplication, QueueDecisionPayloadDocument, QueueHearingResultDocument } from './api';
import { Countdown } from './Countdown';
import { FileList } from './Facts';
import { decisionErrors, type HearingOutcome, queryErrorCode } from './forms';
import type { QueueHearing } from './types';

/**
 * The hearing after a preliminary refusal (order §17): the reasons sent, the notice date, the
 * hearing's deadline (within 2 working days of the notice) as a countdown, and the applicant's
 * position with its files once submitted; while it is pending, the officer records the result —
 * registration or a reasoned refusal — signed with EDS in the browser: the server gives the exact
 * bytes of the decision (queueDecisionPayload), the officer's key signs them, the CMS goes with the
 * same decision to queueHearingResult.
 */
export function HearingCard({ application, onChanged }: { application: OfficeApplication; onChanged: (next: OfficeApplication, message: string) => void }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const hearing = application.hearing as QueueHearing;
  const pending = application.status === 'HEARING' && !hearing.outcome;
  const hearingDeadline = application.deadlines.find((d) => d.kind === 'hearing') ?? { kind: 'hearing', due: hearing.hearingDue, workingDaysLeft: hearing.workingDaysLeft, overdue: hearing.workingDaysLeft < 0 };
  return (
    <Card title={t('queueOffice.hearing.title')} id="qo-hearing" className="app-card__wide">
      <dl className="app-facts">
        <div className="app-facts__item">
          <dt>{t('queueOffice.hearing.noticeDate')}</dt>
          <dd>{formatDate(hearing.noticeDate, locale)}</dd>
        </div>
        <div className="app-facts__item">
          <dt>{t('queueOffice.hearing.due')}</dt>
          <dd>{pending ? <Countdown deadline={hearingDeadline} withKind={false} /> : formatDate(hearing.hearingDue, locale)}</dd>
        </div>
        <div className="app-facts__item app-facts__item--wide">
          <dt>{t('queueOffice.hearing.reasons')}</dt>
          <dd>
            <ul className="qo-reason-list">
              {hearing.reasons.map((r) => (
                <li key={r.code}>
                  {r.explanation} <span className="mono qo-check__code">{r.code}</span>
                </li>
              ))}
            </ul>
          </dd>
        </div>
      </dl>

      <section className="qo-position" aria-labelledby="qo-position-title">
        <h3 id="qo-position-title" className="qo-subtitle">
          {t('queueOffice.hearing.position')}
        </h3>
        {hearing.positionSubmittedAt ? (
          <>
            <p className="muted">{t('queueOffice.hearing.submittedAt', { when: formatDateTime(hearing.positionSubmittedAt, locale) })}</p>
            <blockquote className="qo-position__text" data-testid="hearing-position">
              {hearing.positionText}
            </blockquote>
            {hearing.files.length > 0 && <FileList files={hearing.files} label={t('queueOffice.hearing.positionFiles')} />}
          </>
        ) : (
          <p className="muted">{t('queueOffice.hearing.noPosition')}</p>
        )}
      </section>

      {hearing.outcome && (
        <section className="qo-outcome" aria-labelledby="qo-outcome-title">
          <h3 id="qo-outcome-title" className="qo-subtitle">
            {t('queueOffice.hearing.result')}
          </h3>
          <p>
            <strong>{t(`queueOffice.hearing.outcomes.${hearing.outcome}`, { defaultValue: hearing.outcome })}</strong>
            {hearing.heldAt && <span className="muted"> · {formatDateTime(hearing.heldAt, locale)}</span>}
          </p>
          {hearing.outcomeReasoning && <blockquote className="qo-position__text">{hearing.outcomeReasoning}</blockquote>}
        </section>
      )}

      {pending && <HearingResultForm application={application} onChanged={onChanged} />}
    </Card>
  );
}

function HearingResultForm({ application, onChanged }: { application: OfficeApplication; onChanged: (next: OfficeApplication, message: string) => void }) {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const { viewer } = useSession();
  const [outcome, setOutcome] = useState<HearingOutcome | null>(null);
  const [reasoning, setReasoning] = useState('');
  const [errors, setErrors] = useState<AppError[]>([]);
  const [signing, setSigning] = useState<DecisionInput | null>(null);
  const [, record] = useMutation(QueueHearingResultDocument);

  const review = (event: FormEvent) => {
    event.preventDefault();
    const invalid = decisionErrors(outcome, reasoning);
    setErrors(invalid);
    if (invalid.length || !outcome) return;
    setSigning({ applicationId: application.id, outcome, reasoning: reasoning.trim() });
  };

  /** The bytes of this very decision, signed now, then recorded with it. */
  const sign = async (signer: Signer): Promise<readonly AppError[]> => {
    if (!signing) return [{ code: 'UNKNOWN' }];
    const payload = await client.query(QueueDecisionPayloadDocument, { input: signing }, { requestPolicy: 'network-only' }).toPromise();
    if (payload.error || !payload.data) {
      const refused = payload.error && !payload.error.networkError ? queryErrorCode(payload.error.graphQLErrors[0]?.extensions) : null;
      return [refused ? { code: refused } : payload.error ? fromCombinedError(payload.error) : { code: 'UNKNOWN' }];
    }
    if (!payload.data.queueDecisionPayload) return [{ code: 'FORBIDDEN' }];
    const cms = await signer(fromBase64(payload.data.queueDecisionPayload.payload));
    const result = await record({ input: { decision: signing, cms } });
    const answer = result.data?.queueHearingResult;
    if (result.error || !answer) return [result.error ? fromCombinedError(result.error) : { code: 'UNKNOWN' }];
    if (answer.errors.length || !answer.application) return answer.errors.length ? answer.errors : [{ code: 'UNKNOWN' }];
    const decided = signing.outcome;
    setSigning(null);
    onChanged(answer.application, t(decided === 'refused' ? 'queueOffice.hearing.doneRefused' : 'queueOffice.hearing.doneRegistered'));
    return [];
  };

  const { byField, general } = splitErrors(errors, ['outcome', 'reasoning']);
  return (
    <section className="qo-panel qo-result" aria-labelledby="qo-result-title">
      <h3 id="qo-result-title" className="qo-subtitle">
        {t('queueOffice.hearing.record')}
      </h3>
      <p className="qo-panel__lead">{t('queueOffice.hearing.recordLead')}</p>
      <form onSubmit={review} noValidate>
        <FormErrors errors={general} />
        <RadioGroup
          legend={t('queueOffice.hearing.outcome')}
          name="qo-outcome"
          value={outcome ?? ('' as HearingOutcome)}
          onChange={setOutcome}
          options={[
            { value: 'registered', label: t('queueOffice.hearing.outcomes.registered') },
            { value: 'refused', label: t('queueOffice.hearing.outcomes.refused') },
          ]}
          errors={byField.outcome}
        />
        {outcome === 'refused' && !application.hearing?.positionSubmittedAt && (
          <p className="qo-note">{t('queueOffice.hearing.notHeardYet', { date: formatDate(application.hearing?.hearingDue ?? application.businessDate, i18n.language) })}</p>
        )}
        <TextAreaField
          label={t('queueOffice.hearing.reasoning')}
          hint={t('queueOffice.hearing.reasoningHint')}
          required={outcome === 'refused'}
          rows={5}
          value={reasoning}
          onChange={(e) => setReasoning(e.target.value)}
          errors={byField.reasoning}
        />
        <div className="form-actions">
          <Button type="submit" variant={outcome === 'refused' ? 'danger' : 'primary'}>
            {t('queueOffice.hearing.signAndRecord')}
          </Button>
        </div>
      </form>
      {signing && (
        <Dialog open onClose={() => setSigning(null)} title={t('queueOffice.hearing.signTitle', { number: application.number })}>
          <p>
            <strong>{t(`queueOffice.hearing.outcomes.${signing.outcome}`)}</strong>
          </p>
          {signing.reasoning && <blockquote className="qo-position__text">{signing.reasoning}</blockquote>}
          <EdsSignForm purpose="sign" submitLabel={t('queueOffice.hearing.sign')} onSign={sign} expectedSigner={viewer?.iinBin ?? null} />
        </Dialog>
      )}
    </section>
  );
}
