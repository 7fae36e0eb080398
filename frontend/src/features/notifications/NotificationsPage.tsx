import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient, useMutation } from 'urql';
import { Button } from '../../components/Button';
import { FormErrors } from '../../components/FormErrors';
import { LoadFailed } from '../../components/LoadFailed';
import { PageLoader } from '../../components/PageLoader';
import { type NotificationFieldsFragment, NotificationMarkReadDocument, NotificationsDocument } from '../../gql/graphql';
import { type AppError, fromCombinedError } from '../../lib/errors';
import { useSocketStatus } from '../../lib/graphql/SocketContext';
import { usePageTitle } from '../../lib/usePageTitle';
import { NotificationItem } from './NotificationItem';
import { useLiveNotifications } from './NotificationsLive';
import './NotificationsPage.css';

const PAGE_SIZE = 20;

interface ListState {
  items: NotificationFieldsFragment[];
  endCursor: string | null;
  hasNextPage: boolean;
  total: number;
}

export function NotificationsPage() {
  const { t } = useTranslation();
  usePageTitle(t('notifications.title'));
  const client = useClient();
  const live = useLiveNotifications();
  const socketStatus = useSocketStatus();
  const [list, setList] = useState<ListState | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [loadError, setLoadError] = useState<AppError | null>(null);
  const [actionErrors, setActionErrors] = useState<AppError[]>([]);
  const [, markRead] = useMutation(NotificationMarkReadDocument);
  const [markingAll, setMarkingAll] = useState(false);

  const loadPage = useCallback(
    async (after: string | null) => {
      const result = await client.query(NotificationsDocument, { first: PAGE_SIZE, after }, { requestPolicy: 'network-only' }).toPromise();
      if (result.error || !result.data) {
        setLoadError(result.error ? fromCombinedError(result.error) : { code: 'UNKNOWN' });
        return;
      }
      setLoadError(null);
      const page = result.data.notifications;
      setList((prev) => {
        const known = new Set((after ? prev?.items ?? [] : []).map((n) => n.id));
        const fresh = page.edges.map((e) => e.node).filter((n) => !known.has(n.id));
        return {
          items: after ? [...(prev?.items ?? []), ...fresh] : fresh,
          endCursor: page.pageInfo.endCursor ?? null,
          hasNextPage: page.pageInfo.hasNextPage,
          total: page.totalCount,
        };
      });
    },
    [client],
  );

  useEffect(() => {
    void loadPage(null);
  }, [loadPage]);

  // New notifications appear at the top as they arrive.
  useEffect(
    () =>
      live.onArrival((notification) =>
        setList((prev) => {
          if (!prev || prev.items.some((n) => n.id === notification.id)) return prev;
          return { ...prev, items: [notification, ...prev.items], total: prev.total + 1 };
        }),
      ),
    [live],
  );

  const applyRead = (ids: string[] | null, unreadCount: number) => {
    const now = new Date().toISOString();
    live.setUnreadCount(unreadCount);
    setList((prev) => prev && { ...prev, items: prev.items.map((n) => (!n.readAt && (ids === null || ids.includes(n.id)) ? { ...n, readAt: now } : n)) });
  };

  const markOne = async (id: string) => {
    setActionErrors([]);
    const result = await markRead({ input: { ids: [id] } });
    const payload = result.data?.notificationMarkRead;
    if (result.error) setActionErrors([fromCombinedError(result.error)]);
    else if (payload?.errors.length) setActionErrors(payload.errors);
    else if (payload) applyRead([id], payload.unreadCount);
  };

  const markAll = async () => {
    setActionErrors([]);
    setMarkingAll(true);
    const result = await markRead({ input: {} });
    setMarkingAll(false);
    const payload = result.data?.notificationMarkRead;
    if (result.error) setActionErrors([fromCombinedError(result.error)]);
    else if (payload?.errors.length) setActionErrors(payload.errors);
    else if (payload) applyRead(null, payload.unreadCount);
  };

  const loadMore = async () => {
    if (!list?.endCursor) return;
    setLoadingMore(true);
    await loadPage(list.endCursor);
    setLoadingMore(false);
  };

  const unread = live.unreadCount ?? list?.items.filter((n) => !n.readAt).length ?? 0;

  return (
    <div className="page page--narrow">
      <div className="page__head">
        <div>
          <h1 tabIndex={-1}>{t('notifications.title')}</h1>
          <p className="page__lead notif-summary">
            <span>{list ? t('notifications.summary', { total: list.total, unread }) : '\u00a0'}</span>
            <span className={`live-dot live-dot--${socketStatus === 'connected' ? 'on' : 'off'}`}>
              {socketStatus === 'connected' ? t('notifications.liveOn') : t('notifications.liveOff')}
            </span>
          </p>
        </div>
        <Button variant="secondary" onClick={() => void markAll()} busy={markingAll} disabled={unread === 0}>
          {t('notifications.markAllRead')}
        </Button>
      </div>

      <FormErrors errors={actionErrors} />
      {loadError && <LoadFailed error={{ code: loadError.code === 'NETWORK' ? 'NETWORK' : 'UNKNOWN' }} onRetry={() => void loadPage(null)} />}

      {!list && !loadError && <PageLoader />}
      {list && list.items.length === 0 && <p className="empty-state">{t('notifications.empty')}</p>}
      {list && list.items.length > 0 && (
        <ol className="notif-list" aria-label={t('notifications.listLabel')}>
          {list.items.map((n) => (
            <NotificationItem key={n.id} notification={n} onMarkRead={() => void markOne(n.id)} />
          ))}
        </ol>
      )}
      {list?.hasNextPage && (
        <div className="load-more">
          <Button variant="secondary" onClick={() => void loadMore()} busy={loadingMore}>
            {t('notifications.loadMore')}
          </Button>
        </div>
      )}
    </div>
  );
}
