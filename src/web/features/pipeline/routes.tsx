// Routes of the pipeline feature, spread into the app router (src/web/router.tsx). Pages load on demand.
import { lazy, type ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import { useAuth } from '../../lib/auth';
import { Forbidden } from '../../ui/NotFound';

const BoardPage = lazy(async () => ({ default: (await import('./BoardPage')).BoardPage }));
const OpportunityPage = lazy(async () => ({ default: (await import('./OpportunityPage')).OpportunityPage }));
const ForecastPage = lazy(async () => ({ default: (await import('./ForecastPage')).ForecastPage }));

/** The sales stream is for internal users and partners; customers never see it. */
function NotForCustomers({ children, forecast }: { children: ReactNode; forecast?: boolean }) {
  const { user } = useAuth();
  const allowed = !!user && user.role !== 'customer' && (!forecast || ['admin', 'executive', 'sales', 'finance', 'partner'].includes(user.role));
  return allowed ? <>{children}</> : <Forbidden />;
}

export const pipelineRoutes: RouteObject[] = [
  { path: 'pipeline', element: <NotForCustomers><BoardPage /></NotForCustomers> },
  { path: 'opportunities/:id', element: <NotForCustomers><OpportunityPage /></NotForCustomers> },
  { path: 'forecast', element: <NotForCustomers forecast><ForecastPage /></NotForCustomers> },
];
