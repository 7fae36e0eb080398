import { describe, expect, it } from 'vitest';

// The house rule: one feature never imports another (frontend/src/features/<domain>/). What two
// features share lives in components/ or lib/; only app/ (the routes and the layout) may name
// features. The sources are read as text so that a type-only import counts as well.
const sources = import.meta.glob(['./**/*.{ts,tsx}', '!./*.test.ts'], {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

// `import … from '…'`, `export … from '…'`, `import '…'`, `import('…')`, `vi.mock('…')`.
const SPECIFIERS = [/\bfrom\s+['"]([^'"]+)['"]/g, /\bimport\s+['"]([^'"]+)['"]/g, /\bimport\(\s*['"]([^'"]+)['"]/g, /\bvi\.mock\(\s*['"]([^'"]+)['"]/g];

/** The folder path `features/…` a relative specifier of `file` (relative to this folder) points at. */
export function resolve(file: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const parts = ['features', ...file.replace(/^\.\//, '').split('/').slice(0, -1)];
  for (const part of specifier.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.') parts.push(part);
  }
  return parts.join('/');
}

export function featureOf(path: string): string | null {
  const match = /^features\/([^/]+)\//.exec(path);
  return match ? match[1] : null;
}

export function crossFeatureImports(files: Record<string, string>): string[] {
  const found: string[] = [];
  for (const [file, text] of Object.entries(files)) {
    const own = featureOf(resolve(file, './x') ?? '');
    if (!own) continue;
    for (const pattern of SPECIFIERS) {
      for (const match of text.matchAll(pattern)) {
        const target = resolve(file, match[1]);
        const other = target ? featureOf(target) : null;
        if (other && other !== own) found.push(`features/${file.slice(2)} imports ${match[1]}`);
      }
    }
  }
  return found.sort();
}

describe('features', () => {
  it('never import one another', () => {
    // given every source of every feature
    expect(Object.keys(sources).length).toBeGreaterThan(50); // the glob itself works
    // when their imports are resolved
    const found = crossFeatureImports(sources);
    // then none reaches into another feature
    expect(found).toEqual([]);
  });

  it('are told apart by the check itself', () => {
    // given a feature naming another one, its own subfolder, and shared code
    const files = {
      './company/Page.tsx': "import { X } from '../queue/X';\nimport { Y } from './parts/Y';\nimport { Z } from '../../components/Z';",
      './applications/backoffice/Actions.tsx': "import { F } from '../FileUpload';\nimport type { Q } from '../../queue/Q';\nconst L = import('../../company/Lazy');",
    };
    // when checked
    const found = crossFeatureImports(files);
    // then only the imports across features are reported
    expect(found).toEqual([
      'features/applications/backoffice/Actions.tsx imports ../../company/Lazy',
      'features/applications/backoffice/Actions.tsx imports ../../queue/Q',
      'features/company/Page.tsx imports ../queue/X',
    ]);
  });
});
