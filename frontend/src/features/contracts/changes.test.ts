import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import type { ContractEventFieldsFragment } from '../../gql/graphql';
import {
  actionLabel,
  addedByLabel,
  CONTRACT_FIELDS,
  describeChanges,
  DOCUMENT_KINDS,
  fieldLabel,
  formatFieldValue,
  GUARANTEE_KINDS,
  HISTORY_ACTIONS,
  HISTORY_SOURCES,
  newestFirst,
  PREMISES_KINDS,
  refreshOutcome,
  sourceLabel,
} from './changes';

const en = i18next.getFixedT('en');
const ru = i18next.getFixedT('ru');
const kk = i18next.getFixedT('kk');

function event(partial: Partial<ContractEventFieldsFragment>): ContractEventFieldsFragment {
  return { at: '2026-11-21T10:00:00+00:00', action: 'updated', source: 'refresh', changes: [], ...partial };
}

describe('field names of changes', () => {
  it('names each field the API reports, in every language', () => {
    expect(fieldLabel(en, 'complex.commissioningDate')).toBe('Commissioning date');
    expect(fieldLabel(ru, 'complex.commissioningDate')).toBe('Дата ввода в эксплуатацию');
    expect(fieldLabel(kk, 'complex.commissioningDate')).toBe('Пайдалануға берілген күні');
    expect(fieldLabel(kk, 'developer.phone')).toBe('Құрылыс компаниясының телефоны');
    expect(fieldLabel(ru, 'authorizedCompany.email')).toBe('Электронная почта УК');
  });

  it('shows a field this build does not know as the API names it', () => {
    expect(fieldLabel(en, 'complex.floors')).toBe('complex.floors');
  });

  it('has a text for every field, enum value, action and source in kk, ru and en', () => {
    const keys = [
      ...CONTRACT_FIELDS.map((f) => `contracts.fields.${f}`),
      ...PREMISES_KINDS.map((k) => `contracts.premisesKinds.${k}`),
      ...GUARANTEE_KINDS.flatMap((k) => [`contracts.guaranteeKinds.${k}`, `contracts.guarantee.${k}.number`, `contracts.guarantee.${k}.date`]),
      ...DOCUMENT_KINDS.map((k) => `contracts.documentKinds.${k}`),
      ...HISTORY_ACTIONS.map((a) => `contracts.history.actions.${a}`),
      ...[...HISTORY_SOURCES, 'partner', 'unknown'].map((s) => `contracts.history.sources.${s}`),
      ...['idle', 'checking', 'ready', 'uploading', 'paused', 'attaching', 'done', 'failed'].map((p) => `contracts.upload.phases.${p}`),
    ];
    for (const lng of ['kk', 'ru', 'en']) {
      const missing = keys.filter((key) => !i18next.exists(key, { lng, fallbackLng: false }) || typeof i18next.t(key, { lng, returnObjects: true }) !== 'string');
      expect(missing, `missing in ${lng}`).toEqual([]);
    }
  });
});

describe('values of changes', () => {
  it('puts dates into words in Almaty time, Kazakh month names included', () => {
    expect(formatFieldValue(kk, 'kk', 'complex.commissioningDate', '2026-12-25')).toBe('2026 ж. 25 желтоқсан');
    expect(formatFieldValue(ru, 'ru', 'complex.commissioningDate', '2026-09-30')).toMatch(/^30 сентября 2026/);
    expect(formatFieldValue(en, 'en', 'signedOn', '2023-06-14')).toBe('14 June 2023');
  });

  it('groups phone numbers', () => {
    expect(formatFieldValue(en, 'en', 'developer.phone', '+77172550101')).toBe('+7 717 255 01 01');
  });

  it('translates enum values, which history stores in lower case', () => {
    expect(formatFieldValue(kk, 'kk', 'premises.kind', 'parking')).toBe('Паркинг орны');
    expect(formatFieldValue(ru, 'ru', 'premises.kind', 'NON_RESIDENTIAL')).toBe('Нежилое помещение');
    expect(formatFieldValue(en, 'en', 'guarantee.kind', 'kzhk_guarantee')).toBe('KZhK guarantee');
    expect(formatFieldValue(en, 'en', 'premises.kind', 'penthouse')).toBe('penthouse');
  });

  it('treats null and blank as "not set"', () => {
    expect(formatFieldValue(en, 'en', 'developer.email', null)).toBe('');
    expect(formatFieldValue(en, 'en', 'developer.email', '  ')).toBe('');
  });

  it('lists changes in the order of the page, each with old and new text', () => {
    const entries = describeChanges(en, 'en', [
      { field: 'developer.phone', old: '+77172550100', new: '+77172550101' },
      { field: 'complex.commissioningDate', old: '2026-09-30', new: '2026-12-25' },
      { field: 'something.new', old: null, new: 'x' },
    ]);
    expect(entries).toEqual([
      { field: 'complex.commissioningDate', label: 'Commissioning date', old: '30 September 2026', new: '25 December 2026' },
      { field: 'developer.phone', label: 'Construction company phone', old: '+7 717 255 01 00', new: '+7 717 255 01 01' },
      { field: 'something.new', label: 'something.new', old: '', new: 'x' },
    ]);
  });
});

describe('history entries', () => {
  it('names actions and sources, a partner by its client name', () => {
    expect(actionLabel(kk, 'document_added')).toBe('Құжат қосылды');
    expect(actionLabel(en, 'archived')).toBe('archived');
    expect(sourceLabel(ru, 'refresh')).toBe('Система-источник');
    expect(sourceLabel(en, 'holder')).toBe('You');
    expect(sourceLabel(kk, 'partner:Алатау Құрылыс CRM (demo)')).toBe('Серіктес: Алатау Құрылыс CRM (demo)');
    expect(sourceLabel(en, '')).toBe('Unknown source');
  });

  it('says who added a document: a system, the viewer, or a name', () => {
    expect(addedByLabel(en, 'source', 'Aigerim')).toBe('Source system');
    expect(addedByLabel(en, 'partner', 'Aigerim')).toBe('Partner system');
    expect(addedByLabel(en, 'Aigerim', 'Aigerim')).toBe('You');
    expect(addedByLabel(en, 'Someone Else', 'Aigerim')).toBe('Someone Else');
  });

  it('lists the newest event first', () => {
    const events = [event({ action: 'created' }), event({ action: 'document_added' }), event({ action: 'updated' })];
    expect(newestFirst(events).map((e) => e.action)).toEqual(['updated', 'document_added', 'created']);
  });
});

describe('what "Update data" did', () => {
  it('takes old and new values from the refresh entry of the history', () => {
    const history = [event({ action: 'created', source: 'demo' }), event({ source: 'refresh', changes: [{ field: 'developer.phone', old: '+77172550100', new: '+77172550101' }] })];
    expect(refreshOutcome(history, ['developer.phone'])).toEqual({ kind: 'changed', changes: [{ field: 'developer.phone', old: '+77172550100', new: '+77172550101' }] });
  });

  it('falls back to the changed field names when the history does not hold them', () => {
    const history = [event({ action: 'created', source: 'demo', changes: [{ field: 'number', old: null, new: 'Н-1' }] })];
    expect(refreshOutcome(history, ['complex.name'])).toEqual({ kind: 'changed', changes: [{ field: 'complex.name', old: null, new: null }] });
  });

  it('reports "nothing changed"', () => {
    expect(refreshOutcome([event({ action: 'refreshed', source: 'refresh' })], [])).toEqual({ kind: 'unchanged' });
  });
});
