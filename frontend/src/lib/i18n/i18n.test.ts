import { describe, expect, it } from 'vitest';
import { CLIENT_ERROR_CODES, ERROR_CODES } from '../errors';
import { DEFAULT_POLICY } from '../password/rules';
import en from './en.json';
import kk from './kk.json';
import ru from './ru.json';

type Tree = { [key: string]: string | Tree };
const LANGUAGES: Record<string, Tree> = { kk, ru, en };

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
      ...['password', 'phone'].map((m) => `login.tabs.${m}`),
      ...['details', 'code', 'password'].map((s) => `registration.steps.${s}`),
      ...['email', 'phone'].flatMap((k) => ['title', 'current', 'new', 'done'].map((f) => `profile.${k}Change.${f}`)),
    ];
    expect(enumValues('Role').length).toBeGreaterThan(0);
    for (const lang of Object.keys(flat)) {
      expect(built.filter((key) => !flat[lang].has(key)), `missing in ${lang}`).toEqual([]);
    }
  });

  it('cover every password rule the server announces', () => {
    // The codes in passwordPolicy.rules are error codes too: each needs both texts.
    for (const { code } of DEFAULT_POLICY.rules) expect(ERROR_CODES).toContain(code);
  });
});
