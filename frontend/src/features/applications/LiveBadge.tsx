import { useTranslation } from 'react-i18next';

/** Whether changes arrive by themselves right now (the subscription socket is connected). */
export function LiveBadge({ on }: { on: boolean }) {
  const { t } = useTranslation();
  return <span className={`live-badge live-badge--${on ? 'on' : 'off'}`}>{on ? t('applications.liveOn') : t('applications.liveOff')}</span>;
}
