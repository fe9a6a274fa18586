// Events of the value stream (business cases and commitments before the deal) and of realization (KPIs after it).
import { z } from 'zod';
import { currencyCode, minorUnits } from '../api/shapes';
import { d, optRef, ref, stream } from './define';

const headline = {
  opportunityId: ref('opportunity'),
  annualBenefit: minorUnits('Annual benefit'), totalBenefits: minorUnits('Benefits over the horizon'), totalCosts: minorUnits('Costs over the horizon'),
  npv: minorUnits('Net present value'), roiPercent: z.number().nullable(), paybackMonths: z.number().nullable(), currency: currencyCode,
};
const kpiList = z.array(z.record(z.string(), z.unknown())).meta(d('The committed KPIs, as agreed.'));

export const valueEvents = stream('value', {
  'value.hypothesis_generated': { description: 'The value architect drafted a business case for an opportunity.', payload: z.object({ ...headline, artifactId: ref('agent artifact') }) },
  'value.hypothesis_updated': { description: 'A business case was edited; its new headline numbers.', payload: z.object(headline) },
  'value.hypothesis_accepted': { description: 'A business case was accepted.', payload: z.object(headline) },
  'value.commitment_generated': { description: 'A value commitment (contracted KPIs) was drafted.', payload: z.object({
    opportunityId: ref('opportunity'), artifactId: ref('agent artifact'), kpis: z.number().int().min(0).meta(d('How many KPIs were proposed.')),
  }) },
  'value.commitment_updated': { description: 'A value commitment was edited.', payload: z.object({ opportunityId: ref('opportunity') }) },
  'value.commitment_accepted': { description: 'A value commitment was accepted; its KPIs go into the contract.', payload: z.object({ opportunityId: ref('opportunity'), kpis: kpiList }) },
  'value.artifact_decided': { description: 'A draft of an agent (architect, executor) was approved or rejected.', payload: z.object({
    opportunityId: ref('opportunity').optional(), agent: z.string(), status: z.string(),
  }) },
});

export const realizationEvents = stream('realization', {
  'value.kpis_tracked': { description: 'The KPIs of a signed contract are now tracked.', payload: z.object({
    contractId: ref('contract'), kpiIds: z.array(z.uuid()), projectId: optRef('project'),
  }) },
  'value.weekly_update_generated': { description: 'The value executor drafted the weekly value update of an account.', payload: z.object({
    artifactId: ref('agent artifact'), week: z.number().int(), realizedAnnualValue: minorUnits('Annual value realized so far'), currency: currencyCode,
  }) },
  'kpi.alert_raised': { description: 'A KPI drifted beyond the alert threshold from its trajectory.', payload: z.object({
    alertId: ref('alert'), kpiId: ref('KPI'), accountId: ref('account'), projectId: optRef('project'),
    variancePercent: z.number(), taskId: optRef('follow-up task'), kpiName: z.string(),
  }) },
  'kpi.alert_acknowledged': { description: 'Someone took ownership of a KPI alert.', payload: z.object({
    alertId: ref('alert'), kpiId: ref('KPI'), projectId: optRef('project'), note: z.string().nullable(),
  }) },
  'kpi.alert_resolved': { description: 'A KPI alert was resolved.', payload: z.object({
    alertId: ref('alert'), kpiId: ref('KPI'), projectId: optRef('project'), note: z.string().nullable(),
  }) },
});
