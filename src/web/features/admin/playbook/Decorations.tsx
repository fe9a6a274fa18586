// Live feedback beside the fields: the sum of weights that must add up to 100, a threshold scale for bands, and the
// server's messages about a whole list or object (e.g. "Health weights must sum to 100").
import { Badge, Box, Group, Text, Tooltip } from '@mantine/core';
import type { BandScale, FieldMeta } from '../../../../core/playbook';
import { IconCheck } from '../../../ui/Icons';
import { useErrors } from './form-state';

const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

/** The numbers a `sum` rule adds: an object's fields, or one field across a list's rows. */
export function sumOf(meta: FieldMeta, value: unknown): number | undefined {
  if (!meta.sum || !value || typeof value !== 'object') return undefined;
  const items = meta.sum.field ? (value as Record<string, unknown>[]).map((r) => r?.[meta.sum!.field!]) : Object.values(value);
  return Number(items.reduce((a: number, v) => a + num(v), 0).toFixed(6));
}

export function SumBadge({ meta, value }: { meta: FieldMeta; value: unknown }) {
  const sum = sumOf(meta, value);
  if (sum === undefined || !meta.sum) return null;
  const ok = Math.abs(sum - meta.sum.total) < 1e-9;
  return (
    <Tooltip label={`${meta.sum.label} must add up to ${meta.sum.total}`}>
      <Badge size="sm" variant={ok ? 'light' : 'filled'} color={ok ? 'green' : 'red'} tt="none" data-testid="sum-badge" data-ok={ok}
        leftSection={ok ? <IconCheck size={12} /> : undefined}>
        Sum {sum}{ok ? '' : ` of ${meta.sum.total}`}
      </Badge>
    </Tooltip>
  );
}

const at = (obj: unknown, path: string) => path.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), obj);

/** A bar from 0 to `max` coloured by band, each band starting at its threshold field. */
export function BandScaleBar({ scale, value }: { scale: BandScale; value: unknown }) {
  const starts = scale.bands.map((b) => (b.from ? Math.min(Math.max(num(at(value, b.from)), 0), scale.max) : 0));
  const ordered = starts.every((s, i) => i === 0 || s >= starts[i - 1]);
  return (
    <Box mt="xs" data-testid="band-scale">
      <Group gap={0} wrap="nowrap" h={22} style={{ borderRadius: 6, overflow: 'hidden', outline: ordered ? undefined : '2px solid var(--mantine-color-red-6)' }}>
        {scale.bands.map((b, i) => {
          const width = Math.max((starts[i + 1] ?? scale.max) - starts[i], 0);
          return (
            <Box key={b.label} bg={`${b.color}.2`} h="100%" style={{ width: `${(width / scale.max) * 100}%`, display: width ? 'flex' : 'none', alignItems: 'center', justifyContent: 'center' }}>
              <Text size="xs" fw={600} c={`${b.color}.9`} truncate>{b.label} {starts[i]}–{starts[i + 1] ?? scale.max}</Text>
            </Box>
          );
        })}
      </Group>
      {!ordered && <Text size="xs" c="red">Thresholds are out of order.</Text>}
    </Box>
  );
}

/** Messages the server reported for the list or object itself. */
export function ContainerErrors({ path }: { path: string }) {
  const messages = useErrors().at(path);
  if (!messages.length) return null;
  return <>{messages.map((m) => <Text key={m} size="xs" c="red" fw={500} role="alert">{m}</Text>)}</>;
}
