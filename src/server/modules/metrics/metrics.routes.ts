// Thin routes: policy → validate → service → JSON.
import { type OpenAPIHono } from '@hono/zod-openapi';
import { salesMetricsQuerySchema } from '../../../core/metrics';
import type { AppEnv } from '../../http/env';
import { anyObject, json } from '../../http/openapi';
import { ctxOf, guard } from '../../http/route';
import { policies as p } from './metrics.policy';
import * as metrics from './metrics.service';

export function registerMetricsRoutes(api: OpenAPIHono<AppEnv>) {
  api.openapi(guard(p.sales, {
    method: 'get', path: '/metrics/sales', tags: ['metrics'], summary: 'Sales metrics with their playbook targets',
    description: 'Lead volume by channel, lead response time vs SLA, MQL→SQL, lead→opportunity, discovery→proposal, proposal win rate, '
      + 'POC→contract, win rate, average deal size, median days to close, the funnel and the open pipeline by stage. Leads and '
      + 'opportunities count when created in the period, closed deals when their close date is in it. Each metric states its formula; '
      + 'those with a playbook target carry it and an on/off-target status.',
    request: { query: salesMetricsQuerySchema },
    responses: { 200: json(anyObject, 'Metrics for the period') },
  }), async (c) => c.json(await metrics.sales(ctxOf(c), c.req.valid('query')), 200));
}
