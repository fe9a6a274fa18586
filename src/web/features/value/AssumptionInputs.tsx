// Assumption inputs grouped by what they drive: the account profile, costs and timing, and each ticked pain.
// Money is edited in whole currency units and stored in minor units.
import { ActionIcon, Badge, Card, Group, NumberInput, SimpleGrid, Slider, Stack, Text, Tooltip } from '@mantine/core';
import type { Assumption, HypothesisEdit, HypothesisModel } from '../../../core/value';
import { formatMoney } from '../../lib/format';
import { IconRestore } from '../../ui/Icons';

type Edit = Omit<HypothesisEdit, 'version'>;

const UNIT_SUFFIX: Record<string, string> = { hours: ' h', days: ' days', percent: ' %', count: '', servers: '' };

function SourceBadge({ a }: { a: Assumption }) {
  if (a.source === 'user') return <Badge size="xs" color="orange" variant="light">adjusted</Badge>;
  if (a.source === 'account') return <Tooltip label={a.origin}><Badge size="xs" color="cyan" variant="light">account</Badge></Tooltip>;
  return <Tooltip label={a.origin}><Badge size="xs" color={a.basis === 'seed' ? 'teal' : 'gray'} variant="light">{a.basis === 'seed' ? 'seed benchmark' : 'benchmark'}</Badge></Tooltip>;
}

function AssumptionInput({ a, currency, readOnly, onChange }: { a: Assumption; currency: string; readOnly: boolean; onChange: (e: Edit) => void }) {
  const money = a.unit === 'money';
  const set = (v: number | string) => {
    const n = typeof v === 'number' ? v : Number.parseFloat(v);
    if (!Number.isFinite(n)) return; // an empty box is not a value yet
    onChange({ assumptions: [{ id: a.id, value: money ? Math.round(n * 100) : n }] });
  };
  const shown = money ? a.value / 100 : a.value;
  const fmt = (v: number) => (money ? formatMoney(v, currency) : `${v}${UNIT_SUFFIX[a.unit] ?? ''}`);
  return (
    <Stack gap={2} data-assumption={a.id}>
      <Text size="sm" fw={500} lineClamp={2}>{a.label}</Text>
      <Group gap="xs" wrap="nowrap">
        <NumberInput aria-label={a.label} value={shown} onChange={set} min={0} max={a.unit === 'percent' ? 100 : undefined}
          decimalScale={money ? 0 : 2} thousandSeparator="," prefix={money ? `${currency === 'USD' ? '$' : `${currency} `}` : undefined}
          suffix={money ? undefined : UNIT_SUFFIX[a.unit]} size="xs" w={150} disabled={readOnly} hideControls />
        {a.unit === 'percent' && (
          <Slider aria-label={`${a.label} (slider)`} value={a.value} onChange={set} min={0} max={100} step={1} style={{ flex: 1 }} disabled={readOnly} label={(v) => `${v} %`} />
        )}
        {a.source === 'user' && !readOnly && (
          <Tooltip label={`Reset to ${fmt(a.defaultValue)}`}>
            <ActionIcon variant="subtle" size="sm" aria-label={`Reset ${a.label}`} onClick={() => onChange({ reset: [a.id] })}><IconRestore size={14} /></ActionIcon>
          </Tooltip>
        )}
      </Group>
      <Group gap={6} wrap="nowrap">
        <SourceBadge a={a} />
        <Text size="xs" c="dimmed" truncate>{a.per ? `per ${a.per} · ` : ''}default {fmt(a.defaultValue)}</Text>
      </Group>
    </Stack>
  );
}

export function AssumptionGroups({ model, readOnly, onChange, narrow = false }: { model: HypothesisModel; readOnly: boolean; onChange: (e: Edit) => void; narrow?: boolean }) {
  const costIds = ['annual_subscription', 'implementation_cost', 'first_year_realization'];
  const shared = model.assumptions.filter((a) => a.painId === null && !costIds.includes(a.id));
  const costs = model.assumptions.filter((a) => costIds.includes(a.id));
  const groups: { title: string; items: Assumption[] }[] = [
    { title: 'Account profile', items: shared },
    { title: 'Costs and timing', items: costs },
    ...model.pains.filter((p) => p.selected).map((p) => ({ title: p.label, items: model.assumptions.filter((a) => a.painId === p.id) })),
  ].filter((g) => g.items.length);
  return (
    <SimpleGrid cols={narrow ? 1 : { base: 1, md: 2, xl: 3 }} data-testid="assumptions">
      {groups.map((g) => (
        <Card key={g.title} withBorder padding="sm">
          <Text fw={650} size="sm" mb="xs">{g.title}</Text>
          <Stack gap="sm">
            {g.items.map((a) => <AssumptionInput key={a.id} a={a} currency={model.currency} readOnly={readOnly} onChange={onChange} />)}
            {g.title === 'Costs and timing' && (
              <Group grow>
                <NumberInput label="Horizon (years)" value={model.horizonYears} min={1} max={10} size="xs" disabled={readOnly}
                  onChange={(v) => { const n = Number(v); if (Number.isInteger(n) && n >= 1 && n <= 10) onChange({ horizonYears: n }); }} />
                <NumberInput label="Discount rate" suffix=" %" value={model.discountRatePercent} min={0} max={100} decimalScale={2} size="xs" disabled={readOnly}
                  onChange={(v) => { const n = Number(v); if (v !== '' && Number.isFinite(n) && n >= 0 && n <= 100) onChange({ discountRatePercent: n }); }} />
              </Group>
            )}
          </Stack>
        </Card>
      ))}
    </SimpleGrid>
  );
}
