// Routes of delivery and the customer portal, spread into the app router (src/web/router.tsx). The Delivery Command
// and the project list are for the vendor's people; a project page is also open to its customer (row-scoped by the
// API); the portal pages are the customer's.
import { lazy, type ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import type { Role } from '../../../core/access/roles';
import { useAuth } from '../../lib/auth';
import { isInternal } from '../../lib/permissions';
import { Forbidden } from '../../ui/NotFound';

const DeliveryCommandPage = lazy(async () => ({ default: (await import('./DeliveryCommandPage')).DeliveryCommandPage }));
const ProjectsPage = lazy(async () => ({ default: (await import('./ProjectsPage')).ProjectsPage }));
const ProjectPage = lazy(async () => ({ default: (await import('./ProjectPage')).ProjectPage }));
const PortalPage = lazy(async () => ({ default: (await import('./PortalPage')).PortalPage }));
const PortalValuePage = lazy(async () => ({ default: (await import('./PortalPage')).PortalValuePage }));

function Allow({ allow, children }: { allow: (r: Role) => boolean; children: ReactNode }) {
  const { user } = useAuth();
  return user && allow(user.role) ? <>{children}</> : <Forbidden />;
}

const internal = (r: Role) => isInternal(r);
const projectReaders = (r: Role) => isInternal(r) || r === 'customer' || r === 'partner';
const customer = (r: Role) => r === 'customer';

export const deliveryRoutes: RouteObject[] = [
  { path: 'delivery', element: <Allow allow={internal}><DeliveryCommandPage /></Allow> },
  { path: 'projects', element: <Allow allow={(r) => internal(r) || r === 'partner'}><ProjectsPage /></Allow> },
  { path: 'projects/:id', element: <Allow allow={projectReaders}><ProjectPage /></Allow> },
  { path: 'portal', element: <Allow allow={customer}><PortalPage /></Allow> },
  { path: 'value', element: <Allow allow={customer}><PortalValuePage /></Allow> },
];
