// A live countdown to an SLA due time: green with time to spare, orange in the last quarter, red once breached.
import { Badge, Tooltip } from '@mantine/core';
import { formatDateTime } from '../../lib/format';

export function formatLeft(ms: number): string {
  const abs = Math.abs(ms);
  const d = Math.floor(abs / 86400_000);
  const h = Math.floor((abs % 86400_000) / 3600_000);
  const m = Math.floor((abs % 3600_000) / 60_000);
  const s = Math.floor((abs % 60_000) / 1000);
  const text = d > 0 ? `${d}d ${h}h` : h > 0 ? `${h}h ${m}m` : `${m}m ${String(s).padStart(2, '0')}s`;
  return ms < 0 ? `${text} late` : `${text} left`;
}

export function SlaCountdown({ dueAt, startedAt, now, label }: { dueAt: string | null; startedAt?: string; now: number; label?: string }) {
  if (!dueAt) return <Badge variant="light" color="gray">No clock</Badge>;
  const due = new Date(dueAt).getTime();
  const left = due - now;
  const total = startedAt ? due - new Date(startedAt).getTime() : null;
  const color = left < 0 ? 'red' : total && left < total * 0.25 ? 'orange' : 'teal';
  return (
    <Tooltip label={`${label ?? 'Due'} ${formatDateTime(dueAt)}`}>
      <Badge variant={left < 0 ? 'filled' : 'light'} color={color} data-testid="sla-countdown" data-breached={left < 0 ? 'true' : 'false'}
        style={{ fontVariantNumeric: 'tabular-nums' }}>
        {formatLeft(left)}
      </Badge>
    </Tooltip>
  );
}
