import { describe, expect, it } from 'vitest';
import { CLIENT_ERROR_CODES, ERROR_CODES } from '../errors';
import { DEFAULT_POLICY } from '../password/rules';
import { resources } from './i18n';

type Tree = { [key: string]: string | Tree };
// The merged texts, with those of lib/i18n/domains.
const LANGUAGES: Record<string, Tree> = {
  kk: resources.kk.translation as Tree,
  ru: resources.ru.translation as Tree,
  en: resources.en.translation as Tree,
};

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const flat = Object.fromEntries(Object.entries(LANGUAGES).map(([lang, tree]) => [lang, flatten(tree)]));

// Every source file of the app, as text, to find the keys the code asks for.
const sources = import.meta.glob(['../../**/*.{ts,tsx}', '!../../gql/**', '!../../**/*.test.{ts,tsx}'], {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

const schema = Object.values(
  import.meta.glob('../../../../schema.graphql', { query: '?raw', import: 'default', eager: true }) as Record<string, string>,
)[0];

function enumValues(name: string): string[] {
  const body = new RegExp(`enum ${name} \\{([^}]*)\\}`).exec(schema)?.[1] ?? '';
  return body
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => /^[A-Z_]+$/.test(line));
}

function staticKeysInCode(): Set<string> {
  const keys = new Set<string>();
  const patterns = [/\bt\(\s*['"`]([A-Za-z0-9_.]+)['"`]/g, /\blabelKey:\s*['"]([A-Za-z0-9_.]+)['"]/g];
  for (const text of Object.values(sources)) {
    for (const pattern of patterns) for (const match of text.matchAll(pattern)) keys.add(match[1]);
  }
  return keys;
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();
}

// What the API's own catalogues name with codes the SPA translates (backend/services/application_types.py).
const APPLICATION_TYPES: Record<string, { categories: string[]; documents: string[] }> = {
  GUARANTEE_AGREEMENT_AMENDMENT: {
    categories: ['COMMISSIONING_DATE', 'CONSTRUCTION_SCHEDULE', 'PREMISES_AREA', 'BANK_DETAILS', 'AUTHORIZED_COMPANY', 'OTHER'],
    documents: ['OFFICIAL_LETTER', 'DRAFT_AMENDMENTS', 'JUSTIFICATION'],
  },
  CONSTRUCTION_PERIOD_EXTENSION: { categories: ['COMMISSIONING_DATE', 'CONSTRUCTION_SCHEDULE', 'OTHER'], documents: ['OFFICIAL_LETTER', 'REVISED_SCHEDULE', 'TECHNICAL_SUPERVISION_REPORT'] },
  PROJECT_DOCUMENTATION_CHANGE: { categories: ['PREMISES_AREA', 'APARTMENT_MIX', 'PROJECT_EXPERTISE', 'OTHER'], documents: ['OFFICIAL_LETTER', 'REVISED_PROJECT', 'EXPERTISE_CONCLUSION'] },
};
const HISTORY_ACTIONS = ['created', 'edited', 'document_added', 'document_removed', 'deleted', 'submit', 'register', 'start_review', 'request_revision', 'reject', 'approve', 'attach_sa_draft', 'sa_signed_by_party', 'sa_parties_signed', 'sign_sa_by_kzhk'];
const FORM_FIELDS = ['currentValue', 'requestedValue', 'justification', 'contactName', 'contactPhone', 'contactEmail'];

describe('translations', () => {
  it('have exactly the same keys, at the same depth, in Kazakh, Russian and English', () => {
    const reference = [...flat.kk.keys()].sort();
    for (const lang of ['ru', 'en']) {
      const keys = [...flat[lang].keys()].sort();
      expect(keys.filter((k) => !flat.kk.has(k)), `${lang} has keys that kk lacks`).toEqual([]);
      expect(reference.filter((k) => !flat[lang].has(k)), `${lang} lacks keys that kk has`).toEqual([]);
    }
  });

  it('have no empty texts and use the same placeholders in every language', () => {
    for (const [key, kkText] of flat.kk) {
      for (const lang of ['kk', 'ru', 'en']) {
        const text = flat[lang].get(key) ?? '';
        expect(text.trim(), `${lang}:${key} is empty`).not.toBe('');
        expect(placeholders(text), `${lang}:${key} placeholders`).toEqual(placeholders(kkText));
      }
    }
  });

  it('contain every key that the code uses literally', () => {
    const used = [...staticKeysInCode()];
    expect(used.length).toBeGreaterThan(50); // the scan itself works
    for (const lang of Object.keys(flat)) {
      expect(used.filter((key) => !flat[lang].has(key)), `missing in ${lang}`).toEqual([]);
    }
  });

  it('contain the keys the code builds from API values', () => {
    const built = [
      ...[...ERROR_CODES, ...CLIENT_ERROR_CODES].map((code) => `errors.${code}`),
      ...DEFAULT_POLICY.rules.map(({ code }) => `password.rules.${code}`),
      ...['met', 'unmet', 'failed'].map((s) => `password.state.${s}`),
      ...enumValues('Role').map((role) => `roles.${role}`),
      ...enumValues('NotificationKind').flatMap((kind) => [`notifications.kinds.${kind}.title`, `notifications.kinds.${kind}.body`]),
      ...['password', 'phone', 'registration', 'eds'].map((m) => `sessions.methods.${m}`),
      ...['password', 'phone', 'eds'].map((m) => `login.tabs.${m}`),
      ...enumValues('ApplicationStatus').map((s) => `applications.status.${s}`),
      ...enumValues('ApplicationFileKind').map((k) => `applications.files.kinds.${k}`),
      ...enumValues('SignerRole').map((r) => `applications.signatures.roles.${r}`),
      ...enumValues('SignatureStage').map((s) => `applications.signatures.stages.${s}`),
      ...enumValues('PremisesKind').map((k) => `applications.premises.${k}`),
      ...['REGISTER', 'START_REVIEW', 'REQUEST_REVISION', 'APPROVE', 'REJECT', 'ATTACH_SA_DRAFT', 'SIGN_SA_BY_KZHK'].flatMap((a) => [`backoffice.actions.${a}`, `backoffice.leads.${a}`, `backoffice.submit.${a}`]),
      ...['valid', 'expired', 'notYetValid'].map((v) => `eds.validity.${v}`),
      ...['done', 'current', 'upcoming'].map((s) => `applications.card.stepState.${s}`),
      ...['forming', 'signing', 'review'].map((s) => `applications.history.stages.${s}`),
      ...['idle', 'checking', 'ready', 'uploading', 'paused', 'attaching', 'done', 'failed'].map((p) => `upload.phases.${p}`),
      ...['info', 'documents'].map((tab) => `applications.tabs.${tab}`),
      ...['type', 'contract', 'form', 'sign'].map((s) => `applications.steps.${s}`),
      ...['details', 'code', 'password'].map((s) => `registration.steps.${s}`),
      ...['email', 'phone'].flatMap((k) => ['title', 'current', 'new', 'done'].map((f) => `profile.${k}Change.${f}`)),
    ];
    expect(enumValues('Role').length).toBeGreaterThan(0);
    expect(enumValues('ApplicationStatus')).toHaveLength(10);
    for (const lang of Object.keys(flat)) {
      expect(built.filter((key) => !flat[lang].has(key)), `missing in ${lang}`).toEqual([]);
    }
  });

  it('name every application type, category, document, form field, history step and actor of seed 001', () => {
    const built = [
      ...Object.entries(APPLICATION_TYPES).flatMap(([type, { categories, documents }]) => [
        `applications.types.${type}.title`,
        `applications.types.${type}.conditions`,
        ...categories.map((c) => `applications.categories.${c}`),
        ...documents.flatMap((d) => [`applications.documents.kinds.${d}`, `applications.documents.hints.${d}`]),
      ]),
      ...FORM_FIELDS.flatMap((f) => [`applications.form.${f}`, `applications.formHints.${f}`]),
      ...HISTORY_ACTIONS.map((a) => `applications.history.actions.${a}`),
      ...['applicant', 'developer', 'operator', 'bpms'].map((a) => `applications.actors.${a}`),
    ];
    for (const lang of Object.keys(flat)) {
      expect(built.filter((key) => !flat[lang].has(key)), `missing in ${lang}`).toEqual([]);
    }
  });

  it('cover every password rule the server announces', () => {
    // The codes in passwordPolicy.rules are error codes too: each needs both texts.
    for (const { code } of DEFAULT_POLICY.rules) expect(ERROR_CODES).toContain(code);
  });
});
