// Routes of the value feature, spread into the app router (src/web/router.tsx).
import { lazy } from 'react';
import type { RouteObject } from 'react-router';

const ValuePage = lazy(async () => ({ default: (await import('./ValuePage')).ValuePage }));

export const valueRoutes: RouteObject[] = [
  { path: 'opportunities/:id/value', element: <ValuePage /> },
];
