import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button';
import type { NotificationFieldsFragment } from '../../gql/graphql';
import { formatDateTime } from '../../lib/format';
import { notificationText } from './notificationText';

export function NotificationItem({ notification, onMarkRead }: { notification: NotificationFieldsFragment; onMarkRead: () => void }) {
  const { t, i18n } = useTranslation();
  const { title, body } = notificationText(t, notification);
  const unread = !notification.readAt;
  return (
    <li className={`notif ${unread ? 'notif--unread' : ''}`}>
      <article aria-label={title}>
        <div className="notif__head">
          <h2 className="notif__title">
            {unread && <span className="notif__new">{t('notifications.new')}</span>}
            {title}
          </h2>
          <time className="notif__time" dateTime={notification.createdAt}>
            {formatDateTime(notification.createdAt, i18n.language)}
          </time>
        </div>
        {body && <p className="notif__body">{body}</p>}
        {unread && (
          <Button variant="link" className="notif__action" onClick={onMarkRead}>
            {t('notifications.markRead')}
          </Button>
        )}
      </article>
    </li>
  );
}
