import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { type DefinitionNode, type DocumentNode, type FragmentDefinitionNode, Kind, parse, visit } from 'graphql';
import common from '../../lib/graphql/common.graphql?raw';

/**
 * One operation of a `.graphql.draft` file, with the fragments it uses, as a typed document.
 * A draft's fields are not in schema.graphql yet (RULES 5: codegen would refuse them); once they
 * are, the file becomes `.graphql` and api.ts takes codegen's document instead of this.
 */
export function draftDocument<Result, Variables>(source: string, name: string): TypedDocumentNode<Result, Variables> {
  const definitions = [...parse(source).definitions, ...parse(common).definitions];
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const operation = definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION && d.name?.value === name);
  if (!operation) throw new Error(`No operation ${name} in the draft`);
  const used: DefinitionNode[] = [operation];
  const seen = new Set<string>();
  const walk = (node: DefinitionNode) =>
    visit(node, {
      FragmentSpread(spread) {
        const fragmentName = spread.name.value;
        const fragment = fragments.get(fragmentName);
        if (seen.has(fragmentName) || !fragment) return;
        seen.add(fragmentName);
        used.push(fragment);
        walk(fragment);
      },
    });
  walk(operation);
  const document: DocumentNode = { kind: Kind.DOCUMENT, definitions: used };
  return document as TypedDocumentNode<Result, Variables>;
}
