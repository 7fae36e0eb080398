import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { Button } from '../../../components/Button';
import { Card } from '../../../components/Card';
import { Dialog } from '../../../components/Dialog';
import { FormErrors } from '../../../components/FormErrors';
import { RequiredLabel } from '../../../components/RequiredLabel';
import { TextAreaField } from '../../../components/TextAreaField';
import { TextField } from '../../../components/TextField';
import {
  type ApplicationAction,
  ApplicationApproveDocument,
  type ApplicationFieldsFragment,
  ApplicationRegisterDocument,
  ApplicationRejectDocument,
  ApplicationRequestRevisionDocument,
  ApplicationSaDraftAttachDocument,
  ApplicationSaSignByKzhkDocument,
  ApplicationStartReviewDocument,
} from '../../../gql/graphql';
import { useSession } from '../../../lib/auth/SessionContext';
import { type AppError, fromCombinedError, splitErrors } from '../../../lib/errors';
import { formatDate } from '../../../lib/format';
import { checkFile } from '../../../lib/upload/fileCheck';
import { FileUpload } from '../FileUpload';

type StaffAction = Exclude<ApplicationAction, 'EDIT' | 'DELETE' | 'SUBMIT' | 'SIGN_SA'>;
const ORDER: readonly StaffAction[] = ['REGISTER', 'START_REVIEW', 'REQUEST_REVISION', 'APPROVE', 'REJECT', 'ATTACH_SA_DRAFT', 'SIGN_SA_BY_KZHK'];
const FIELDS = ['registrationNumber', 'registeredOn', 'reviewDeadline', 'executorName', 'executorPhone', 'comment', 'revisionDeadline', 'saNumber', 'saDate'];

type Payload = { application?: ApplicationFieldsFragment | null; errors: AppError[] } | undefined;

/** Only a PDF can be the draft of a supplementary agreement. */
async function checkPdf(file: File): Promise<AppError | null> {
  const problem = await checkFile(file);
  if (problem) return problem;
  const head = new Uint8Array(await file.slice(0, 5).arrayBuffer());
  return String.fromCharCode(...head) === '%PDF-' ? null : { code: 'PDF_REQUIRED', field: 'file' };
}

/**
 * KZhK's steps in the back office, as `availableActions` allows them now: register (the server
 * computes the date and the review deadline when left empty), start the review with an executor,
 * ask for a revision or reject (both with a comment that goes into a notice signed with EDS), approve,
 * attach the SA draft (an uploaded PDF or generated from the application), sign the SA as KZhK.
 * A new status brings other actions, so its owner keys it by application and status: the panel of
 * the old status is gone in the very render that shows the new buttons, and a click on one of them
 * opens its panel on the new instance (closing it in an effect a task later lost such a click).
 */
export function OperatorActions({ application, onChanged }: { application: ApplicationFieldsFragment; onChanged: (next: ApplicationFieldsFragment, message: string) => void }) {
  const { t, i18n } = useTranslation();
  const { viewer } = useSession();
  const actions = ORDER.filter((a) => application.availableActions.includes(a));
  const [open, setOpen] = useState<StaffAction | null>(null);
  const [values, setValues] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<AppError[]>([]);
  const [busy, setBusy] = useState(false);
  const [confirmReject, setConfirmReject] = useState(false);
  const panelRef = useRef<HTMLElement>(null);
  const [, register] = useMutation(ApplicationRegisterDocument);
  const [, startReview] = useMutation(ApplicationStartReviewDocument);
  const [, requestRevision] = useMutation(ApplicationRequestRevisionDocument);
  const [, reject] = useMutation(ApplicationRejectDocument);
  const [, approve] = useMutation(ApplicationApproveDocument);
  const [, attachDraft] = useMutation(ApplicationSaDraftAttachDocument);
  const [, signByKzhk] = useMutation(ApplicationSaSignByKzhkDocument);

  useEffect(() => {
    if (open) panelRef.current?.querySelector<HTMLElement>('input, textarea, button')?.focus();
  }, [open]);

  if (actions.length === 0) return null;

  const value = (name: string) => values[name] ?? '';
  const set = (name: string) => (event: { target: { value: string } }) => setValues((v) => ({ ...v, [name]: event.target.value }));
  const date = (name: string) => (values[name] ? values[name] : null);
  const locale = i18n.language;

  const finish = (result: { error?: unknown; data?: unknown }, payload: Payload, message: (next: ApplicationFieldsFragment) => string): boolean => {
    if (result.error || !payload) {
      setErrors([result.error ? fromCombinedError(result.error as never) : { code: 'UNKNOWN' }]);
      return false;
    }
    if (payload.errors.length || !payload.application) {
      setErrors(payload.errors.length ? payload.errors : [{ code: 'UNKNOWN' }]);
      return false;
    }
    onChanged(payload.application, message(payload.application));
    return true;
  };

  const required = (...names: string[]): boolean => {
    const missing = names.filter((n) => !value(n).trim()).map((n) => ({ code: 'REQUIRED', field: n }));
    setErrors(missing);
    return missing.length === 0;
  };

  const run = async (action: StaffAction) => {
    const applicationId = application.id;
    const comment = value('comment').trim();
    setBusy(true);
    try {
      switch (action) {
        case 'REGISTER': {
          if (!required('registrationNumber')) return;
          const r = await register({ input: { applicationId, registrationNumber: value('registrationNumber').trim(), registeredOn: date('registeredOn'), reviewDeadline: date('reviewDeadline'), comment } });
          finish(r, r.data?.applicationRegister, (next) =>
            t('backoffice.done.REGISTER', { number: next.registrationNumber, date: next.registeredOn ? formatDate(next.registeredOn, locale) : '—', deadline: next.reviewDeadline ? formatDate(next.reviewDeadline, locale) : '—' }),
          );
          return;
        }
        case 'START_REVIEW': {
          if (!required('executorName', 'executorPhone')) return;
          const r = await startReview({ input: { applicationId, executorName: value('executorName').trim(), executorPhone: value('executorPhone').trim(), comment } });
          finish(r, r.data?.applicationStartReview, (next) => t('backoffice.done.START_REVIEW', { name: next.executorName }));
          return;
        }
        case 'REQUEST_REVISION': {
          if (!required('comment')) return;
          const r = await requestRevision({ input: { applicationId, comment, revisionDeadline: date('revisionDeadline') } });
          finish(r, r.data?.applicationRequestRevision, (next) => t('backoffice.done.REQUEST_REVISION', { deadline: next.revisionDeadline ? formatDate(next.revisionDeadline, locale) : '—' }));
          return;
        }
        case 'REJECT': {
          const r = await reject({ input: { applicationId, comment } });
          if (finish(r, r.data?.applicationReject, () => t('backoffice.done.REJECT'))) setConfirmReject(false);
          else setConfirmReject(false);
          return;
        }
        case 'APPROVE': {
          const r = await approve({ input: { applicationId, comment } });
          finish(r, r.data?.applicationApprove, () => t('backoffice.done.APPROVE'));
          return;
        }
        case 'ATTACH_SA_DRAFT': {
          const r = await attachDraft({ input: { applicationId, comment } });
          finish(r, r.data?.applicationSaDraftAttach, () => t('backoffice.done.ATTACH_SA_DRAFT'));
          return;
        }
        case 'SIGN_SA_BY_KZHK': {
          if (!required('saNumber')) return;
          const r = await signByKzhk({ input: { applicationId, saNumber: value('saNumber').trim(), saDate: date('saDate'), comment } });
          finish(r, r.data?.applicationSaSignByKzhk, (next) => t('backoffice.done.SIGN_SA_BY_KZHK', { number: next.saNumber, date: next.saDate ? formatDate(next.saDate, locale) : '—' }));
          return;
        }
      }
    } finally {
      setBusy(false);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!open) return;
    if (open === 'REJECT') {
      if (required('comment')) setConfirmReject(true);
      return;
    }
    void run(open);
  };

  const attachUploaded = async (uploadId: string): Promise<AppError[]> => {
    const r = await attachDraft({ input: { applicationId: application.id, uploadId, comment: value('comment').trim() } });
    const payload = r.data?.applicationSaDraftAttach;
    if (r.error || !payload) return [r.error ? fromCombinedError(r.error) : { code: 'UNKNOWN' }];
    if (payload.errors.length) return payload.errors;
    if (payload.application) onChanged(payload.application, t('backoffice.done.ATTACH_SA_DRAFT'));
    return [];
  };

  const { byField, general } = splitErrors(errors, FIELDS);
  const optionalDate = (name: string, label: string, hint: string) => (
    <TextField label={label} hint={hint} type="date" value={value(name)} onChange={set(name)} errors={byField[name]} />
  );
  const commentField = (needed: boolean, hint?: string) => (
    <TextAreaField label={t('backoffice.fields.comment')} hint={hint} required={needed} rows={4} value={value('comment')} onChange={set('comment')} errors={byField.comment} />
  );

  return (
    <Card title={t('backoffice.actions.title')} id="operator-actions" className="operator-actions">
      <div className="operator-actions__buttons" role="group" aria-label={t('backoffice.actions.title')}>
        {actions.map((action) => (
          <Button
            key={action}
            variant={open === action ? 'primary' : action === 'REJECT' ? 'danger' : 'secondary'}
            aria-expanded={open === action}
            aria-controls="operator-panel"
            onClick={() => {
              setErrors([]);
              setOpen(open === action ? null : action);
            }}
          >
            {t(`backoffice.actions.${action}`)}
          </Button>
        ))}
      </div>
      {open && (
        <section ref={panelRef} id="operator-panel" className="operator-actions__panel" aria-labelledby="operator-panel-title">
          <h3 className="operator-actions__title" id="operator-panel-title">
            {t(`backoffice.actions.${open}`)}
          </h3>
          <p className="operator-actions__lead">{t(`backoffice.leads.${open}`)}</p>
          <form onSubmit={submit} noValidate>
            <FormErrors errors={general} />
            {open === 'REGISTER' && (
              <>
                <TextField label={<RequiredLabel required>{t('backoffice.fields.registrationNumber')}</RequiredLabel>} value={value('registrationNumber')} onChange={set('registrationNumber')} errors={byField.registrationNumber} required />
                {optionalDate('registeredOn', t('backoffice.fields.registeredOn'), t('backoffice.hints.registeredOn'))}
                {optionalDate('reviewDeadline', t('backoffice.fields.reviewDeadline'), t('backoffice.hints.reviewDeadline'))}
                {commentField(false)}
              </>
            )}
            {open === 'START_REVIEW' && (
              <>
                <TextField label={<RequiredLabel required>{t('backoffice.fields.executorName')}</RequiredLabel>} value={value('executorName')} onChange={set('executorName')} errors={byField.executorName} required autoComplete="off" placeholder={viewer?.fullName ?? undefined} />
                <TextField label={<RequiredLabel required>{t('backoffice.fields.executorPhone')}</RequiredLabel>} hint={t('backoffice.hints.executorPhone')} value={value('executorPhone')} onChange={set('executorPhone')} errors={byField.executorPhone} required />
                {commentField(false)}
              </>
            )}
            {open === 'REQUEST_REVISION' && (
              <>
                {commentField(true, t('backoffice.hints.noticeComment'))}
                {optionalDate('revisionDeadline', t('backoffice.fields.revisionDeadline'), t('backoffice.hints.revisionDeadline'))}
              </>
            )}
            {open === 'REJECT' && commentField(true, t('backoffice.hints.noticeComment'))}
            {open === 'APPROVE' && commentField(false)}
            {open === 'ATTACH_SA_DRAFT' && (
              <>
                {commentField(false)}
                <div className="operator-actions__choice">
                  <p className="operator-actions__or">{t('backoffice.saDraft.generateLead')}</p>
                  <Button onClick={() => void run('ATTACH_SA_DRAFT')} busy={busy}>
                    {t('backoffice.saDraft.generate')}
                  </Button>
                </div>
                <div className="operator-actions__choice">
                  <p className="operator-actions__or">{t('backoffice.saDraft.uploadLead')}</p>
                  {viewer && (
                    <FileUpload
                      label={t('backoffice.saDraft.upload')}
                      accept="application/pdf,.pdf"
                      check={checkPdf}
                      fingerprint={`shanyraq:${viewer.id}:sa-draft:${application.id}:`}
                      attach={(uploadId) => attachUploaded(uploadId)}
                    />
                  )}
                </div>
              </>
            )}
            {open === 'SIGN_SA_BY_KZHK' && (
              <>
                <TextField label={<RequiredLabel required>{t('backoffice.fields.saNumber')}</RequiredLabel>} value={value('saNumber')} onChange={set('saNumber')} errors={byField.saNumber} required />
                {optionalDate('saDate', t('backoffice.fields.saDate'), t('backoffice.hints.saDate'))}
                {commentField(false)}
              </>
            )}
            {open !== 'ATTACH_SA_DRAFT' && (
              <div className="form-actions">
                <Button type="submit" variant={open === 'REJECT' ? 'danger' : 'primary'} busy={busy}>
                  {t(`backoffice.submit.${open}`)}
                </Button>
                <Button variant="ghost" onClick={() => setOpen(null)}>
                  {t('common.cancel')}
                </Button>
              </div>
            )}
          </form>
        </section>
      )}
      <Dialog
        open={confirmReject}
        onClose={() => setConfirmReject(false)}
        title={t('backoffice.rejectConfirm.title', { number: application.number })}
        footer={
          <>
            <Button variant="secondary" onClick={() => setConfirmReject(false)}>
              {t('common.cancel')}
            </Button>
            <Button variant="danger" onClick={() => void run('REJECT')} busy={busy}>
              {t('backoffice.rejectConfirm.confirm')}
            </Button>
          </>
        }
      >
        <p>{t('backoffice.rejectConfirm.text')}</p>
        <blockquote className="app-history__comment">{value('comment')}</blockquote>
      </Dialog>
    </Card>
  );
}
