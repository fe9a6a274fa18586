// Routes of the imports feature, spread into the app router (src/web/router.tsx).
import type { RouteObject } from 'react-router';

export const importRoutes: RouteObject[] = [];
