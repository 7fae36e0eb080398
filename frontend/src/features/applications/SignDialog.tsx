import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient, useMutation } from 'urql';
import { Button } from '../../components/Button';
import { CheckboxField } from '../../components/CheckboxField';
import { Dialog } from '../../components/Dialog';
import { EdsSignForm, type Signer } from '../../components/eds/EdsSignForm';
import {
  type ApplicationFieldsFragment,
  ApplicationSaSignDocument,
  ApplicationSigningPayloadDocument,
  ApplicationSubmitDocument,
  type SignatureStage,
} from '../../gql/graphql';
import { fromBase64 } from '../../lib/eds/base64';
import { type AppError, fromCombinedError } from '../../lib/errors';
import { QrSigning } from './QrSigning';
import type { ApplicationTypeInfo } from './useApplicationSetup';

type Step = 'terms' | 'method' | 'eds' | 'qr';

/**
 * Seed 001, steps 7–9: the review conditions and deadlines with the applicant's agreement, then
 * signing with EDS (certificate file and password, "Send form") or with the QR service; the
 * supplementary agreement (stage SUPPLEMENTARY_AGREEMENT) skips the conditions.
 * Mounted only while signing (its owner renders it then, keyed by application): every opening
 * starts at the first step with nothing agreed from the frame it is shown, so a click landing at
 * once acts on a fresh dialog, not on the step and agreement of the time before.
 */
export function SignDialog({
  onClose,
  application,
  stage,
  typeInfo,
  expectedSigner,
  onDone,
}: {
  onClose: () => void;
  application: Pick<ApplicationFieldsFragment, 'id' | 'number' | 'status'>;
  stage: SignatureStage;
  typeInfo?: ApplicationTypeInfo | null;
  expectedSigner?: string | null;
  onDone: (application: ApplicationFieldsFragment) => void;
}) {
  const { t } = useTranslation();
  const client = useClient();
  const [, submit] = useMutation(ApplicationSubmitDocument);
  const [, saSign] = useMutation(ApplicationSaSignDocument);
  const isApplication = stage === 'APPLICATION';
  const [step, setStep] = useState<Step>(isApplication ? 'terms' : 'method');
  const [agreed, setAgreed] = useState(false);
  const [agreeError, setAgreeError] = useState<AppError[]>([]);
  const stepHeading = useRef<HTMLHeadingElement>(null);
  const firstStep = useRef(true);

  // A new step replaces the one whose button had the focus: the keyboard goes to its heading.
  useEffect(() => {
    if (firstStep.current) {
      firstStep.current = false;
      return;
    }
    stepHeading.current?.focus();
  }, [step]);

  /** Sends with a CMS or a signed QR session; the application after it, or the errors. */
  const send = async (proof: { cms: string } | { signingSessionId: string }): Promise<readonly AppError[]> => {
    if (isApplication) {
      const result = await submit({ input: { applicationId: application.id, termsAccepted: true, ...proof } });
      const payload = result.data?.applicationSubmit;
      if (result.error || !payload) return [result.error ? fromCombinedError(result.error) : { code: 'UNKNOWN' }];
      if (payload.errors.length || !payload.application) return payload.errors.length ? payload.errors : [{ code: 'UNKNOWN' }];
      onDone(payload.application);
      return [];
    }
    const result = await saSign({ input: { applicationId: application.id, ...proof } });
    const payload = result.data?.applicationSaSign;
    if (result.error || !payload) return [result.error ? fromCombinedError(result.error) : { code: 'UNKNOWN' }];
    if (payload.errors.length || !payload.application) return payload.errors.length ? payload.errors : [{ code: 'UNKNOWN' }];
    onDone(payload.application);
    return [];
  };

  /** The exact bytes to sign, read just now: any edit since would make an older payload fail. */
  const signWithEds = async (sign: Signer): Promise<readonly AppError[]> => {
    const result = await client.query(ApplicationSigningPayloadDocument, { id: application.id }, { requestPolicy: 'network-only' }).toPromise();
    if (result.error) return [fromCombinedError(result.error)];
    const current = result.data?.application;
    const payload = isApplication ? current?.signingPayload : current?.saSigningPayload;
    if (!payload) return [{ code: 'WRONG_STATUS' }];
    const cms = await sign(fromBase64(payload));
    return send({ cms });
  };

  const toMethod = () => {
    if (!agreed) {
      setAgreeError([{ code: 'TERMS_NOT_ACCEPTED', field: 'termsAccepted' }]);
      return;
    }
    setStep('method');
  };

  const title = isApplication ? t('applications.sign.title', { number: application.number }) : t('applications.sign.saTitle', { number: application.number });
  return (
    <Dialog open onClose={onClose} title={title}>
      {step === 'terms' && (
        <div className="sign-terms">
          <h3 className="sign-dialog__step" ref={stepHeading} tabIndex={-1}>{t('applications.sign.termsTitle')}</h3>
          <ul className="sign-terms__list">
            <li>{t('applications.sign.terms.hours')}</li>
            <li>{t('applications.sign.terms.afterHours')}</li>
            {typeInfo && <li>{t('applications.sign.terms.review', { days: typeInfo.reviewWorkingDays })}</li>}
            {typeInfo && <li>{t('applications.sign.terms.revision', { days: typeInfo.revisionWorkingDays })}</li>}
            <li>{t('applications.sign.terms.notices')}</li>
            <li>{t('applications.sign.terms.changes')}</li>
          </ul>
          <CheckboxField
            label={t('applications.sign.agree')}
            checked={agreed}
            onChange={(e) => {
              setAgreed(e.target.checked);
              if (e.target.checked) setAgreeError([]);
            }}
            errors={agreeError}
          />
          <div className="form-actions">
            <Button onClick={toMethod}>{t('common.continue')}</Button>
            <Button variant="secondary" onClick={onClose}>
              {t('common.cancel')}
            </Button>
          </div>
        </div>
      )}
      {step === 'method' && (
        <div className="sign-method">
          <h3 className="sign-dialog__step" ref={stepHeading} tabIndex={-1}>{t('applications.sign.methodTitle')}</h3>
          <div className="sign-method__options">
            <button type="button" className="sign-method__option" onClick={() => setStep('eds')}>
              <span className="sign-method__name">{t('applications.sign.eds')}</span>
              <span className="sign-method__hint">{t('applications.sign.edsHint')}</span>
            </button>
            <button type="button" className="sign-method__option" onClick={() => setStep('qr')}>
              <span className="sign-method__name">{t('applications.sign.qr')}</span>
              <span className="sign-method__hint">{t('applications.sign.qrHint')}</span>
            </button>
          </div>
        </div>
      )}
      {step === 'eds' && (
        <div>
          <h3 className="sign-dialog__step" ref={stepHeading} tabIndex={-1}>{t('applications.sign.edsTitle')}</h3>
          <EdsSignForm purpose="sign" submitLabel={t('applications.sign.send')} onSign={signWithEds} expectedSigner={expectedSigner} />
          <p className="sign-dialog__back">
            <Button variant="link" onClick={() => setStep('method')}>
              {t('applications.sign.otherMethod')}
            </Button>
          </p>
        </div>
      )}
      {step === 'qr' && (
        <div>
          <h3 className="sign-dialog__step" ref={stepHeading} tabIndex={-1}>{t('applications.sign.qrTitle')}</h3>
          <QrSigning applicationId={application.id} stage={stage} onSigned={(signingSessionId) => send({ signingSessionId })} />
          <p className="sign-dialog__back">
            <Button variant="link" onClick={() => setStep('method')}>
              {t('applications.sign.otherMethod')}
            </Button>
          </p>
        </div>
      )}
    </Dialog>
  );
}
