import { stringifyDocument } from '@urql/core';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { GRAPHQL_PATH } from './endpoint';

export class NetworkError extends Error {
  constructor(readonly status?: number) {
    super(status ? `HTTP ${status}` : 'Network error');
  }
}

/**
 * A plain POST outside urql, for the session calls that urql's own requests depend on
 * (refresh and sign-out): going through the client would loop through its 401 handling.
 */
export async function rawRequest<TData, TVars extends Record<string, unknown>>(
  document: TypedDocumentNode<TData, TVars>,
  variables: TVars,
  options: { token?: string | null; locale: string; fetchImpl?: typeof fetch },
): Promise<TData> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json', Accept: 'application/json', 'X-Locale': options.locale };
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  let response: Response;
  try {
    response = await (options.fetchImpl ?? fetch)(GRAPHQL_PATH, {
      method: 'POST',
      headers,
      credentials: 'same-origin',
      body: JSON.stringify({ query: stringifyDocument(document), variables }),
    });
  } catch {
    throw new NetworkError();
  }
  if (!response.ok) throw new NetworkError(response.status);
  const body = (await response.json()) as { data?: TData | null; errors?: unknown[] };
  if (!body.data) throw new NetworkError(response.status);
  return body.data;
}
