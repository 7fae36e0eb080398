import type { RouteObject } from 'react-router';
import { CabinetAccountsPage } from './AccountsPage';
import { CabinetLayout } from './CabinetLayout';
import { OverviewPage } from './OverviewPage';
import { PayPage } from './PayPage';
import { PaymentsPage } from './PaymentsPage';
import { ReceiptPage } from './ReceiptPage';
import { ReceiptsPage } from './ReceiptsPage';

export { CabinetAccountsPage, CabinetLayout };

/** Pages under /cabinet/:accountId owned by this feature (overview, receipts, payment, payments). */
export const cabinetChildRoutes: RouteObject[] = [
  { index: true, element: <OverviewPage /> },
  { path: 'receipts', element: <ReceiptsPage /> },
  { path: 'receipts/:receiptId', element: <ReceiptPage /> },
  { path: 'pay', element: <PayPage /> },
  // The acquirer sends the resident back here with ?order=<id>.
  { path: 'payments', element: <PaymentsPage /> },
];
