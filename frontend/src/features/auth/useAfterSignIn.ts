import { useCallback } from 'react';
import { useLocation, useNavigate } from 'react-router';
import type { AuthPayloadFieldsFragment } from '../../gql/graphql';
import { useSessionManager } from '../../lib/auth/SessionContext';

/** Starts the session and returns the person to the page that sent them to sign in. */
export function useAfterSignIn(): (payload: AuthPayloadFieldsFragment) => void {
  const manager = useSessionManager();
  const navigate = useNavigate();
  const location = useLocation();
  return useCallback(
    (payload) => {
      manager.signIn(payload);
      const from = (location.state as { from?: string } | null)?.from;
      navigate(from && from.startsWith('/') && !from.startsWith('//') ? from : '/profile', { replace: true });
    },
    [manager, navigate, location.state],
  );
}
