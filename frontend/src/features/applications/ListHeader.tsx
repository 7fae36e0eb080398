import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LiveBadge } from '../../components/LiveBadge';
import { useSocketStatus } from '../../lib/graphql/SocketContext';

/** A list's heading with how many there are (once known), whether changes arrive live, and its actions. */
export function ListHeader({ title, count, className, children }: { title: string; count: number | null; className?: string; children?: ReactNode }) {
  const { t } = useTranslation();
  const socketStatus = useSocketStatus();
  return (
    <div className={['page__head', className ?? ''].filter(Boolean).join(' ')}>
      <div>
        <h1 tabIndex={-1}>{title}</h1>
        <p className="page__lead applications-page__lead">
          {count !== null && <span>{t('applications.count', { n: count })}</span>}
          <LiveBadge on={socketStatus === 'connected'} />
        </p>
      </div>
      {children}
    </div>
  );
}
