// Capturing leads (004 Entry Criteria): one lead from the API, a list from an event or webinar, a public web
// form. One path for all: normalise, flag possible duplicates, score, start the SLA clocks, assign, insert
// set-based, write the timeline, audit and emit.
import { randomUUID } from 'node:crypto';
import { companyDomain, type Engagement, type LeadFields } from '../../../core/leads/schemas';
import { AppError } from '../../../core/errors';
import type { Playbook } from '../../../core/playbook';
import type { Tx } from '../../db/client';
import type { Ctx } from '../../http/env';
import { emit } from '../../jobs/events';
import { audit } from '../platform/audit';
import { currentPlaybook } from '../platform/playbook.service';
import { assignFrom, loadCandidates, type AssignmentExplanation } from './assignment.service';
import * as repo from './leads.repo';
import { activeModel, scoreFields } from './scoring.service';
import { slaFieldsAt, startClocks } from './sla.service';

export type CaptureRow = Partial<LeadFields> & { engagement?: Engagement; referredByAccountId?: string | null };

export interface CaptureOptions {
  source: string;
  campaign?: string | null;
  formId?: string | null;
  partnerId?: string | null;
  /** Explicit owner; otherwise the assignment rules pick (unless `assign` is false). */
  ownerId?: string | null;
  assign?: boolean;
  /** How the capture is described on each lead's timeline. */
  via: string;
  /** Up to this many leads get their SLA timers in the request; larger batches get them from a job. */
  inlineTimers?: number;
}

export interface Captured { lead: repo.LeadRow; possibleDuplicates: { id: string; match: 'email' | 'domain' }[] }

export function checkSource(playbook: Playbook, source: string, path = 'source') {
  if (!playbook.leads.sources.some((s) => s.id === source)) {
    throw new AppError('validation_failed', `Unknown lead source "${source}".`, {
      errors: [{ path, message: `must be one of ${playbook.leads.sources.map((s) => s.id).join(', ')}` }],
    });
  }
}

/** Marketing touches implied by the channel: a webinar list means each person attended the webinar. */
function impliedEngagement(source: string): Engagement {
  if (source === 'webinar') return { webinarAttended: 1 };
  if (source === 'event') return { eventAttended: 1 };
  if (source === 'content') return { contentDownloaded: 1 };
  return {};
}

export async function captureLeads(ctx: Ctx, tx: Tx, rows: CaptureRow[], opts: CaptureOptions): Promise<Captured[]> {
  const { playbook, version } = await currentPlaybook(tx);
  checkSource(playbook, opts.source);
  const model = await activeModel(tx);
  const now = new Date();
  const ids = rows.map(() => randomUUID());
  const domains = rows.map((r) => companyDomain(r));

  // Possible duplicates: earlier live leads and earlier rows of this batch with the same email or company domain.
  const emails = [...new Set(rows.map((r) => r.email).filter((e): e is string => !!e))];
  const existing = await repo.findDuplicateCandidates(tx, emails, [...new Set(domains.filter((d): d is string => !!d))]);
  const seen = existing.map((e) => ({ id: e.id, email: e.email?.toLowerCase() ?? null, domain: e.domain?.toLowerCase() ?? null, partnerId: e.partnerId }));

  const candidates = opts.ownerId || opts.assign === false ? [] : await loadCandidates(tx);
  const values: repo.NewLead[] = [];
  const explanations: (AssignmentExplanation | null)[] = [];
  const dupes: Captured['possibleDuplicates'][] = [];
  // The capture line on a partner's lead is read by that partner: it counts only that partner's leads.
  const shownDupes: Captured['possibleDuplicates'][] = [];
  rows.forEach((row, i) => {
    const domain = domains[i];
    const email = row.email?.toLowerCase() ?? null;
    const flagged: Captured['possibleDuplicates'] = [];
    const shown: Captured['possibleDuplicates'] = [];
    for (const s of seen) {
      if (flagged.length >= 10) break;
      const match = email && s.email === email ? 'email' : domain && s.domain === domain ? 'domain' : null;
      if (!match) continue;
      flagged.push({ id: s.id, match });
      if (!opts.partnerId || s.partnerId === opts.partnerId) shown.push({ id: s.id, match });
    }
    seen.push({ id: ids[i], email, domain, partnerId: opts.partnerId ?? null });
    dupes.push(flagged);
    shownDupes.push(shown);
    const implied = impliedEngagement(opts.source);
    const engagement = { ...implied, ...(row.engagement ?? {}) };
    const base = {
      techStack: [], monitoringTools: [], complianceFrameworks: [], recentInitiatives: [], bant: {},
      ...row, id: ids[i], email, domain, engagement, source: opts.source, campaign: row.campaign ?? opts.campaign ?? null,
      formId: opts.formId ?? null, partnerId: opts.partnerId ?? null, status: 'new' as const, createdAt: now, updatedAt: now,
      possibleDuplicates: flagged,
    };
    let ownerId = opts.ownerId ?? null;
    let explanation: AssignmentExplanation | null = ownerId ? { by: 'capture', text: `Owner set at capture (${opts.via}).` } : null;
    if (!ownerId && opts.assign !== false) {
      const a = assignFrom(playbook, candidates, { region: row.region ?? null, country: row.country ?? null, industry: row.industry ?? null, employees: row.employees ?? null }, now);
      ownerId = a.result.chosen?.userId ?? null;
      explanation = a.explanation;
    }
    explanations.push(explanation);
    values.push({
      ...base, ...slaFieldsAt(playbook, now), ...scoreFields(playbook, version, base as never, model),
      ownerId, assignedAt: ownerId ? now : null, assignmentExplanation: explanation,
    });
  });

  const inserted = await repo.insertLeads(tx, values);
  const actorId = ctx.actor.via === 'system' ? null : ctx.actor.id;
  await repo.insertActivities(tx, inserted.flatMap((l, i) => [
    { leadId: l.id, kind: 'system', subject: `Captured: ${opts.via}`, body: shownDupes[i].length ? `Possible duplicate of ${shownDupes[i].length} lead(s) by ${[...new Set(shownDupes[i].map((d) => d.match))].join(' and ')}.` : null, actorId, occurredAt: now },
    ...(explanations[i] ? [{ leadId: l.id, kind: 'system', subject: l.ownerId ? 'Assigned' : 'Not assigned', body: explanations[i]!.text, actorId, occurredAt: now }] : []),
  ]));

  if (inserted.length <= (opts.inlineTimers ?? 50)) {
    for (const l of inserted) await startClocks(ctx, tx, playbook, l);
  } else {
    const { bulkClocksJob } = await import('./leads.jobs');
    for (let i = 0; i < inserted.length; i += 500) {
      await ctx.deps.jobs.send(tx, bulkClocksJob, { ids: inserted.slice(i, i + 500).map((l) => l.id) });
    }
  }

  if (inserted.length === 1) {
    const l = inserted[0];
    await audit(ctx, tx, { action: 'lead.create', entityType: 'lead', entityId: l.id, after: l });
    await emit(ctx, tx, { type: 'lead.created', entityType: 'lead', entityId: l.id, payload: { lead: l, possibleDuplicates: dupes[0] } });
    if (l.ownerId) await emit(ctx, tx, { type: 'lead.assigned', entityType: 'lead', entityId: l.id, payload: { ownerId: l.ownerId, explanation: explanations[0]?.text } });
  } else if (inserted.length > 1) {
    const key = `${opts.source}:${opts.campaign ?? ''}:${now.toISOString()}`;
    await audit(ctx, tx, { action: 'lead.bulk_create', entityType: 'lead_batch', entityId: key, after: { source: opts.source, campaign: opts.campaign, count: inserted.length, ids: inserted.map((l) => l.id) } });
    await emit(ctx, tx, { type: 'leads.captured', entityType: 'lead_batch', entityId: key, payload: { source: opts.source, campaign: opts.campaign, count: inserted.length } });
  }
  return inserted.map((lead, i) => ({ lead, possibleDuplicates: dupes[i] }));
}
