import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { BellIcon } from '../../components/icons';
import { useLiveNotifications } from './NotificationsLive';
import './NotificationBell.css';

/** The bell of the header: a link to the notifications with the number of unread ones. */
export function NotificationBell() {
  const { t } = useTranslation();
  const { unreadCount } = useLiveNotifications();
  const count = unreadCount ?? 0;
  return (
    <NavLink to="/notifications" className="bell" aria-label={count > 0 ? t('header.notificationsUnread', { n: count }) : t('header.notifications')}>
      <BellIcon />
      {count > 0 && (
        <span className="bell__badge" aria-hidden="true">
          {count > 99 ? '99+' : count}
        </span>
      )}
    </NavLink>
  );
}
