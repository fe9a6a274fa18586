// Whole records some events carry (the row as stored when the event happened). The fields a subscriber can rely on
// are listed; a record may carry further columns, which is why each snapshot keeps its other keys.
import { z } from 'zod';
import { currencyCode, isoDay, isoTime, minorUnits } from '../api/shapes';
import { optRef, ref } from './define';

const str = z.string().nullable();
const common = { version: z.number().int(), createdAt: isoTime, updatedAt: isoTime };
const snapshot = <S extends z.ZodRawShape>(id: string, what: string, shape: S) =>
  z.object(shape).catchall(z.unknown()).meta({ id, description: `${what} as stored when the event happened; further columns may appear.` });

export const accountSnapshot = snapshot('EventAccount', 'The account', {
  id: ref('account'), name: z.string(), domain: str, industry: str, segment: str, lifecycleStage: str, country: str, region: str,
  aeId: optRef('account executive'), csmId: optRef('customer success manager'), partnerId: optRef('partner'),
  arr: minorUnits('Annual recurring revenue').nullable(), currency: currencyCode, ...common,
});

export const contactSnapshot = snapshot('EventContact', 'The contact', {
  id: ref('contact'), accountId: ref('account'), firstName: str, lastName: str, email: str, phone: str, title: str,
  isPrimary: z.boolean(), ...common,
});

export const opportunitySnapshot = snapshot('EventOpportunity', 'The opportunity', {
  id: ref('opportunity'), accountId: ref('account'), name: z.string(), stage: z.string(), amount: minorUnits('Deal amount').nullable(),
  currency: currencyCode, closeDate: isoDay.nullable(), probability: z.number().int(), forecastCategory: z.string(),
  ownerId: optRef('owner'), partnerId: optRef('partner'), leadId: optRef('lead it was converted from'), stageEnteredAt: isoTime, ...common,
});

export const pocSnapshot = snapshot('EventPoc', 'The proof of concept', {
  id: ref('POC'), opportunityId: ref('opportunity'), accountId: ref('account'), status: z.string(), scope: str,
  startDate: isoDay.nullable(), endDate: isoDay.nullable(), fee: minorUnits('POC fee'), currency: currencyCode, ...common,
});

export const contractSnapshot = snapshot('EventContract', 'The contract', {
  id: ref('contract'), accountId: ref('account'), opportunityId: ref('opportunity'), partnerId: optRef('partner'),
  arr: minorUnits('Annual recurring revenue'), currency: currencyCode, termMonths: z.number().int(), startDate: isoDay, endDate: isoDay,
  servicesFee: minorUnits('Services fee'), status: z.string(), signedAt: isoTime,
  // kpis (the contracted KPIs) and paymentSchedule (services fee instalments by milestone) come along as stored.
});

export const leadSnapshot = snapshot('EventLead', 'The lead', {
  id: ref('lead'), source: z.string(), status: z.string(), firstName: str, lastName: str, email: str, companyName: str, domain: str,
  country: str, ownerId: optRef('owner'), campaign: str, ...common,
});

/** A criterion a POC is judged by, with its result once recorded. */
export const pocCriterion = z.object({
  id: z.string(), measure: z.string(), target: z.string(), result: z.string().nullable(), validated: z.boolean(), evidence: z.string().nullable(),
}).meta({ id: 'EventPocCriterion', description: 'A POC success criterion with its recorded result.' });
