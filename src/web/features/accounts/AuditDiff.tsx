// Renders an audit entry's before → after per changed field, with money, owners and lists made readable.
import { Box, Group, Stack, Text, VisuallyHidden } from '@mantine/core';
import { ROLE_LABELS, type Role } from '../../../core/access/roles';
import { STAGE_LABELS } from '../../../core/accounts/schemas';
import { useDirectory, usePartners } from '../../lib/directory';
import { formatDateTime, formatMoney, humanize } from '../../lib/format';
import { IconArrowRight } from '../../ui/Icons';
import { SEGMENT_LABELS } from '../../ui/Badges';
import type { Segment } from '../../lib/types';

const FIELD_LABELS: Record<string, string> = {
  aeId: 'Account executive', csmId: 'Customer success manager', execSponsorId: 'Executive sponsor', partnerId: 'Partner',
  arr: 'ARR', annualRevenue: 'Annual revenue', lifecycleStage: 'Lifecycle stage', techStack: 'Tech stack',
  complianceFrameworks: 'Compliance frameworks', cloudResources: 'Cloud resources', networkDevices: 'Network devices',
  timeZone: 'Time zone', deletedAt: 'Deleted at', dueAt: 'Due at', isPrimary: 'Primary contact', firstName: 'First name', lastName: 'Last name',
};

const VERBS: Record<string, string> = { create: 'created', update: 'updated', delete: 'deleted', restore: 'restored', set: 'set', revoke: 'revoked', replace: 'replaced' };

/** 'account.update' → 'Account updated'. */
export function actionLabel(action: string | null | undefined): string {
  if (!action) return 'Change';
  const [entity, verb] = action.split('.');
  return `${humanize(entity)} ${VERBS[verb] ?? humanize(verb ?? '').toLowerCase()}`.trim();
}

export function fieldLabel(key: string) { return FIELD_LABELS[key] ?? humanize(key); }

const SKIP = new Set(['id', 'version', 'createdAt', 'updatedAt', 'accountId', 'deletedAt']);

/** The fields an entry shows: all changed fields of an update; for a create or delete, the meaningful ones. */
export function changedKeys(before: Record<string, unknown> | null, after: Record<string, unknown> | null): string[] {
  const both = !!before && !!after;
  return [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].filter((k) => both || !SKIP.has(k));
}

export function AuditDiff({ before, after, max = 12 }: { before: Record<string, unknown> | null; after: Record<string, unknown> | null; max?: number }) {
  const directory = useDirectory();
  const partners = usePartners();
  const currency = String((after?.currency ?? before?.currency ?? 'USD') as string);
  const both = !!before && !!after;
  const keys = changedKeys(before, after);

  const show = (key: string, v: unknown): string => {
    if (v === null || v === undefined || v === '') return 'empty';
    if (key === 'arr' || key === 'annualRevenue') return formatMoney(Number(v), currency);
    if (key === 'partnerId') return partners.nameOf(String(v)) ?? String(v).slice(0, 8);
    if (key.endsWith('Id') && typeof v === 'string') return directory.nameOf(v) ?? `${v.slice(0, 8)}…`;
    if (key === 'segment') return SEGMENT_LABELS[v as Segment] ?? String(v);
    if (key === 'role') return ROLE_LABELS[v as Role] ?? String(v);
    if (key === 'lifecycleStage') return STAGE_LABELS[v as keyof typeof STAGE_LABELS] ?? String(v);
    if (Array.isArray(v)) return v.length ? v.join(', ') : 'none';
    if (typeof v === 'boolean') return v ? 'yes' : 'no';
    if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(v)) return formatDateTime(v);
    if (typeof v === 'object') return JSON.stringify(v);
    if (typeof v === 'number') return v.toLocaleString('en-US');
    return String(v);
  };

  if (keys.length === 0) return <Text size="sm" c="dimmed">No field changes recorded.</Text>;
  return (
    <Stack gap={4} data-testid="audit-diff">
      {keys.slice(0, max).map((k) => (
        <Group key={k} gap={8} wrap="nowrap" align="baseline">
          <Text size="sm" fw={600} miw={150} style={{ flexShrink: 0 }}>{fieldLabel(k)}</Text>
          {both ? (
            <Group gap={6} wrap="wrap" align="center">
              <VisuallyHidden>changed from</VisuallyHidden>
              <Box component="del" c="red.8" bg="red.0" px={6} style={{ borderRadius: 4, fontSize: 'var(--mantine-font-size-sm)' }}>{show(k, before?.[k])}</Box>
              <IconArrowRight size={14} /><VisuallyHidden>to</VisuallyHidden>
              <Box component="ins" c="teal.9" bg="teal.0" px={6} style={{ borderRadius: 4, textDecoration: 'none', fontSize: 'var(--mantine-font-size-sm)' }}>{show(k, after?.[k])}</Box>
            </Group>
          ) : (
            <Text size="sm" style={{ wordBreak: 'break-word' }}>{show(k, (after ?? before)?.[k])}</Text>
          )}
        </Group>
      ))}
      {keys.length > max && <Text size="xs" c="dimmed">and {keys.length - max} more field(s)</Text>}
    </Stack>
  );
}
