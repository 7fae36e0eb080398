import type { CodegenConfig } from '@graphql-codegen/cli';

// Types come from the committed SDL, never from a running server, so that codegen is
// reproducible offline and drifts only when schema.graphql does.
const config: CodegenConfig = {
  schema: '../schema.graphql',
  documents: ['src/**/*.graphql'],
  ignoreNoDocuments: false,
  generates: {
    'src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false, gqlTagName: 'graphql' },
      config: {
        enumsAsTypes: true,
        useTypeImports: true,
        skipTypename: false,
        scalars: { DateTime: 'string', Date: 'string', Decimal: 'string', JSON: 'unknown', ID: 'string' },
      },
    },
  },
  hooks: {},
};

export default config;
