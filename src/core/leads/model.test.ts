import { describe, expect, it } from 'vitest';
import { defaultPlaybook } from '../playbook';
import { auc, featureVector, modelFeatures, predict, sigmoid, train, type ModelLead } from './model';

function rng(seed: number) {
  let a = seed >>> 0;
  return () => { a = (a + 0x6d2b79f5) >>> 0; let t = a; t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
}
const gauss = (r: () => number) => Math.sqrt(-2 * Math.log(r() || 1e-12)) * Math.cos(2 * Math.PI * r());

describe('AUC', () => {
  it('is 1 for a perfect ranking, 0 for a reversed one, 0.5 for ties, and counts ties half', () => {
    expect(auc([{ p: 0.1, y: 0 }, { p: 0.9, y: 1 }, { p: 0.8, y: 1 }])).toBe(1);
    expect(auc([{ p: 0.9, y: 0 }, { p: 0.1, y: 1 }])).toBe(0);
    expect(auc([{ p: 0.5, y: 0 }, { p: 0.5, y: 1 }])).toBe(0.5);
    // pairs (pos, neg): (0.8 > 0.3) 1, (0.8 > 0.8)? tie ½, (0.4 > 0.3) 1, (0.4 < 0.8) 0 → 2.5 / 4
    expect(auc([{ p: 0.8, y: 1 }, { p: 0.4, y: 1 }, { p: 0.3, y: 0 }, { p: 0.8, y: 0 }])).toBe(0.625);
    expect(auc([{ p: 0.8, y: 1 }])).toBeNull();
  });
});

describe('logistic regression', () => {
  it('recovers a known model: signs, ranking and a validation AUC near the true one', () => {
    const r = rng(7);
    const trueW = [2, -1.5, 0];
    const examples = Array.from({ length: 4000 }, (_, i) => {
      const x = [gauss(r), gauss(r), gauss(r)];
      const p = sigmoid(0.3 + trueW[0] * x[0] + trueW[1] * x[1]);
      return { id: `ex-${i}`, x, y: (r() < p ? 1 : 0) as 0 | 1 };
    });
    const result = train(examples, ['a', 'b', 'noise'], { iterations: 800 });
    const w = result.model.weights;
    expect(w[0]).toBeGreaterThan(1.5);
    expect(w[1]).toBeLessThan(-1.0);
    expect(Math.abs(w[2])).toBeLessThan(0.15);
    expect(result.validationSize + result.trainSize).toBe(4000);
    expect(result.validationSize).toBeGreaterThan(650);
    expect(result.validationSize).toBeLessThan(950);
    // The Bayes-optimal AUC for this generator is ≈ 0.88; the fitted model gets within a few points of it.
    const oracle = auc(examples.filter((_, i) => i % 5 === 0).map((e) => ({ p: sigmoid(2 * e.x[0] - 1.5 * e.x[1]), y: e.y })))!;
    expect(result.auc!).toBeGreaterThan(0.84);
    expect(Math.abs(result.auc! - oracle)).toBeLessThan(0.04);
    expect(predict(result.model, [2, -2, 0])).toBeGreaterThan(0.95);
    expect(predict(result.model, [-2, 2, 0])).toBeLessThan(0.05);
  });

  it('random labels give a validation AUC near 0.5', () => {
    const r = rng(11);
    const examples = Array.from({ length: 2000 }, (_, i) => ({ id: `n-${i}`, x: [gauss(r), gauss(r)], y: (r() < 0.4 ? 1 : 0) as 0 | 1 }));
    expect(Math.abs(train(examples, ['a', 'b']).auc! - 0.5)).toBeLessThan(0.08);
  });

  it('lead features: scores, size, stack, BANT and a one-hot source from the playbook', () => {
    const features = modelFeatures(defaultPlaybook.leads);
    expect(features.map((f) => f.id)).toContain('source_partner_referral');
    const lead: ModelLead = {
      techStack: ['ServiceNow'], monitoringTools: [], complianceFrameworks: ['SOX'], recentInitiatives: [], hasCmdb: null, cmdbAccuracyPercent: null,
      employees: 999, servers: null, cloudResources: null, networkDevices: null, industry: null, source: 'webinar',
      bant: { budget: true, timelineMonths: 6 }, engagement: {}, fitScore: 50, engagementScore: 20,
    };
    const x = featureVector(features, { featureIds: ['fit', 'employees', 'servicenow', 'bant_budget', 'bant_timeline', 'source_webinar', 'source_email', 'gone'] }, lead);
    expect(x).toEqual([0.5, Math.log(1000), 1, 1, 1, 1, 0, 0]);
  });
});
