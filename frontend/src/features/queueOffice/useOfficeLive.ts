import { useEffect, useRef } from 'react';
import { useClient } from 'urql';
import { type QueueOfficeApplicationChangedSubscription, QueueOfficeApplicationChangedDocument } from '../../gql/graphql';
import { useSocket } from '../../lib/graphql/SocketContext';

export type OfficeEvent = QueueOfficeApplicationChangedSubscription['queueApplicationChanged'];

/**
 * Every change of a queue application, as the office hears it (queueApplicationChanged: all of
 * them for an officer), and a call after the socket comes back, when some may have been missed.
 */
export function useOfficeLive(onEvent: (event: OfficeEvent) => void, onReconnected: () => void): void {
  const client = useClient();
  const socket = useSocket();
  const handlers = useRef({ onEvent, onReconnected });
  handlers.current = { onEvent, onReconnected };

  useEffect(() => {
    const subscription = client.subscription(QueueOfficeApplicationChangedDocument, {}).subscribe((result) => {
      const event = result.data?.queueApplicationChanged;
      if (event) handlers.current.onEvent(event);
    });
    return () => subscription.unsubscribe();
  }, [client]);

  useEffect(() => socket?.onReconnected(() => handlers.current.onReconnected()), [socket]);
}
