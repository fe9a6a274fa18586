// Routes of the imports feature, spread into the app router (src/web/router.tsx).
import { lazy, type ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import { useAuth } from '../../lib/auth';
import { Forbidden } from '../../ui/NotFound';

const ImportsPage = lazy(async () => ({ default: (await import('./ImportsPage')).ImportsPage }));

/** Imports are for the vendor's sales operations (admin, sales, SDR), as the API allows. */
function Importers({ children }: { children: ReactNode }) {
  const { user } = useAuth();
  return user && ['admin', 'sales', 'sdr'].includes(user.role) ? <>{children}</> : <Forbidden />;
}

export const importRoutes: RouteObject[] = [
  { path: 'imports', element: <Importers><ImportsPage /></Importers> },
];
