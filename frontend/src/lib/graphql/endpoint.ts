export const GRAPHQL_PATH = '/graphql';

/** ws:// or wss:// matching the page, so the socket follows whatever host served the SPA. */
export function websocketUrl(location: Pick<Location, 'protocol' | 'host'> = window.location): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}${GRAPHQL_PATH}`;
}
