// Routes of the imports feature, spread into the app router (src/web/router.tsx).
import { lazy } from 'react';
import type { RouteObject } from 'react-router';

const ImportsPage = lazy(async () => ({ default: (await import('./ImportsPage')).ImportsPage }));

export const importRoutes: RouteObject[] = [
  { path: 'imports', element: <ImportsPage /> },
];
