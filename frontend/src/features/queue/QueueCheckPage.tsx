import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useClient, useQuery } from 'urql';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { Card } from '../../components/Card';
import { FormErrors } from '../../components/FormErrors';
import { QueueCategoriesDocument, type QueueEligibilityQuery, QueueEligibilityDocument, QueuePrefillDocument } from '../../gql/graphql';
import { useSession } from '../../lib/auth/SessionContext';
import type { AppError } from '../../lib/errors';
import { usePageTitle } from '../../lib/usePageTitle';
import { ChecksList } from './ChecksList';
import { ClaimFields } from './ClaimFields';
import { queryError } from './queryError';
import { type ClaimForm, EMPTY_CLAIM, type FieldErrors, hasErrors, toClaimInput, validateClaim } from './form';
import './queue.css';

/**
 * "Check before applying": the same answers as the application, and the server's verdict on every
 * check of §§6–11 and §15 with its explanation. Nothing is filed; the answers can go on to the
 * application as they are.
 */
export function QueueCheckPage() {
  const { t } = useTranslation();
  const client = useClient();
  const navigate = useNavigate();
  const { viewer } = useSession();
  const [{ data: categoriesData }] = useQuery({ query: QueueCategoriesDocument });
  // The viewer's own registry data mark the categories the registry confirms (for oneself only).
  const [{ data: own }] = useQuery({ query: QueuePrefillDocument, variables: { iin: null } });
  const [claim, setClaim] = useState<ClaimForm>(EMPTY_CLAIM);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<AppError[]>([]);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<QueueEligibilityQuery['queueEligibility'] | null>(null);
  const resultRef = useRef<HTMLHeadingElement>(null);
  usePageTitle(t('queue.check.title'));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = validateClaim(claim, viewer?.iinBin);
    setErrors(found);
    setGeneral([]);
    if (hasErrors(found)) return;
    setBusy(true);
    const response = await client.query(QueueEligibilityDocument, { input: toClaimInput(claim) }, { requestPolicy: 'network-only' }).toPromise();
    setBusy(false);
    if (response.error || !response.data) {
      const error = response.error ? queryError(response.error) : { code: 'UNKNOWN' };
      if (error.field === 'personIin' || error.code === 'NOT_A_REPRESENTATIVE' || error.code === 'PERSON_NOT_FOUND' || error.code === 'NOT_A_MINOR') setErrors({ personIin: [error] });
      else setGeneral([error]);
      setResult(null);
      return;
    }
    setResult(response.data.queueEligibility);
    requestAnimationFrame(() => resultRef.current?.focus());
  };

  return (
    <div className="page q-page">
      <p className="q-back">
        <Link to="/queue">← {t('queue.card.back')}</Link>
      </p>
      <h1 tabIndex={-1}>{t('queue.check.title')}</h1>
      <p className="page__lead">{t('queue.check.lead')}</p>
      <form className="q-form card" onSubmit={submit} noValidate aria-label={t('queue.check.title')}>
        <ClaimFields
          value={claim}
          onChange={(next) => {
            setClaim(next);
            setResult(null);
          }}
          categories={(categoriesData?.queueCategories ?? []).map((c) => ({
            ...c,
            fromRegistry: claim.representation === 'SELF' && Boolean(own?.queuePrefill?.categories.some((x) => x.code === c.code && x.fromRegistry)),
          }))}
          errors={errors}
        />
        <FormErrors errors={general} />
        <div className="form-actions">
          <Button type="submit" busy={busy}>
            {t('queue.check.submit')}
          </Button>
        </div>
      </form>

      {result && (
        <Card className="q-result" id="q-check-result">
          <h2 ref={resultRef} tabIndex={-1} className="card__title">
            {t('queue.check.checks')}
          </h2>
          <Alert tone={result.eligible ? 'success' : 'error'} title={result.eligible ? t('queue.check.eligible') : t('queue.check.notEligible')}>
            <p>{t('queue.check.wouldList', { list: t(`queue.list.${result.listKind}`) })}</p>
            {result.emergency && <p>{t('queue.check.emergencyPath')}</p>}
            <p>{t('queue.check.nothingFiled')}</p>
          </Alert>
          <ChecksList checks={result.checks} label={t('queue.check.checks')} />
          {result.reasons.length > 0 && (
            <>
              <h3 className="q-subtitle">{t('queue.check.reasons')}</h3>
              <ul className="q-reasons">
                {result.reasons.map((r) => (
                  <li key={r.code} data-reason={r.code}>
                    {r.explanation}
                  </li>
                ))}
              </ul>
            </>
          )}
          <div className="form-actions">
            <Button variant={result.eligible ? 'primary' : 'secondary'} onClick={() => navigate('/queue/apply', { state: { claim } })}>
              {t('queue.check.applyNow')}
            </Button>
          </div>
        </Card>
      )}
    </div>
  );
}
