// Every route of the delivery module (003): projects and milestones, tasks, governance.
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/env';
import { registerGovernanceRoutes } from './governance.routes';
import { registerProjectRoutes } from './projects.routes';
import { registerTaskRoutes } from './tasks.routes';

export function registerDeliveryRoutes(api: OpenAPIHono<AppEnv>) {
  registerTaskRoutes(api); // /tasks/load before /tasks/{id}
  registerProjectRoutes(api);
  registerGovernanceRoutes(api);
}
