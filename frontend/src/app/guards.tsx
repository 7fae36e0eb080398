import { Navigate, Outlet, useLocation } from 'react-router';
import { PageLoader } from '../components/PageLoader';
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

/** Sign-in and registration make no sense once signed in. */
export function GuestOnly() {
  const { status } = useSession();
  if (status === 'restoring') return <PageLoader />;
  if (status === 'signedIn') return <Navigate to="/profile" replace />;
  return <Outlet />;
}

export function HomeRedirect() {
  const { status } = useSession();
  if (status === 'restoring') return <PageLoader />;
  return <Navigate to={status === 'signedIn' ? '/profile' : '/login'} replace />;
}

/** Pages of one role (the back office, the applicant's applications); others see "not found". */
export function RequireRole({ roles }: { roles: readonly Role[] }) {
  const { viewer } = useSession();
  if (!viewer?.roles.some((role) => roles.includes(role))) return <NotFoundPage />;
  return <Outlet />;
}
