import { type KeyboardEvent, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { usePageTitle } from '../../lib/usePageTitle';
import { AuthShell } from '../../components/AuthShell';
import { PasswordLoginForm } from './PasswordLoginForm';
import { EdsLoginForm } from './EdsLoginForm';
import { PhoneLoginForm } from './PhoneLoginForm';
import './LoginPage.css';

const METHODS = ['password', 'phone', 'eds'] as const;
type Method = (typeof METHODS)[number];

/**
 * Sign-in by IIN/BIN or email and password (seed 000), by phone and a one-time code (seed 004),
 * or with an EDS certificate (SPEC §2.2).
 */
export function LoginPage() {
  const { t } = useTranslation();
  usePageTitle(t('login.title'));
  const [params, setParams] = useSearchParams();
  const asked = params.get('method');
  const method: Method = asked === 'phone' || asked === 'eds' ? asked : 'password';
  const tabs = useRef<Record<Method, HTMLButtonElement | null>>({ password: null, phone: null, eds: null });

  const select = (next: Method, focus = false) => {
    setParams(next === 'password' ? {} : { method: next }, { replace: true });
    if (focus) tabs.current[next]?.focus();
  };

  // Arrow keys move between tabs, as in every tab list (WAI-ARIA pattern).
  const onKeyDown = (event: KeyboardEvent) => {
    const index = METHODS.indexOf(method);
    if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
      event.preventDefault();
      const step = event.key === 'ArrowRight' ? 1 : -1;
      select(METHODS[(index + step + METHODS.length) % METHODS.length], true);
    }
  };

  return (
    <AuthShell
      title={t('login.title')}
      footer={
        <p>
          {t('login.noAccount')} <Link to="/register">{t('login.registerLink')}</Link>
        </p>
      }
    >
      <div className="tabs" role="tablist" aria-label={t('login.methodsLabel')} onKeyDown={onKeyDown}>
        {METHODS.map((m) => (
          <button
            key={m}
            ref={(el) => {
              tabs.current[m] = el;
            }}
            type="button"
            role="tab"
            id={`login-tab-${m}`}
            aria-selected={method === m}
            aria-controls={`login-panel-${m}`}
            tabIndex={method === m ? 0 : -1}
            className="tabs__tab"
            onClick={() => select(m)}
          >
            {t(`login.tabs.${m}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`login-panel-${method}`} aria-labelledby={`login-tab-${method}`} className="tabs__panel">
        {method === 'password' ? <PasswordLoginForm /> : method === 'phone' ? <PhoneLoginForm /> : <EdsLoginForm />}
      </div>
    </AuthShell>
  );
}
