// Routes of the leads feature, spread into the app router (src/web/router.tsx). Pages load on demand.
import { lazy } from 'react';
import type { RouteObject } from 'react-router';

const LeadsPage = lazy(async () => ({ default: (await import('./LeadsPage')).LeadsPage }));
const LeadPage = lazy(async () => ({ default: (await import('./LeadPage')).LeadPage }));
const SalesProfilesPage = lazy(async () => ({ default: (await import('./SalesProfilesPage')).SalesProfilesPage }));
const FormsPage = lazy(async () => ({ default: (await import('./FormsPage')).FormsPage }));

export const leadRoutes: RouteObject[] = [
  { path: 'leads', element: <LeadsPage /> },
  { path: 'leads/forms', element: <FormsPage /> },
  { path: 'leads/team', element: <SalesProfilesPage /> },
  { path: 'leads/:id', element: <LeadPage /> },
];
