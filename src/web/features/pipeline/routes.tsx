// Routes of the pipeline feature, spread into the app router (src/web/router.tsx). Pages load on demand.
import { lazy } from 'react';
import type { RouteObject } from 'react-router';

const BoardPage = lazy(async () => ({ default: (await import('./BoardPage')).BoardPage }));
const OpportunityPage = lazy(async () => ({ default: (await import('./OpportunityPage')).OpportunityPage }));
const ForecastPage = lazy(async () => ({ default: (await import('./ForecastPage')).ForecastPage }));

export const pipelineRoutes: RouteObject[] = [
  { path: 'pipeline', element: <BoardPage /> },
  { path: 'opportunities/:id', element: <OpportunityPage /> },
  { path: 'forecast', element: <ForecastPage /> },
];
