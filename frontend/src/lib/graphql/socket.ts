import { type Client as WsClient, createClient } from 'graphql-ws';

export type SocketStatus = 'idle' | 'connecting' | 'connected' | 'reconnecting';

/** Close code for our own restarts (token changed); graphql-ws retries on it. */
const RESTART_CODE = 4205;

export interface Socket {
  client: WsClient;
  /** Reconnects so the server sees the current token in connection_init. */
  restart(): void;
  status(): SocketStatus;
  onStatus(listener: (status: SocketStatus) => void): () => void;
  /** Fires after a reconnect: events published during the gap were missed. */
  onReconnected(listener: () => void): () => void;
  dispose(): void;
}

export function createSocket(url: string, token: () => Promise<string | null>): Socket {
  let socket: WebSocket | null = null;
  let restartRequested = false;
  let status: SocketStatus = 'idle';
  const statusListeners = new Set<(s: SocketStatus) => void>();
  const reconnectListeners = new Set<() => void>();
  const setStatus = (next: SocketStatus) => {
    status = next;
    for (const l of [...statusListeners]) l(next);
  };

  const client = createClient({
    url,
    lazy: true,
    keepAlive: 20_000,
    retryAttempts: Number.POSITIVE_INFINITY,
    shouldRetry: () => true,
    connectionParams: async () => {
      const value = await token();
      return value ? { authorization: `Bearer ${value}` } : {};
    },
    retryWait: async (retries) => {
      if (restartRequested) {
        restartRequested = false;
        return;
      }
      const delay = Math.min(30_000, 1_000 * 2 ** retries) + Math.random() * 1_000;
      await new Promise((resolve) => setTimeout(resolve, delay));
    },
    on: {
      connecting: (isRetry) => setStatus(isRetry ? 'reconnecting' : 'connecting'),
      opened: (s) => {
        socket = s as WebSocket;
      },
      connected: (_s, _payload, wasRetry) => {
        setStatus('connected');
        if (wasRetry) for (const l of [...reconnectListeners]) l();
      },
      closed: () => {
        socket = null;
        setStatus('idle');
      },
    },
  });

  return {
    client,
    restart() {
      if (socket && socket.readyState === WebSocket.OPEN) {
        restartRequested = true;
        socket.close(RESTART_CODE, 'Client Restart');
      }
    },
    status: () => status,
    onStatus(listener) {
      statusListeners.add(listener);
      return () => statusListeners.delete(listener);
    },
    onReconnected(listener) {
      reconnectListeners.add(listener);
      return () => reconnectListeners.delete(listener);
    },
    dispose() {
      void client.dispose();
    },
  };
}
