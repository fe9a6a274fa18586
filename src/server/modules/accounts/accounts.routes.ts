// Thin routes: policy → validate → service → JSON.
import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { isoDateTime } from '../../../core/dates';
import {
  accountCreateSchema, accountListQuerySchema, accountUpdateSchema, activityAudienceSchema, activityCreateSchema, contactCreateSchema,
  contactUpdateSchema, timelineQuerySchema,
} from '../../../core/accounts/schemas';
import { seesInternal } from '../../../core/access/audience';
import { accountFor } from '../../../core/access/outsider-views';
import type { AppEnv } from '../../http/env';
import {
  accountPageSchema, accountSchema, accountSummarySchema, activitySchema, contactSchema, reminderListSchema, reminderSetSchema, timelinePageSchema,
} from '../../../core/accounts/responses';
import { page } from '../../../core/api/shapes';
import { idParam, json, jsonBody } from '../../http/openapi';
import { ctxOf, guard } from '../../http/route';
import { policies as p } from './accounts.policy';
import * as accounts from './accounts.service';
import * as contacts from './contacts.service';
import * as timeline from './timeline.service';

const tags = ['accounts'];
const accountOut = accountSchema;
const contactOut = contactSchema;
const reminderSchema = z.object({
  at: isoDateTime,
  note: z.string().trim().min(1).max(500),
}).strict();

export function registerAccountRoutes(api: OpenAPIHono<AppEnv>) {
  api.openapi(guard(p.read, {
    method: 'get', path: '/accounts', tags, summary: 'List accounts',
    description: 'Keyset pagination (`cursor` = `nextCursor` of the previous page); search `q` matches name and domain. `total` counts '
      + 'the accounts matching the filters, up to 10,000; beyond that `total` is 10,000 and `totalExact` false.',
    request: { query: accountListQuerySchema },
    responses: { 200: json(accountPageSchema, 'A page of accounts') },
  }), async (c) => {
    const ctx = ctxOf(c);
    const doc = await accounts.listAccounts(ctx, c.req.valid('query'));
    if (seesInternal(ctx.actor)) return c.body(doc, 200, { 'content-type': 'application/json' }) as never;
    // Outsiders' pages are small (their partner's accounts, or their own): re-read to drop the internal fields.
    const page = JSON.parse(doc) as { items: object[]; nextCursor: string | null; total: number; totalExact: boolean };
    return c.json({ ...page, items: page.items.map((a) => accountFor(ctx.actor, a)) }, 200) as never;
  });

  api.openapi(guard(p.read, {
    method: 'get', path: '/accounts/summary', tags, summary: 'Accounts and ARR by lifecycle stage and segment',
    responses: { 200: json(accountSummarySchema, 'Summary') },
  }), async (c) => c.json(await accounts.summary(ctxOf(c)), 200));

  api.openapi(guard(p.create, {
    method: 'post', path: '/accounts', tags, summary: 'Create an account',
    description: 'Honours `Idempotency-Key`.',
    request: { body: jsonBody(accountCreateSchema) },
    responses: { 201: json(accountOut, 'Created') },
  }), async (c) => c.json(await accounts.createAccount(ctxOf(c), c.req.valid('json')), 201));

  api.openapi(guard(p.read, {
    method: 'get', path: '/accounts/{id}', tags, summary: 'Get an account',
    request: { params: idParam },
    responses: { 200: json(accountOut, 'The account') },
  }), async (c) => c.json(accountFor(ctxOf(c).actor, await accounts.getAccount(ctxOf(c), c.req.valid('param').id)), 200));

  api.openapi(guard(p.update, {
    method: 'patch', path: '/accounts/{id}', tags, summary: 'Update an account',
    description: 'Send the `version` you loaded; a stale version is refused with 409.',
    request: { params: idParam, body: jsonBody(accountUpdateSchema) },
    responses: { 200: json(accountOut, 'Updated') },
  }), async (c) => c.json(await accounts.updateAccount(ctxOf(c), c.req.valid('param').id, c.req.valid('json')), 200));

  api.openapi(guard(p.remove, {
    method: 'delete', path: '/accounts/{id}', tags, summary: 'Delete an account (soft; admins restore within 90 days)',
    request: { params: idParam },
    responses: { 204: { description: 'Deleted' } },
  }), async (c) => { await accounts.deleteAccount(ctxOf(c), c.req.valid('param').id); return c.body(null, 204); });

  api.openapi(guard(p.restore, {
    method: 'post', path: '/accounts/{id}/restore', tags, summary: 'Restore a deleted account',
    request: { params: idParam },
    responses: { 200: json(accountOut, 'Restored') },
  }), async (c) => c.json(await accounts.restoreAccount(ctxOf(c), c.req.valid('param').id), 200));

  api.openapi(guard(p.read, {
    method: 'get', path: '/accounts/{id}/contacts', tags, summary: 'Contacts of an account',
    request: { params: idParam },
    responses: { 200: json(page(contactOut), 'Contacts') },
  }), async (c) => c.json(await contacts.listContacts(ctxOf(c), c.req.valid('param').id), 200));

  api.openapi(guard(p.contactsWrite, {
    method: 'post', path: '/accounts/{id}/contacts', tags, summary: 'Add a contact',
    request: { params: idParam, body: jsonBody(contactCreateSchema) },
    responses: { 201: json(contactOut, 'Created') },
  }), async (c) => c.json(await contacts.createContact(ctxOf(c), c.req.valid('param').id, c.req.valid('json')), 201));

  api.openapi(guard(p.contactsWrite, {
    method: 'patch', path: '/contacts/{id}', tags, summary: 'Update a contact',
    request: { params: idParam, body: jsonBody(contactUpdateSchema) },
    responses: { 200: json(contactOut, 'Updated') },
  }), async (c) => c.json(await contacts.updateContact(ctxOf(c), c.req.valid('param').id, c.req.valid('json')), 200));

  api.openapi(guard(p.contactsWrite, {
    method: 'delete', path: '/contacts/{id}', tags, summary: 'Delete a contact',
    request: { params: idParam },
    responses: { 204: { description: 'Deleted' } },
  }), async (c) => { await contacts.deleteContact(ctxOf(c), c.req.valid('param').id); return c.body(null, 204); });

  api.openapi(guard(p.read, {
    method: 'get', path: '/accounts/{id}/timeline', tags, summary: 'The account timeline (newest first)',
    description: 'Notes, calls, meetings, emails and system events; audit entries for internal users. Partner and customer users see the entries published to them (`audience`).',
    request: { params: idParam, query: timelineQuerySchema },
    responses: { 200: json(timelinePageSchema, 'Timeline page') },
  }), async (c) => c.json(await timeline.timeline(ctxOf(c), c.req.valid('param').id, c.req.valid('query')), 200) as never);

  api.openapi(guard(p.logActivity, {
    method: 'post', path: '/accounts/{id}/activities', tags, summary: 'Log a note, call, meeting or email',
    request: { params: idParam, body: jsonBody(activityCreateSchema) },
    responses: { 201: json(activitySchema, 'Logged') },
  }), async (c) => c.json(await timeline.logActivity(ctxOf(c), c.req.valid('param').id, c.req.valid('json')), 201) as never);

  api.openapi(guard(p.publish, {
    method: 'patch', path: '/activities/{id}', tags, summary: 'Publish a timeline entry to the partner or the customer, or take it back',
    description: 'Entries are internal unless published. `partner` shows the entry to the account\'s partner users; `customer` to the customer\'s users and the partner. Send the `version` you loaded.',
    request: { params: idParam, body: jsonBody(activityAudienceSchema) },
    responses: { 200: json(activitySchema, 'Updated') },
  }), async (c) => c.json(await timeline.setActivityAudience(ctxOf(c), c.req.valid('param').id, c.req.valid('json')), 200) as never);

  api.openapi(guard(p.read, {
    method: 'get', path: '/accounts/{id}/reminders', tags, summary: 'The pending follow-up reminder of an account',
    request: { params: idParam },
    responses: { 200: json(reminderListSchema, 'Pending reminders') },
  }), async (c) => c.json(await timeline.listReminders(ctxOf(c), c.req.valid('param').id), 200));

  api.openapi(guard(p.reminders, {
    method: 'post', path: '/accounts/{id}/reminders', tags, summary: 'Set a follow-up reminder',
    description: 'At the given time a reminder entry appears on the timeline and a `reminder.due` event is emitted.',
    request: { params: idParam, body: jsonBody(reminderSchema) },
    responses: { 201: json(reminderSetSchema, 'Scheduled') },
  }), async (c) => c.json(await timeline.setReminder(ctxOf(c), c.req.valid('param').id, c.req.valid('json')), 201));
}
