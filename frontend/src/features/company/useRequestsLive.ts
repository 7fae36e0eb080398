import { useEffect, useRef } from 'react';
import { useClient } from 'urql';
import { useSocket } from '../../lib/graphql/SocketContext';
import { CompanyServiceRequestUpdatedDocument } from './api';
import type { RequestDetails } from './types';

/**
 * Every change of the company's service requests (serviceRequestUpdated without accountId: all of
 * the viewer's company), and a call after the socket comes back, when some may have been missed.
 */
export function useRequestsLive(onEvent: (request: RequestDetails) => void, onReconnected: () => void): void {
  const client = useClient();
  const socket = useSocket();
  const handlers = useRef({ onEvent, onReconnected });
  handlers.current = { onEvent, onReconnected };

  useEffect(() => {
    const subscription = client.subscription(CompanyServiceRequestUpdatedDocument, {}).subscribe((result) => {
      const request = result.data?.serviceRequestUpdated;
      if (request) handlers.current.onEvent(request);
    });
    return () => subscription.unsubscribe();
  }, [client]);

  useEffect(() => socket?.onReconnected(() => handlers.current.onReconnected()), [socket]);
}
