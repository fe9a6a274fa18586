// Duplicates (same email or company domain) and merging two leads into one.
import { and, isNull, sql } from 'drizzle-orm';
import { rowScopeFor } from '../../../core/access/roles';
import { AppError, notFound } from '../../../core/errors';
import { mergedFields, type MergeableLead } from '../../../core/leads/merge';
import { companyDomain } from '../../../core/leads/schemas';
import { transaction } from '../../db/client';
import { accounts } from '../../db/schema';
import type { Ctx } from '../../http/env';
import { emit } from '../../jobs/events';
import { audit } from '../platform/audit';
import { currentPlaybook } from '../platform/playbook.service';
import * as repo from './leads.repo';
import { leadForChange } from './leads.service';
import { activeModel, presentLead, scoreFields } from './scoring.service';
import { slaDueOf, stopClock } from './sla.service';

export async function duplicatesOf(ctx: Ctx, id: string) {
  const db = ctx.deps.database.db;
  const scope = rowScopeFor(ctx.actor);
  const lead = await repo.findLead(db, scope, id);
  if (!lead) throw notFound('Lead');
  const email = lead.email?.toLowerCase() ?? null;
  const domain = companyDomain(lead);
  const found = await repo.findDuplicateCandidates(db, email ? [email] : [], domain ? [domain] : [], [id]);
  const visible = scope.kind === 'partner' ? found.filter((f) => f.partnerId === scope.partnerId) : found;
  const leads = visible.slice(0, 50).map((f) => ({ ...f, match: email && f.email?.toLowerCase() === email ? 'email' : 'domain' }));
  const matchingAccounts = domain && scope.kind === 'all'
    ? await db.select({ id: accounts.id, name: accounts.name, domain: accounts.domain, lifecycleStage: accounts.lifecycleStage })
      .from(accounts).where(and(isNull(accounts.deletedAt), sql`lower(${accounts.domain}) = ${domain}`)).limit(10)
    : [];
  return { items: leads, accounts: matchingAccounts };
}

/** Merges lead `id` (the duplicate) into `intoId` (the survivor). */
export async function mergeLead(ctx: Ctx, id: string, intoId: string) {
  if (id === intoId) throw new AppError('validation_failed', 'A lead cannot be merged into itself.', { errors: [{ path: 'intoId', message: 'must be another lead' }] });
  return transaction(ctx.deps.database, async (tx) => {
    // Lock in a fixed order so two opposite merges cannot deadlock.
    const [first, second] = [id, intoId].sort();
    const a = await leadForChange(ctx, tx, first);
    const b = await leadForChange(ctx, tx, second);
    const loser = a.id === id ? a : b;
    const survivor = a.id === id ? b : a;
    if (loser.status === 'converted') throw new AppError('conflict', 'A converted lead cannot be merged away; merge the other lead into it instead.');
    const patch = mergedFields(survivor as unknown as MergeableLead, loser as unknown as MergeableLead);
    const { playbook, version } = await currentPlaybook(tx);
    const merged = { ...survivor, ...patch } as repo.LeadRow;
    merged.possibleDuplicates = ((survivor.possibleDuplicates ?? []) as { id: string }[]).filter((d) => d.id !== loser.id);
    const after = await repo.updateLead(tx, survivor.id, survivor.version, {
      ...patch, possibleDuplicates: merged.possibleDuplicates, ...scoreFields(playbook, version, merged, await activeModel(tx)),
      slaDueAt: slaDueOf(merged),
    });
    if (!after) throw new AppError('version_conflict', 'The lead changed while merging. Reload and try again.');
    const moved = await repo.moveActivities(tx, loser.id, survivor.id);
    await repo.updateLead(tx, loser.id, loser.version, { mergedIntoId: survivor.id, deletedAt: new Date(), slaDueAt: null });
    await stopClock(tx, loser.id, 'first_response');
    await stopClock(tx, loser.id, 'qualification');
    const name = (l: repo.LeadRow) => [l.firstName, l.lastName].filter(Boolean).join(' ') || l.email || l.companyName || l.id;
    await repo.insertActivities(tx, [{
      leadId: survivor.id, kind: 'system', subject: `Merged duplicate: ${name(loser)}`,
      body: `Took ${Object.keys(patch).join(', ') || 'no fields'}; moved ${moved} activities.`, actorId: ctx.actor.via === 'system' ? null : ctx.actor.id,
    }]);
    await audit(ctx, tx, { action: 'lead.merge', entityType: 'lead', entityId: survivor.id, before: survivor, after });
    await audit(ctx, tx, { action: 'lead.merged_away', entityType: 'lead', entityId: loser.id, before: { mergedIntoId: null, deletedAt: null }, after: { mergedIntoId: survivor.id } });
    await emit(ctx, tx, { type: 'lead.merged', entityType: 'lead', entityId: survivor.id, payload: { survivorId: survivor.id, mergedId: loser.id, fields: Object.keys(patch), activitiesMoved: moved } });
    return { lead: presentLead(playbook, after), mergedId: loser.id, fields: Object.keys(patch), activitiesMoved: moved };
  });
}
