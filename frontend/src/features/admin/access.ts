import type { ApiScope } from '../../gql/graphql';

/** Every scope an admin may grant, in the order the form lists them. */
export const API_SCOPES: readonly ApiScope[] = ['CONTRACTS_READ', 'CONTRACTS_WRITE', 'DOCUMENTS_WRITE', 'CONTRACTS_WRITE_ANY', 'APPLICATIONS_BPMS'];

/** What a construction company's CRM needs; the housing company's systems are granted more by hand. */
export const DEFAULT_SCOPES: readonly ApiScope[] = ['CONTRACTS_READ', 'CONTRACTS_WRITE', 'DOCUMENTS_WRITE'];

/** How a key is shown once it is stored: only the part before its secret (shq_<prefix>_…). */
export function maskedKey(keyPrefix: string): string {
  return `shq_${keyPrefix}_…`;
}
