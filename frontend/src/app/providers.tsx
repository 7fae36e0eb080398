import { type ReactNode, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { Provider as UrqlProvider } from 'urql';
import { SessionProvider } from '../lib/auth/SessionContext';
import { createGraphQLClient } from '../lib/graphql/client';
import { SocketProvider } from '../lib/graphql/SocketContext';
import { createRuntime, type Runtime } from './runtime';

export function AppProviders({ children, runtime: given }: { children: ReactNode; runtime?: Runtime }) {
  const [runtime] = useState(() => given ?? createRuntime());
  const { manager, authFetch, socket } = runtime;
  const session = useSyncExternalStore(manager.subscribe, manager.getSnapshot);
  // A new identity gets a new client: nothing cached for one person is shown to the next.
  const client = useMemo(() => createGraphQLClient(authFetch, socket), [authFetch, socket, session.generation]);

  useEffect(() => {
    void manager.restore();
  }, [manager]);

  return (
    <SessionProvider manager={manager}>
      <SocketProvider socket={socket}>
        <UrqlProvider value={client}>{children}</UrqlProvider>
      </SocketProvider>
    </SessionProvider>
  );
}
