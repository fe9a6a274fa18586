// Public web forms: admins define them; prospects submit without an account. Spam is kept out by a honeypot
// field, a minimum fill time (the served form carries a signed timestamp) and a per-IP hourly rate limit on every
// post, counted in the database. The answer never says whether the person was already known.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { and, desc, eq, gte, isNull, ne, sql } from 'drizzle-orm';
import { OWNER_ROLES } from '../../../core/access/owners';
import { AppError, issuePath, notFound } from '../../../core/errors';
import { formSubmissionSchema, type LeadFormInput } from '../../../core/leads/schemas';
import { transaction, type Executor } from '../../db/client';
import { leadFormSubmissions, leadForms } from '../../db/schema';
import type { Ctx, Deps } from '../../http/env';
import { systemCtx } from '../../http/env';
import { assertRefsInScope } from '../../http/scope-refs';
import { emit } from '../../jobs/events';
import { audit } from '../platform/audit';
import { currentPlaybook } from '../platform/playbook.service';
import { captureLeads, checkSource } from './capture.service';

type FormRow = typeof leadForms.$inferSelect;
const publicView = ({ secret: _secret, ...f }: FormRow) => f;

export async function listForms(ctx: Ctx) {
  const db = ctx.deps.database.db;
  const rows = await db.select().from(leadForms).where(isNull(leadForms.deletedAt)).orderBy(desc(leadForms.createdAt));
  const stats = await db.select({ formId: leadFormSubmissions.formId, outcome: leadFormSubmissions.outcome, n: sql<number>`count(*)::int` })
    .from(leadFormSubmissions).where(gte(leadFormSubmissions.createdAt, new Date(Date.now() - 30 * 86400_000)))
    .groupBy(leadFormSubmissions.formId, leadFormSubmissions.outcome);
  return {
    items: rows.map((f) => ({
      ...publicView(f),
      submissions30d: Object.fromEntries(stats.filter((s) => s.formId === f.id).map((s) => [s.outcome, Number(s.n)])),
    })),
    nextCursor: null,
  };
}

export async function createForm(ctx: Ctx, input: LeadFormInput) {
  return transaction(ctx.deps.database, async (tx) => {
    const { playbook } = await currentPlaybook(tx);
    checkSource(playbook, input.source);
    await assertRefsInScope(ctx, tx, { users: [{ ids: { defaultOwnerId: input.defaultOwnerId }, roles: OWNER_ROLES.seller }] });
    const [row] = await tx.insert(leadForms).values({ ...input, campaign: input.campaign ?? null, defaultOwnerId: input.defaultOwnerId ?? null, successMessage: input.successMessage ?? null }).returning();
    await audit(ctx, tx, { action: 'lead_form.create', entityType: 'lead_form', entityId: row.id, after: publicView(row) });
    return publicView(row);
  });
}

export async function updateForm(ctx: Ctx, id: string, input: Partial<LeadFormInput> & { version: number }) {
  const { version, ...patch } = input;
  return transaction(ctx.deps.database, async (tx) => {
    const [before] = await tx.select().from(leadForms).where(and(eq(leadForms.id, id), isNull(leadForms.deletedAt))).for('update');
    if (!before) throw notFound('Form');
    if (before.version !== version) throw new AppError('version_conflict', `The form changed since you loaded it (version ${before.version}).`, { currentVersion: before.version });
    if (patch.source) checkSource((await currentPlaybook(tx)).playbook, patch.source);
    await assertRefsInScope(ctx, tx, { users: [{ ids: { defaultOwnerId: patch.defaultOwnerId }, roles: OWNER_ROLES.seller }] });
    const next = { ...before, ...patch };
    if (next.ownerRule === 'fixed' && !next.defaultOwnerId) {
      throw new AppError('validation_failed', 'A fixed owner rule needs defaultOwnerId.', { errors: [{ path: 'defaultOwnerId', message: 'required for a fixed owner' }] });
    }
    const [row] = await tx.update(leadForms).set({ ...patch, version: before.version + 1, updatedAt: new Date() }).where(eq(leadForms.id, id)).returning();
    await audit(ctx, tx, { action: 'lead_form.update', entityType: 'lead_form', entityId: id, before: publicView(before), after: publicView(row) });
    return publicView(row);
  });
}

// ---------------------------------------------------------------- public side

async function activeForm(db: Executor, id: string) {
  const [form] = await db.select().from(leadForms).where(and(eq(leadForms.id, id), isNull(leadForms.deletedAt), eq(leadForms.active, true)));
  if (!form) throw notFound('Form');
  return form;
}

/** `<issued ms>.<hmac>`: proves when the form was served, so a submission faster than a person is refused. */
export function formToken(secret: string, formId: string, issuedAt: number): string {
  return `${issuedAt}.${createHmac('sha256', secret).update(`${formId}.${issuedAt}`).digest('base64url').slice(0, 32)}`;
}

function tokenIssuedAt(secret: string, formId: string, token: string | undefined): number | null {
  const [ms] = (token ?? '').split('.');
  const issued = Number(ms);
  if (!token || !Number.isSafeInteger(issued)) return null;
  const want = Buffer.from(formToken(secret, formId, issued));
  const got = Buffer.from(token);
  return want.length === got.length && timingSafeEqual(want, got) ? issued : null;
}

export async function formDefinition(deps: Deps, id: string) {
  const form = await activeForm(deps.database.db, id);
  return {
    id: form.id, name: form.name, submitUrl: `/api/forms/${form.id}/submit`, token: formToken(form.secret, form.id, Date.now()),
    honeypotField: 'website',
    fields: ['firstName', 'lastName', 'email', 'phone', 'title', 'companyName', 'country', 'employees', 'message'],
  };
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A hosted form page: plain HTML posting to the submit endpoint, no script (fits the strict CSP). */
export async function formPage(deps: Deps, id: string): Promise<string> {
  const def = await formDefinition(deps, id);
  const input = (name: string, label: string, type = 'text', required = false) =>
    `<label>${label}${required ? ' *' : ''}<input name="${name}" type="${type}"${required ? ' required' : ''}></label>`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>${esc(def.name)}</title><style>body{font-family:system-ui,sans-serif;max-width:520px;margin:40px auto;padding:0 16px}
label{display:block;margin:12px 0;font-size:14px}input,textarea{display:block;width:100%;padding:8px;margin-top:4px;box-sizing:border-box}
.hp{position:absolute;left:-9999px}button{padding:10px 18px;margin-top:8px}</style></head><body>
<h1>${esc(def.name)}</h1><form method="post" action="${def.submitUrl}">
<input type="hidden" name="token" value="${esc(def.token)}">
${input('firstName', 'First name')}${input('lastName', 'Last name')}${input('email', 'Work email', 'email', true)}
${input('companyName', 'Company')}${input('title', 'Job title')}${input('phone', 'Phone', 'tel')}
${input('employees', 'Employees', 'number')}
<label>How can we help?<textarea name="message" rows="4"></textarea></label>
<div class="hp" aria-hidden="true"><label>Website<input name="website" tabindex="-1" autocomplete="off"></label></div>
<button type="submit">Send</button></form></body></html>`;
}

export type SubmitOutcome = 'accepted' | 'honeypot' | 'too_fast' | 'bad_token' | 'rate_limited' | 'invalid';

/**
 * Counts a post against the per-IP hourly limit before anything in it is read, so refused and failing posts use up
 * the allowance as well as accepted ones. Count and insert run under the address's advisory lock in a transaction of
 * their own, committed before the post is looked at: concurrent posts cannot all see room, and no later error can
 * roll the count back. Returns the attempt's row for submitForm to settle; 404 for an unknown form, 429 over the limit.
 */
export async function admitSubmission(deps: Deps, id: string, ip: string): Promise<number> {
  const ipHash = createHash('sha256').update(`lead-form-ip:${ip}`).digest('hex');
  const attempt = await transaction(deps.database, async (tx) => {
    const form = await activeForm(tx, id);
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${ipHash}))`);
    const [{ n }] = await tx.select({ n: sql<number>`count(*)::int` }).from(leadFormSubmissions).where(and(
      eq(leadFormSubmissions.ipHash, ipHash), ne(leadFormSubmissions.outcome, 'rate_limited'),
      gte(leadFormSubmissions.createdAt, new Date(Date.now() - 3600_000)),
    ));
    const limited = Number(n) >= form.rateLimitPerHour;
    // 'invalid' until submitForm records the verdict: a post refused before it (control characters) or failing stays so.
    const [row] = await tx.insert(leadFormSubmissions).values({ formId: id, ipHash, outcome: limited ? 'rate_limited' : 'invalid' })
      .returning({ id: leadFormSubmissions.id });
    return limited ? null : row.id;
  });
  if (attempt === null) throw new AppError('rate_limited', 'Too many submissions from your network. Please try again later.', { retryAfterSeconds: 3600 });
  return attempt;
}

/** Handles a post admitted by admitSubmission: 422 for a bad email, otherwise the same answer whatever happened. */
export async function submitForm(deps: Deps, id: string, body: Record<string, unknown>, attemptId: number) {
  const ctx = systemCtx(deps, `form:${id}`);
  const outcome = await transaction(deps.database, async (tx) => {
    const form = await activeForm(tx, id);
    const record = async (o: SubmitOutcome, leadId: string | null = null) => {
      await tx.update(leadFormSubmissions).set({ outcome: o, leadId }).where(eq(leadFormSubmissions.id, attemptId));
      return { outcome: o, form };
    };
    const parsed = formSubmissionSchema.safeParse(body);
    if (!parsed.success) return { ...(await record('invalid')), issues: parsed.error.issues };
    const s = parsed.data;
    if (s.website && s.website.trim()) return record('honeypot');
    const issued = tokenIssuedAt(form.secret, form.id, s.token);
    if (issued === null || Date.now() - issued > 86400_000) return record('bad_token');
    if (Date.now() - issued < form.minFillSeconds * 1000) return record('too_fast');
    const [c] = await captureLeads(ctx, tx, [{
      firstName: s.firstName ?? null, lastName: s.lastName ?? null, email: s.email, phone: s.phone ?? null, title: s.title ?? null,
      companyName: s.companyName ?? null, country: s.country ?? null, employees: s.employees ?? null, notes: s.message ?? null,
    }], {
      source: form.source, campaign: form.campaign, formId: form.id, via: `web form "${form.name}"`,
      ownerId: form.ownerRule === 'fixed' ? form.defaultOwnerId : null,
    });
    await emit(ctx, tx, { type: 'lead_form.submitted', entityType: 'lead_form', entityId: form.id, payload: { leadId: c.lead.id } });
    return record('accepted', c.lead.id);
  });
  if (outcome.outcome === 'invalid' && 'issues' in outcome) {
    throw new AppError('validation_failed', 'Please check the highlighted fields.', {
      errors: (outcome.issues as { path: PropertyKey[]; message: string }[]).map((i) => ({ path: issuePath(i.path), message: i.message })),
    });
  }
  // Spam and real submissions get the same answer, so bots learn nothing; duplicates are never revealed.
  return { status: 'accepted' as const, message: outcome.form.successMessage ?? 'Thank you. We will be in touch within one business day.' };
}
