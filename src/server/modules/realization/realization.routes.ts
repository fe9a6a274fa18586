// Thin routes of value realization: policy → validate → service → JSON. Bulk and CSV ingestion carry their own body
// limit (the app-wide 1 MiB cap would stop a 50,000-measurement request).
import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { isoDate, isoDateTime } from '../../../core/dates';
import { AppError } from '../../../core/errors';
import {
  kpiAlertPageSchema, kpiAlertSchema, kpiBulkResultSchema, kpiCsvResultSchema, kpiMeasurementResultSchema, kpiPageSchema, kpiViewSchema,
  realizationSchema, weeklyUpdateDecisionSchema, weeklyUpdatePageSchema, weeklyUpdateSchema,
} from '../../../core/value/realization-responses';
import type { AppEnv } from '../../http/env';
import { idParam, json, jsonBody } from '../../http/openapi';
import { ctxOf, guard } from '../../http/route';
import { MAX_CSV_ROWS } from './measurements.csv';
import * as measurements from './measurements.service';
import { policies as p } from './realization.policy';
import * as realization from './realization.service';
import * as weekly from './weekly.service';

const tags = ['value realization'];
export const MAX_BULK = 50_000;
/** Bulk and CSV bodies: 50,000 measurements of ~100 bytes, or a 100,000-row CSV, with room to spare. */
export const INGEST_BODY_LIMIT = 16 * 1024 * 1024;
const ingestLimit = bodyLimit({
  maxSize: INGEST_BODY_LIMIT,
  onError: () => { throw new AppError('payload_too_large', `Measurement uploads are limited to ${INGEST_BODY_LIMIT} bytes: split the batch.`); },
});

const instant = z.union([isoDateTime, isoDate]).openapi({ description: 'ISO 8601 instant with zone, or a date (midnight UTC)', example: '2026-03-20T00:00:00Z' });
const measurement = z.object({ kpiId: z.uuid(), measuredAt: instant, value: z.number().finite() }).strict();
const bulkBody = z.object({ measurements: z.array(measurement).min(1).max(MAX_BULK) }).strict().openapi('KpiMeasurementsBulk');
const manualBody = z.object({ measuredAt: instant.optional(), value: z.number().finite() }).strict();
const kpiQuery = z.object({
  accountId: z.uuid().optional(), projectId: z.uuid().optional(),
  openProjects: z.enum(['true', 'false']).optional().transform((v) => v === 'true')
    .openapi({ description: 'Every KPI of the open delivery projects the caller may see (the Delivery Command)' }),
  measurements: z.coerce.number().int().min(0).max(1000).default(200).openapi({ description: 'Newest measurements per KPI to include (chart points)' }),
});
const oneKpiQuery = z.object({ measurements: z.coerce.number().int().min(0).max(5000).default(1000) });
const alertQuery = z.object({
  status: z.enum(['open', 'acknowledged', 'unresolved', 'resolved', 'all']).default('unresolved'),
  accountId: z.uuid().optional(), projectId: z.uuid().optional(), cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});
const noteBody = z.object({ note: z.string().trim().max(2000).optional() }).strict();
const rejectBody = z.object({ reason: z.string().trim().min(1).max(1000) }).strict();
const CSV_TYPES = ['text/csv', 'application/csv', 'text/plain', 'application/vnd.ms-excel', 'application/octet-stream'];

export function registerRealizationRoutes(api: OpenAPIHono<AppEnv>) {
  // Static paths first: /kpis/alerts and /kpis/measurements/… must not be taken for a KPI id.
  api.openapi(guard(p.measure, {
    method: 'post', path: '/kpis/measurements/bulk', tags, summary: 'Send KPI measurements in bulk (integrations)',
    description: `Up to ${MAX_BULK.toLocaleString('en-US')} measurements per request, for any KPIs, written in one transaction. Idempotent: re-sending a `
      + 'measurement (same KPI, same instant, same value) writes and raises nothing. A different value for the same KPI and instant is a correction: '
      + 'it replaces the stored value and is evaluated again when it is the KPI\'s latest. Unknown KPI ids are listed in `rejected` and the rest is '
      + 'written. Afterwards the newest measurement of each KPI touched is compared with its trajectory; a drift of more than the playbook\'s '
      + '`valueRealization.varianceAlertPercent` behind raises an alert (at most one unresolved per KPI) with a course-correction task on the project.',
    middleware: [ingestLimit] as const,
    request: { body: jsonBody(bulkBody) },
    responses: { 200: json(kpiBulkResultSchema, 'What was written and raised') },
  }), async (c) => c.json(await measurements.ingestBulk(ctxOf(c), c.req.valid('json').measurements) as never, 200));

  api.openapi(guard(p.measure, {
    method: 'post', path: '/kpis/measurements/csv', tags, summary: 'Upload KPI measurements as CSV',
    description: `The file is the request body (\`Content-Type: text/csv\`, at most ${MAX_CSV_ROWS.toLocaleString('en-US')} rows) with columns for the KPI `
      + '(`kpi` key or `kpi_id`), `measured_at` (ISO, US or European dates) and `value`, in any order. KPI keys are resolved within `accountId`. '
      + 'Bad rows are returned with their line, column and reason; the others are written as in the bulk API.',
    middleware: [ingestLimit] as const,
    request: {
      query: z.object({ accountId: z.uuid().optional() }),
      body: { required: true, content: { 'text/csv': { schema: z.string().openapi({ format: 'binary' }) } } },
    },
    responses: { 200: json(kpiCsvResultSchema, 'What was written, raised and refused') },
  }), async (c) => {
    const type = (c.req.header('content-type') ?? '').split(';')[0].trim().toLowerCase();
    if (!CSV_TYPES.includes(type)) throw new AppError('unsupported_media_type', 'Send the CSV file as the request body with Content-Type: text/csv.');
    return c.json(await measurements.ingestCsv(ctxOf(c), await c.req.text(), c.req.valid('query').accountId) as never, 200);
  });

  api.openapi(guard(p.read, {
    method: 'get', path: '/kpis/alerts', tags, summary: 'Variance alerts (Delivery Command)',
    description: 'Newest first; `unresolved` (default) is open and acknowledged alerts. Each alert carries its KPI, account and course-correction task.',
    request: { query: alertQuery },
    responses: { 200: json(kpiAlertPageSchema, 'Alerts') },
  }), async (c) => c.json(await realization.listAlerts(ctxOf(c), c.req.valid('query')) as never, 200));

  api.openapi(guard(p.alerts, {
    method: 'post', path: '/kpis/alerts/{id}/acknowledge', tags, summary: 'Acknowledge an alert (someone owns the course correction)',
    request: { params: idParam, body: jsonBody(noteBody) },
    responses: { 200: json(kpiAlertSchema, 'The alert') },
  }), async (c) => c.json(await realization.decideAlert(ctxOf(c), c.req.valid('param').id, 'acknowledged', c.req.valid('json').note) as never, 200));

  api.openapi(guard(p.alerts, {
    method: 'post', path: '/kpis/alerts/{id}/resolve', tags, summary: 'Resolve an alert',
    description: 'Once resolved, a later measurement beyond the threshold raises a new alert.',
    request: { params: idParam, body: jsonBody(noteBody) },
    responses: { 200: json(kpiAlertSchema, 'The alert') },
  }), async (c) => c.json(await realization.decideAlert(ctxOf(c), c.req.valid('param').id, 'resolved', c.req.valid('json').note) as never, 200));

  api.openapi(guard(p.read, {
    method: 'get', path: '/kpis', tags, summary: 'Tracked KPIs of an account, a project or the open projects, with chart data',
    description: 'Each KPI with its baseline → target trajectory points, its measurements (newest `measurements`, oldest first), where the trajectory is now, '
      + 'its last value, progress % and variance % (negative = behind) and its open alert.',
    request: { query: kpiQuery },
    responses: { 200: json(kpiPageSchema, 'KPIs') },
  }), async (c) => c.json(await realization.listKpis(ctxOf(c), c.req.valid('query')) as never, 200));

  api.openapi(guard(p.read, {
    method: 'get', path: '/kpis/{id}', tags, summary: 'One tracked KPI with its trajectory and measurements',
    request: { params: idParam, query: oneKpiQuery },
    responses: { 200: json(kpiViewSchema, 'The KPI') },
  }), async (c) => c.json(await realization.getKpi(ctxOf(c), c.req.valid('param').id, c.req.valid('query').measurements) as never, 200));

  api.openapi(guard(p.measure, {
    method: 'post', path: '/kpis/{id}/measurements', tags, summary: 'Record a measurement by hand',
    description: 'Without `measuredAt` the measurement is for now. Returns the evaluation against the trajectory and the alert it raised, if any.',
    request: { params: idParam, body: jsonBody(manualBody) },
    responses: { 201: json(kpiMeasurementResultSchema, 'The measurement and its evaluation') },
  }), async (c) => c.json(await measurements.recordMeasurement(ctxOf(c), c.req.valid('param').id, c.req.valid('json')) as never, 201));

  api.openapi(guard(p.valueRead, {
    method: 'get', path: '/value/accounts/{id}/realization', tags, summary: 'Realized value against the business case',
    description: 'Realized annual value (Σ value at target × progress), the promise (the hypotheses\' annual benefit), realization %, actual ROI '
      + '(the business case with benefits at the realized rate) against the hypothesis ROI, and each KPI\'s contribution.',
    request: { params: idParam },
    responses: { 200: json(realizationSchema, 'Realization summary') },
  }), async (c) => c.json(await realization.realization(ctxOf(c), c.req.valid('param').id) as never, 200));

  api.openapi(guard(p.weeklyWrite, {
    method: 'post', path: '/value/accounts/{id}/weekly-updates', tags, summary: 'Run the Value Executor: draft this week\'s value update',
    request: { params: idParam },
    responses: { 201: json(weeklyUpdateSchema, 'The draft (an agent artifact)') },
  }), async (c) => c.json(await weekly.generateWeeklyUpdate(ctxOf(c), c.req.valid('param').id) as never, 201));

  api.openapi(guard(p.valueRead, {
    method: 'get', path: '/value/accounts/{id}/weekly-updates', tags, summary: 'Weekly value updates of an account (newest first)',
    description: 'Customers see accepted updates only.',
    request: { params: idParam, query: z.object({ limit: z.coerce.number().int().min(1).max(200).default(20) }) },
    responses: { 200: json(weeklyUpdatePageSchema, 'Updates') },
  }), async (c) => c.json(await weekly.listWeeklyUpdates(ctxOf(c), c.req.valid('param').id, c.req.valid('query').limit) as never, 200));

  api.openapi(guard(p.weeklyWrite, {
    method: 'post', path: '/value/weekly-updates/{id}/accept', tags, summary: 'Accept a weekly value update (it goes on the timeline)',
    request: { params: idParam },
    responses: { 200: json(weeklyUpdateDecisionSchema, 'Accepted') },
  }), async (c) => c.json(await weekly.decideWeeklyUpdate(ctxOf(c), c.req.valid('param').id, { accept: true }) as never, 200));

  api.openapi(guard(p.weeklyWrite, {
    method: 'post', path: '/value/weekly-updates/{id}/reject', tags, summary: 'Reject a weekly value update with a reason',
    request: { params: idParam, body: jsonBody(rejectBody) },
    responses: { 200: json(weeklyUpdateDecisionSchema, 'Rejected') },
  }), async (c) => c.json(await weekly.decideWeeklyUpdate(ctxOf(c), c.req.valid('param').id, { accept: false, reason: c.req.valid('json').reason }) as never, 200));
}
