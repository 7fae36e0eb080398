import { buildSchema, type DocumentNode, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import * as meetings from './meetings';
import * as meters from './meters';
import * as requests from './requests';
import * as settings from './settings';

// The documents here are typed by hand; this keeps them true to the API as schema.graphql says it.
const SDL = Object.values(import.meta.glob('../../../../../schema.graphql', { query: '?raw', import: 'default', eager: true }) as Record<string, string>)[0];
const SCHEMA = buildSchema(SDL);

function documents(module: Record<string, unknown>): [string, DocumentNode][] {
  return Object.entries(module).filter((entry): entry is [string, DocumentNode] => {
    const value = entry[1] as { kind?: string } | null;
    return typeof value === 'object' && value !== null && value.kind === 'Document';
  });
}

describe('the operations of the resident services', () => {
  const all = [...documents(requests), ...documents(meters), ...documents(meetings), ...documents(settings)];

  it('are all found', () => {
    expect(all.length).toBe(17);
  });

  it.each(all)('%s is valid against schema.graphql', (_name, document) => {
    expect(validate(SCHEMA, document).map((e) => e.message)).toEqual([]);
  });
});
