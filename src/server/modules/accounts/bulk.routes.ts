// Bulk upsert routes for integrations: accounts by domain, contacts by email within their account.
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AccessPolicy } from '../../../core/access/policies';
import { BULK_MAX, accountBulkSchema, bulkResponseSchema, contactBulkSchema } from '../../../core/accounts/bulk';
import type { AppEnv } from '../../http/env';
import { json, jsonBody } from '../../http/openapi';
import { ctxOf, guard } from '../../http/route';
import { policies as p } from './accounts.policy';
import { upsertAccounts, upsertContacts } from './bulk.service';

const tags = ['accounts'];
const both = (a: AccessPolicy, b: AccessPolicy) => (a.roles === 'any' ? b.roles : b.roles === 'any' ? a.roles : a.roles.filter((r) => (b.roles as readonly string[]).includes(r)));
/** An upsert may create or update: the roles that may do both, with the accounts:write scope. */
const accountsUpsert: AccessPolicy = { roles: both(p.create, p.update), permission: p.update.permission, rows: 'scoped' };

const ALL_OR_NOTHING = `Up to ${BULK_MAX} records per call, in one transaction, all or nothing: when any record is refused the answer is a `
  + '422 problem whose `errors` name each refused record (`records.<index>.<field>`) and nothing changes. Each record is '
  + 'created or updated exactly as by the single-record route (audit entry, events and webhooks per record). Honours '
  + '`Idempotency-Key`; counts as one request against the rate limit.';

export function registerBulkRoutes(api: OpenAPIHono<AppEnv>) {
  api.openapi(guard(accountsUpsert, {
    method: 'post', path: '/accounts/batch', tags, summary: 'Create or update accounts in bulk, matched by domain',
    description: `Each record matches the account \`id\` when sent, otherwise the live account with its \`domain\`; no match creates one. ${ALL_OR_NOTHING}`,
    request: { body: jsonBody(accountBulkSchema) },
    responses: { 200: json(bulkResponseSchema, 'What happened to each record, in the order sent') },
  }), async (c) => c.json(await upsertAccounts(ctxOf(c), c.req.valid('json')), 200));

  api.openapi(guard(p.contactsWrite, {
    method: 'post', path: '/contacts/batch', tags, summary: 'Create or update contacts in bulk, matched by email within their account',
    description: `Each record names its account (\`accountId\` or \`accountDomain\`) and matches the live contact of that account with its \`email\`; no match creates one. ${ALL_OR_NOTHING}`,
    request: { body: jsonBody(contactBulkSchema) },
    responses: { 200: json(bulkResponseSchema, 'What happened to each record, in the order sent') },
  }), async (c) => c.json(await upsertContacts(ctxOf(c), c.req.valid('json')), 200));
}
