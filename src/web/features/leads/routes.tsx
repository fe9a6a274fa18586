// Routes of the leads feature, spread into the app router (src/web/router.tsx).
import type { RouteObject } from 'react-router';

export const leadRoutes: RouteObject[] = [];
