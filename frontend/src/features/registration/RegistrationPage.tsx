import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { AuthShell } from '../../components/AuthShell';
import { StepIndicator } from '../../components/StepIndicator';
import type { DeliveryFieldsFragment } from '../../gql/graphql';
import { useSessionManager } from '../../lib/auth/SessionContext';
import { usePageTitle } from '../../lib/usePageTitle';
import { CodeStep } from './CodeStep';
import { DetailsStep } from './DetailsStep';
import { PasswordStep } from './PasswordStep';
import { EMPTY_DETAILS, type RegistrationDetails } from './types';

type Step = 'details' | 'code' | 'password';
const STEPS: Step[] = ['details', 'code', 'password'];

/** Equity-holder registration (seed 000): details and contract → SMS code → password → Profile. */
export function RegistrationPage() {
  const { t } = useTranslation();
  usePageTitle(t('registration.title'));
  const manager = useSessionManager();
  const navigate = useNavigate();
  const [step, setStep] = useState<Step>('details');
  const [details, setDetails] = useState<RegistrationDetails>(EMPTY_DETAILS);
  const [registrationId, setRegistrationId] = useState<string | null>(null);
  const [delivery, setDelivery] = useState<DeliveryFieldsFragment | null>(null);
  const heading = useRef<HTMLDivElement>(null);
  const firstRender = useRef(true);

  // Each step is a new screen: move focus to its heading so screen readers announce it.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    heading.current?.querySelector<HTMLElement>('h2')?.focus();
  }, [step]);

  const sent = (id: string, d: DeliveryFieldsFragment) => {
    setRegistrationId(id);
    setDelivery(d);
    setStep('code');
  };

  return (
    <AuthShell
      title={t('registration.title')}
      footer={
        <p>
          {t('registration.haveAccount')} <Link to="/login">{t('registration.loginLink')}</Link>
        </p>
      }
    >
      <StepIndicator steps={STEPS.map((s) => t(`registration.steps.${s}`))} current={STEPS.indexOf(step)} />
      <div ref={heading}>
        <h2 className="wizard-step-title" tabIndex={-1}>
          {t(`registration.steps.${step}`)}
        </h2>
      </div>
      {step === 'details' && <DetailsStep details={details} onChange={setDetails} onSent={sent} />}
      {step === 'code' && registrationId && delivery && (
        <CodeStep
          registrationId={registrationId}
          delivery={delivery}
          onResent={(id, d) => {
            setRegistrationId(id);
            setDelivery(d);
          }}
          onVerified={() => setStep('password')}
          onBack={() => setStep('details')}
        />
      )}
      {step === 'password' && registrationId && (
        <PasswordStep
          registrationId={registrationId}
          onDone={(payload) => {
            manager.signIn(payload);
            navigate('/profile', { replace: true });
          }}
          onRestart={() => setStep('details')}
        />
      )}
    </AuthShell>
  );
}
