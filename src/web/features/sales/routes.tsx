// Routes of the sales feature, spread into the app router (src/web/router.tsx).
import type { RouteObject } from 'react-router';

export const salesRoutes: RouteObject[] = [];
