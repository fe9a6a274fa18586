// Every module registers its routes here; the order is the order in the API reference.
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../http/env';
import { registerAccountRoutes } from './accounts/accounts.routes';
import { registerBulkRoutes } from './accounts/bulk.routes';
import { registerBillingRoutes } from './billing/billing.routes';
import { registerContentRoutes } from './content/content.routes';
import { registerDeliveryRoutes } from './delivery/delivery.routes';
import { registerImportRoutes } from './imports/imports.routes';
import { registerLeadRoutes } from './leads/leads.routes';
import { registerMetricsRoutes } from './metrics/metrics.routes';
import { registerPipelineRoutes } from './pipeline/pipeline.routes';
import { registerRealizationRoutes } from './realization/realization.routes';
import { registerAdminRoutes } from './platform/admin.routes';
import { registerAuthRoutes } from './platform/auth.routes';
import { registerEventRoutes } from './platform/events.routes';
import { registerValueRoutes } from './value/value.routes';

export function registerModules(api: OpenAPIHono<AppEnv>) {
  registerAuthRoutes(api);
  registerAccountRoutes(api);
  registerBulkRoutes(api);
  registerLeadRoutes(api);
  registerPipelineRoutes(api);
  registerValueRoutes(api);
  registerDeliveryRoutes(api);
  registerBillingRoutes(api);
  registerRealizationRoutes(api);
  registerContentRoutes(api);
  registerImportRoutes(api);
  registerMetricsRoutes(api);
  registerEventRoutes(api); // before /webhooks/{id}
  registerAdminRoutes(api);
}
