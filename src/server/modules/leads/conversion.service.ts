// Conversion (004 Handoff; 000 §1 stage 2 → 3): a qualified lead becomes an account (or joins the account that
// already has its domain), contacts and an opportunity in Discovery, with the handoff package on the account
// timeline — all in one transaction, so a failure anywhere leaves nothing behind.
import { and, eq, isNull, sql } from 'drizzle-orm';
import { AppError, notFound } from '../../../core/errors';
import { OWNER_ROLES } from '../../../core/access/owners';
import { rowScopeFor } from '../../../core/access/roles';
import { hydrateExplanation, pointLabel } from '../../../core/leads/scoring';
import { formatInstant } from '../../../core/calendar/format';
import { companyDomain, convertedOpportunityName, type Bant, type ConvertInput } from '../../../core/leads/schemas';
import { bantCheck } from '../../../core/leads/transitions';
import type { Playbook } from '../../../core/playbook';
import { transaction } from '../../db/client';
import { accounts, contacts } from '../../db/schema';
import type { Ctx } from '../../http/env';
import { assertRefsInScope } from '../../http/scope-refs';
import { emit } from '../../jobs/events';
import { findAccount, insertAccount } from '../accounts/accounts.repo';
import { insertContact } from '../accounts/contacts.repo';
import { insertActivity } from '../accounts/timeline.repo';
import { logSystemActivity } from '../accounts/timeline.service';
import { audit } from '../platform/audit';
import { currentPlaybook } from '../platform/playbook.service';
import { openOpportunity } from '../pipeline/opportunities.service';
import * as repo from './leads.repo';
import { leadForChange } from './leads.service';
import { presentLead } from './scoring.service';
import { stopClock } from './sla.service';

const personName = (l: repo.LeadRow) => [l.firstName, l.lastName].filter(Boolean).join(' ') || l.email || 'the prospect';

/** The handoff package text (004 Handoff to Next Stage and Deliverables). */
export function handoffPackage(playbook: Playbook, lead: repo.LeadRow, input: ConvertInput): string {
  const bant = (lead.bant ?? {}) as Partial<Bant>;
  const check = bantCheck(playbook.leads, bant);
  const answers = (bant.answers ?? {}) as Record<string, string>;
  const form = playbook.leads.bant.criteria.map((c) => {
    const met = check.met.includes(c.id) ? 'met' : 'not met';
    const qa = c.questions.map((q, i) => `    Q: ${q}\n    A: ${answers[`${c.id}.${i}`]?.trim() || '—'}`).join('\n');
    return `  ${c.letter} ${c.label} (${met}): ${c.criterion}\n${qa}`;
  }).join('\n');
  const list = (xs: string[]) => (xs.length ? xs.join(', ') : '—');
  const explanation = hydrateExplanation(playbook.leads.scoring, lead.scoreExplanation).map((p) => pointLabel(p)).join('; ');
  return [
    `Qualification form (BANT ${check.met.length}/4, timeline ${bant.timelineMonths ?? '—'} months):`, form,
    '', `Contact: ${personName(lead)}${lead.title ? `, ${lead.title}` : ''} <${lead.email ?? 'no email'}>${lead.phone ? `, ${lead.phone}` : ''}`,
    ...(input.contacts ?? []).map((c) => `Contact: ${c.firstName} ${c.lastName}${c.title ? `, ${c.title}` : ''}${c.email ? ` <${c.email}>` : ''}`),
    '', `Initial requirements:\n${input.requirements}`,
    '', `Discovery meeting: ${formatInstant(new Date(input.meeting.at), playbook.calendar.timeZone)}${input.meeting.attendees ? ` with ${input.meeting.attendees}` : ''}${input.meeting.agenda ? `\nAgenda: ${input.meeting.agenda}` : ''}`,
    '', `Company profile: ${lead.companyName ?? '—'} (${lead.domain ?? 'no domain'}), ${lead.industry ?? 'industry unknown'}, ${lead.employees ?? '?'} employees, ${lead.servers ?? '?'} servers, ${lead.cloudResources ?? '?'} cloud resources, ${lead.networkDevices ?? '?'} network devices`,
    `Stack: ${list(lead.techStack)}; monitoring: ${list(lead.monitoringTools)}; compliance: ${list(lead.complianceFrameworks)}; initiatives: ${list(lead.recentInitiatives)}`,
    `Score ${lead.score} (fit ${lead.fitScore}, engagement ${lead.engagementScore}): ${explanation || 'no rule matched'}`,
    '', `Background research/notes:\n${[input.researchNotes, lead.notes].filter(Boolean).join('\n\n') || '—'}`,
  ].join('\n');
}

export async function convertLead(ctx: Ctx, id: string, input: ConvertInput) {
  return transaction(ctx.deps.database, async (tx) => {
    const lead = await leadForChange(ctx, tx, id, input.version);
    if (lead.status !== 'qualified') {
      throw new AppError('conflict', `Only a qualified lead can be converted; this one is ${lead.status}.`, { leadStatus: lead.status });
    }
    await assertRefsInScope(ctx, tx, { users: [{ ids: { ownerId: input.ownerId }, roles: OWNER_ROLES.seller }] });
    const { playbook } = await currentPlaybook(tx);
    const actorId = ctx.actor.via === 'system' ? null : ctx.actor.id;
    // The account executive receiving the handoff: the one named, else the converting AE, else the lead's owner.
    const ownerId = input.ownerId ?? (ctx.actor.role === 'sales' ? ctx.actor.id : lead.ownerId);

    // The account: the one named, else the live account with the lead's company domain, else a new one.
    const domain = companyDomain(lead);
    let account = input.accountId ? await findAccount(tx, rowScopeFor(ctx.actor), input.accountId, { lock: true }) : null;
    if (input.accountId && !account) throw notFound('Account');
    if (!account && domain) {
      const [match] = await tx.select().from(accounts).where(and(isNull(accounts.deletedAt), sql`lower(${accounts.domain}) = ${domain}`)).limit(1);
      account = match ?? null;
    }
    const accountCreated = !account;
    if (!account) {
      account = await insertAccount(tx, {
        name: lead.companyName || domain || personName(lead), domain, industry: lead.industry, employees: lead.employees,
        country: lead.country, region: lead.region as typeof accounts.$inferInsert['region'], aeId: ownerId, partnerId: lead.partnerId,
        techStack: [...new Set([...lead.techStack, ...lead.monitoringTools])], servers: lead.servers ?? 0,
        cloudResources: lead.cloudResources ?? 0, networkDevices: lead.networkDevices ?? 0,
        complianceFrameworks: lead.complianceFrameworks, lifecycleStage: 'prospect', currency: playbook.currency,
      });
      await audit(ctx, tx, { action: 'account.create', entityType: 'account', entityId: account.id, accountId: account.id, after: account });
      await logSystemActivity(ctx, tx, account.id, 'Account created from a lead', `${account.name} came in as a ${lead.source} lead.`, { type: 'lead', id: lead.id });
      await emit(ctx, tx, { type: 'account.created', entityType: 'account', entityId: account.id, accountId: account.id, payload: { account, leadId: lead.id } });
    }

    // Contacts: the lead's person (unless the account already has that email) and anyone else met.
    const people = [
      { firstName: lead.firstName || lead.email?.split('@')[0] || 'Unknown', lastName: lead.lastName || lead.companyName || '—', email: lead.email, title: lead.title, phone: lead.phone, lead: true },
      ...(input.contacts ?? []).map((c) => ({ ...c, email: c.email ?? null, title: c.title ?? null, phone: null, lead: false })),
    ];
    const contactIds: string[] = [];
    let leadContactId: string | null = null;
    for (const p of people) {
      const [existing] = p.email
        ? await tx.select({ id: contacts.id }).from(contacts).where(and(eq(contacts.accountId, account.id), isNull(contacts.deletedAt), sql`lower(${contacts.email}) = ${p.email.toLowerCase()}`)).limit(1)
        : [];
      const contactId = existing?.id ?? (await insertContact(tx, {
        accountId: account.id, firstName: p.firstName, lastName: p.lastName, email: p.email, title: p.title, phone: p.phone,
        roles: p.lead && (lead.bant as Partial<Bant>).authority ? ['influencer'] : [], isPrimary: accountCreated && p.lead,
      })).id;
      if (!existing) {
        contactIds.push(contactId);
        await audit(ctx, tx, { action: 'contact.create', entityType: 'contact', entityId: contactId, accountId: account.id, after: { ...p, accountId: account.id } });
      }
      if (p.lead) leadContactId = contactId;
    }

    const opportunity = await openOpportunity(ctx, tx, {
      accountId: account.id, name: input.opportunityName ?? convertedOpportunityName(account.name),
      amount: input.amount, closeDate: input.closeDate ?? null, ownerId, partnerId: lead.partnerId, leadId: lead.id, source: lead.source,
    });

    await logSystemActivity(ctx, tx, account.id, `Handoff package: ${personName(lead)} (qualified lead)`, handoffPackage(playbook, lead, input), { type: 'lead', id: lead.id });
    await insertActivity(tx, {
      accountId: account.id, kind: 'meeting', subject: 'Discovery meeting (scheduled at qualification)',
      body: [input.meeting.attendees && `Attendees: ${input.meeting.attendees}`, input.meeting.agenda && `Agenda: ${input.meeting.agenda}`].filter(Boolean).join('\n') || null,
      occurredAt: new Date(input.meeting.at), actorId, contactId: leadContactId, entityType: 'opportunity', entityId: opportunity.id,
    });

    const after = await repo.updateLead(tx, lead.id, lead.version, {
      status: 'converted', convertedAt: new Date(), convertedAccountId: account.id, convertedContactId: leadContactId,
      convertedOpportunityId: opportunity.id, slaDueAt: null,
    });
    if (!after) throw new AppError('version_conflict', 'The lead changed while converting. Reload and try again.');
    await stopClock(tx, lead.id, 'first_response');
    await stopClock(tx, lead.id, 'qualification');
    await repo.insertActivities(tx, [{ leadId: lead.id, kind: 'system', subject: 'Converted', body: `Account ${account.name}${accountCreated ? ' (new)' : ' (existing)'}, opportunity ${opportunity.name}.`, actorId }]);
    await audit(ctx, tx, { action: 'lead.convert', entityType: 'lead', entityId: lead.id, accountId: account.id, before: { status: lead.status }, after: { status: 'converted', convertedAccountId: account.id, convertedOpportunityId: opportunity.id } });
    const result = { lead: presentLead(playbook, after), accountId: account.id, accountCreated, contactIds, opportunityId: opportunity.id };
    await emit(ctx, tx, { type: 'lead.converted', entityType: 'lead', entityId: lead.id, accountId: account.id, payload: { leadId: lead.id, accountId: account.id, accountCreated, contactIds, opportunityId: opportunity.id } });
    return result;
  });
}
