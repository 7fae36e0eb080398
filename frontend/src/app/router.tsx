import { createBrowserRouter } from 'react-router';
import { ApiClientsPage } from '../features/admin/ApiClientsPage';
import { CalendarPage } from '../features/admin/CalendarPage';
import { UsersPage } from '../features/admin/UsersPage';
import { DeviceLoginPage } from '../features/auth/DeviceLoginPage';
import { LoginPage } from '../features/auth/LoginPage';
import { ApplicationEditorPage } from '../features/applications/ApplicationEditorPage';
import { ApplicationPage } from '../features/applications/ApplicationPage';
import { ApplicationsPage } from '../features/applications/ApplicationsPage';
import { QueuePage } from '../features/applications/backoffice/QueuePage';
import { NewApplicationPage } from '../features/applications/NewApplicationPage';
import { CabinetAccountsPage, CabinetLayout, cabinetChildRoutes } from '../features/cabinet/routes';
import { servicesChildRoutes } from '../features/cabinetServices/routes';
import { companyRoutes } from '../features/company/routes';
import { ContractsPage } from '../features/contracts/ContractsPage';
import { NotificationsPage } from '../features/notifications/NotificationsPage';
import { ProfilePage } from '../features/profile/ProfilePage';
import { QueueApplicationPage } from '../features/queue/QueueApplicationPage';
import { QueueApplyPage } from '../features/queue/QueueApplyPage';
import { QueueCheckPage } from '../features/queue/QueueCheckPage';
import { QueueHistoryPage } from '../features/queue/QueueHistoryPage';
import { QueueHomePage } from '../features/queue/QueueHomePage';
import { ComplaintsPage } from '../features/queueOffice/ComplaintsPage';
import { OfficeApplicationPage } from '../features/queueOffice/OfficeApplicationPage';
import { OfficeListPage } from '../features/queueOffice/OfficeListPage';
import { PublicListPage } from '../features/queuePublic/PublicListPage';
import { RegistrationPage } from '../features/registration/RegistrationPage';
import { SigningPage } from '../features/signing/SigningPage';
import { VerifyPage } from '../features/verify/VerifyPage';
import { GuestOnly, HomeRedirect, RequireAuth, RequireRole } from './guards';
import { Layout } from './Layout';
import { NotFoundPage } from './NotFoundPage';
import { RouteError } from './RouteError';

export const routes = [
  {
    element: <Layout />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <HomeRedirect /> },
      {
        element: <GuestOnly />,
        children: [
          { path: 'login', element: <LoginPage /> },
          { path: 'register', element: <RegistrationPage /> },
        ],
      },
      {
        element: <RequireAuth />,
        children: [
          { path: 'profile', element: <ProfilePage /> },
          // One route for the bare list and a chosen contract, so switching keeps the page mounted.
          { path: 'contracts/:contractId?', element: <ContractsPage /> },
          { path: 'notifications', element: <NotificationsPage /> },
          {
            element: <RequireRole roles={['LEGAL_ENTITY']} />,
            children: [
              { path: 'applications', element: <ApplicationsPage /> },
              { path: 'applications/new', element: <NewApplicationPage /> },
              { path: 'applications/:applicationId', element: <ApplicationPage /> },
              { path: 'applications/:applicationId/edit', element: <ApplicationEditorPage /> },
            ],
          },
          {
            // The housing queue of SPEC §5: the citizen's own applications (and those filed for them).
            element: <RequireRole roles={['CITIZEN']} />,
            children: [
              { path: 'queue', element: <QueueHomePage /> },
              { path: 'queue/check', element: <QueueCheckPage /> },
              { path: 'queue/apply', element: <QueueApplyPage /> },
              { path: 'queue/applications/:applicationId', element: <QueueApplicationPage /> },
              { path: 'queue/history', element: <QueueHistoryPage /> },
            ],
          },
          {
            element: <RequireRole roles={['KZHK_OPERATOR', 'ADMIN']} />,
            children: [
              { path: 'backoffice', element: <QueuePage /> },
              { path: 'backoffice/applications/:applicationId', element: <ApplicationPage operator /> },
            ],
          },
          {
            element: <RequireRole roles={['QUEUE_OFFICER', 'ADMIN']} />,
            children: [
              { path: 'queue-office', element: <OfficeListPage /> },
              { path: 'queue-office/applications/:applicationId', element: <OfficeApplicationPage /> },
              { path: 'queue-office/complaints', element: <ComplaintsPage /> },
            ],
          },
          {
            // The resident cabinet of SPEC §6: personal accounts and, per account, its blocks.
            element: <RequireRole roles={['RESIDENT']} />,
            children: [
              { path: 'cabinet', element: <CabinetAccountsPage /> },
              {
                path: 'cabinet/:accountId',
                element: <CabinetLayout />,
                children: [...cabinetChildRoutes, ...servicesChildRoutes],
              },
            ],
          },
          {
            // The management company's back office.
            element: <RequireRole roles={['UK_STAFF', 'ADMIN']} />,
            children: companyRoutes,
          },
          {
            element: <RequireRole roles={['ADMIN']} />,
            children: [
              { path: 'admin/users', element: <UsersPage /> },
              { path: 'admin/api-clients', element: <ApiClientsPage /> },
              { path: 'admin/calendar', element: <CalendarPage /> },
            ],
          },
        ],
      },
      // Public: the second device of QR signing, and the check of a signed document.
      { path: 'sign/:sessionId', element: <SigningPage /> },
      { path: 'verify', element: <VerifyPage /> },
      // Public: the device that read a cabinet's personal QR code signs in here (seed 004, mobile app).
      { path: 'device-login', element: <DeviceLoginPage /> },
      // Public: the housing queue lists, for anyone (only entries whose applicants consented).
      { path: 'queue/public', element: <PublicListPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

export function createRouter() {
  return createBrowserRouter(routes);
}
