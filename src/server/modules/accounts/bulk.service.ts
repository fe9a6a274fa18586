// Bulk upserts of accounts and contacts, all or nothing: the batch runs in one transaction, each record through the
// same use case as a single create or update (scope, owner checks, audit, timeline, events and webhooks per record,
// each in a savepoint). Every refused record is collected; if there is any, the transaction rolls back and the
// answer is one 422 listing them all, so an integration fixes its batch and sends it again (under the same
// Idempotency-Key if it likes). A record whose fields already hold the values sent is `unchanged`: no new version,
// no audit entry, no event — a nightly sync that re-sends everything only writes what changed.
import { rowScopeFor } from '../../../core/access/roles';
import type { AccountBulk, BulkResponse, ContactBulk } from '../../../core/accounts/bulk';
import type { AccountCreate, ContactCreate } from '../../../core/accounts/schemas';
import { AppError, type FieldError } from '../../../core/errors';
import { transaction } from '../../db/client';
import type { Ctx } from '../../http/env';
import { accountForChange, createAccount, updateAccount } from './accounts.service';
import * as repo from './bulk.repo';
import { createContact, updateContact } from './contacts.service';

type Result = BulkResponse['results'][number];

/** Whether every field sent already has that value. */
function unchanged(before: Record<string, unknown>, patch: Record<string, unknown>): boolean {
  return Object.entries(patch).every(([k, v]) => v === undefined || JSON.stringify(before[k] ?? null) === JSON.stringify(v));
}

/** A record's refusal, its paths under `records.<index>`. */
function refusal(index: number, err: unknown, field?: string): FieldError[] {
  if (!(err instanceof AppError) || err.code === 'internal') throw err;
  const at = `records.${index}`;
  if (err.extra.errors?.length) return err.extra.errors.map((e) => ({ path: e.path === '(root)' ? at : `${at}.${e.path}`, message: e.message }));
  return [{ path: field ? `${at}.${field}` : at, message: err.detail }];
}

function summarise(results: Result[], errors: FieldError[], total: number): BulkResponse {
  if (errors.length) {
    const refused = new Set(errors.map((e) => e.path.split('.')[1])).size;
    throw new AppError('validation_failed', `${refused} of ${total} records were refused; nothing was changed.`, { errors });
  }
  const count = (o: Result['outcome']) => results.filter((r) => r.outcome === o).length;
  return { created: count('created'), updated: count('updated'), unchanged: count('unchanged'), results };
}

/** Records naming the same target twice would race each other inside one batch: the later ones are refused. */
function duplicates(keys: (string | null)[], field: (i: number) => string): FieldError[] {
  const first = new Map<string, number>();
  const errors: FieldError[] = [];
  keys.forEach((k, i) => {
    if (k === null) return;
    const j = first.get(k);
    if (j === undefined) first.set(k, i);
    else errors.push({ path: `records.${i}.${field(i)}`, message: `names the same record as records.${j}` });
  });
  return errors;
}

export async function upsertAccounts(ctx: Ctx, input: AccountBulk): Promise<BulkResponse> {
  const { records } = input;
  return transaction(ctx.deps.database, async (tx) => {
    const byDomain = await repo.accountsByDomain(tx, rowScopeFor(ctx.actor), [...new Set(records.flatMap((r) => (!r.id && r.domain ? [r.domain] : [])))]);
    const errors: FieldError[] = [];
    // What each record matches: its id, the one account with its domain, or nothing (a new account).
    const targets = records.map((r, i) => {
      if (r.id) return r.id;
      const ids = byDomain.get(r.domain!) ?? [];
      if (ids.length > 1) errors.push({ path: `records.${i}.domain`, message: `${ids.length} accounts have this domain; send the \`id\` of the one to update` });
      return ids[0] ?? null;
    });
    errors.push(...duplicates(targets, (i) => (records[i].id ? 'id' : 'domain')));
    errors.push(...duplicates(records.map((r, i) => (targets[i] === null ? r.domain ?? null : null)), () => 'domain'));
    const results: Result[] = [];
    for (const [index, r] of records.entries()) {
      if (errors.some((e) => e.path.startsWith(`records.${index}.`))) continue;
      const { id: _id, ...fields } = r;
      const target = targets[index];
      try {
        if (!target) {
          if (!fields.name) { errors.push({ path: `records.${index}.name`, message: 'required to create an account (no account has this domain)' }); continue; }
          const row = await createAccount(ctx, fields as AccountCreate);
          results.push({ index, outcome: 'created', id: row.id, version: row.version });
          continue;
        }
        const before = await accountForChange(ctx, tx, target);
        if (unchanged(before, fields)) { results.push({ index, outcome: 'unchanged', id: before.id, version: before.version }); continue; }
        const row = await updateAccount(ctx, target, { ...fields, version: before.version });
        results.push({ index, outcome: 'updated', id: row.id, version: row.version });
      } catch (err) {
        errors.push(...refusal(index, err, r.id ? 'id' : undefined));
      }
    }
    return summarise(results, errors, records.length);
  });
}

export async function upsertContacts(ctx: Ctx, input: ContactBulk): Promise<BulkResponse> {
  const { records } = input;
  return transaction(ctx.deps.database, async (tx) => {
    const domains = [...new Set(records.flatMap((r) => (!r.accountId && r.accountDomain ? [r.accountDomain] : [])))];
    const byDomain = await repo.accountsByDomain(tx, rowScopeFor(ctx.actor), domains);
    const errors: FieldError[] = [];
    const accountIds = records.map((r, i) => {
      if (r.accountId) return r.accountId;
      const ids = byDomain.get(r.accountDomain!) ?? [];
      if (ids.length !== 1) {
        errors.push({ path: `records.${i}.accountDomain`, message: ids.length ? `${ids.length} accounts have this domain; send \`accountId\`` : 'no account has this domain' });
        return null;
      }
      return ids[0];
    });
    const keys = records.map((r, i) => (accountIds[i] ? `${accountIds[i]}|${r.email.toLowerCase()}` : null));
    errors.push(...duplicates(keys, () => 'email'));
    const existing = await repo.contactsByEmail(tx, [...new Set(accountIds.filter((a): a is string => !!a))], [...new Set(records.map((r) => r.email.toLowerCase()))]);
    const results: Result[] = [];
    // Each account is loaded (and locked) once through the caller's row scope before any of its contacts is read.
    const visible = new Map<string, Promise<unknown>>();
    const see = (id: string) => { if (!visible.has(id)) visible.set(id, accountForChange(ctx, tx, id)); return visible.get(id)!; };
    for (const [index, r] of records.entries()) {
      const accountId = accountIds[index];
      if (!accountId || errors.some((e) => e.path.startsWith(`records.${index}.`))) continue;
      const { accountId: _a, accountDomain: _d, ...fields } = r;
      const matches = existing.get(keys[index]!) ?? [];
      try {
        await see(accountId);
        if (matches.length > 1) { errors.push({ path: `records.${index}.email`, message: `${matches.length} contacts of this account have this email` }); continue; }
        const [before] = matches;
        if (!before) {
          if (!fields.firstName || !fields.lastName) {
            errors.push({ path: `records.${index}.${fields.firstName ? 'lastName' : 'firstName'}`, message: 'required to create a contact (none of this account has this email)' });
            continue;
          }
          const row = await createContact(ctx, accountId, fields as ContactCreate);
          results.push({ index, outcome: 'created', id: row.id, version: row.version });
          continue;
        }
        // The email keeps the stored spelling unless the record changes more than its case.
        const patch = { ...fields, email: before.email?.toLowerCase() === fields.email.toLowerCase() ? before.email : fields.email };
        if (unchanged(before, patch)) { results.push({ index, outcome: 'unchanged', id: before.id, version: before.version }); continue; }
        const row = await updateContact(ctx, before.id, { ...patch, version: before.version });
        results.push({ index, outcome: 'updated', id: row.id, version: row.version });
      } catch (err) {
        errors.push(...refusal(index, err, r.accountId ? 'accountId' : undefined));
      }
    }
    return summarise(results, errors, records.length);
  });
}
