import type { CombinedError } from '@urql/core';
import { type AppError, fromCombinedError } from '../../lib/errors';

/**
 * The error of a query field that has no payload (queuePrefill, queueEligibility,
 * queueSigningPayload): the API answers BAD_USER_INPUT with its stable code as `reason` and the
 * input field at fault, which is what the page shows; anything else is read as elsewhere.
 */
export function queryError(error: CombinedError): AppError {
  const first = error.graphQLErrors[0];
  const ext = (first?.extensions ?? {}) as Record<string, unknown>;
  if (ext.code === 'BAD_USER_INPUT' && typeof ext.reason === 'string') {
    return { code: ext.reason, field: typeof ext.field === 'string' ? ext.field : null, params: ext };
  }
  return fromCombinedError(error);
}
