// Routes of the sales feature, spread into the app router (src/web/router.tsx).
import { lazy, type ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import { useAuth } from '../../lib/auth';
import { Forbidden } from '../../ui/NotFound';

const SalesDashboardPage = lazy(async () => ({ default: (await import('./SalesDashboardPage')).SalesDashboardPage }));

/** Sales figures: the vendor's sales people and management, and partners (their own figures). */
function SalesViewers({ children }: { children: ReactNode }) {
  const { user } = useAuth();
  return user && ['admin', 'executive', 'sales', 'sdr', 'partner'].includes(user.role) ? <>{children}</> : <Forbidden />;
}

export const salesRoutes: RouteObject[] = [
  { path: 'sales/dashboard', element: <SalesViewers><SalesDashboardPage /></SalesViewers> },
];
