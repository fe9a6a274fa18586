// Thin routes of delivery projects: list and detail, checklists, kickoff, go-live, closure, cancellation,
// milestones and acceptance, Gantt, metrics, status reports and their PDF.
import { type OpenAPIHono, z } from '@hono/zod-openapi';
import {
  cancelSchema, checklistParamSchema, checkSchema, closeSchema, decisionSchema, deliverableSchema, kickoffSchema, metricRecordSchema,
  projectListQuerySchema, projectUpdateSchema, rejectSchema, reportCreateSchema, reportUpdateSchema, submitSchema,
} from '../../../core/delivery/schemas';
import { portfolioOverviewSchema } from '../../../core/delivery/governance-responses';
import {
  ganttSchema, metricValueSchema, milestoneSchema, milestoneWithHistorySchema, phaseSchema, projectMetricsSchema, projectPageSchema,
  projectSchema, projectStateSchema, statusReportSchema,
} from '../../../core/delivery/responses';
import { canSee } from '../../../core/access/audience';
import { projectFor } from '../../../core/access/outsider-views';
import type { AppEnv } from '../../http/env';
import { idParam, json, jsonBody } from '../../http/openapi';
import { ctxOf, guard } from '../../http/route';
import { policies as p } from './delivery.policy';
import * as ms from './milestones.service';
import * as projects from './projects.service';
import * as reports from './reports.service';
import * as tasks from './tasks.service';

// Answers are service rows (Date objects, text columns) typed wider than their JSON: `as never` hands them to c.json,
// and the response check validates every answer against its documented schema in tests.
const tags = ['delivery'];
const milestoneParam = z.object({ id: z.uuid(), milestoneId: z.uuid() });
const reportParam = z.object({ id: z.uuid(), reportId: z.uuid() });
const deliverableParam = z.object({ id: z.uuid(), phaseId: z.uuid(), deliverableId: z.string().min(1).max(80) });
const metricParam = z.object({ id: z.uuid(), key: z.string().min(1).max(60) });
const pdf = { 200: { description: 'PDF', content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } } } };
const gate = (what: string) => `Refused with 422 and \`missing\` (id, label) until ${what}; nothing changes then.`;

export function registerProjectRoutes(api: OpenAPIHono<AppEnv>) {
  api.openapi(guard(p.read, {
    method: 'get', path: '/projects', tags, summary: 'List delivery projects',
    description: 'Newest start first; keyset pagination with `cursor`. `status=open` = planned, active, hypercare or on hold.',
    request: { query: projectListQuerySchema },
    responses: { 200: json(projectPageSchema, 'A page of projects') },
  }), async (c) => {
    const list = await projects.listProjects(ctxOf(c), c.req.valid('query'));
    return c.json({ ...list, items: list.items.map((r) => projectFor(ctxOf(c).actor, r)) } as never, 200);
  });

  api.openapi(guard(p.read, {
    method: 'get', path: '/projects/overview', tags, summary: 'Across open projects: milestones due or awaiting acceptance, open risks',
    description: 'For the Delivery Command: milestones submitted to the customer or not accepted and forecast within `days` (default 14), '
      + 'and every open risk of the open projects the caller may see, each with its project name; `managerId` keeps one manager\'s projects.',
    request: { query: z.object({ days: z.coerce.number().int().min(0).max(365).default(14), managerId: z.uuid().optional() }).strict() },
    responses: { 200: json(portfolioOverviewSchema, 'Milestones and risks') },
  }), async (c) => {
    const ctx = ctxOf(c);
    const out = await projects.portfolioOverview(ctx, c.req.valid('query'));
    // The risk register is shared with the partner running the project (readInternal), not with the customer.
    return c.json(canSee(ctx.actor, 'partner') ? out : { ...out, risks: [] } as never, 200);
  });

  api.openapi(guard(p.read, {
    method: 'get', path: '/accounts/{id}/projects', tags, summary: 'Delivery projects of an account',
    request: { params: idParam, query: projectListQuerySchema.omit({ accountId: true }) },
    responses: { 200: json(projectPageSchema, 'Projects') },
  }), async (c) => {
    const list = await projects.listProjects(ctxOf(c), { ...c.req.valid('query'), accountId: c.req.valid('param').id });
    return c.json({ ...list, items: list.items.map((r) => projectFor(ctxOf(c).actor, r)) } as never, 200);
  });

  api.openapi(guard(p.read, {
    method: 'get', path: '/projects/{id}', tags, summary: 'A project with phases, milestones, checklists and progress',
    description: 'Created from the signed contract with the playbook\'s 003 template. `checklists` holds the entry criteria, the go-live '
      + 'checklist (with rollback readiness), the exit criteria and the handoff list, each with `missing`. `closureReady` once hypercare ended.',
    request: { params: idParam },
    responses: { 200: json(projectSchema, 'The project') },
  }), async (c) => c.json(projectFor(ctxOf(c).actor, await projects.getProject(ctxOf(c), c.req.valid('param').id)) as never, 200));

  api.openapi(guard(p.write, {
    method: 'patch', path: '/projects/{id}', tags, summary: 'Update a project (name, manager, quality score)',
    request: { params: idParam, body: jsonBody(projectUpdateSchema) },
    responses: { 200: json(projectStateSchema, 'Updated') },
  }), async (c) => c.json(await projects.updateProject(ctxOf(c), c.req.valid('param').id, c.req.valid('json')) as never, 200));

  api.openapi(guard(p.write, {
    method: 'post', path: '/projects/{id}/checklists/{list}/{itemId}', tags, summary: 'Tick or untick a checklist item',
    description: 'Lists: `entry` (003 entry criteria), `go_live` (cutover checklist; item `rollback_ready` sets rollback readiness), `exit`, `handoff`. Audited.',
    request: { params: checklistParamSchema, body: jsonBody(checkSchema) },
    responses: { 200: json(projectStateSchema, 'The project') },
  }), async (c) => {
    const { id, list, itemId } = c.req.valid('param');
    return c.json(await projects.setCheck(ctxOf(c), id, list, itemId, c.req.valid('json')) as never, 200);
  });

  api.openapi(guard(p.write, {
    method: 'post', path: '/projects/{id}/phases/{phaseId}/deliverables/{deliverableId}', tags, summary: 'Mark a phase deliverable done',
    request: { params: deliverableParam, body: jsonBody(deliverableSchema) },
    responses: { 200: json(phaseSchema, 'The phase') },
  }), async (c) => {
    const { id, phaseId, deliverableId } = c.req.valid('param');
    return c.json(await projects.setDeliverable(ctxOf(c), id, phaseId, deliverableId, c.req.valid('json').done) as never, 200);
  });

  api.openapi(guard(p.write, {
    method: 'post', path: '/projects/{id}/kickoff', tags, summary: 'Kick the project off (entry criteria gate)',
    description: `${gate('every 003 entry criterion is ticked')} Optionally moves the plan to \`startDate\`; baselines task and milestone dates; status active.`,
    request: { params: idParam, body: jsonBody(kickoffSchema) },
    responses: { 200: json(projectStateSchema, 'Kicked off') },
  }), async (c) => c.json(await projects.kickoff(ctxOf(c), c.req.valid('param').id, c.req.valid('json')) as never, 200));

  api.openapi(guard(p.write, {
    method: 'post', path: '/projects/{id}/go-live', tags, summary: 'Go live (go-live checklist and rollback readiness gate)',
    description: `${gate('the go-live checklist is done and rollback readiness confirmed')} Starts hypercare (playbook hypercareWeeks) with a `
      + 'timer that emits `project.hypercare_ended`; records critical issues open at go-live; submits the Go-live milestone for acceptance.',
    request: { params: idParam },
    responses: { 200: json(projectStateSchema, 'Live') },
  }), async (c) => c.json(await projects.goLive(ctxOf(c), c.req.valid('param').id) as never, 200));

  api.openapi(guard(p.write, {
    method: 'post', path: '/projects/{id}/close', tags, summary: 'Close the project (exit criteria gate), handoff to finance and customer success',
    description: `${gate('every 003 exit criterion is ticked')} Records lessons learned and the CSAT score (1–5), writes the handoff checklist, emits \`project.closed\` and \`project.handoff\`.`,
    request: { params: idParam, body: jsonBody(closeSchema) },
    responses: { 200: json(projectStateSchema, 'Closed') },
  }), async (c) => c.json(await projects.closeProject(ctxOf(c), c.req.valid('param').id, c.req.valid('json')) as never, 200));

  api.openapi(guard(p.decide, {
    method: 'post', path: '/projects/{id}/cancel', tags, summary: 'Cancel the project (emits project.cancelled)',
    description: 'Its milestones can no longer be accepted (409), so nothing more is invoiced from it.',
    request: { params: idParam, body: jsonBody(cancelSchema) },
    responses: { 200: json(projectStateSchema, 'Cancelled') },
  }), async (c) => c.json(await projects.cancelProject(ctxOf(c), c.req.valid('param').id, c.req.valid('json').reason) as never, 200));

  api.openapi(guard(p.read, {
    method: 'get', path: '/projects/{id}/gantt', tags, summary: 'Gantt data: phases, tasks, dependencies, milestones',
    request: { params: idParam },
    responses: { 200: json(ganttSchema, 'Gantt') },
  }), async (c) => c.json(await tasks.gantt(ctxOf(c), c.req.valid('param').id) as never, 200));

  // ---- milestones
  api.openapi(guard(p.read, {
    method: 'get', path: '/projects/{id}/milestones', tags, summary: 'Milestones with their decision history',
    request: { params: idParam },
    responses: { 200: json(z.array(milestoneWithHistorySchema), 'Milestones') },
  }), async (c) => c.json(await ms.listMilestones(ctxOf(c), c.req.valid('param').id) as never, 200));

  api.openapi(guard(p.write, {
    method: 'post', path: '/projects/{id}/milestones/{milestoneId}/submit', tags, summary: 'Submit a milestone for the customer\'s acceptance',
    request: { params: milestoneParam, body: jsonBody(submitSchema) },
    responses: { 200: json(milestoneSchema, 'Submitted') },
  }), async (c) => {
    const { id, milestoneId } = c.req.valid('param');
    return c.json(await ms.submitMilestone(ctxOf(c), id, milestoneId, c.req.valid('json').comment) as never, 200);
  });

  const decisionDoc = 'A customer user of the account decides as themselves; delivery and admins record the decision of the customer '
    + 'contact `contactId`. Only a submitted milestone can be decided: a second acceptance, or any decision on a cancelled project, is '
    + '409 and changes nothing. Recorded in the decision history, audited and on the account timeline.';
  api.openapi(guard(p.accept, {
    method: 'post', path: '/projects/{id}/milestones/{milestoneId}/accept', tags, summary: 'Accept a milestone (emits milestone.accepted; billing invoices it)',
    description: decisionDoc,
    request: { params: milestoneParam, body: jsonBody(decisionSchema) },
    responses: { 200: json(milestoneSchema, 'Accepted') },
  }), async (c) => {
    const { id, milestoneId } = c.req.valid('param');
    return c.json(await ms.acceptMilestone(ctxOf(c), id, milestoneId, c.req.valid('json')) as never, 200);
  });

  api.openapi(guard(p.accept, {
    method: 'post', path: '/projects/{id}/milestones/{milestoneId}/reject', tags, summary: 'Reject a milestone with a comment',
    description: decisionDoc,
    request: { params: milestoneParam, body: jsonBody(rejectSchema) },
    responses: { 200: json(milestoneSchema, 'Rejected') },
  }), async (c) => {
    const { id, milestoneId } = c.req.valid('param');
    return c.json(await ms.rejectMilestone(ctxOf(c), id, milestoneId, c.req.valid('json')) as never, 200);
  });

  // ---- metrics
  api.openapi(guard(p.read, {
    method: 'get', path: '/projects/{id}/metrics', tags, summary: 'Project metrics (003) against their playbook targets',
    description: 'On-time delivery, budget adherence ((actual − planned) / planned hours over done tasks, ±5 %), scope completion, quality '
      + 'score, critical issues at go-live, and the latest recorded technical metrics. Each with value, target, status and formula.',
    request: { params: idParam },
    responses: { 200: json(projectMetricsSchema, 'Metrics') },
  }), async (c) => c.json(await reports.metrics(ctxOf(c), c.req.valid('param').id) as never, 200));

  api.openapi(guard(p.write, {
    method: 'post', path: '/projects/{id}/metrics/{key}', tags, summary: 'Record a technical metric value (discovery coverage, CMDB accuracy, integration uptime, …)',
    request: { params: metricParam, body: jsonBody(metricRecordSchema) },
    responses: { 201: json(metricValueSchema, 'Recorded') },
  }), async (c) => {
    const { id, key } = c.req.valid('param');
    return c.json(await reports.recordMetric(ctxOf(c), id, key, c.req.valid('json')) as never, 201);
  });

  // ---- status reports
  api.openapi(guard(p.read, {
    method: 'get', path: '/projects/{id}/status-reports', tags, summary: 'Status reports of a project (customers see sent ones)',
    request: { params: idParam },
    responses: { 200: json(z.array(statusReportSchema), 'Reports') },
  }), async (c) => c.json(await reports.listReports(ctxOf(c), c.req.valid('param').id) as never, 200));

  api.openapi(guard(p.write, {
    method: 'post', path: '/projects/{id}/status-reports', tags, summary: 'Generate the weekly status report',
    description: 'From the project\'s data (progress by phase by hours, milestones, risks and issues, budget and timeline, KPI tracker) for the '
      + 'week of `weekOf` (default this week). 201 with a new draft; 200 when an existing draft of that week is refreshed (its narrative kept); 409 when that week was sent.',
    request: { params: idParam, body: jsonBody(reportCreateSchema) },
    responses: { 200: json(statusReportSchema, 'Refreshed'), 201: json(statusReportSchema, 'Created') },
  }), async (c) => {
    const r = await reports.generateReport(ctxOf(c), c.req.valid('param').id, c.req.valid('json').weekOf);
    return c.json(r.report as never, r.created ? 201 : 200);
  });

  api.openapi(guard(p.read, {
    method: 'get', path: '/projects/{id}/status-reports/{reportId}', tags, summary: 'A status report',
    request: { params: reportParam },
    responses: { 200: json(statusReportSchema, 'Report') },
  }), async (c) => {
    const { id, reportId } = c.req.valid('param');
    return c.json(await reports.getReport(ctxOf(c), id, reportId) as never, 200);
  });

  api.openapi(guard(p.write, {
    method: 'patch', path: '/projects/{id}/status-reports/{reportId}', tags, summary: 'Edit a draft report (overall status, summary, next steps)',
    request: { params: reportParam, body: jsonBody(reportUpdateSchema) },
    responses: { 200: json(statusReportSchema, 'Updated') },
  }), async (c) => {
    const { id, reportId } = c.req.valid('param');
    return c.json(await reports.updateReport(ctxOf(c), id, reportId, c.req.valid('json')) as never, 200);
  });

  api.openapi(guard(p.write, {
    method: 'post', path: '/projects/{id}/status-reports/{reportId}/send', tags, summary: 'Mark a report sent (final)',
    request: { params: reportParam },
    responses: { 200: json(statusReportSchema, 'Sent') },
  }), async (c) => {
    const { id, reportId } = c.req.valid('param');
    return c.json(await reports.sendReport(ctxOf(c), id, reportId) as never, 200);
  });

  api.openapi(guard(p.read, {
    method: 'get', path: '/projects/{id}/status-reports/{reportId}/report.pdf', tags, summary: 'The status report as a PDF',
    request: { params: reportParam },
    responses: pdf,
  }), async (c) => {
    const { id, reportId } = c.req.valid('param');
    const r = await reports.reportPdf(ctxOf(c), id, reportId);
    return c.body(new Uint8Array(r.pdf), 200, { 'content-type': 'application/pdf', 'content-disposition': `attachment; filename="${r.filename}"` }) as never;
  });
}
