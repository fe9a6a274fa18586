// Merging duplicate leads: the survivor keeps its non-empty values and takes the loser's where it has none;
// lists are unioned (case-insensitively), engagement counters summed, BANT answers kept unless unknown.
import { ENGAGEMENT_KEYS, type Engagement } from './schemas';

const SCALARS = [
  'firstName', 'lastName', 'email', 'phone', 'title', 'companyName', 'domain', 'country', 'region', 'industry',
  'employees', 'servers', 'cloudResources', 'networkDevices', 'hasCmdb', 'cmdbAccuracyPercent', 'campaign',
  'ownerId', 'partnerId', 'referredByAccountId', 'firstRespondedAt',
] as const;
const LISTS = ['techStack', 'monitoringTools', 'complianceFrameworks', 'recentInitiatives'] as const;

export type MergeableLead = {
  [K in (typeof SCALARS)[number]]: unknown } & { [K in (typeof LISTS)[number]]: string[] } & {
  engagement: unknown; bant: unknown; notes: string | null;
};

const empty = (v: unknown) => v === null || v === undefined || v === '';

export function unionList(a: string[], b: string[]): string[] {
  const seen = new Set(a.map((x) => x.toLowerCase()));
  return [...a, ...b.filter((x) => { const k = x.toLowerCase(); if (seen.has(k)) return false; seen.add(k); return true; })];
}

export function sumEngagement(a: unknown, b: unknown): Engagement {
  const ea = (a ?? {}) as Record<string, unknown>;
  const eb = (b ?? {}) as Record<string, unknown>;
  const out: Engagement = {};
  for (const k of ENGAGEMENT_KEYS) {
    const n = (typeof ea[k] === 'number' ? ea[k] as number : 0) + (typeof eb[k] === 'number' ? eb[k] as number : 0);
    if (n) out[k] = n;
  }
  return out;
}

/** The fields of the survivor after absorbing the loser (only keys that change). */
export function mergedFields(survivor: MergeableLead, loser: MergeableLead): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  for (const k of SCALARS) if (empty(survivor[k]) && !empty(loser[k])) patch[k] = loser[k];
  for (const k of LISTS) {
    const u = unionList(survivor[k], loser[k]);
    if (u.length !== survivor[k].length) patch[k] = u;
  }
  const engagement = sumEngagement(survivor.engagement, loser.engagement);
  if (JSON.stringify(engagement) !== JSON.stringify(survivor.engagement ?? {})) patch.engagement = engagement;
  const sb = (survivor.bant ?? {}) as Record<string, unknown>;
  const lb = (loser.bant ?? {}) as Record<string, unknown>;
  const bant: Record<string, unknown> = { ...sb };
  for (const k of ['budget', 'authority', 'need', 'timelineMonths']) if (empty(sb[k]) && !empty(lb[k])) bant[k] = lb[k];
  bant.answers = { ...((lb.answers ?? {}) as object), ...Object.fromEntries(Object.entries((sb.answers ?? {}) as Record<string, string>).filter(([, v]) => !empty(v))) };
  if (JSON.stringify(bant) !== JSON.stringify(sb)) patch.bant = bant;
  if (loser.notes && loser.notes !== survivor.notes) patch.notes = survivor.notes ? `${survivor.notes}\n\n— merged —\n${loser.notes}` : loser.notes;
  return patch;
}
