import type { RequestDetails, RequestFilterInput, RequestRow, ServiceRequestStatus } from './types';
import { REQUEST_STATUSES } from './types';

/**
 * The queue's filters, kept in the address (?status=&type=&building=&q=) so that a reload or the
 * way back from a request keeps them. No status in the address means the new requests (the work
 * waiting to be taken); "ALL" shows every status.
 */
export interface RequestFilter {
  status: ServiceRequestStatus | null;
  typeId: string | null;
  buildingId: string | null;
  search: string;
}

export const DEFAULT_STATUS: ServiceRequestStatus = 'NEW';

export function filterFromParams(params: URLSearchParams): RequestFilter {
  const raw = params.get('status');
  const status = raw === 'ALL' ? null : (REQUEST_STATUSES.find((s) => s === raw) ?? DEFAULT_STATUS);
  return {
    status,
    typeId: params.get('type') || null,
    buildingId: params.get('building') || null,
    search: (params.get('q') ?? '').trim(),
  };
}

export function filterToParams(filter: RequestFilter): Record<string, string> {
  const out: Record<string, string> = {};
  if (filter.status === null) out.status = 'ALL';
  else if (filter.status !== DEFAULT_STATUS) out.status = filter.status;
  if (filter.typeId) out.type = filter.typeId;
  if (filter.buildingId) out.building = filter.buildingId;
  if (filter.search.trim()) out.q = filter.search.trim();
  return out;
}

/** What companyServiceRequests(filter:) receives: only what narrows the list. */
export function filterVariables(filter: RequestFilter): RequestFilterInput {
  const input: RequestFilterInput = {};
  if (filter.status) input.status = filter.status;
  if (filter.typeId) input.typeId = filter.typeId;
  if (filter.buildingId) input.buildingId = filter.buildingId;
  if (filter.search.trim()) input.search = filter.search.trim();
  return input;
}

export function isFiltered(filter: RequestFilter): boolean {
  return filter.status !== DEFAULT_STATUS || Boolean(filter.typeId || filter.buildingId || filter.search.trim());
}

/** Whether a request, as an update brought it, belongs in a list with these filters (a search is the server's to judge: null). */
export function admits(request: RequestDetails, filter: RequestFilter): boolean | null {
  if (filter.status && request.status !== filter.status) return false;
  if (filter.typeId && request.type.id !== filter.typeId) return false;
  if (filter.buildingId && request.account.building.id !== filter.buildingId) return false;
  if (filter.search.trim()) return null;
  return true;
}

export interface ListState {
  rows: RequestRow[];
  total: number;
}

export type LiveOutcome =
  | { kind: 'updated'; state: ListState }
  | { kind: 'added'; state: ListState }
  | { kind: 'left'; state: ListState }
  | { kind: 'ignored' }
  | { kind: 'reload' };

function newestFirst(a: RequestRow, b: RequestRow): number {
  return b.createdAt.localeCompare(a.createdAt) || b.number - a.number;
}

/**
 * One serviceRequestUpdated event applied to the list shown: a shown request is replaced, or
 * leaves when it no longer fits the filters (taken: it leaves "new"); a new one that fits joins in
 * its place, newest first; under a search the list is read again, as only the server knows.
 */
export function applyLive(state: ListState, request: RequestDetails, filter: RequestFilter): LiveOutcome {
  const fits = admits(request, filter);
  const shown = state.rows.some((r) => r.id === request.id);
  if (fits === null) return { kind: 'reload' };
  if (shown && fits) return { kind: 'updated', state: { rows: state.rows.map((r) => (r.id === request.id ? toRow(request) : r)), total: state.total } };
  if (shown) return { kind: 'left', state: { rows: state.rows.filter((r) => r.id !== request.id), total: Math.max(0, state.total - 1) } };
  if (!fits) return { kind: 'ignored' };
  return { kind: 'added', state: { rows: [...state.rows, toRow(request)].sort(newestFirst), total: state.total + 1 } };
}

export function toRow(request: RequestDetails): RequestRow {
  const { account, ...rest } = request;
  return {
    id: rest.id,
    number: rest.number,
    createdAt: rest.createdAt,
    status: rest.status,
    content: rest.content,
    type: rest.type,
    account: { id: account.id, number: account.number, address: account.address },
    authorName: rest.authorName,
    authorPhone: rest.authorPhone,
    visitDate: rest.visitDate,
    visitFrom: rest.visitFrom,
    visitTo: rest.visitTo,
    takenByName: rest.takenByName,
    rating: rest.rating,
    ratingNotDone: rest.ratingNotDone,
  };
}

/** "15.12.2026, 10:00–12:00"; only what the resident gave. */
export function visitWindow(row: Pick<RequestRow, 'visitDate' | 'visitFrom' | 'visitTo'>, formatDate: (iso: string) => string): string {
  const time = row.visitFrom && row.visitTo ? `${row.visitFrom}–${row.visitTo}` : (row.visitFrom ?? row.visitTo ?? '');
  return [row.visitDate ? formatDate(row.visitDate) : '', time].filter(Boolean).join(', ');
}
