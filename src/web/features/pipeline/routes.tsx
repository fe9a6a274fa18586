// Routes of the pipeline feature, spread into the app router (src/web/router.tsx).
import type { RouteObject } from 'react-router';

export const pipelineRoutes: RouteObject[] = [];
