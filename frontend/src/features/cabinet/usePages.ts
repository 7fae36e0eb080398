import { useCallback, useEffect, useRef, useState } from 'react';
import type { AnyVariables, TypedDocumentNode } from 'urql';
import { useClient } from 'urql';
import { type AppError, fromCombinedError } from '../../lib/errors';

interface Connection<N> {
  edges: { node: N }[];
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
  totalCount: number;
}

/**
 * A cursor connection read page by page: the first page at once, "Show more" appends the next
 * one (`after` = the last cursor), `reload` reads from the start again (after a live change).
 */
export function usePages<N, D, V extends AnyVariables & { first?: number | null; after?: string | null }>(
  document: TypedDocumentNode<D, V>,
  variables: Omit<V, 'first' | 'after'>,
  pick: (data: D) => Connection<N> | null | undefined,
  pageSize: number,
) {
  const client = useClient();
  const [items, setItems] = useState<N[] | null>(null);
  const [total, setTotal] = useState(0);
  const [cursor, setCursor] = useState<string | null>(null);
  const [hasMore, setHasMore] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const key = JSON.stringify(variables);
  const args = useRef({ document, variables, pick });
  args.current = { document, variables, pick };
  const generation = useRef(0);

  const fetchPage = useCallback(
    async (after: string | null) => {
      const { document: doc, variables: vars, pick: select } = args.current;
      const mine = ++generation.current;
      setBusy(true);
      const result = await client.query(doc, { ...vars, first: pageSize, after } as V, { requestPolicy: 'network-only' }).toPromise();
      if (mine !== generation.current) return; // a newer read replaced this one
      setBusy(false);
      const connection = result.data ? select(result.data) : null;
      if (result.error || !connection) {
        setError(result.error ? fromCombinedError(result.error) : { code: 'UNKNOWN' });
        return;
      }
      setError(null);
      const nodes = connection.edges.map((e) => e.node);
      setItems((old) => (after && old ? [...old, ...nodes] : nodes));
      setTotal(connection.totalCount);
      setCursor(connection.pageInfo.endCursor ?? null);
      setHasMore(connection.pageInfo.hasNextPage);
    },
    [client, pageSize],
  );

  const reload = useCallback(() => void fetchPage(null), [fetchPage]);
  const more = useCallback(() => void fetchPage(cursor), [fetchPage, cursor]);
  // `key` stands for the variables: other variables (another account) read from the start.
  useEffect(() => reload(), [reload, key]);

  return { items, total, hasMore, busy, error, reload, more };
}
