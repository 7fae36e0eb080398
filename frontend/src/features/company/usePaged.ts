import { useCallback, useEffect, useState } from 'react';
import type { CombinedError } from 'urql';
import { type AppError, fromCombinedError } from '../../lib/errors';
import type { Connection } from './types';

export interface Paged<T> {
  rows: T[] | null;
  total: number;
  error: AppError | null;
  hasMore: boolean;
  loadingMore: boolean;
  more: () => Promise<void>;
  /** Reads the first page again without the loader (a live update, "Try again"). */
  refresh: () => Promise<void>;
  setRows: (rows: T[], total: number) => void;
}

type Fetch<T> = (after: string | null) => Promise<{ page?: Connection<T> | null; error?: CombinedError }>;

/**
 * A list read page by page (first/after): the first page whenever `fetchPage` changes (a new
 * filter), the next ones on "Show more", each row once.
 */
export function usePaged<T extends { id: string }>(fetchPage: Fetch<T>): Paged<T> {
  const [rows, setRowsState] = useState<T[] | null>(null);
  const [total, setTotal] = useState(0);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);

  const read = useCallback(
    async (after: string | null) => {
      const { page, error: failure } = await fetchPage(after);
      if (failure || !page) {
        setError(failure ? fromCombinedError(failure) : { code: 'FORBIDDEN' });
        return null;
      }
      setError(null);
      setTotal(page.totalCount);
      setCursor(page.pageInfo.hasNextPage ? (page.pageInfo.endCursor ?? null) : null);
      return page.edges.map((e) => e.node);
    },
    [fetchPage],
  );

  const refresh = useCallback(async () => {
    const first = await read(null);
    if (first) setRowsState(first);
  }, [read]);

  useEffect(() => {
    let live = true;
    setRowsState(null);
    void read(null).then((first) => {
      if (live && first) setRowsState(first);
    });
    return () => {
      live = false;
    };
  }, [read]);

  const more = async () => {
    setLoadingMore(true);
    const next = await read(cursor);
    setLoadingMore(false);
    if (next) setRowsState((before) => [...(before ?? []), ...next.filter((n) => !before?.some((b) => b.id === n.id))]);
  };

  const setRows = useCallback((next: T[], nextTotal: number) => {
    setRowsState(next);
    setTotal(nextTotal);
  }, []);

  return { rows, total, error, hasMore: cursor !== null, loadingMore, more, refresh, setRows };
}
