// Routes of delivery and the customer portal, spread into the app router (src/web/router.tsx). Who opens which (the
// Delivery Command for the vendor's people, a project page also for its customer, the portal for the customer) is
// in the page table of core (core/access/pages.ts), checked by the shell.
import { lazy } from 'react';
import type { RouteObject } from 'react-router';

const DeliveryCommandPage = lazy(async () => ({ default: (await import('./DeliveryCommandPage')).DeliveryCommandPage }));
const ProjectsPage = lazy(async () => ({ default: (await import('./ProjectsPage')).ProjectsPage }));
const ProjectPage = lazy(async () => ({ default: (await import('./ProjectPage')).ProjectPage }));
const PortalPage = lazy(async () => ({ default: (await import('./PortalPage')).PortalPage }));
const PortalValuePage = lazy(async () => ({ default: (await import('./PortalPage')).PortalValuePage }));

export const deliveryRoutes: RouteObject[] = [
  { path: 'delivery', element: <DeliveryCommandPage /> },
  { path: 'projects', element: <ProjectsPage /> },
  { path: 'projects/:id', element: <ProjectPage /> },
  { path: 'portal', element: <PortalPage /> },
  { path: 'value', element: <PortalValuePage /> },
];
