// Thin routes: policy → validate → service → JSON. Static paths come before /leads/{id}.
// Answers are documented by the schemas of core/leads/responses.ts. The service types are wider than those shapes (text
// columns for enums, jsonb as unknown, Date before JSON), so answers are cast at the edge: the response check proves
// the shapes in the integration tests.
import { type OpenAPIHono, z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import {
  assignSchema, bantUpdateSchema, convertSchema, inboxQuerySchema, leadActivitySchema, leadBulkSchema, leadCreateSchema,
  leadFormSchema, leadFormUpdateSchema, leadListQuerySchema, leadUpdateSchema, listLimit, mergeSchema, salesProfileSchema,
  statusChangeSchema, trainSchema,
} from '../../../core/leads/schemas';
import * as R from '../../../core/leads/responses';
import { leadFor } from '../../../core/access/outsider-views';
import { AppError } from '../../../core/errors';
import { clientIp } from '../../http/client-ip';
import type { AppEnv } from '../../http/env';
import { idParam, json, jsonBody } from '../../http/openapi';
import { ctxOf, guard } from '../../http/route';
import * as conversion from './conversion.service';
import * as forms from './forms.service';
import * as leads from './leads.service';
import { policies as p, publicForm } from './leads.policy';
import * as merge from './merge.service';
import * as profiles from './profiles.service';
import * as scoring from './scoring.service';

const tags = ['leads'];
const formTags = ['lead forms'];
const formParam = z.object({ formId: z.uuid() });
const userParam = z.object({ userId: z.uuid() });
const activitiesQuery = z.object({ limit: listLimit, cursor: z.string().max(500).optional() }).strict();

/** Counts each post to a public form against its per-IP limit before the post is read or checked (see admitSubmission). */
const countSubmission: MiddlewareHandler<{ Variables: AppEnv['Variables'] & { formAttempt: number } }> = async (c, next) => {
  const { formId } = c.req.param() as { formId: string };
  if (!formParam.safeParse({ formId }).success) return next(); // the validator answers for a malformed id
  c.set('formAttempt', await forms.admitSubmission(c.get('deps'), formId, clientIp(c)));
  return next();
};

export function registerLeadRoutes(api: OpenAPIHono<AppEnv>) {
  api.openapi(guard(p.read, {
    method: 'get', path: '/leads', tags, summary: 'List leads (newest first)',
    description: 'Filters on status, source, owner (`none` = unassigned), priority; `q` searches company, email, last name and domain.',
    request: { query: leadListQuerySchema }, responses: { 200: json(R.leadPage, 'A page of lead summaries') },
  }), async (c) => c.json(await leads.listLeads(ctxOf(c), c.req.valid('query')) as never, 200));

  api.openapi(guard(p.read, {
    method: 'get', path: '/leads/inbox', tags, summary: 'Lead inbox: leads with a running SLA clock, least time left first',
    description: '`slaDueAt` is the due time of the clock running now (first response, then qualification).',
    request: { query: inboxQuerySchema }, responses: { 200: json(R.leadPage, 'A page of the inbox') },
  }), async (c) => c.json(await leads.inbox(ctxOf(c), c.req.valid('query')) as never, 200));

  api.openapi(guard(p.create, {
    method: 'post', path: '/leads', tags, summary: 'Capture a lead',
    description: 'Scored, SLA clocks started and assigned by the playbook rules unless `ownerId` is given. Partner users create referrals of their own partner. The response lists `possibleDuplicates`.',
    request: { body: jsonBody(leadCreateSchema) }, responses: { 201: json(R.leadSchema, 'Captured') },
  }), async (c) => c.json(leadFor(ctxOf(c).actor, await leads.createLead(ctxOf(c), c.req.valid('json'))) as never, 201));

  api.openapi(guard(p.bulk, {
    method: 'post', path: '/leads/bulk', tags, summary: 'Capture an event or webinar list (up to 5,000 rows)',
    description: 'Rows are checked one by one: good rows are inserted in one set-based transaction, bad rows are reported with their index.',
    request: { body: jsonBody(leadBulkSchema) }, responses: { 200: json(R.leadBulkResultSchema, 'Per-row result') },
  }), async (c) => c.json(await leads.bulkCapture(ctxOf(c), c.req.valid('json')) as never, 200));

  api.openapi(guard(p.modelRead, {
    method: 'get', path: '/leads/model', tags, summary: 'The conversion model: status, validation AUC, sample size, top weights',
    responses: { 200: json(R.leadModelStatusSchema, 'Model status') },
  }), async (c) => c.json(await scoring.modelStatus(ctxOf(c)) as never, 200));

  api.openapi(guard(p.modelTrain, {
    method: 'post', path: '/leads/model/train', tags, summary: 'Retrain the conversion model on the closed history',
    request: { body: jsonBody(trainSchema) }, responses: { 200: json(R.leadModelStatusSchema, 'Model status') },
  }), async (c) => c.json(await scoring.trainModel(ctxOf(c), c.req.valid('json')) as never, 200));

  api.openapi(guard(p.read, {
    method: 'get', path: '/leads/{id}', tags, summary: 'Get a lead', request: { params: idParam },
    responses: { 200: json(R.leadWithCheckSchema, 'The lead with its BANT check') },
  }), async (c) => c.json(leadFor(ctxOf(c).actor, await leads.getLead(ctxOf(c), c.req.valid('param').id)) as never, 200));

  api.openapi(guard(p.update, {
    method: 'patch', path: '/leads/{id}', tags, summary: 'Edit contact and enrichment fields',
    description: 'Send the `version` you loaded; a stale version is refused with 409. The lead is re-scored.',
    request: { params: idParam, body: jsonBody(leadUpdateSchema) }, responses: { 200: json(R.leadSchema, 'Updated') },
  }), async (c) => c.json(leadFor(ctxOf(c).actor, await leads.updateLead(ctxOf(c), c.req.valid('param').id, c.req.valid('json'))) as never, 200));

  api.openapi(guard(p.qualify, {
    method: 'put', path: '/leads/{id}/bant', tags, summary: 'Save the BANT qualification form (004 §1.2)',
    request: { params: idParam, body: jsonBody(bantUpdateSchema) }, responses: { 200: json(R.leadWithCheckSchema, 'Updated, with the new BANT check') },
  }), async (c) => c.json(await leads.updateBant(ctxOf(c), c.req.valid('param').id, c.req.valid('json')) as never, 200));

  api.openapi(guard(p.qualify, {
    method: 'post', path: '/leads/{id}/status', tags, summary: 'Move a lead: new → working → qualified | disqualified',
    description: 'Invalid transitions are refused with 409; qualifying needs the BANT criteria (422 lists the missing ones); disqualifying needs a playbook reason.',
    request: { params: idParam, body: jsonBody(statusChangeSchema) }, responses: { 200: json(R.leadSchema, 'Moved') },
  }), async (c) => c.json(await leads.changeStatus(ctxOf(c), c.req.valid('param').id, c.req.valid('json')) as never, 200));

  api.openapi(guard(p.assign, {
    method: 'post', path: '/leads/{id}/assign', tags, summary: 'Assign by the rules, or reassign to someone (with a reason)',
    request: { params: idParam, body: jsonBody(assignSchema) }, responses: { 200: json(R.leadSchema, 'Assigned') },
  }), async (c) => c.json(await leads.assignLead(ctxOf(c), c.req.valid('param').id, c.req.valid('json')) as never, 200));

  api.openapi(guard(p.read, {
    method: 'get', path: '/leads/{id}/activities', tags, summary: 'Activities of a lead (newest first)',
    request: { params: idParam, query: activitiesQuery }, responses: { 200: json(R.leadActivityPage, 'Activities') },
  }), async (c) => c.json(await leads.listActivities(ctxOf(c), c.req.valid('param').id, c.req.valid('query')) as never, 200));

  api.openapi(guard(p.activity, {
    method: 'post', path: '/leads/{id}/activities', tags, summary: 'Log a call, email, meeting, note or marketing touch',
    description: 'Our call, outbound email or meeting is the first response (stops that SLA clock); touches update the engagement counters.',
    request: { params: idParam, body: jsonBody(leadActivitySchema) }, responses: { 201: json(R.loggedLeadActivitySchema, 'Logged') },
  }), async (c) => {
    const out = await leads.logActivity(ctxOf(c), c.req.valid('param').id, c.req.valid('json'));
    return c.json({ ...out, lead: leadFor(ctxOf(c).actor, out.lead) } as never, 201);
  });

  api.openapi(guard(p.read, {
    method: 'get', path: '/leads/{id}/duplicates', tags, summary: 'Leads with the same email or company domain, and accounts with the domain',
    request: { params: idParam }, responses: { 200: json(R.leadDuplicatesSchema, 'Duplicates') },
  }), async (c) => c.json(await merge.duplicatesOf(ctxOf(c), c.req.valid('param').id) as never, 200));

  api.openapi(guard(p.merge, {
    method: 'post', path: '/leads/{id}/merge', tags, summary: 'Merge this lead into another (the survivor)',
    description: 'The survivor keeps its non-empty values, takes the rest, unions lists and sums engagement; activities move; this lead is marked merged and deleted.',
    request: { params: idParam, body: jsonBody(mergeSchema) }, responses: { 200: json(R.leadMergeResultSchema, 'Merged') },
  }), async (c) => c.json(await merge.mergeLead(ctxOf(c), c.req.valid('param').id, c.req.valid('json').intoId) as never, 200));

  api.openapi(guard(p.convert, {
    method: 'post', path: '/leads/{id}/convert', tags, summary: 'Convert a qualified lead: account + contacts + opportunity in Discovery',
    description: 'One transaction. The account with the lead\'s domain is reused; the handoff package goes on the account timeline.',
    request: { params: idParam, body: jsonBody(convertSchema) }, responses: { 200: json(R.leadConversionSchema, 'Converted') },
  }), async (c) => c.json(await conversion.convertLead(ctxOf(c), c.req.valid('param').id, c.req.valid('json')) as never, 200));

  // ---- web forms (admin side)
  api.openapi(guard(p.formsRead, {
    method: 'get', path: '/lead-forms', tags: formTags, summary: 'Public web forms with 30-day submission counts',
    responses: { 200: json(R.leadFormList, 'Forms') },
  }), async (c) => c.json(await forms.listForms(ctxOf(c)) as never, 200));

  api.openapi(guard(p.formsWrite, {
    method: 'post', path: '/lead-forms', tags: formTags, summary: 'Create a public web form',
    request: { body: jsonBody(leadFormSchema) }, responses: { 201: json(R.leadFormSchema, 'Created') },
  }), async (c) => c.json(await forms.createForm(ctxOf(c), c.req.valid('json')) as never, 201));

  api.openapi(guard(p.formsWrite, {
    method: 'patch', path: '/lead-forms/{id}', tags: formTags, summary: 'Update a web form (deactivate with active: false)',
    request: { params: idParam, body: jsonBody(leadFormUpdateSchema) }, responses: { 200: json(R.leadFormSchema, 'Updated') },
  }), async (c) => c.json(await forms.updateForm(ctxOf(c), c.req.valid('param').id, c.req.valid('json')) as never, 200));

  // ---- web forms (public side)
  api.openapi(guard(publicForm, {
    method: 'get', path: '/forms/{formId}', tags: formTags, summary: 'A form definition with a fresh token (embed with your own HTML)',
    request: { params: formParam }, responses: { 200: json(R.publicFormSchema, 'Form') },
  }), async (c) => c.json(await forms.formDefinition(c.get('deps'), c.req.valid('param').formId) as never, 200));

  api.openapi(guard(publicForm, {
    method: 'get', path: '/forms/{formId}/page', tags: formTags, summary: 'The hosted form page (HTML)',
    request: { params: formParam }, responses: { 200: { description: 'HTML page', content: { 'text/html': { schema: z.string() } } } },
  }), async (c) => c.html(await forms.formPage(c.get('deps'), c.req.valid('param').formId), 200));

  api.openapi(guard(publicForm, {
    method: 'post', path: '/forms/{formId}/submit', tags: formTags, summary: 'Submit a public web form',
    description: 'JSON or `application/x-www-form-urlencoded` with `email` (required), `firstName`, `lastName`, `companyName`, `title`, `phone`, `country`, `employees`, `message`, the `token` of the served form, and the honeypot `website` left empty. Always 202 unless a field is invalid (422: a bad email, control characters) or the network sent too many (429). Every post counts against the per-IP hourly limit, whatever its answer.',
    middleware: [countSubmission] as const,
    request: { params: formParam },
    responses: {
      202: {
        description: 'Accepted: JSON, or a thank-you page for a browser posting the hosted form (Accept: text/html)',
        content: { 'application/json': { schema: R.formSubmittedSchema }, 'text/html': { schema: z.string() } },
      },
    },
  }), async (c) => {
    const type = c.req.header('content-type') ?? '';
    let body: Record<string, unknown>;
    try {
      body = type.includes('application/json') ? await c.req.json() : Object.fromEntries(Object.entries(await c.req.parseBody()).filter(([, v]) => typeof v === 'string'));
    } catch {
      throw new AppError('bad_request', 'The body must be JSON or a URL-encoded form.');
    }
    if (!body || typeof body !== 'object' || Array.isArray(body)) throw new AppError('bad_request', 'The body must be an object.');
    const out = await forms.submitForm(c.get('deps'), c.req.valid('param').formId, body, c.get('formAttempt'));
    if (!type.includes('application/json') && (c.req.header('accept') ?? '').includes('text/html')) {
      return c.html(`<!doctype html><html lang="en"><meta charset="utf-8"><title>Thank you</title><body style="font-family:system-ui;max-width:520px;margin:40px auto"><h1>Thank you</h1><p>${out.message.replace(/[&<>"']/g, '')}</p></body></html>`, 202) as never;
    }
    return c.json(out, 202);
  });

  // ---- sales profiles (assignment)
  api.openapi(guard(p.profilesRead, {
    method: 'get', path: '/sales-profiles', tags, summary: 'Sales and SDR users with their assignment profiles and open leads',
    responses: { 200: json(R.salesProfileList, 'Profiles') },
  }), async (c) => c.json(await profiles.listProfiles(ctxOf(c)) as never, 200));

  api.openapi(guard(p.profilesWrite, {
    method: 'put', path: '/sales-profiles/{userId}', tags, summary: 'Set a user\'s territories, verticals, size tier, capacity and out-of-office',
    request: { params: userParam, body: jsonBody(salesProfileSchema) }, responses: { 200: json(R.salesProfileSchema, 'Saved') },
  }), async (c) => c.json(await profiles.putProfile(ctxOf(c), c.req.valid('param').userId, c.req.valid('json')) as never, 200));
}
