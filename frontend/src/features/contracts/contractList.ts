import type { ContractFieldsFragment } from '../../gql/graphql';

type Sortable = Pick<ContractFieldsFragment, 'id' | 'number' | 'signedOn'>;

/** Oldest first, as the API lists them, so a contract that arrives live takes its proper place. */
export function sortContracts<T extends Sortable>(list: readonly T[]): T[] {
  return [...list].sort((a, b) => a.signedOn.localeCompare(b.signedOn) || a.number.localeCompare(b.number) || a.id.localeCompare(b.id));
}

/** The list with `incoming` in it: replacing the contract of that id, or added in order. */
export function mergeContract<T extends Sortable>(list: readonly T[], incoming: T): { list: T[]; added: boolean } {
  const index = list.findIndex((c) => c.id === incoming.id);
  if (index === -1) return { list: sortContracts([...list, incoming]), added: true };
  const next = [...list];
  next[index] = incoming;
  return { list: sortContracts(next), added: false };
}

export type Selection<T> =
  | { kind: 'loading' }
  | { kind: 'empty' }
  | { kind: 'redirect'; to: string }
  | { kind: 'shown'; contract: T }
  | { kind: 'missing' };

/**
 * What the page shows for `/contracts/:contractId`: the contract of the URL; for `/contracts`
 * the first one (its URL replaces the bare one, so reload and back keep the choice).
 */
export function selectContract<T extends Sortable>(list: readonly T[] | null, contractId: string | undefined): Selection<T> {
  if (list === null) return { kind: 'loading' };
  if (!contractId) return list.length === 0 ? { kind: 'empty' } : { kind: 'redirect', to: list[0].id };
  const contract = list.find((c) => c.id === contractId);
  return contract ? { kind: 'shown', contract } : { kind: 'missing' };
}

export function contractPath(id: string): string {
  return `/contracts/${encodeURIComponent(id)}`;
}
