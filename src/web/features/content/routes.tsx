// Routes of the content feature, spread into the app router (src/web/router.tsx).
import { lazy, type ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import { useAuth } from '../../lib/auth';
import { Forbidden } from '../../ui/NotFound';

const ContentPage = lazy(async () => ({ default: (await import('./ContentPage')).ContentPage }));

/** As the API allows: the vendor's people who talk to customers, and partners. */
function Readers({ children }: { children: ReactNode }) {
  const { user } = useAuth();
  return user && !['customer', 'finance'].includes(user.role) ? <>{children}</> : <Forbidden />;
}

export const contentRoutes: RouteObject[] = [
  { path: 'content', element: <Readers><ContentPage /></Readers> },
];
