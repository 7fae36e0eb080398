import type { ApplicationRowFieldsFragment, ApplicationStatus } from '../../gql/graphql';

/**
 * A live update merged into a list that is filtered by status: a row already there is replaced (or
 * dropped when it no longer matches), a new one that matches goes on top (newest first, as listed).
 */
export function mergeRow<T extends Pick<ApplicationRowFieldsFragment, 'id' | 'status'>>(
  rows: readonly T[],
  incoming: T,
  statuses: readonly ApplicationStatus[],
): { rows: T[]; change: 'added' | 'updated' | 'removed' | 'none'; previous: T | null } {
  const matches = statuses.length === 0 || statuses.includes(incoming.status);
  const index = rows.findIndex((r) => r.id === incoming.id);
  if (index === -1) return matches ? { rows: [incoming, ...rows], change: 'added', previous: null } : { rows: [...rows], change: 'none', previous: null };
  const previous = rows[index];
  if (!matches) return { rows: rows.filter((r) => r.id !== incoming.id), change: 'removed', previous };
  const next = [...rows];
  next[index] = incoming;
  return { rows: next, change: 'updated', previous };
}

/** Rows of a next page, without any that a live update already put on the list. */
export function appendPage<T extends { id: string }>(rows: readonly T[], page: readonly T[]): T[] {
  const known = new Set(rows.map((r) => r.id));
  return [...rows, ...page.filter((r) => !known.has(r.id))];
}
