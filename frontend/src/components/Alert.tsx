import type { ReactNode } from 'react';
import './Alert.css';

type Tone = 'error' | 'success' | 'info' | 'warning';

/**
 * A message about something that just happened. Errors are announced at once (role=alert);
 * other tones politely (role=status). Render it empty-but-present to keep the live region stable.
 */
export function Alert({ tone, title, children, className }: { tone: Tone; title?: ReactNode; children?: ReactNode; className?: string }) {
  const role = tone === 'error' ? 'alert' : 'status';
  return (
    <div role={role} className={['alert', `alert--${tone}`, className ?? ''].filter(Boolean).join(' ')}>
      {title && <p className="alert__title">{title}</p>}
      {children && <div className="alert__body">{children}</div>}
    </div>
  );
}
