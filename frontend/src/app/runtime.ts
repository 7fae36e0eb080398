import { SessionManager } from '../lib/auth/sessionManager';
import { withRefreshLock } from '../lib/auth/refreshLock';
import { createAuthFetch } from '../lib/graphql/authFetch';
import { websocketUrl } from '../lib/graphql/endpoint';
import { rawRequest } from '../lib/graphql/rawRequest';
import { createSocket, type Socket } from '../lib/graphql/socket';
import { currentLocale } from '../lib/i18n/i18n';

export interface Runtime {
  manager: SessionManager;
  authFetch: typeof fetch;
  socket: Socket;
}

/** The long-lived objects of the page: session, authenticated fetch, the subscription socket. */
export function createRuntime(): Runtime {
  const manager = new SessionManager({
    request: (document, variables, token) => rawRequest(document, variables, { token, locale: currentLocale() }),
    withLock: (task) => withRefreshLock(task),
    channel: typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel('shanyraq-session'),
  });
  const authFetch = createAuthFetch({
    accessToken: () => manager.accessToken(),
    recover: (used) => manager.recoverFromUnauthorized(used),
    currentToken: () => manager.currentToken(),
    locale: currentLocale,
  });
  const socket = createSocket(websocketUrl(), () => manager.accessToken());
  // The server reads the token once, in connection_init: reconnect whenever it changes.
  manager.onTokenChange(() => socket.restart());
  return { manager, authFetch, socket };
}
