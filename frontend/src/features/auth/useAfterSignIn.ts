import { useCallback } from 'react';
import { useLocation, useNavigate } from 'react-router';
import type { AuthPayloadFieldsFragment, Role } from '../../gql/graphql';
import { useSessionManager } from '../../lib/auth/SessionContext';

/**
 * Where a sign-in lands when no page sent the person there: a resident's work is their personal
 * accounts (seed 004: "Выберите лицевой счет" right after the code), everyone else starts at the Profile.
 */
export function landingFor(roles: readonly Role[]): string {
  return roles.includes('RESIDENT') ? '/cabinet' : '/profile';
}

/** Starts the session and returns the person to the page that sent them to sign in. */
export function useAfterSignIn(): (payload: AuthPayloadFieldsFragment) => void {
  const manager = useSessionManager();
  const navigate = useNavigate();
  const location = useLocation();
  return useCallback(
    (payload) => {
      manager.signIn(payload);
      const from = (location.state as { from?: string } | null)?.from;
      const safeFrom = from && from.startsWith('/') && !from.startsWith('//') ? from : null;
      navigate(safeFrom ?? landingFor(payload.user?.roles ?? []), { replace: true });
    },
    [manager, navigate, location.state],
  );
}
