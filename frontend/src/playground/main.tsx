// GraphiQL 5 edits with Monaco, whose language workers Vite must bundle: the package's own setup.
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import './playground.css';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { GRAPHQL_PATH, websocketUrl } from '../lib/graphql/endpoint';
import { DEFAULT_QUERY } from './defaultQuery';

// Headers typed in the editor go with every POST and, for subscriptions, as connection_init params.
const fetcher = createGraphiQLFetcher({ url: GRAPHQL_PATH, subscriptionUrl: websocketUrl() });

const root = document.getElementById('playground');
if (!root) throw new Error('playground.html has no #playground');
createRoot(root).render(
  <StrictMode>
    <GraphiQL fetcher={fetcher} defaultQuery={DEFAULT_QUERY} isHeadersEditorEnabled defaultEditorToolsVisibility="headers" shouldPersistHeaders={false}>
      <GraphiQL.Logo>Shanyraq API</GraphiQL.Logo>
    </GraphiQL>
  </StrictMode>,
);
