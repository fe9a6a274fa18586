// Delivery (003): plan, scheduling, checklists, governance, metrics, calendar and status report rules. Pure.
export * from './calendar';
export * from './checklists';
export * from './dates';
export * from './governance';
export * from './load';
export * from './metrics';
export * from './plan';
export * from './report';
export * from './schedule';
