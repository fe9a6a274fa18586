// Thin routes of project governance: risk register, issue log (resolution steps, escalation), change requests
// (approve applies hours and days), RACI, meeting series and the project's ICS calendar feed.
import { type OpenAPIHono, z } from '@hono/zod-openapi';
import {
  changeRequestCreateSchema, changeRequestUpdateSchema, crDecisionSchema, escalateSchema, issueAdvanceSchema, issueCreateSchema, issueUpdateSchema,
  meetingCreateSchema, meetingUpdateSchema, raciCreateSchema, raciUpdateSchema, riskCreateSchema, riskUpdateSchema,
} from '../../../core/delivery/schemas';
import {
  changeDecisionSchema, changeRequestSchema, issueSchema, meetingSchema, raciSchema, riskSchema,
} from '../../../core/delivery/governance-responses';
import type { Ctx } from '../../http/env';
import type { AppEnv } from '../../http/env';
import { idParam, json, jsonBody } from '../../http/openapi';
import { ctxOf, guard } from '../../http/route';
import { policies as p } from './delivery.policy';
import * as gov from './governance.service';

// Answers are service rows (Date objects, text columns) typed wider than their JSON: `as never` hands them to c.json,
// and the response check validates every answer against its documented schema in tests.
const tags = ['delivery'];
const itemParam = z.object({ id: z.uuid(), itemId: z.uuid() });

interface Crud {
  path: string; name: string; doc?: string;
  createSchema: z.ZodType; updateSchema: z.ZodType;
  /** The register's row as answered. */
  rowSchema: z.ZodType;
  list(ctx: Ctx, projectId: string): Promise<unknown>;
  create(ctx: Ctx, projectId: string, input: never): Promise<unknown>;
  update(ctx: Ctx, projectId: string, id: string, input: never): Promise<unknown>;
  remove(ctx: Ctx, projectId: string, id: string): Promise<void>;
}

/** List, create, update (with version) and delete of one governance register of a project. */
function crudRoutes(api: OpenAPIHono<AppEnv>, r: Crud) {
  api.openapi(guard(p.readInternal, {
    method: 'get', path: `/projects/{id}/${r.path}`, tags, summary: `The project's ${r.name}s`, description: r.doc,
    request: { params: idParam },
    responses: { 200: json(z.array(r.rowSchema), 'Rows') },
  }), async (c) => c.json(await r.list(ctxOf(c), c.req.valid('param').id) as never, 200));

  api.openapi(guard(p.write, {
    method: 'post', path: `/projects/{id}/${r.path}`, tags, summary: `Add a ${r.name}`,
    request: { params: idParam, body: jsonBody(r.createSchema) },
    responses: { 201: json(r.rowSchema, 'Created') },
  }), async (c) => c.json(await r.create(ctxOf(c), c.req.valid('param').id, c.req.valid('json') as never) as never, 201));

  api.openapi(guard(p.write, {
    method: 'patch', path: `/projects/{id}/${r.path}/{itemId}`, tags, summary: `Update a ${r.name}`,
    description: 'Send the `version` you loaded (409 when stale).',
    request: { params: itemParam, body: jsonBody(r.updateSchema) },
    responses: { 200: json(r.rowSchema, 'Updated') },
  }), async (c) => {
    const { id, itemId } = c.req.valid('param');
    return c.json(await r.update(ctxOf(c), id, itemId, c.req.valid('json') as never) as never, 200);
  });

  api.openapi(guard(p.write, {
    method: 'delete', path: `/projects/{id}/${r.path}/{itemId}`, tags, summary: `Delete a ${r.name}`,
    request: { params: itemParam },
    responses: { 204: { description: 'Deleted' } },
  }), async (c) => {
    const { id, itemId } = c.req.valid('param');
    await r.remove(ctxOf(c), id, itemId);
    return c.body(null, 204);
  });
}

export function registerGovernanceRoutes(api: OpenAPIHono<AppEnv>) {
  crudRoutes(api, {
    path: 'risks', name: 'risk', doc: 'The risk register; the 003 common risks are preloaded when the project is created.',
    createSchema: riskCreateSchema, updateSchema: riskUpdateSchema, rowSchema: riskSchema,
    list: gov.listRisks, create: gov.createRisk, update: gov.updateRisk, remove: gov.deleteRisk,
  });
  crudRoutes(api, {
    path: 'issues', name: 'issue', doc: 'The issue log with the 003 resolution step (`stepLabel`) and escalation (topic, level, role).',
    createSchema: issueCreateSchema, updateSchema: issueUpdateSchema, rowSchema: issueSchema,
    list: gov.listIssues, create: gov.createIssue, update: gov.updateIssue, remove: gov.deleteIssue,
  });
  crudRoutes(api, {
    path: 'change-requests', name: 'change request', doc: 'Change requests with scope, budget (hours, amount) and timeline (days) impact; only proposed ones can be edited.',
    createSchema: changeRequestCreateSchema, updateSchema: changeRequestUpdateSchema, rowSchema: changeRequestSchema,
    list: gov.listChangeRequests, create: gov.createChangeRequest, update: gov.updateChangeRequest, remove: gov.deleteChangeRequest,
  });
  crudRoutes(api, {
    path: 'raci', name: 'RACI row', doc: 'The RACI matrix: per activity, who is Responsible, Accountable, Consulted, Informed (playbook role ids or names).',
    createSchema: raciCreateSchema, updateSchema: raciUpdateSchema, rowSchema: raciSchema,
    list: gov.listRaci, create: gov.createRaci, update: gov.updateRaci, remove: gov.deleteRaci,
  });
  crudRoutes(api, {
    path: 'meetings', name: 'meeting series', doc: 'Meeting series of the communication plan (003 cadence preloaded: daily stand-up, weekly status, bi-weekly steering, monthly executive).',
    createSchema: meetingCreateSchema, updateSchema: meetingUpdateSchema, rowSchema: meetingSchema,
    list: gov.listMeetings, create: gov.createMeeting, update: gov.updateMeeting, remove: gov.deleteMeeting,
  });

  api.openapi(guard(p.write, {
    method: 'post', path: '/projects/{id}/issues/{itemId}/advance', tags, summary: 'Move an issue to its next resolution step',
    description: 'The 003 Issue Resolution Process: identification and logging → impact assessment → resolution planning → stakeholder communication → '
      + 'resolution execution → verification and closure (which resolves the issue). 409 when already resolved.',
    request: { params: itemParam, body: jsonBody(issueAdvanceSchema) },
    responses: { 200: json(issueSchema, 'Issue') },
  }), async (c) => {
    const { id, itemId } = c.req.valid('param');
    return c.json(await gov.advanceIssueStep(ctxOf(c), id, itemId, c.req.valid('json')) as never, 200);
  });

  api.openapi(guard(p.write, {
    method: 'post', path: '/projects/{id}/issues/{itemId}/escalate', tags, summary: 'Escalate an issue along a 003 escalation path',
    description: 'Topics and chains from the playbook (e.g. Project issues → delivery manager → VP delivery). Escalating again on the same topic '
      + 'goes one role up; 409 at the end of the chain; 422 for an unknown topic.',
    request: { params: itemParam, body: jsonBody(escalateSchema) },
    responses: { 200: json(issueSchema, 'Issue') },
  }), async (c) => {
    const { id, itemId } = c.req.valid('param');
    return c.json(await gov.escalateIssue(ctxOf(c), id, itemId, c.req.valid('json')) as never, 200);
  });

  for (const decision of ['approve', 'reject'] as const) {
    api.openapi(guard(p.decide, {
      method: 'post', path: `/projects/{id}/change-requests/{itemId}/${decision}`, tags,
      summary: decision === 'approve' ? 'Approve a change request (applies hours and days, re-schedules)' : 'Reject a change request',
      description: 'Only a proposed change request can be decided (409 otherwise). Approval adds its hours to the budget (as a change task) and pushes '
        + 'every task not yet started by its timeline days, then re-schedules.',
      request: { params: itemParam, body: jsonBody(crDecisionSchema) },
      responses: { 200: json(changeDecisionSchema, 'Decided') },
    }), async (c) => {
      const { id, itemId } = c.req.valid('param');
      return c.json(await gov.decideChangeRequest(ctxOf(c), id, itemId, decision === 'approve' ? 'approved' : 'rejected', c.req.valid('json').note) as never, 200);
    });
  }

  api.openapi(guard(p.read, {
    method: 'get', path: '/projects/{id}/calendar.ics', tags, summary: 'The project calendar (RFC 5545): meeting series with RRULE and milestones',
    request: { params: idParam },
    responses: { 200: { description: 'iCalendar', content: { 'text/calendar': { schema: z.string() } } } },
  }), async (c) => {
    const r = await gov.calendar(ctxOf(c), c.req.valid('param').id);
    return c.body(r.ics, 200, { 'content-type': 'text/calendar; charset=utf-8', 'content-disposition': `inline; filename="${r.filename}"` }) as never;
  });
}
