import { createContext, type ReactNode, useContext, useSyncExternalStore } from 'react';
import type { Socket, SocketStatus } from './socket';

const SocketContext = createContext<Socket | null>(null);

export function SocketProvider({ socket, children }: { socket: Socket; children: ReactNode }) {
  return <SocketContext.Provider value={socket}>{children}</SocketContext.Provider>;
}

export function useSocket(): Socket | null {
  return useContext(SocketContext);
}

/** The live-update connection's state, for an indicator a person can trust. */
export function useSocketStatus(): SocketStatus {
  const socket = useSocket();
  return useSyncExternalStore(
    (listener) => (socket ? socket.onStatus(listener) : () => undefined),
    () => (socket ? socket.status() : 'idle'),
  );
}
