// The JS scorer and the SQL scorer give identical results; re-scoring after a playbook change; the model.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, createTestApp, type Client, type TestApp } from '../../../../test/helpers';
import { featureVector, modelFeatures, predict, type TrainedModel } from '../../../core/leads/model';
import { compactExplanation, scoreLead } from '../../../core/leads/scoring';
import { defaultPlaybook, LEAD_FACTS, type Playbook } from '../../../core/playbook';
import { leads } from '../../db/schema';
import { rng } from '../../demo/demo';
import { withScoresOf } from './leads.repo';
import { applyModel, rescoreAll } from './scoring.service';

let t: TestApp;
let admin: Client;
beforeAll(async () => {
  t = await createTestApp({ workers: true });
  admin = await t.login('admin');
});
afterAll(async () => { await t?.close(); });

type Scoring = Playbook['leads']['scoring'];
type Rule = Scoring['fitRules'][number];

/** A rule for every fact and operator the engine knows, with values that match some leads and miss others. */
function everyRule(): Rule[] {
  const rules: Rule[] = [];
  let n = 0;
  const add = (when: Rule['when'], points: number) => rules.push({ id: `r${n++}`, points, explanation: `rule ${n} it's "quoted"`, when });
  for (const fact of LEAD_FACTS) {
    if (['techStack', 'monitoringTools', 'complianceFrameworks', 'recentInitiatives'].includes(fact)) {
      add({ fact, op: 'exists' }, 3); add({ fact, op: 'contains', value: 'servicenow' }, 7); add({ fact, op: 'eq', value: 'SOX' }, 2);
      add({ fact, op: 'neq', value: 'Splunk' }, 1); add({ fact, op: 'in', value: ['datadog', "O'Brien"] }, 4); add({ fact, op: 'gt', value: 1 }, 9);
    } else if (['industry', 'source'].includes(fact)) {
      add({ fact, op: 'exists' }, 2); add({ fact, op: 'eq', value: 'WEBSITE' }, 5); add({ fact, op: 'neq', value: 'energy' }, -3);
      add({ fact, op: 'in', value: ['event', 'Financial Services'] }, 6); add({ fact, op: 'contains', value: 'fin' }, 4); add({ fact, op: 'lt', value: 3 }, 9);
    } else if (['hasCmdb', 'bant.budget', 'bant.authority', 'bant.need'].includes(fact)) {
      add({ fact, op: 'exists' }, 1); add({ fact, op: 'isTrue' }, 5); add({ fact, op: 'isFalse' }, -4); add({ fact, op: 'eq', value: true }, 2);
      add({ fact, op: 'neq', value: false }, 3); add({ fact, op: 'gt', value: 0 }, 9);
    } else {
      add({ fact, op: 'exists' }, 1); add({ fact, op: 'gt', value: 2 }, 3); add({ fact, op: 'gte', value: 1000 }, 5); add({ fact, op: 'lt', value: 50.5 }, -2);
      add({ fact, op: 'lte', value: 12 }, 4); add({ fact, op: 'eq', value: 3 }, 6); add({ fact, op: 'neq', value: 0 }, 1); add({ fact, op: 'isTrue' }, 9);
    }
  }
  return rules;
}

async function insertRandomLeads(count: number, seed: number) {
  const r = rng(seed);
  const maybe = <T>(v: T) => (r.next() < 0.25 ? null : v);
  const rows = Array.from({ length: count }, (_, i) => ({
    source: r.pick(['website', 'event', 'webinar', 'outbound', 'partner_referral']), email: `p${seed}-${i}@x${i % 13}.com`,
    industry: maybe(r.pick(['Financial Services', 'Energy', 'energy', 'Retail', ''])),
    techStack: r.some(['ServiceNow', 'servicenow', 'Jira', 'Datadog', 'SOX', "O'Brien", 'Splunk'], r.int(0, 3)),
    monitoringTools: r.some(['Datadog', 'Splunk', 'Zabbix'], r.int(0, 2)), complianceFrameworks: r.some(['SOX', 'ISO 27001', 'NIS2'], r.int(0, 2)),
    recentInitiatives: r.some(['Cloud migration', 'ServiceNow rollout'], r.int(0, 1)),
    hasCmdb: maybe(r.next() < 0.5), cmdbAccuracyPercent: maybe(r.int(0, 100)), employees: maybe(r.pick([0, 3, 12, 50, 999, 1000, 20000])),
    servers: maybe(r.int(0, 3000)), cloudResources: maybe(r.pick([2, 3, 100])), networkDevices: maybe(r.int(0, 900)),
    bant: r.next() < 0.2 ? {} : { budget: maybe(r.next() < 0.5), authority: maybe(r.next() < 0.5), need: r.next() < 0.1 ? 'yes' : maybe(r.next() < 0.6), timelineMonths: maybe(r.pick([0, 3, 12, 13, 24])) },
    engagement: r.next() < 0.2 ? {} : { websiteVisits: r.int(0, 5), meetingAccepted: r.int(0, 1), emailReplied: r.next() < 0.1 ? 'x' : r.int(0, 2), webinarAttended: r.int(0, 3) },
  }));
  return t.deps.database.db.insert(leads).values(rows as never).returning({ id: leads.id });
}

describe('SQL and JS scoring are the same', () => {
  it('scores 600 random leads identically under every fact and operator (points, explanation, band)', async () => {
    const inserted = await insertRandomLeads(600, 7);
    const ids = inserted.map((x) => x.id);
    const rules = everyRule();
    const scoring: Scoring = {
      ...defaultPlaybook.leads.scoring, fitRules: rules.slice(0, 70), engagementRules: rules.slice(70),
      maxFitPoints: 60, maxEngagementPoints: 40, combineWeights: { fit: 55, engagement: 45 }, priorityBands: { hot: 85, warm: 70 },
    };
    const playbook = { ...defaultPlaybook, leads: { ...defaultPlaybook.leads, scoring } };
    expect(await rescoreAll(t.deps.database.db, playbook, 99)).toBeGreaterThanOrEqual(600);
    const rows = await withScoresOf(t.deps.database.db, await t.deps.database.db.select().from(leads));
    let matched = 0;
    for (const row of rows.filter((x) => ids.includes(x.id))) {
      const js = scoreLead(scoring, row as never);
      expect({ fit: row.fitScore, engagement: row.engagementScore, score: row.score, priority: row.priority, explanation: row.scoreExplanation, v: row.scoredPlaybookVersion })
        .toEqual({ fit: js.fitScore, engagement: js.engagementScore, score: js.score, priority: js.priority, explanation: compactExplanation(js.explanation), v: 99 });
      matched += js.explanation.length;
    }
    expect(matched).toBeGreaterThan(600 * 10); // the rules actually fire
    const priorities = new Set(rows.filter((x) => ids.includes(x.id)).map((x) => x.priority));
    expect(priorities.size).toBe(3);
  });
});

describe('re-scoring on a playbook change', () => {
  it('an event handler re-scores every lead in the database when the playbook changes', async () => {
    const { body: lead } = await admin.post('/api/leads', { source: 'website', email: 'ops@rescore.io', techStack: ['ServiceNow'], ownerId: admin.user.id });
    const { body: other } = await admin.post('/api/leads', { source: 'website', email: 'ops@untouched.io', techStack: ['Jira'], ownerId: admin.user.id });
    expect(lead.scoreExplanation[0]).toMatchObject({ rule: 'servicenow_in_stack', points: 15 });
    const current = await admin.get('/api/playbook');
    const pb = structuredClone(current.body.playbook) as Playbook;
    pb.leads.scoring.fitRules.find((r) => r.id === 'servicenow_in_stack')!.points = 40;
    pb.leads.scoring.fitRules.find((r) => r.id === 'servicenow_in_stack')!.explanation = 'ServiceNow shop';
    const put = await admin.put('/api/playbook', { baseVersion: current.body.version, playbook: pb, note: 'ServiceNow matters more' });
    expect(put.status).toBe(200);
    const after = await eventually(async () => {
      const res = await admin.get(`/api/leads/${lead.id}`);
      return res.body.scoredPlaybookVersion === put.body.version ? res.body : null;
    });
    expect(after.scoreExplanation[0]).toEqual({ rule: 'servicenow_in_stack', kind: 'fit', points: 40, explanation: 'ServiceNow shop' });
    expect(after.fitScore).toBe(40);
    expect(after.score).toBe(Math.floor((40 * 70 + 15 * 30) / 100));
    // Leads the change does not affect are not rewritten: same score, same row version, same scored version.
    const untouched = (await admin.get(`/api/leads/${other.id}`)).body;
    expect(untouched).toMatchObject({ score: other.score, version: other.version, scoredPlaybookVersion: other.scoredPlaybookVersion });
    const [{ wrong }] = await t.deps.database.query<{ wrong: number }>(`SELECT count(*)::int AS wrong FROM leads JOIN lead_scores ON lead_id = id WHERE deleted_at IS NULL
      AND (lower(tech_stack::text)::text[] @> ARRAY['servicenow']) <> (score_explanation::jsonb @> '[{"rule": "servicenow_in_stack", "points": 40}]'::jsonb)`);
    expect(wrong).toBe(0);
  });
});

describe('conversion model', () => {
  it('reports "not enough history", trains on closed outcomes with a validation AUC, and fills probabilities in SQL like JS', async () => {
    const none = await admin.get('/api/leads/model');
    expect(none.body.status).toBe('not_trained');
    const few = await admin.post('/api/leads/model/train', {});
    expect(few.body).toMatchObject({ status: 'insufficient_history', minExamples: 200 });
    expect(few.body.message).toMatch(/^Not enough history: \d+ closed examples/);

    // Closed history: converted leads with won/lost opportunities and disqualified leads. Won mostly when the
    // lead had ServiceNow and a budget: the model should find that.
    const r = rng(3);
    const [acc] = await t.deps.database.query<{ id: string }>(`INSERT INTO accounts (name) VALUES ('History Co') RETURNING id`);
    const values: string[] = [];
    for (let i = 0; i < 500; i++) {
      const sn = r.next() < 0.5;
      const budget = r.next() < 0.5;
      const p = 0.1 + (sn ? 0.35 : 0) + (budget ? 0.35 : 0);
      const won = r.next() < p;
      const disq = !won && r.next() < 0.3;
      values.push(`('h${i}@hist.io', 'website', '${disq ? 'disqualified' : 'converted'}', ARRAY[${sn ? `'ServiceNow'` : ''}]::text[], '${JSON.stringify({ budget })}'::jsonb, '${disq ? '' : won ? 'closed_won' : 'closed_lost'}')`);
    }
    await t.deps.database.exec(`
      CREATE TEMP TABLE hist (email text, source text, status text, tech text[], bant jsonb, stage text);
      INSERT INTO hist VALUES ${values.join(',')};
      WITH l AS (INSERT INTO leads (email, source, status, tech_stack, bant) SELECT email, source, status, tech, bant FROM hist RETURNING id, email),
      o AS (INSERT INTO opportunities (account_id, name, stage, lead_id)
        SELECT '${acc.id}', l.email, h.stage, l.id FROM l JOIN hist h USING (email) WHERE h.stage <> '' RETURNING id, lead_id)
      SELECT count(*) FROM o;
      UPDATE leads SET converted_opportunity_id = o.id FROM opportunities o WHERE leads.id = o.lead_id AND o.account_id = '${acc.id}';
      DROP TABLE hist;`);
    const trained = await admin.post('/api/leads/model/train', { minExamples: 300 });
    expect(trained.status).toBe(200);
    expect(trained.body.status).toBe('active');
    expect(trained.body.sampleSize).toBeGreaterThanOrEqual(500);
    // The held-out fifth is chosen by a hash of the (random) lead ids, so the AUC moves by a few hundredths from run
    // to run (0.64–0.72 seen); 0.6 still fails a model that learned nothing (0.5).
    expect(trained.body.auc).toBeGreaterThan(0.6);
    const top = trained.body.topWeights.slice(0, 2).map((w: any) => w.feature).sort();
    expect(top).toEqual(['bant_budget', 'servicenow']);
    expect((await admin.get('/api/leads/model')).body).toMatchObject({ status: 'active', auc: trained.body.auc });
    const sales = await t.login('sales');
    expect((await sales.post('/api/leads/model/train', {})).status).toBe(403);

    // Probabilities in SQL equal the JS prediction for every lead, and new leads get one at capture.
    const [row] = await t.deps.database.query<{ model: TrainedModel }>('SELECT model FROM lead_models ORDER BY id DESC LIMIT 1');
    const playbook = (await admin.get('/api/playbook')).body.playbook as Playbook;
    await applyModel(t.deps.database.db, playbook, row.model);
    const all = await withScoresOf(t.deps.database.db, await t.deps.database.db.select().from(leads));
    const features = modelFeatures(playbook.leads);
    for (const l of all.filter((x) => !x.deletedAt)) {
      expect(l.conversionProbability).toBeCloseTo(predict(row.model, featureVector(features, row.model, l as never)), 5);
    }
    const fresh = await admin.post('/api/leads', { source: 'website', email: 'new@prob.io', techStack: ['ServiceNow'] });
    expect(fresh.body.conversionProbability).toBeGreaterThan(0);
  });
});
