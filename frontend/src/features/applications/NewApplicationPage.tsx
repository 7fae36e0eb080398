import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { Card } from '../../components/Card';
import { FormErrors } from '../../components/FormErrors';
import { PageLoader } from '../../components/PageLoader';
import { RequiredLabel } from '../../components/RequiredLabel';
import { SelectField } from '../../components/SelectField';
import { StepIndicator } from '../../components/StepIndicator';
import { TextField } from '../../components/TextField';
import { useErrorFocus } from '../../components/useErrorFocus';
import { ApplicationCreateDocument, KzhkContractsDocument } from '../../gql/graphql';
import { useSession } from '../../lib/auth/SessionContext';
import { type AppError, fromCombinedError, splitErrors } from '../../lib/errors';
import { formatDate } from '../../lib/format';
import { usePageTitle } from '../../lib/usePageTitle';
import { ContractSummary } from './ContractSummary';
import { MAX_CATEGORY_OTHER, newRequestId, OTHER, prefillForm, validateStart } from './form';
import { categoryLabel, typeLabel } from './labels';
import { useApplicationSetup } from './useApplicationSetup';
import '../../components/office.css';
import './applications.css';

export const WIZARD_STEPS = ['type', 'contract', 'form', 'sign'] as const;

/**
 * Seed 001, step 4: the contract (from the organization's contracts with KZhK) and the correction
 * category ("Other" with words); "Continue" creates the draft (Жасауда) and opens its form.
 */
export function NewApplicationPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('applications.new.title'));
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const { viewer } = useSession();
  const { types, error: setupError } = useApplicationSetup();
  const [{ data, error: contractsError }] = useQuery({ query: KzhkContractsDocument, requestPolicy: 'cache-and-network' });
  const [{ fetching }, create] = useMutation(ApplicationCreateDocument);
  const [contractId, setContractId] = useState('');
  const [category, setCategory] = useState('');
  const [categoryOther, setCategoryOther] = useState('');
  const [errors, setErrors] = useState<AppError[]>([]);
  const formRef = useErrorFocus<HTMLFormElement>(errors);
  // One id per person's action: a retry of the same click (or a double click) creates one draft.
  const requestId = useRef<string | null>(null);

  const typeCode = params.get('type') ?? '';
  const type = types?.find((x) => x.code === typeCode) ?? null;
  const contracts = data?.kzhkContracts ?? null;
  const contract = contracts?.find((c) => c.id === contractId) ?? null;

  if (types && !type) return <Navigate to="/applications" replace />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!type) return;
    const problems = validateStart({ contractId, category, categoryOther });
    setErrors(problems);
    if (problems.length) return;
    requestId.current ??= newRequestId();
    const form = prefillForm(category, { contract, viewer }, (iso) => formatDate(iso, i18n.language));
    const result = await create({
      input: { contractId, type: type.code, category, categoryOther: category === OTHER ? categoryOther.trim() : '', form, requestId: requestId.current },
    });
    const payload = result.data?.applicationCreate;
    if (result.error || !payload) {
      setErrors([result.error ? fromCombinedError(result.error) : { code: 'UNKNOWN' }]);
      return;
    }
    if (payload.errors.length || !payload.application) {
      requestId.current = null;
      setErrors(payload.errors.length ? payload.errors : [{ code: 'UNKNOWN' }]);
      return;
    }
    navigate(`/applications/${payload.application.id}/edit`, { replace: true, state: { created: true } });
  };

  const { byField, general } = splitErrors(errors, ['contractId', 'category', 'categoryOther']);
  const stepLabels = WIZARD_STEPS.map((s) => t(`applications.steps.${s}`));
  return (
    <div className="page page--narrow app-editor">
      <p className="app-back">
        <Link to="/applications">← {t('applications.backToList')}</Link>
      </p>
      <h1 tabIndex={-1}>{t('applications.new.title')}</h1>
      <StepIndicator steps={stepLabels} current={1} />
      {(setupError || contractsError) && (
        <Alert tone="error">
          <p>{t('errors.NETWORK')}</p>
        </Alert>
      )}
      {(!types || !contracts) && !setupError && !contractsError && <PageLoader />}
      {type && contracts && (
        <Card>
          <p className="app-editor__type">
            {t('applications.fields.type')}: <strong>{typeLabel(t, type.code)}</strong>
          </p>
          {contracts.length === 0 ? (
            <Alert tone="info">
              <p>{t('applications.new.noContracts')}</p>
            </Alert>
          ) : (
            <form ref={formRef} onSubmit={(e) => void submit(e)} noValidate>
              <FormErrors errors={general} />
              <SelectField
                label={t('applications.fields.contract')}
                required
                value={contractId}
                onChange={(v) => setContractId(v)}
                errors={byField.contractId}
                placeholder={t('applications.new.chooseContract')}
                options={contracts.map((c) => ({
                  value: c.id,
                  label: `${c.number} · ${formatDate(c.signedOn, i18n.language)}${c.complex ? ` · ${c.complex.name}` : ''}`,
                }))}
              />
              {contract && (
                <details className="app-editor__contract">
                  <summary>{t('applications.new.contractDetails')}</summary>
                  <ContractSummary contract={contract} />
                </details>
              )}
              <SelectField
                label={t('applications.fields.category')}
                hint={t('applications.new.categoryHint')}
                required
                value={category}
                onChange={(v) => setCategory(v)}
                errors={byField.category}
                placeholder={t('applications.new.chooseCategory')}
                options={type.categories.map((c) => ({ value: c, label: categoryLabel(t, c) }))}
              />
              {category === OTHER && (
                <TextField
                  label={<RequiredLabel required>{t('applications.fields.categoryOther')}</RequiredLabel>}
                  value={categoryOther}
                  maxLength={MAX_CATEGORY_OTHER + 20}
                  onChange={(e) => setCategoryOther(e.target.value)}
                  errors={byField.categoryOther}
                  required
                />
              )}
              <div className="form-actions">
                <Button type="submit" busy={fetching}>
                  {t('common.continue')}
                </Button>
                <Link className="btn btn--ghost" to="/applications">
                  {t('common.cancel')}
                </Link>
              </div>
            </form>
          )}
        </Card>
      )}
    </div>
  );
}
