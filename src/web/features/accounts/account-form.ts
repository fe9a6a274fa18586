// Account form values ↔ API payload. Money is edited in whole currency units and sent as integer minor units.
import { accountCreateSchema } from '../../../core/accounts/schemas';
import type { LifecycleStage, Region, Segment } from '../../lib/types';
import type { Account, AccountCreate } from './hooks';

export interface AccountFormValues {
  name: string; domain: string; industry: string; description: string;
  employees: number | string; annualRevenue: number | string; country: string; region: Region | null;
  territory: string; timeZone: string; segment: Segment; lifecycleStage: LifecycleStage;
  aeId: string | null; csmId: string | null; execSponsorId: string | null; partnerId: string | null;
  techStack: string[]; complianceFrameworks: string[];
  servers: number | string; cloudResources: number | string; networkDevices: number | string;
  arr: number | string; currency: string;
}

export const ACCOUNT_FORM_FIELDS = [
  'name', 'domain', 'industry', 'description', 'employees', 'annualRevenue', 'country', 'region', 'territory', 'timeZone',
  'segment', 'lifecycleStage', 'aeId', 'csmId', 'execSponsorId', 'partnerId', 'techStack', 'complianceFrameworks',
  'servers', 'cloudResources', 'networkDevices', 'arr', 'currency',
] as const satisfies readonly (keyof AccountFormValues)[];

const defaultTimeZone = (() => { try { return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'; } catch { return 'UTC'; } })();

export function emptyAccountValues(): AccountFormValues {
  return {
    name: '', domain: '', industry: '', description: '', employees: '', annualRevenue: '', country: '', region: null,
    territory: '', timeZone: defaultTimeZone, segment: 'standard', lifecycleStage: 'prospect', aeId: null, csmId: null,
    execSponsorId: null, partnerId: null, techStack: [], complianceFrameworks: [], servers: 0, cloudResources: 0,
    networkDevices: 0, arr: 0, currency: 'USD',
  };
}

const units = (cents: number | null) => (cents === null ? '' : cents / 100);

export function accountToValues(a: Account): AccountFormValues {
  return {
    name: a.name, domain: a.domain ?? '', industry: a.industry ?? '', description: a.description ?? '',
    employees: a.employees ?? '', annualRevenue: units(a.annualRevenue), country: a.country ?? '', region: a.region,
    territory: a.territory ?? '', timeZone: a.timeZone, segment: a.segment, lifecycleStage: a.lifecycleStage,
    aeId: a.aeId, csmId: a.csmId, execSponsorId: a.execSponsorId, partnerId: a.partnerId,
    techStack: a.techStack ?? [], complianceFrameworks: a.complianceFrameworks ?? [],
    servers: a.servers, cloudResources: a.cloudResources, networkDevices: a.networkDevices,
    arr: units(a.arr), currency: a.currency,
  };
}

const text = (s: string) => (s.trim() === '' ? null : s.trim());
const num = (v: number | string) => (v === '' || v === null || v === undefined ? null : Number(v));
const cents = (v: number | string) => (num(v) === null ? null : Math.round(Number(v) * 100));

export type AccountPayload = AccountCreate;

export function valuesToPayload(v: AccountFormValues): AccountPayload {
  return {
    name: v.name.trim(), domain: text(v.domain)?.toLowerCase() ?? null, industry: text(v.industry), description: text(v.description),
    employees: num(v.employees), annualRevenue: cents(v.annualRevenue), country: text(v.country)?.toUpperCase() ?? null,
    region: v.region ?? null, territory: text(v.territory), timeZone: v.timeZone, segment: v.segment,
    lifecycleStage: v.lifecycleStage, aeId: v.aeId ?? null, csmId: v.csmId ?? null, execSponsorId: v.execSponsorId ?? null,
    partnerId: v.partnerId ?? null, techStack: v.techStack, complianceFrameworks: v.complianceFrameworks,
    servers: num(v.servers) ?? 0, cloudResources: num(v.cloudResources) ?? 0, networkDevices: num(v.networkDevices) ?? 0,
    arr: cents(v.arr) ?? 0, currency: v.currency.trim().toUpperCase(),
  };
}

/** Only what changed, so a concurrent edit of another field is not overwritten. */
export function changedFields(initial: AccountFormValues, current: AccountFormValues): Partial<AccountPayload> {
  const a = valuesToPayload(initial) as Record<string, unknown>;
  const b = valuesToPayload(current) as Record<string, unknown>;
  return Object.fromEntries(Object.keys(b).filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k])).map((k) => [k, b[k]]));
}

/** Client-side check with the same zod schema the server uses; messages land on the fields. */
export function validateAccount(v: AccountFormValues, omit: readonly string[] = []): Record<string, string> {
  const payload = valuesToPayload(v) as Record<string, unknown>;
  for (const k of omit) delete payload[k];
  const r = accountCreateSchema.safeParse(payload);
  if (r.success) return {};
  const errors: Record<string, string> = {};
  for (const issue of r.error.issues) {
    const key = String(issue.path[0] ?? 'name');
    errors[key] ??= issue.message;
  }
  return errors;
}
