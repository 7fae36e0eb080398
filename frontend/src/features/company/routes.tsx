import type { RouteObject } from 'react-router';

/** The management company's back office, under /company. */
export const companyRoutes: RouteObject[] = [];
