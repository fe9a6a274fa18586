// Routes of the content feature, spread into the app router (src/web/router.tsx).
import { lazy } from 'react';
import type { RouteObject } from 'react-router';

const ContentPage = lazy(async () => ({ default: (await import('./ContentPage')).ContentPage }));

export const contentRoutes: RouteObject[] = [
  { path: 'content', element: <ContentPage /> },
];
