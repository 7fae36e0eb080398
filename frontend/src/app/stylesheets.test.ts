import { describe, expect, it } from 'vitest';

// A brace left open swallows every later rule into the block above it (an @media for phones, say),
// and the build does not complain: the pages just lose their styles on wide screens.
const sheets = import.meta.glob(['../**/*.css'], { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

function depthAtEnd(css: string): number {
  let depth = 0;
  for (const ch of css.replace(/\/\*[\s\S]*?\*\//g, '').replace(/"[^"]*"|'[^']*'/g, '')) {
    if (ch === '{') depth += 1;
    else if (ch === '}') depth -= 1;
    if (depth < 0) return depth;
  }
  return depth;
}

describe('stylesheets', () => {
  it('close every block they open', () => {
    expect(Object.keys(sheets).length).toBeGreaterThan(10);
    const open = Object.entries(sheets).filter(([, css]) => depthAtEnd(css) !== 0).map(([file]) => file);
    expect(open).toEqual([]);
  });
});
