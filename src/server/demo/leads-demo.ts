// Demo data of the leads stream, loaded after accounts, contacts and users (see demo.ts): sales profiles, two web
// forms and ~400 leads (× scale) across every status and source, scored, assigned with explanations, with BANT
// answers, SLA clocks (some breached and escalated), partner and customer referrals. Set-based inserts.
// Running SLA clocks get their next step as a pending timer row; the caller queues them once the job queue is up.
import { randomUUID } from 'node:crypto';
import { formatInstant } from '../../core/calendar/format';
import { rankCandidates, type Candidate } from '../../core/leads/assignment';
import type { LeadStatus } from '../../core/leads/schemas';
import { compactExplanation, scoreLead } from '../../core/leads/scoring';
import { slaDueTimes, slaSteps, roleLabel, type SlaClock } from '../../core/leads/sla';
import type { Database } from '../db/client';
import { inArray } from 'drizzle-orm';
import { leadActivities, leadForms, leadScores, leads, salesProfiles, timers, users } from '../db/schema';
import { insertRows } from './bulk';
import { currentPlaybook } from '../modules/platform/playbook.service';
import type { DemoContext } from './context';
import * as W from './words';

type NewLead = typeof leads.$inferInsert;
const MAX_SCALE = 6; // 2,400 leads
const LEAD = {
  id: 'uuid', source: 'text', status: 'text', firstName: 'text', lastName: 'text', email: 'text', phone: 'text', title: 'text', companyName: 'text', domain: 'text',
  country: 'text', region: 'text', industry: 'text', employees: 'int', techStack: 'text[]', monitoringTools: 'text[]', servers: 'int', cloudResources: 'int',
  networkDevices: 'int', complianceFrameworks: 'text[]', recentInitiatives: 'text[]', hasCmdb: 'bool', cmdbAccuracyPercent: 'int', bant: 'jsonb', engagement: 'jsonb',
  ownerId: 'uuid', assignedAt: 'timestamptz', assignmentExplanation: 'jsonb', firstResponseDueAt: 'timestamptz', firstResponseTargetAt: 'timestamptz',
  slaDueAt: 'timestamptz', firstRespondedAt: 'timestamptz', qualificationDueAt: 'timestamptz', qualifiedAt: 'timestamptz', slaBreachedAt: 'timestamptz',
  escalationLevel: 'int', disqualificationReason: 'text', convertedAt: 'timestamptz', convertedAccountId: 'uuid', partnerId: 'uuid', referredByAccountId: 'uuid',
  campaign: 'text', createdAt: 'timestamptz', updatedAt: 'timestamptz',
} as const;
const STATUS_WEIGHTS: [LeadStatus, number][] = [['new', 28], ['working', 30], ['qualified', 14], ['disqualified', 20], ['converted', 8]];
const SOURCE_WEIGHTS: [string, number][] = [
  ['website', 20], ['email', 6], ['phone', 4], ['content', 10], ['seo_sem', 6], ['webinar', 14], ['event', 10],
  ['partner_referral', 10], ['customer_referral', 6], ['outbound', 14],
];
// BANT answers that say what the lead's flags say: `yes`/`no` per criterion (timeline by its months), the rest
// neutral. A lead without a budget does not answer "budget approved".
const ANSWERS: Record<string, { yes: string[]; no: string[] }> = {
  'budget.0': { yes: ['Yes, IT ops budget approved for FY', 'Budget tied to the audit remediation programme'], no: ['No budget this year', 'Budget frozen until the reorganisation settles'] },
  'authority.0': { yes: ['CIO signs off; head of IT ops evaluates', 'Procurement plus the ServiceNow platform owner'], no: ['We collect options; group IT abroad decides', 'Our architect is curious, nobody above has asked for it'] },
  'need.0': { yes: ['No reliable view of cloud and on-prem assets', 'Shadow IT after two acquisitions', 'Asset data lives in five spreadsheets'], no: ['Our discovery tool covers us well', 'Asset data is fine since last year\'s clean-up'] },
  'need.1': { yes: ['ServiceNow CMDB, maybe 60 % accurate', 'No CMDB yet', 'CMDB exists but nobody trusts it'], no: ['ServiceNow CMDB, audited last quarter', 'CMDB is accurate enough for us'] },
  'need.2': { yes: ['ISO 27001 and NIS2', 'SOX and SOC 2', 'DORA from January'], no: ['ISO 27001, audit passed without findings', 'No audit pressure right now'] },
  'timeline.0': { yes: ['This quarter', 'Before the next audit in 6 months', 'Within the year, after the budget cycle'], no: ['Next fiscal year at the earliest', 'Not before the platform migration ends in two years'] },
};
/** Why a lead is disqualified, by the BANT criterion it misses (004 §1.2): the reason and the answers agree. */
const REASONS_OF: Record<string, string[]> = {
  budget: ['no_budget'], authority: ['no_authority'], need: ['no_need', 'existing_tools'], timeline: ['timeline_beyond_12_months', 'no_capacity'],
};

export async function loadLeadsDemo(database: Database, ctx: DemoContext): Promise<number> {
  const db = database.db;
  const { playbook, version } = await currentPlaybook(db);
  const { rng: r, now } = ctx;
  const sellers = [...ctx.usersByRole.sdr, ...ctx.usersByRole.sales];
  if (!sellers.length) return 0;
  const regions = ['EMEA', 'EMEA', 'NA', 'APAC', 'LATAM'];
  const verticals = [...new Set(Object.values(W.INDUSTRY_OF))];
  const tiers = playbook.leads.assignment.accountSizeTiers.map((t) => t.id);
  const profiles = sellers.map((userId, i) => ({
    userId, territories: [regions[i % regions.length], ...(i % 3 === 0 ? [regions[(i + 2) % regions.length]] : [])],
    verticals: r.some(verticals, 3), sizeTier: tiers[i % tiers.length], capacity: 40 + 10 * (i % 3),
    outOfOfficeUntil: i === 1 ? new Date(now.getTime() + 5 * 86400_000) : null,
  }));
  await db.insert(salesProfiles).values(profiles);
  await db.insert(leadForms).values([
    { name: 'Website: talk to sales', source: 'website', campaign: 'Website', ownerRule: 'auto' },
    { name: 'Webinar: CMDB accuracy in 30 days', source: 'webinar', campaign: 'CMDB accuracy webinar', ownerRule: 'auto', minFillSeconds: 2 },
  ]);

  const names = new Map((await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, sellers))).map((u) => [u.id, u.name]));
  const candidates: Candidate[] = profiles.map((p) => ({ ...p, name: names.get(p.userId)!, openLeads: 0 }));
  const pickWeighted = <T>(xs: [T, number][]) => {
    const total = xs.reduce((s, [, w]) => s + w, 0);
    let x = r.next() * total;
    for (const [v, w] of xs) { x -= w; if (x < 0) return v; }
    return xs[0][0];
  };
  // The reason a disqualified lead carries is named after a criterion it misses (of the playbook's reasons).
  const reasonIds = new Set(playbook.leads.disqualificationReasons.map((x) => x.id));
  const reasonFor = (criterion: string, i: number) => {
    const options = REASONS_OF[criterion].filter((id) => reasonIds.has(id));
    return options.length ? options[i % options.length] : playbook.leads.disqualificationReasons[0].id;
  };
  const prospects = ctx.accounts.filter((a) => a.lifecycleStage === 'prospect');
  const customers = ctx.accounts.filter((a) => a.lifecycleStage !== 'prospect' && a.lifecycleStage !== 'churned');
  // Benchmark datasets carry a bounded number (each lead runs the business-hours SLA clock; the leads benchmark
  // generates its own million).
  const n = Math.max(40, Math.round(400 * Math.min(ctx.scale, MAX_SCALE)));
  const rows: NewLead[] = [];
  const scores: (typeof leadScores.$inferInsert)[] = [];
  const acts: (typeof leadActivities.$inferInsert)[] = [];
  const timerRows: (typeof timers.$inferInsert)[] = [];
  for (let i = 0; i < n; i++) {
    // Every status and source appears even in a small dataset.
    const status = i < STATUS_WEIGHTS.length ? STATUS_WEIGHTS[i][0] : pickWeighted(STATUS_WEIGHTS);
    const source = i < SOURCE_WEIGHTS.length ? SOURCE_WEIGHTS[i][0] : pickWeighted(SOURCE_WEIGHTS);
    const converted = status === 'converted' && prospects.length > 0;
    const account = converted ? prospects[i % prospects.length] : null;
    const core = r.pick(W.CORES);
    const country = r.pick(W.COUNTRIES);
    const company = account?.name ?? `${r.pick(W.PREFIXES)} ${core} ${r.pick(W.SUFFIXES)}`;
    const domain = `${company.toLowerCase().replace(/[^a-z0-9]+/g, '').slice(0, 30)}.${country.tld}`;
    const first = r.pick(W.FIRST);
    const last = r.pick(W.LAST);
    const title = r.pick(W.TITLES).title;
    const employees = r.next() < 0.3 ? r.int(5000, 40000) : r.int(150, 4999);
    const open = status === 'new' || status === 'working';
    // Open leads are recent (their clocks are live or just breached); decided ones span the last quarter.
    const ageHours = open ? (r.next() < 0.7 ? r.int(0, 47) : r.int(72, 24 * 12)) + r.next() : r.int(72, 24 * 90);
    const createdAt = new Date(Math.floor((now.getTime() - ageHours * 3600_000) / 1000) * 1000);
    const qualifiedish = status !== 'new';
    const won = status === 'qualified' || status === 'converted';
    // New leads have not been asked yet.
    const flags = qualifiedish ? {
      budget: won ? true : r.next() < 0.5,
      authority: won ? true : r.next() < 0.6,
      need: won ? true : r.next() < 0.7,
      timelineMonths: won ? r.pick([3, 6, 9, 12]) : r.pick([3, 6, 12, 18, 24]),
    } : { budget: false, authority: false, need: false, timelineMonths: Infinity };
    const horizon = playbook.leads.bant.timelineHorizonMonths;
    const misses = () => [
      ...(['budget', 'authority', 'need'] as const).filter((k) => !flags[k]), ...(flags.timelineMonths > horizon ? ['timeline'] : []),
    ];
    // A disqualified lead misses at least one criterion (else it would have qualified): one is taken away, in turn.
    if (status === 'disqualified' && !misses().length) {
      const k = (['budget', 'authority', 'need', 'timeline'] as const)[i % 4];
      if (k === 'timeline') flags.timelineMonths = 18; else flags[k] = false;
    }
    const says = (key: string) => {
      const criterion = key.split('.')[0];
      return criterion === 'timeline' ? flags.timelineMonths <= horizon : flags[criterion as 'budget' | 'authority' | 'need'];
    };
    const bant = qualifiedish ? {
      ...flags,
      answers: Object.fromEntries(Object.entries(ANSWERS).filter(() => r.next() < 0.8).map(([k, v]) => [k, r.pick(says(k) ? v.yes : v.no)])),
    } : {};
    const engagement = {
      websiteVisits: r.int(0, 6), ...(source === 'webinar' ? { webinarAttended: 1 } : {}), ...(source === 'event' ? { eventAttended: 1 } : {}),
      ...(source === 'content' ? { contentDownloaded: r.int(1, 3) } : {}), ...(status !== 'new' && r.next() < 0.5 ? { emailReplied: 1 } : {}),
      ...(['qualified', 'converted'].includes(status) ? { meetingAccepted: 1 } : {}),
    };
    const base = {
      techStack: [r.pick(W.ITSM), ...r.some(W.PLATFORMS, r.int(0, 2))], monitoringTools: r.some(W.MONITORING, r.int(0, 2)),
      complianceFrameworks: r.some(W.COMPLIANCE, r.int(0, 2)), recentInitiatives: r.next() < 0.4 ? [r.pick(['Cloud migration', 'ServiceNow CMDB rollout', 'Data centre consolidation', 'Zero-trust programme'])] : [],
      hasCmdb: r.next() < 0.6, cmdbAccuracyPercent: r.next() < 0.5 ? r.int(40, 95) : null, employees,
      servers: Math.round(employees * (0.1 + r.next() * 0.5)), cloudResources: r.int(0, 2000), networkDevices: r.int(20, 1500),
      industry: account?.industry ?? W.INDUSTRY_OF[core], source, bant, engagement,
    };
    const score = scoreLead(playbook.leads.scoring, base);
    const due = slaDueTimes(playbook, createdAt);
    const a = rankCandidates(playbook.leads.assignment, { region: country.region, country: country.code, industry: base.industry, employees }, candidates, createdAt);
    const ownerId = a.chosen?.userId ?? null;
    if (a.chosen && open) candidates.find((c) => c.userId === a.chosen!.userId)!.openLeads++;
    const responded = status !== 'new' ? new Date(createdAt.getTime() + r.int(10, 600) * 60_000) : null;
    const decided = ['qualified', 'disqualified', 'converted'].includes(status) ? new Date(createdAt.getTime() + r.int(4, 40) * 3600_000) : null;
    const slaDueAt = open ? (responded ? due.qualificationDueAt : due.firstResponseDueAt) : null;
    const breached = slaDueAt && slaDueAt < now ? slaDueAt : responded && responded > due.firstResponseDueAt ? due.firstResponseDueAt : null;
    const hoursLate = breached ? (now.getTime() - breached.getTime()) / 3600_000 : 0;
    const escalationLevel = breached && open ? playbook.leads.slaEscalation.filter((s) => s.hoursAfterBreach <= hoursLate).length : 0;
    const partner = source === 'partner_referral' ? ctx.partnerIds[0] ?? null : null;
    const id = randomUUID();
    scores.push({
      leadId: id, fitScore: score.fitScore, engagementScore: score.engagementScore, score: score.score, priority: score.priority,
      scoreExplanation: JSON.stringify(compactExplanation(score.explanation)), scoredPlaybookVersion: version,
    });
    rows.push({
      id, ...base, firstName: first, lastName: last, title, companyName: company, domain, country: country.code, region: country.region,
      email: `${first}.${last}.${i}@${domain}`.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, ''),
      phone: `+${r.int(1, 49)} ${r.int(100, 999)} ${r.int(1000, 9999)}`,
      campaign: source === 'webinar' ? 'CMDB accuracy webinar' : source === 'event' ? 'Gartner IT Symposium' : null,
      partnerId: partner, referredByAccountId: source === 'customer_referral' && customers.length ? customers[i % customers.length].id : null,
      ownerId, assignedAt: ownerId ? createdAt : null, assignmentExplanation: { by: 'rules', text: a.explanation },
      ...due, slaDueAt, firstRespondedAt: responded, qualifiedAt: status === 'qualified' || status === 'converted' ? decided : null,
      slaBreachedAt: breached, escalationLevel,
      disqualificationReason: status === 'disqualified' ? reasonFor(r.pick(misses()), i) : null,
      convertedAt: converted ? decided : null, convertedAccountId: account?.id ?? null,
      status: converted || status !== 'converted' ? status : 'qualified', createdAt, updatedAt: decided ?? responded ?? createdAt,
    });
    // The clocks still running (as sla.service's clockRuns) wait on their next step, like a lead captured now.
    if (open) {
      const running: [SlaClock, Date][] = responded ? [['qualification', due.qualificationDueAt]] : [['first_response', due.firstResponseDueAt], ['qualification', due.qualificationDueAt]];
      for (const [clock, dueAt] of running) {
        const steps = slaSteps(playbook, clock, createdAt, dueAt);
        const index = steps.findIndex((st) => new Date(st.at) > now);
        if (index >= 0) timerRows.push({ kind: `lead.sla.${clock}`, entityType: 'lead', entityId: id, dueAt: new Date(steps[index].at), payload: { clock, steps, index } });
      }
    }
    acts.push({ leadId: id, kind: 'system', subject: `Captured: ${playbook.leads.sources.find((s) => s.id === source)?.label ?? source}`, occurredAt: createdAt });
    acts.push({ leadId: id, kind: 'system', subject: ownerId ? 'Assigned' : 'Not assigned', body: a.explanation, occurredAt: createdAt });
    if (responded) acts.push({ leadId: id, kind: 'call', subject: 'Intro call', body: 'Walked through their asset visibility gaps; agreed to share the BANT questions.', actorId: ownerId, occurredAt: responded });
    if (breached) {
      acts.push({ leadId: id, kind: 'system', subject: `First response SLA breached (was due ${formatInstant(breached, playbook.calendar.timeZone)})`, occurredAt: breached });
      for (let l = 0; l < escalationLevel; l++) {
        acts.push({ leadId: id, kind: 'system', subject: `First response SLA escalated to ${roleLabel(playbook, playbook.leads.slaEscalation[l].roleId)} (level ${l + 1})`, occurredAt: new Date(breached.getTime() + playbook.leads.slaEscalation[l].hoursAfterBreach * 3600_000) });
      }
    }
    if (decided) acts.push({ leadId: id, kind: 'system', subject: `Status working → ${status === 'converted' ? 'qualified' : status}`, occurredAt: decided });
  }
  await insertRows(db, 'leads', LEAD, rows);
  await insertRows(db, 'lead_scores', { leadId: 'uuid', fitScore: 'int', engagementScore: 'int', score: 'int', priority: 'text', scoreExplanation: 'text', scoredPlaybookVersion: 'int' }, scores);
  await insertRows(db, 'lead_activities', { leadId: 'uuid', kind: 'text', subject: 'text', body: 'text', actorId: 'uuid', occurredAt: 'timestamptz', createdAt: ['timestamptz', 'now()'] }, acts);
  await insertRows(db, 'timers', { kind: 'text', entityType: 'text', entityId: 'text', dueAt: 'timestamptz', payload: 'jsonb' }, timerRows);
  return rows.length;
}
