import { Navigate, Outlet, useLocation } from 'react-router';
import { PageLoader } from '../components/PageLoader';
import { landingFor } from '../features/auth/useAfterSignIn';
import type { Role } from '../gql/graphql';
import { useSession } from '../lib/auth/SessionContext';
import { NotFoundPage } from './NotFoundPage';

/** Pages for signed-in people; others go to sign in and come back afterwards. */
export function RequireAuth() {
  const { status } = useSession();
  const location = useLocation();
  if (status === 'restoring') return <PageLoader />;
  if (status === 'signedOut') return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  return <Outlet />;
}

/**
 * Sign-in and registration make no sense once signed in. Right after a sign-in this redirect races
 * useAfterSignIn's own navigation (and wins), so it goes to the same place: the page that sent the
 * person to sign in, else the role's landing (a resident's cabinet, everyone else's profile).
 */
export function GuestOnly() {
  const { status, viewer } = useSession();
  const location = useLocation();
  if (status === 'restoring') return <PageLoader />;
  if (status === 'signedIn') {
    const from = (location.state as { from?: string } | null)?.from;
    return <Navigate to={from && from.startsWith('/') && !from.startsWith('//') ? from : landingFor(viewer?.roles ?? [])} replace />;
  }
  return <Outlet />;
}

export function HomeRedirect() {
  const { status, viewer } = useSession();
  if (status === 'restoring') return <PageLoader />;
  return <Navigate to={status === 'signedIn' ? landingFor(viewer?.roles ?? []) : '/login'} replace />;
}

/** Pages of one role (the back office, the applicant's applications); others see "not found". */
export function RequireRole({ roles }: { roles: readonly Role[] }) {
  const { viewer } = useSession();
  if (!viewer?.roles.some((role) => roles.includes(role))) return <NotFoundPage />;
  return <Outlet />;
}
