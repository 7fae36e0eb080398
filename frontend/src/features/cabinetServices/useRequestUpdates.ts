import { useEffect, useRef } from 'react';
import { useClient } from 'urql';
import { type CabinetRequestFieldsFragment, CabinetServiceRequestUpdatedDocument } from '../../gql/graphql';
import { useSocket } from '../../lib/graphql/SocketContext';

/**
 * Calls `onUpdate` with each request of the account the server publishes (staff take or close it
 * in another browser), and with null after the live connection returns, when events may be lost.
 */
export function useRequestUpdates(accountId: string, onUpdate: (request: CabinetRequestFieldsFragment | null) => void) {
  const client = useClient();
  const socket = useSocket();
  const callback = useRef(onUpdate);
  callback.current = onUpdate;

  useEffect(() => {
    const subscription = client.subscription(CabinetServiceRequestUpdatedDocument, { accountId }).subscribe((result) => {
      const request = result.data?.serviceRequestUpdated;
      if (request) callback.current(request);
    });
    return () => subscription.unsubscribe();
  }, [client, accountId]);

  useEffect(() => socket?.onReconnected(() => callback.current(null)), [socket]);
}
