import { cacheExchange, Client, fetchExchange, subscriptionExchange } from '@urql/core';
import { GRAPHQL_PATH } from './endpoint';
import type { Socket } from './socket';

/** One urql client per signed-in identity, so a cache never outlives the person it belongs to. */
export function createGraphQLClient(authFetch: typeof fetch, socket: Socket): Client {
  return new Client({
    url: GRAPHQL_PATH,
    fetch: authFetch,
    preferGetMethod: false, // the API refuses queries over GET
    requestPolicy: 'cache-and-network',
    exchanges: [
      cacheExchange,
      fetchExchange,
      subscriptionExchange({
        forwardSubscription(request) {
          const input = { ...request, query: request.query || '' };
          return {
            subscribe(sink) {
              const unsubscribe = socket.client.subscribe(input, sink);
              return { unsubscribe };
            },
          };
        },
      }),
    ],
  });
}
