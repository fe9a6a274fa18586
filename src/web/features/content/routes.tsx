// Routes of the content feature, spread into the app router (src/web/router.tsx).
import type { RouteObject } from 'react-router';

export const contentRoutes: RouteObject[] = [];
