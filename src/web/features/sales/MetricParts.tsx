// Small pieces every sales figure shares: its formatted value, its basis (n), its target, its status, and its label
// with the catalogue definition on hover (the same text the API and the README carry).
import { Badge, Text, Tooltip } from '@mantine/core';
import type { ReactNode } from 'react';
import type { Schema } from '../../lib/api';
import { formatMoney, formatNumber } from '../../lib/format';

type MetricValue = Schema<'MetricValue'>;

const CMP: Record<string, string> = { gt: '>', gte: '≥', lt: '<', lte: '≤', eq: '=' };

export function fmt(m: MetricValue): string {
  if (m.value === null) return '—';
  switch (m.unit) {
    case 'percent': return `${m.value.toFixed(1)} %`;
    case 'minor_units': return formatMoney(m.value, m.currency ?? undefined);
    case 'hours': return `${m.value.toFixed(1)} h`;
    case 'days': return `${Number.isInteger(m.value) ? m.value : m.value.toFixed(1)} d`;
    default: return formatNumber(m.value);
  }
}

/** "72 / 107 (n = 107)", "$1.6M / 72 won", "n = 278"; plus what the definition left out. */
export function basisText(m: MetricValue): string {
  if (m.denominator === undefined) return '—';
  const parts = [m.numerator === undefined ? `n = ${formatNumber(m.denominator)}`
    : m.unit === 'minor_units' ? `${formatMoney(m.numerator, m.currency ?? undefined)} ÷ ${formatNumber(m.denominator)}`
      : `${formatNumber(m.numerator)} of ${formatNumber(m.denominator)}`];
  if (m.excluded) parts.push(`${formatNumber(m.excluded)} left out`);
  return parts.join(' · ');
}

export function targetText(m: MetricValue): string {
  if (!m.target) return 'No playbook target';
  const unit = m.target.unit === 'percent' ? ' %' : m.target.unit === 'hours' ? ' h' : m.target.unit === 'days' ? ' days' : '';
  return `Target ${CMP[m.target.comparator]} ${m.target.target}${unit}`;
}

export function StatusBadge({ m }: { m: MetricValue }) {
  if (m.status === 'on_target') return <Badge color="teal" variant="light">On target</Badge>;
  if (m.status === 'off_target') return <Badge color="red" variant="light">Off target</Badge>;
  if (m.status === 'no_data') return <Badge color="gray" variant="light">No data</Badge>;
  return null;
}

/** The definition, the formula and the target's seed section, for a hover card. */
export function definitionText(m: Pick<MetricValue, 'definition' | 'formula' | 'target'>): string {
  return `${m.definition} Formula: ${m.formula}.${m.target ? ` Target from the playbook (${m.target.source}).` : ''}`;
}

/** A label with a dotted underline that shows its definition on hover or focus. */
export function Defined({ text, children, size = 'sm' }: { text: string; children: ReactNode; size?: string }) {
  return (
    <Tooltip label={text} multiline w={360} withArrow events={{ hover: true, focus: true, touch: true }}>
      <Text span size={size} tabIndex={0} style={{ textDecoration: 'underline dotted', textUnderlineOffset: 3, cursor: 'help' }}>{children}</Text>
    </Tooltip>
  );
}
