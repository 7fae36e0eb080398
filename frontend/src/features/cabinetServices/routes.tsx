import type { RouteObject } from 'react-router';

/** Pages under /cabinet/:accountId owned by this feature (requests, meters, meetings, notifications). */
export const servicesChildRoutes: RouteObject[] = [];
