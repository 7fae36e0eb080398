import type { TFunction } from 'i18next';
import type { ContractEventFieldsFragment, DocumentKind, GuaranteeKind, PremisesKind } from '../../gql/graphql';
import { formatDate, formatPhone } from '../../lib/format';

/** Every field the API reports in a contract's changes (`FieldChange.field`), in display order. */
export const CONTRACT_FIELDS = [
  'number',
  'signedOn',
  'holderName',
  'complex.name',
  'complex.address',
  'premises.kind',
  'premises.number',
  'complex.commissioningDate',
  'complex.website',
  'developer.name',
  'developer.bin',
  'developer.phone',
  'developer.email',
  'developer.website',
  'authorizedCompany.name',
  'authorizedCompany.bin',
  'authorizedCompany.phone',
  'authorizedCompany.email',
  'authorizedCompany.website',
  'guarantee.kind',
  'guarantee.number',
  'guarantee.date',
] as const;

export const PREMISES_KINDS: readonly PremisesKind[] = ['FLAT', 'NON_RESIDENTIAL', 'PARKING', 'STORAGE', 'OTHER'];
export const GUARANTEE_KINDS: readonly GuaranteeKind[] = ['AKIMAT_PERMIT', 'KZHK_GUARANTEE'];
/** The seed's documents of a contract, in its order; OTHER holds what the holder adds. */
export const DOCUMENT_KINDS: readonly DocumentKind[] = ['DDU', 'REGISTRATION_EXTRACT', 'SUPPLEMENTARY_AGREEMENT', 'OTHER'];
export const HISTORY_ACTIONS = ['created', 'updated', 'refreshed', 'document_added'] as const;
export const HISTORY_SOURCES = ['refresh', 'holder', 'demo'] as const;

const DATE_FIELDS = new Set(['signedOn', 'complex.commissioningDate', 'guarantee.date']);
const PHONE_FIELDS = new Set(['developer.phone', 'authorizedCompany.phone']);
const ORDER = new Map<string, number>(CONTRACT_FIELDS.map((field, i) => [field, i]));

/** The localized name of a changed field; a field this build does not know shows as the API names it. */
export function fieldLabel(t: TFunction, field: string): string {
  return ORDER.has(field) ? t(`contracts.fields.${field}`) : field;
}

/**
 * A changed value as a person reads it: dates in words, phones grouped, enum values (stored in
 * lower case, as in `premises.kind: flat`) in the interface language. Empty means "not set".
 */
export function formatFieldValue(t: TFunction, locale: string, field: string, value: string | null | undefined): string {
  if (value === null || value === undefined || value.trim() === '') return '';
  if (DATE_FIELDS.has(field) && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value, locale);
  if (PHONE_FIELDS.has(field)) return formatPhone(value);
  const upper = value.toUpperCase();
  if (field === 'premises.kind' && (PREMISES_KINDS as readonly string[]).includes(upper)) return t(`contracts.premisesKinds.${upper}`);
  if (field === 'guarantee.kind' && (GUARANTEE_KINDS as readonly string[]).includes(upper)) return t(`contracts.guaranteeKinds.${upper}`);
  return value;
}

export interface ChangeEntry {
  field: string;
  label: string;
  old: string;
  new: string;
}

/** Field changes as label, old and new text, in the order the page shows the fields. */
export function describeChanges(t: TFunction, locale: string, changes: readonly { field: string; old?: string | null; new?: string | null }[]): ChangeEntry[] {
  return [...changes]
    .sort((a, b) => (ORDER.get(a.field) ?? ORDER.size) - (ORDER.get(b.field) ?? ORDER.size))
    .map((change) => ({
      field: change.field,
      label: fieldLabel(t, change.field),
      old: formatFieldValue(t, locale, change.field, change.old),
      new: formatFieldValue(t, locale, change.field, change.new),
    }));
}

/** "Data changed", "Document added"…; an action this build does not know shows as it is. */
export function actionLabel(t: TFunction, action: string): string {
  return (HISTORY_ACTIONS as readonly string[]).includes(action) ? t(`contracts.history.actions.${action}`) : action;
}

/** Where a change came from: the source system (Update data), a partner's system, the holder. */
export function sourceLabel(t: TFunction, source: string): string {
  if (source.startsWith('partner:')) return t('contracts.history.sources.partner', { name: source.slice('partner:'.length).trim() });
  if ((HISTORY_SOURCES as readonly string[]).includes(source)) return t(`contracts.history.sources.${source}`);
  return source || t('contracts.history.sources.unknown');
}

/** Who added a document: "source" and "partner" are the API's words for systems, else a name. */
export function addedByLabel(t: TFunction, addedBy: string, viewerName: string | null | undefined): string {
  if (addedBy === 'source') return t('contracts.history.sources.refresh');
  if (addedBy === 'partner') return t('contracts.documents.byPartner');
  if (!addedBy) return t('contracts.history.sources.unknown');
  if (viewerName && addedBy === viewerName) return t('contracts.history.sources.holder');
  return addedBy;
}

export type RefreshOutcome = { kind: 'unchanged' } | { kind: 'changed'; changes: { field: string; old: string | null; new: string | null }[] };

/**
 * What an "Update data" did. The payload names the changed fields; the contract's newest history
 * entry (the refresh itself) holds their old and new values.
 */
export function refreshOutcome(history: readonly ContractEventFieldsFragment[], changedFields: readonly string[]): RefreshOutcome {
  const last = history[history.length - 1];
  if (last && last.source === 'refresh' && last.changes.length > 0) {
    return { kind: 'changed', changes: last.changes.map((c) => ({ field: c.field, old: c.old, new: c.new })) };
  }
  if (changedFields.length > 0) return { kind: 'changed', changes: changedFields.map((field) => ({ field, old: null, new: null })) };
  return { kind: 'unchanged' };
}

/** The history as the page lists it: newest first (the API gives it oldest first). */
export function newestFirst<T>(events: readonly T[]): T[] {
  return [...events].reverse();
}
