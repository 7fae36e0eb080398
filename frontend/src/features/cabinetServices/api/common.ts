import type { AppError } from '../../../lib/errors';

/**
 * The documents of this feature are typed by hand after DESIGN.md's contract while the backends
 * land their schema (RULES 5); `operations.test.ts` validates every one of them against
 * schema.graphql, so a name that drifts from the API fails a test instead of a page.
 */
export const USER_ERROR_FIELDS = 'errors { field code message params }';

export interface PayloadError extends AppError {
  field?: string | null;
  code: string;
  message?: string;
  params?: unknown;
}

export interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
  totalCount: number;
}
