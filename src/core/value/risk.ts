// Deal-risk assessment (issue item 10; 002 Act II "Risk assessment", "Stakeholder alignment"): BANT gaps, missing
// executive sponsor, single-threaded stakeholders, POC criteria not validated, staleness and a past close date.
// Each risk explains itself; the overall level is high when any risk is high or three or more are medium,
// medium when any is medium, low otherwise.

export type Severity = 'high' | 'medium' | 'low';
export interface Risk { id: string; severity: Severity; title: string; explanation: string }
export interface RiskAssessment { level: Severity | 'none'; risks: Risk[]; assessedAt: string }

export interface RiskFacts {
  now: Date;
  stage: string; // discovery | proposal | poc | negotiation | closed_won | closed_lost
  closeDate: string | null; // YYYY-MM-DD
  segment: 'standard' | 'strategic';
  /** The vendor-side executive sponsor of the account (strategic accounts have one, 000 §2 / 001). */
  execSponsorId: string | null;
  /** BANT of the converted lead (004 §1.2); null when the opportunity did not come from a lead. */
  bant: { budget?: boolean | null; authority?: boolean | null; need?: boolean | null; timelineMonths?: number | null } | null;
  timelineHorizonMonths: number;
  /** Live contacts of the account with their roles. */
  contacts: { id: string; roles: string[] }[];
  /** The latest POC of the opportunity, or null when none exists (or the POC module is not installed). */
  poc: { status: string; criteria: { validated: boolean }[] } | null;
  /** Last activity on the account or change to the opportunity. */
  lastActivityAt: Date | null;
}

// Thresholds: the 14 days come from the issue; 30 days for "high" is an assumption, not in seed.
export const STALE_DAYS = 14;
export const STALE_HIGH_DAYS = 30;
const SPONSOR_ROLES = ['exec_sponsor', 'economic_buyer'];
const LATE_STAGES = ['proposal', 'poc', 'negotiation'];

const DAY = 86400_000;
const today = (d: Date) => d.toISOString().slice(0, 10);

export function assessDealRisk(f: RiskFacts): RiskAssessment {
  const assessedAt = f.now.toISOString();
  if (f.stage === 'closed_won' || f.stage === 'closed_lost') return { level: 'none', risks: [], assessedAt };
  const risks: Risk[] = [];
  const add = (id: string, severity: Severity, title: string, explanation: string) => risks.push({ id, severity, title, explanation });
  const late = LATE_STAGES.includes(f.stage);

  if (!f.bant) {
    add('bant_missing', 'low', 'No BANT record', 'The opportunity did not come from a qualified lead, so budget, authority, need and timeline were never recorded.');
  } else {
    if (f.bant.budget !== true) add('bant_budget', late ? 'high' : 'medium', 'Budget not confirmed', 'No IT operations or infrastructure budget was identified in qualification (004 §1.2 B).');
    if (f.bant.authority !== true) add('bant_authority', 'medium', 'Authority not confirmed', 'The qualified contact was not shown to influence the purchase (004 §1.2 A).');
    if (f.bant.need !== true) add('bant_need', 'high', 'Need not established', 'No clear pain around asset management, CMDB accuracy or compliance was recorded (004 §1.2 N).');
    const t = f.bant.timelineMonths;
    if (t === undefined || t === null) add('bant_timeline', 'medium', 'Timeline unknown', 'The initiative has no timeline (004 §1.2 T).');
    else if (t > f.timelineHorizonMonths) add('bant_timeline', 'high', 'Timeline beyond horizon', `The initiative is ${t} months out, beyond the ${f.timelineHorizonMonths}-month horizon (004 §1.2 T).`);
  }

  const sponsors = f.contacts.filter((c) => c.roles.some((r) => SPONSOR_ROLES.includes(r)));
  if (!sponsors.length) {
    add('no_exec_sponsor', late ? 'high' : 'medium', 'No executive sponsor', 'No contact at the account is an executive sponsor or economic buyer; nobody on the customer side owns the business case.');
  }
  if (f.segment === 'strategic' && !f.execSponsorId) {
    add('no_vendor_sponsor', 'medium', 'Strategic account without our executive sponsor', 'Strategic relationships get an executive sponsor on our side (000 §2, 001); none is assigned.');
  }

  const engaged = f.contacts.filter((c) => c.roles.length > 0);
  const roles = new Set(engaged.flatMap((c) => c.roles));
  if (engaged.length < 2) {
    add('single_threaded', late ? 'high' : 'medium', 'Single-threaded', `Only ${engaged.length} stakeholder${engaged.length === 1 ? '' : 's'} with a role in the deal; one departure stalls it.`);
  } else if (roles.size < 2) {
    add('single_role', 'medium', 'One stakeholder role', `All ${engaged.length} stakeholders are ${[...roles][0]}; the deal lacks other perspectives (buyer, technical, champion).`);
  }

  if (f.stage === 'poc' || f.stage === 'negotiation') {
    const severity: Severity = f.stage === 'negotiation' ? 'high' : 'medium';
    if (!f.poc) add('poc_missing', severity, 'No POC on record', 'No proof of concept validates the business case (000 §1 stage 5).');
    else {
      const open = f.poc.criteria.filter((c) => !c.validated).length;
      if (!f.poc.criteria.length) add('poc_no_criteria', severity, 'POC without success criteria', 'The POC has no success criteria to validate.');
      else if (open) add('poc_not_validated', severity, 'POC criteria not validated', `${open} of ${f.poc.criteria.length} POC success criteria are not validated.`);
    }
  }

  if (f.lastActivityAt) {
    const idle = Math.floor((f.now.getTime() - f.lastActivityAt.getTime()) / DAY);
    if (idle >= STALE_DAYS) add('stale', idle >= STALE_HIGH_DAYS ? 'high' : 'medium', 'Stale', `No activity for ${idle} days (threshold ${STALE_DAYS}).`);
  } else add('stale', 'medium', 'Stale', 'No activity recorded on the account.');

  if (!f.closeDate) add('no_close_date', 'low', 'No close date', 'The opportunity has no expected close date.');
  else if (f.closeDate < today(f.now)) add('close_date_past', 'high', 'Close date in the past', `The expected close date ${f.closeDate} has passed; update it or close the deal.`);

  const order: Record<Severity, number> = { high: 0, medium: 1, low: 2 };
  risks.sort((x, y) => order[x.severity] - order[y.severity]);
  const highs = risks.filter((r) => r.severity === 'high').length;
  const mediums = risks.filter((r) => r.severity === 'medium').length;
  const level: Severity = highs || mediums >= 3 ? 'high' : mediums ? 'medium' : 'low';
  return { level, risks, assessedAt };
}
