import { useEffect, useRef } from 'react';
import { useClient } from 'urql';
import { QueueApplicationChangedDocument, type QueueStatus } from '../../gql/graphql';
import { useSocket } from '../../lib/graphql/SocketContext';

/**
 * Calls `onChange` whenever one of the viewer's queue applications changes (the server publishes
 * after its commit), and after the live connection comes back, when events may have been missed.
 */
export function useQueueChanges(onChange: (event: { applicationId: string; status: QueueStatus } | null) => void) {
  const client = useClient();
  const socket = useSocket();
  const callback = useRef(onChange);
  callback.current = onChange;

  useEffect(() => {
    const subscription = client.subscription(QueueApplicationChangedDocument, {}).subscribe((result) => {
      const event = result.data?.queueApplicationChanged;
      if (event) callback.current({ applicationId: event.applicationId, status: event.status });
    });
    return () => subscription.unsubscribe();
  }, [client]);

  useEffect(() => socket?.onReconnected(() => callback.current(null)), [socket]);
}
