// Routes of the sales feature, spread into the app router (src/web/router.tsx).
import { lazy } from 'react';
import type { RouteObject } from 'react-router';

const SalesDashboardPage = lazy(async () => ({ default: (await import('./SalesDashboardPage')).SalesDashboardPage }));

export const salesRoutes: RouteObject[] = [
  { path: 'sales/dashboard', element: <SalesDashboardPage /> },
];
