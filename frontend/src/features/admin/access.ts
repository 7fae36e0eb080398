import type { ApiScope, ViewerFragment } from '../../gql/graphql';
import { formatPhone } from '../../lib/format';

/** Every scope an admin may grant, in the order the form lists them. */
export const API_SCOPES: readonly ApiScope[] = ['CONTRACTS_READ', 'CONTRACTS_WRITE', 'DOCUMENTS_WRITE', 'CONTRACTS_WRITE_ANY', 'APPLICATIONS_BPMS', 'BILLING_WRITE'];

/** What a construction company's CRM needs; the housing company's systems are granted more by hand. */
export const DEFAULT_SCOPES: readonly ApiScope[] = ['CONTRACTS_READ', 'CONTRACTS_WRITE', 'DOCUMENTS_WRITE'];

/** How a key is shown once it is stored: only the part before its secret (shq_<prefix>_…). */
export function maskedKey(keyPrefix: string): string {
  return `shq_${keyPrefix}_…`;
}

/**
 * What an account is called on the Accounts page: its card, its button, its dialog and the news of
 * a save say the same, also for a phone-only resident with neither a name nor an IIN.
 */
export function accountName(user: ViewerFragment): string {
  return user.fullName || user.iinBin || user.email || formatPhone(user.phone);
}
