// Thin routes: policy → validate → service → JSON.
import { type OpenAPIHono } from '@hono/zod-openapi';
import { salesMetricsQuerySchema, salesMetricsSchema } from '../../../core/metrics';
import type { AppEnv } from '../../http/env';
import { json } from '../../http/openapi';
import { ctxOf, guard } from '../../http/route';
import { policies as p } from './metrics.policy';
import * as metrics from './metrics.service';

export function registerMetricsRoutes(api: OpenAPIHono<AppEnv>) {
  api.openapi(guard(p.sales, {
    method: 'get', path: '/metrics/sales', tags: ['metrics'], summary: 'Sales metrics with their playbook targets',
    description: 'Every figure of the sales dashboard with its definition (from the metric catalogue), its basis (numerator, '
      + 'denominator = n) and its playbook target. The period is a named choice (`period`, default the last 365 days; `all` = all time) '
      + 'or explicit `from`/`to` dates, and the response says which dates it covers. The funnel counts journeys (a lead with its deal, '
      + 'or a deal without a lead) at the furthest stage reached in the period, so each stage is a subset of the one before; its Won '
      + 'stage is the win rate\'s won count. Stage-conversion rates use only deals whose stage path was recorded by the product. '
      + 'Money fields are integer minor units of `currency`.',
    request: { query: salesMetricsQuerySchema },
    responses: { 200: json(salesMetricsSchema, 'Metrics for the period') },
  }), async (c) => c.json(await metrics.sales(ctxOf(c), c.req.valid('query')), 200));
}
