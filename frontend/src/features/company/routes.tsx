import type { RouteObject } from 'react-router';
import { DashboardPage } from './DashboardPage';
import { ImportsPage } from './ImportsPage';
import { LinksPage } from './LinksPage';
import { MeetingNewPage } from './MeetingNewPage';
import { MeetingPage } from './MeetingPage';
import { MeetingsPage } from './MeetingsPage';
import { OutagesPage } from './OutagesPage';
import { RequestPage } from './RequestPage';
import { RequestsPage } from './RequestsPage';

/** The management company's back office, under /company (UK_STAFF and ADMIN; router.tsx). */
export const companyRoutes: RouteObject[] = [
  { path: 'company', element: <DashboardPage /> },
  { path: 'company/requests', element: <RequestsPage /> },
  { path: 'company/requests/:requestId', element: <RequestPage /> },
  { path: 'company/links', element: <LinksPage /> },
  { path: 'company/outages', element: <OutagesPage /> },
  { path: 'company/meetings', element: <MeetingsPage /> },
  { path: 'company/meetings/new', element: <MeetingNewPage /> },
  { path: 'company/meetings/:meetingId', element: <MeetingPage /> },
  { path: 'company/imports', element: <ImportsPage /> },
];
