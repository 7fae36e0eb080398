import type { RouteObject } from 'react-router';
import { MeetingPage } from './MeetingPage';
import { MeetingsPage } from './MeetingsPage';
import { MetersPage } from './MetersPage';
import { NotificationsSettingsPage } from './NotificationsSettingsPage';
import { EditRequestPage, NewRequestPage } from './RequestFormPage';
import { RequestPage } from './RequestPage';
import { RequestsPage } from './RequestsPage';

/** Pages under /cabinet/:accountId owned by this feature (requests, meters, meetings, notifications). */
export const servicesChildRoutes: RouteObject[] = [
  { path: 'requests', element: <RequestsPage /> },
  { path: 'requests/new', element: <NewRequestPage /> },
  { path: 'requests/:requestId', element: <RequestPage /> },
  { path: 'requests/:requestId/edit', element: <EditRequestPage /> },
  { path: 'meters', element: <MetersPage /> },
  { path: 'meetings', element: <MeetingsPage /> },
  { path: 'meetings/:meetingId', element: <MeetingPage /> },
  { path: 'notifications', element: <NotificationsSettingsPage /> },
];
