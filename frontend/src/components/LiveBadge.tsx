import { useTranslation } from 'react-i18next';
import './LiveBadge.css';

/** Whether changes arrive by themselves right now (the subscription socket is connected). */
export function LiveBadge({ on }: { on: boolean }) {
  const { t } = useTranslation();
  return <span className={`live-badge live-badge--${on ? 'on' : 'off'}`}>{on ? t('common.liveOn') : t('common.liveOff')}</span>;
}
