import type { CombinedError } from '@urql/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from 'urql';
import { useAnnouncement } from '../../components/LiveAnnouncement';
import { type ApplicationRowFieldsFragment, ApplicationsChangedDocument, type ApplicationStatus } from '../../gql/graphql';
import { type AppError, fromCombinedError } from '../../lib/errors';
import { useSocket } from '../../lib/graphql/SocketContext';
import { appendPage, mergeRow } from './rows';

type Row = ApplicationRowFieldsFragment;

/** One page of a list of applications, as both list queries return it. */
export interface RowsPage {
  edges: readonly { node: Row }[];
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
  totalCount: number;
}

export interface ApplicationRowsOptions {
  /** Reads a page with the filters as they are now: the first (`after` null) or the next. */
  fetchPage: (after: string | null) => Promise<{ page?: RowsPage | null; error?: CombinedError }>;
  /** The statuses the list is filtered by (none: every status). */
  statuses: () => readonly ApplicationStatus[];
  /** Whether a row not on the list may join it when it changes; filters only the server can judge say no. */
  admitsNew?: () => boolean;
}

/**
 * A paged list of applications that stays live: "Load more" by cursor, `applicationsChanged` merged
 * in (and its status changes announced), read again after the socket reconnects.
 */
export function useApplicationRows(options: ApplicationRowsOptions) {
  const { t } = useTranslation();
  const client = useClient();
  const socket = useSocket();
  // Read when a page or an update arrives, so they always see the filters of the latest render.
  const optionsRef = useRef(options);
  optionsRef.current = options;
  const tRef = useRef(t);
  tRef.current = t;
  const [rows, setRowsState] = useState<Row[] | null>(null);
  const rowsRef = useRef<Row[] | null>(null);
  const setRows = useCallback((next: Row[] | null) => {
    rowsRef.current = next;
    setRowsState(next);
  }, []);
  const [total, setTotal] = useState(0);
  const [cursor, setCursor] = useState<string | null>(null);
  const [hasMore, setHasMore] = useState(false);
  const [loadingMore, setLoadingMore] = useState(false);
  const [loadError, setLoadError] = useState<AppError | null>(null);
  const [liveIds, setLiveIds] = useState<ReadonlySet<string>>(new Set());
  const [announcement, announce] = useAnnouncement();

  const load = useCallback(async () => {
    const { page, error } = await optionsRef.current.fetchPage(null);
    if (error || !page) {
      setLoadError(error ? fromCombinedError(error) : { code: 'UNKNOWN' });
      return;
    }
    setLoadError(null);
    setRows(page.edges.map((e) => e.node));
    setTotal(page.totalCount);
    setCursor(page.pageInfo.endCursor ?? null);
    setHasMore(page.pageInfo.hasNextPage);
  }, [setRows]);

  // Missed while reconnecting: read it again.
  useEffect(() => socket?.onReconnected(() => void load()), [socket, load]);

  useEffect(() => {
    const subscription = client.subscription(ApplicationsChangedDocument, {}).subscribe((result) => {
      const incoming = result.data?.applicationsChanged;
      const { statuses, admitsNew = () => true } = optionsRef.current;
      if (!incoming) return;
      const list = rowsRef.current;
      if (!list) return;
      const previous = list.find((r) => r.id === incoming.id) ?? null;
      if (previous || admitsNew()) {
        const merged = mergeRow(list, incoming, statuses());
        setRows(merged.rows);
        if (merged.change === 'added') setTotal((n) => n + 1);
        if (merged.change === 'removed') setTotal((n) => Math.max(0, n - 1));
      }
      setLiveIds((ids) => new Set(ids).add(incoming.id));
      const tr = tRef.current;
      if (previous?.status !== incoming.status) {
        announce(tr('applications.live.status', { number: incoming.number, status: tr(`applications.status.${incoming.status}`) }));
      }
    });
    return () => subscription.unsubscribe();
  }, [client, setRows, announce]);

  const loadMore = async () => {
    if (!cursor) return;
    setLoadingMore(true);
    const { page, error } = await optionsRef.current.fetchPage(cursor);
    setLoadingMore(false);
    if (error || !page) {
      setLoadError(error ? fromCombinedError(error) : { code: 'UNKNOWN' });
      return;
    }
    setRows(appendPage(rowsRef.current ?? [], page.edges.map((e) => e.node)));
    setCursor(page.pageInfo.endCursor ?? null);
    setHasMore(page.pageInfo.hasNextPage);
  };

  /** Empties the list until the next `load` (a new filter: the old rows would mislead). */
  const clear = useCallback(() => setRows(null), [setRows]);

  /** Takes a row off the list (deleted here, so no update will come for it). */
  const remove = (id: string) => {
    setRows((rowsRef.current ?? []).filter((r) => r.id !== id));
    setTotal((n) => Math.max(0, n - 1));
  };

  return { rows, total, hasMore, loadingMore, loadError, liveIds, announcement, announce, load, loadMore, clear, remove };
}

export type ApplicationRows = ReturnType<typeof useApplicationRows>;
