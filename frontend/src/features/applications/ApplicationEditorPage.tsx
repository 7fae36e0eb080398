import { type KeyboardEvent, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { useClient, useMutation } from 'urql';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { Card } from '../../components/Card';
import { FieldErrors } from '../../components/FieldErrors';
import { FileIcon } from '../../components/icons';
import { PageLoader } from '../../components/PageLoader';
import { RequiredLabel } from '../../components/RequiredLabel';
import { SelectField } from '../../components/SelectField';
import { StepIndicator } from '../../components/StepIndicator';
import { TextAreaField } from '../../components/TextAreaField';
import { TextField } from '../../components/TextField';
import {
  ApplicationByIdDocument,
  ApplicationDocumentAddDocument,
  ApplicationDocumentRemoveDocument,
  type ApplicationFieldsFragment,
  ApplicationUpdateDocument,
} from '../../gql/graphql';
import { useSession } from '../../lib/auth/SessionContext';
import { type AppError, errorMessage, fromCombinedError } from '../../lib/errors';
import { formatBytes, formatDate } from '../../lib/format';
import { usePageTitle } from '../../lib/usePageTitle';
import { ContractSummary } from './ContractSummary';
import { FileUpload } from './FileUpload';
import {
  type ApplicationForm,
  changedFields,
  EMPTY_FORM,
  FORM_FIELDS,
  formFromJson,
  MAX_CATEGORY_OTHER,
  missingDocuments,
  MULTILINE_FIELDS,
  OTHER,
  tabOf,
  validateForm,
} from './form';
import { categoryLabel, requirementLabel, typeLabel } from './labels';
import { SignDialog } from './SignDialog';
import { StatusBadge } from './StatusBadge';
import { useApplicationSetup } from './useApplicationSetup';
import { WIZARD_STEPS } from './NewApplicationPage';
import { RevisionNotice } from './RevisionNotice';
import '../../components/office.css';
import './applications.css';

type Tab = 'info' | 'documents';
const TABS: readonly Tab[] = ['info', 'documents'];

/**
 * Seed 001, steps 5–9: the form with its two tabs, "Шарт туралы ақпарат" (prefilled, red asterisks on
 * required fields) and "Растайтын құжаттар" (each required document, the official letter always;
 * tus uploads up to 700 MB), then "Жобаны сақтау" or "Өтінімге қол қою". Also the revision of an
 * application KZhK sent back (NEEDS_REVISION), signed again.
 */
export function ApplicationEditorPage() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const { applicationId = '' } = useParams();
  const navigate = useNavigate();
  const location = useLocation();
  const client = useClient();
  const { viewer } = useSession();
  const { types, terms } = useApplicationSetup();
  const [app, setApp] = useState<ApplicationFieldsFragment | null>(null);
  const [missing, setMissing] = useState(false);
  const [loadError, setLoadError] = useState<AppError | null>(null);
  const [form, setForm] = useState<ApplicationForm>(EMPTY_FORM);
  const [category, setCategory] = useState('');
  const [categoryOther, setCategoryOther] = useState('');
  const [tab, setTab] = useState<Tab>('info');
  const [errors, setErrors] = useState<AppError[]>([]);
  const [saving, setSaving] = useState<'draft' | 'sign' | null>(null);
  const [signing, setSigning] = useState(false);
  const [docError, setDocError] = useState<AppError | null>(null);
  const [removing, setRemoving] = useState<string | null>(null);
  const [, update] = useMutation(ApplicationUpdateDocument);
  const [, addDocument] = useMutation(ApplicationDocumentAddDocument);
  const [, removeDocument] = useMutation(ApplicationDocumentRemoveDocument);
  const initialized = useRef(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const tabRefs = useRef<Record<Tab, HTMLButtonElement | null>>({ info: null, documents: null });
  usePageTitle(app ? t('applications.editor.title', { number: app.number }) : t('applications.editor.loading'));

  const load = useCallback(async () => {
    const result = await client.query(ApplicationByIdDocument, { id: applicationId }, { requestPolicy: 'network-only' }).toPromise();
    if (result.error) {
      setLoadError(fromCombinedError(result.error));
      return null;
    }
    const found = result.data?.application ?? null;
    if (!found) {
      setMissing(true);
      return null;
    }
    setApp(found);
    if (!initialized.current) {
      initialized.current = true;
      setForm(formFromJson(found.form));
      setCategory(found.category);
      setCategoryOther(found.categoryOther);
    }
    return found;
  }, [client, applicationId]);

  useEffect(() => {
    void load();
  }, [load]);

  const type = types?.find((x) => x.code === app?.type) ?? null;
  const editable = app?.availableActions.includes('EDIT') ?? false;

  /** Stores what changed; the application after it, or null with the errors shown. */
  const save = async (current: ApplicationFieldsFragment): Promise<ApplicationFieldsFragment | null> => {
    const stored = formFromJson(current.form);
    const changed = changedFields(form, stored);
    const categoryChanged = category !== current.category || (category === OTHER && categoryOther.trim() !== current.categoryOther);
    if (Object.keys(changed).length === 0 && !categoryChanged) return current;
    const result = await update({
      input: {
        applicationId: current.id,
        form: Object.keys(changed).length ? changed : null,
        ...(categoryChanged ? { category, categoryOther: category === OTHER ? categoryOther.trim() : '' } : {}),
      },
    });
    const payload = result.data?.applicationUpdate;
    if (result.error || !payload) {
      setErrors([result.error ? fromCombinedError(result.error) : { code: 'UNKNOWN' }]);
      return null;
    }
    if (payload.errors.length || !payload.application) {
      showErrors(payload.errors.length ? payload.errors : [{ code: 'UNKNOWN' }]);
      return null;
    }
    setApp(payload.application);
    return payload.application;
  };

  const showErrors = (problems: AppError[]) => {
    setErrors(problems);
    const first = problems.map(tabOf).find(Boolean);
    if (first) setTab(first);
    requestAnimationFrame(() => summaryRef.current?.focus());
  };

  const saveDraft = async () => {
    if (!app) return;
    setErrors([]);
    setSaving('draft');
    const saved = await save(app);
    setSaving(null);
    if (saved) navigate('/applications', { state: { saved: saved.number } });
  };

  const startSigning = async () => {
    if (!app || !terms || !type) return;
    setErrors([]);
    const problems = [...validateCategory(), ...validateForm(form, terms.formFields), ...missingDocuments(type.documents, app.documents)];
    if (problems.length) {
      showErrors(problems);
      return;
    }
    setSaving('sign');
    const saved = await save(app);
    setSaving(null);
    if (saved) setSigning(true);
  };

  const validateCategory = (): AppError[] => {
    if (category !== OTHER) return [];
    const text = categoryOther.trim();
    if (!text) return [{ code: 'REQUIRED', field: 'categoryOther' }];
    if (text.length > MAX_CATEGORY_OTHER) return [{ code: 'TOO_LONG', field: 'categoryOther', params: { max: MAX_CATEGORY_OTHER } }];
    return [];
  };

  const attach = async (requirement: string, uploadId: string, title: string): Promise<AppError[]> => {
    const result = await addDocument({ input: { applicationId, uploadId, requirement, title } });
    if (result.error) return [fromCombinedError(result.error)];
    const payload = result.data?.applicationDocumentAdd;
    if (!payload) return [{ code: 'UNKNOWN' }];
    if (payload.application) setApp(payload.application);
    setErrors((list) => list.filter((e) => e.field !== `documents.${requirement}`));
    return payload.errors;
  };

  const remove = async (documentId: string) => {
    setDocError(null);
    setRemoving(documentId);
    const result = await removeDocument({ input: { applicationId, documentId } });
    setRemoving(null);
    const payload = result.data?.applicationDocumentRemove;
    if (result.error || !payload) {
      setDocError(result.error ? fromCombinedError(result.error) : { code: 'UNKNOWN' });
      return;
    }
    if (payload.errors.length) setDocError(payload.errors[0]);
    if (payload.application) setApp(payload.application);
  };

  const onTabKey = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    event.preventDefault();
    const next = TABS[(TABS.indexOf(tab) + 1) % TABS.length];
    setTab(next);
    tabRefs.current[next]?.focus();
  };

  if (missing) {
    return (
      <div className="page page--narrow">
        <h1 tabIndex={-1}>{t('applications.missing.title')}</h1>
        <p>{t('applications.missing.text')}</p>
        <p>
          <Link to="/applications">{t('applications.backToList')}</Link>
        </p>
      </div>
    );
  }
  if (loadError) {
    return (
      <div className="page page--narrow">
        <Alert tone="error">
          <p>{errorMessage(t, loadError)}</p>
        </Alert>
      </div>
    );
  }
  if (!app || !types || !terms) return <PageLoader />;

  const fieldErrors = (field: string) => errors.filter((e) => e.field === field);
  const required = new Set(terms.formFields.filter((f) => f.required).map((f) => f.name));
  const countFor = (which: Tab) => errors.filter((e) => tabOf(e) === which).length;
  const general = errors.filter((e) => !tabOf(e));
  const created = Boolean((location.state as { created?: boolean } | null)?.created);
  const revising = app.status === 'NEEDS_REVISION';

  return (
    <div className="page app-editor">
      <p className="app-back">
        <Link to="/applications">← {t('applications.backToList')}</Link>
      </p>
      <div className="page__head">
        <div>
          <h1 tabIndex={-1}>{t('applications.editor.title', { number: app.number })}</h1>
          <p className="page__lead app-editor__lead">
            <StatusBadge status={app.status} /> <span>{typeLabel(t, app.type)}</span>
          </p>
        </div>
      </div>
      <StepIndicator steps={WIZARD_STEPS.map((s) => t(`applications.steps.${s}`))} current={2} />

      {created && (
        <Alert tone="success">
          <p>{t('applications.editor.created', { number: app.number })}</p>
        </Alert>
      )}
      {revising && <RevisionNotice application={app} />}
      {!editable && (
        <Alert tone="warning">
          <p>{t('applications.editor.notEditable')}</p>
          <p>
            <Link to={`/applications/${app.id}`}>{t('applications.open')}</Link>
          </p>
        </Alert>
      )}

      <div ref={summaryRef} tabIndex={-1} className="app-editor__summary">
        {errors.length > 0 && (
          <Alert tone="error" title={t('applications.editor.fixErrors', { n: errors.length })}>
            {general.map((e, i) => (
              <p key={`${e.code}-${i}`}>{errorMessage(t, e)}</p>
            ))}
            {countFor('info') > 0 && <p>{t('applications.editor.errorsIn', { tab: t('applications.tabs.info'), n: countFor('info') })}</p>}
            {countFor('documents') > 0 && <p>{t('applications.editor.errorsIn', { tab: t('applications.tabs.documents'), n: countFor('documents') })}</p>}
          </Alert>
        )}
      </div>

      <div className="tabs app-tabs" role="tablist" aria-label={t('applications.tabs.label')} onKeyDown={onTabKey}>
        {TABS.map((which) => (
          <button
            key={which}
            ref={(el) => {
              tabRefs.current[which] = el;
            }}
            type="button"
            role="tab"
            id={`app-tab-${which}`}
            aria-selected={tab === which}
            aria-controls={`app-panel-${which}`}
            tabIndex={tab === which ? 0 : -1}
            className="tabs__tab"
            onClick={() => setTab(which)}
          >
            {t(`applications.tabs.${which}`)}
            {countFor(which) > 0 && (
              <span className="app-tabs__count" aria-label={t('applications.tabs.errors', { n: countFor(which) })}>
                {countFor(which)}
              </span>
            )}
          </button>
        ))}
      </div>

      <div role="tabpanel" id="app-panel-info" aria-labelledby="app-tab-info" hidden={tab !== 'info'} className="app-panel">
        <Card title={t('applications.editor.contractSection')} level={2} id="app-contract">
          {app.contract && <ContractSummary contract={app.contract} />}
        </Card>
        <Card title={t('applications.editor.requestSection')} level={2} id="app-request">
          <p className="field__hint">{t('form.requiredHint')}</p>
          <SelectField
            label={t('applications.fields.category')}
            required
            value={category}
            onChange={setCategory}
            options={(type?.categories ?? [app.category]).map((c) => ({ value: c, label: categoryLabel(t, c) }))}
            errors={fieldErrors('category')}
            disabled={!editable}
          />
          {category === OTHER && (
            <TextField
              label={<RequiredLabel required>{t('applications.fields.categoryOther')}</RequiredLabel>}
              value={categoryOther}
              onChange={(e) => setCategoryOther(e.target.value)}
              errors={fieldErrors('categoryOther')}
              required
              disabled={!editable}
            />
          )}
          {FORM_FIELDS.map((name) => {
            const label = t(`applications.form.${name}`);
            const hint = t(`applications.formHints.${name}`);
            return MULTILINE_FIELDS.has(name) ? (
              <TextAreaField
                key={name}
                label={label}
                hint={hint}
                required={required.has(name)}
                rows={name === 'justification' ? 5 : 3}
                value={form[name]}
                onChange={(e) => setForm((f) => ({ ...f, [name]: e.target.value }))}
                errors={fieldErrors(`form.${name}`)}
                disabled={!editable}
              />
            ) : (
              <TextField
                key={name}
                label={<RequiredLabel required={required.has(name)}>{label}</RequiredLabel>}
                hint={hint}
                type={name === 'contactEmail' ? 'email' : name === 'contactPhone' ? 'tel' : 'text'}
                autoComplete={name === 'contactEmail' ? 'email' : name === 'contactPhone' ? 'tel' : name === 'contactName' ? 'name' : undefined}
                required={required.has(name)}
                value={form[name]}
                onChange={(e) => setForm((f) => ({ ...f, [name]: e.target.value }))}
                errors={fieldErrors(`form.${name}`)}
                disabled={!editable}
              />
            );
          })}
        </Card>
      </div>

      <div role="tabpanel" id="app-panel-documents" aria-labelledby="app-tab-documents" hidden={tab !== 'documents'} className="app-panel">
        <Card title={t('applications.tabs.documents')} level={2} id="app-documents">
          <p className="field__hint">{t('applications.documents.lead', { size: formatBytes(terms.maxFileBytes, locale) })}</p>
          <Alert tone="info">
            <p>{t('applications.documents.letterImportant')}</p>
          </Alert>
          {docError && (
            <Alert tone="error">
              <p>{errorMessage(t, docError)}</p>
            </Alert>
          )}
          <div className="req-list">
            {(type?.documents ?? []).map((requirement) => {
              const documents = app.documents.filter((d) => d.requirement === requirement.code);
              const title = requirementLabel(t, requirement.code);
              return (
                <section key={requirement.code} className="req" aria-labelledby={`req-${requirement.code}`}>
                  <h3 className="req__title" id={`req-${requirement.code}`}>
                    <RequiredLabel required={requirement.required}>{title}</RequiredLabel>
                    {requirement.required && <span className="visually-hidden"> ({t('applications.documents.requiredSr')})</span>}
                  </h3>
                  <p className="req__hint">{t(`applications.documents.hints.${requirement.code}`)}</p>
                  {documents.length > 0 && (
                    <ul className="req__docs" aria-label={t('applications.documents.uploaded', { title })}>
                      {documents.map((doc) => (
                        <li key={doc.id} className="req__doc">
                          <FileIcon className="req__icon" />
                          <span className="req__doc-title">{doc.title}</span>
                          <span className="req__doc-meta">{formatBytes(doc.size, locale)}</span>
                          {editable && (
                            <Button variant="ghost" className="btn--small" busy={removing === doc.id} onClick={() => void remove(doc.id)} aria-label={t('applications.documents.removeLabel', { title: doc.title })}>
                              {t('applications.documents.remove')}
                            </Button>
                          )}
                        </li>
                      ))}
                    </ul>
                  )}
                  <FieldErrors id={`req-${requirement.code}-error`} errors={fieldErrors(`documents.${requirement.code}`)} />
                  {editable && viewer && (
                    <FileUpload
                      label={t('applications.documents.add', { title })}
                      fingerprint={`shanyraq:${viewer.id}:application:${app.id}:${requirement.code}:`}
                      attach={(uploadId, fileTitle) => attach(requirement.code, uploadId, fileTitle)}
                    />
                  )}
                </section>
              );
            })}
          </div>
        </Card>
      </div>

      {editable && (
        <div className="app-editor__actions">
          <Button variant="secondary" onClick={() => void saveDraft()} busy={saving === 'draft'} disabled={saving !== null}>
            {t('applications.editor.saveDraft')}
          </Button>
          <Button onClick={() => void startSigning()} busy={saving === 'sign'} disabled={saving !== null}>
            {t('applications.editor.sign')}
          </Button>
        </div>
      )}
      <p className="app-editor__letter-note muted small">
        {t('applications.editor.registeredNote')} {app.sentAt ? t('applications.editor.lastSent', { when: formatDate(app.sentAt, locale) }) : ''}
      </p>

      {signing && (
        <SignDialog
          key={app.id}
          onClose={() => setSigning(false)}
          application={app}
          stage="APPLICATION"
          typeInfo={type}
          expectedSigner={app.applicant?.bin ?? null}
          onDone={(sent) => {
            setSigning(false);
            navigate('/applications', { state: { sent: sent.number } });
          }}
        />
      )}
    </div>
  );
}
