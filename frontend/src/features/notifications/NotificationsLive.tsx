import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from 'urql';
import { type NotificationFieldsFragment, NotificationReceivedDocument, UnreadNotificationCountDocument } from '../../gql/graphql';
import { useSocket } from '../../lib/graphql/SocketContext';
import { notificationText } from './notificationText';

type Listener = (notification: NotificationFieldsFragment) => void;

interface LiveNotifications {
  unreadCount: number | null;
  setUnreadCount: (count: number) => void;
  /** Calls `listener` for each notification that arrives while mounted. */
  onArrival: (listener: Listener) => () => void;
}

const LiveContext = createContext<LiveNotifications | null>(null);

/**
 * Keeps the unread count and listens to `notificationReceived` for the signed-in viewer, so the
 * badge and the open list update without a reload. Mounted once per signed-in session.
 */
export function NotificationsProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const client = useClient();
  const socket = useSocket();
  const [unreadCount, setUnreadCount] = useState<number | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const listeners = useRef(new Set<Listener>());
  const tRef = useRef(t);
  tRef.current = t;

  const recount = useCallback(async () => {
    const result = await client.query(UnreadNotificationCountDocument, {}, { requestPolicy: 'network-only' }).toPromise();
    if (result.data) setUnreadCount(result.data.unreadNotificationCount);
  }, [client]);

  useEffect(() => {
    void recount();
    // Events published while the socket was reconnecting are lost: count again after a reconnect.
    return socket?.onReconnected(() => void recount());
  }, [recount, socket]);

  useEffect(() => {
    const subscription = client.subscription(NotificationReceivedDocument, {}).subscribe((result) => {
      const notification = result.data?.notificationReceived;
      if (!notification) return;
      if (!notification.readAt) setUnreadCount((count) => (count ?? 0) + 1);
      setAnnouncement(notificationText(tRef.current, notification).title);
      for (const listener of [...listeners.current]) listener(notification);
    });
    return () => subscription.unsubscribe();
  }, [client]);

  const value = useMemo<LiveNotifications>(
    () => ({
      unreadCount,
      setUnreadCount,
      onArrival(listener) {
        listeners.current.add(listener);
        return () => listeners.current.delete(listener);
      },
    }),
    [unreadCount],
  );

  return (
    <LiveContext.Provider value={value}>
      {children}
      <div className="visually-hidden" role="status" aria-live="polite">
        {announcement && t('notifications.arrived', { title: announcement })}
      </div>
    </LiveContext.Provider>
  );
}

export function useLiveNotifications(): LiveNotifications {
  const value = useContext(LiveContext);
  if (!value) throw new Error('useLiveNotifications needs a NotificationsProvider');
  return value;
}
