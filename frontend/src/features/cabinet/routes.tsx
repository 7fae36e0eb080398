import { Outlet, type RouteObject } from 'react-router';

/** The resident's list of personal accounts (seed 004 "Выберите лицевой счет"). */
export function CabinetAccountsPage() {
  return null;
}

/** The cabinet of one account: its header and blocks; the blocks' pages render in the outlet. */
export function CabinetLayout() {
  return <Outlet />;
}

/** Pages under /cabinet/:accountId owned by this feature (overview, receipts, payments). */
export const cabinetChildRoutes: RouteObject[] = [];
