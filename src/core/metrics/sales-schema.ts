// The response of GET /metrics/sales, for the OpenAPI document: every money field says it is integer minor units of the
// currency sent beside it, every figure carries its catalogue definition.
import { z } from 'zod';
import { PERIOD_PRESETS } from './period';

const d = (text: string) => ({ description: text });
const currency = z.string().length(3).meta(d('ISO 4217 code of every money field of this object (the playbook currency).'));
const minorUnits = (what: string) => z.number().int().meta(d(`${what}, in integer minor units (cents for EUR/USD) of \`currency\`.`));
const count = (what: string) => z.number().int().min(0).meta(d(what));
const tally = z.object({
  onTime: count('Answered at or before the due time.'),
  late: count('Answered after the due time.'),
  overdue: count('Not answered and already past the due time (the overdue leads of the inbox).'),
  pending: count('Not answered, due time still ahead: not counted yet.'),
}).meta(d('First-response clocks of the leads created in the period.'));

const metricValue = z.object({
  id: z.string(),
  label: z.string(),
  definition: z.string().meta(d('What is counted (from the metric catalogue; the dashboard shows it as the tooltip).')),
  formula: z.string(),
  unit: z.enum(['percent', 'hours', 'days', 'count', 'minor_units'])
    .meta(d('`minor_units`: `value` and `numerator` are integer minor units of `currency`; `percent`: 0–100.')),
  currency: z.string().length(3).nullable().meta(d('ISO 4217 code for unit `minor_units`, else null.')),
  direction: z.enum(['higher_is_better', 'lower_is_better']),
  seed: z.string().meta(d('Where the seeds ask for the figure.')),
  value: z.number().nullable().meta(d('null when there is nothing to compute it from (e.g. no deal closed in the period).')),
  numerator: z.number().optional().meta(d('What was divided; for `average_deal_size` the summed amounts in minor units of `currency`.')),
  denominator: z.number().int().optional().meta(d('n: how many records the figure rests on.')),
  excluded: z.number().int().optional().meta(d('Records the definition leaves out (deals without a recorded stage path, won deals in another currency).')),
  target: z.object({ metricId: z.string(), target: z.number(), comparator: z.enum(['gt', 'gte', 'lt', 'lte', 'eq']), unit: z.string(), source: z.string() })
    .nullable().meta(d('The playbook target (metricTargets) and its seed section.')),
  status: z.enum(['on_target', 'off_target', 'no_data', 'no_target']),
}).meta({ id: 'MetricValue' });

export const salesMetricsSchema = z.object({
  period: z.object({
    preset: z.enum([...PERIOD_PRESETS, 'custom']),
    label: z.string(),
    from: z.string().meta(d('First day shown (inclusive, UTC).')),
    to: z.string().meta(d('Last day shown (inclusive, UTC).')),
    days: z.number().int(),
    emptyHint: z.object({ latestClose: z.string() }).nullable()
      .meta(d('Set when no deal closed in the period but deals closed at other times: the latest close date.')),
  }),
  owner: z.uuid().nullable(),
  playbookVersion: z.number().int(),
  currency,
  metrics: z.array(metricValue),
  funnel: z.array(z.object({
    id: z.string(), label: z.string(), definition: z.string(),
    count: count('Journeys that reached this stage or a later one in the period; never more than the stage before.'),
    fromLeads: count('Of them, journeys that started as a lead.'),
    withoutLead: count('Of them, deals entered without a lead.'),
  })),
  pipeline: z.array(z.object({
    stage: z.string(), label: z.string(), probability: z.number(), deals: count('Open deals at this stage now.'),
    amount: minorUnits('Sum of the open deals\' amounts'),
    weighted: minorUnits('Sum of amount × stage probability ÷ 100, rounded'),
    unit: z.literal('minor_units'), currency,
  })).meta(d('Open deals now, whatever the period.')),
  leadVolume: z.array(z.object({ source: z.string(), label: z.string(), leads: count('Leads created in the period from this channel.') })),
  sla: z.object({
    firstResponseHours: z.number(), clock: z.enum(['calendar', 'business']), firstResponseTargetBusinessHours: z.number(),
    slaLabel: z.string(), targetLabel: z.string(), attainment: tally, targetAttainment: tally,
  }),
}).meta({ id: 'SalesMetrics' });
