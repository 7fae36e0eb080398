import { useTranslation } from 'react-i18next';
import { useSocketStatus } from '../../lib/graphql/SocketContext';

/** Whether a decision would appear by itself right now (the subscription socket is connected). */
export function LiveIndicator() {
  const { t } = useTranslation();
  const on = useSocketStatus() === 'connected';
  return <span className={`q-live q-live--${on ? 'on' : 'off'}`}>{on ? t('common.liveOn') : t('common.liveOff')}</span>;
}
