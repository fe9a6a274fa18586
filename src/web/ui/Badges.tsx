// Badges for segment, lifecycle stage, role and kind, with the labels from core.
import { Badge, type BadgeProps } from '@mantine/core';
import { ROLE_LABELS, type Role } from '../../core/access/roles';
import { STAGE_LABELS } from '../../core/accounts/schemas';
import type { LifecycleStage, Segment } from '../lib/types';

const STAGE_BADGE: Record<LifecycleStage, string> = {
  prospect: 'ink', implementation: 'indigo', adoption: 'cyan', value_realization: 'brand', expansion: 'teal',
  renewal: 'orange', churned: 'red',
};

export function StageBadge({ stage, ...rest }: { stage: LifecycleStage } & BadgeProps) {
  return <Badge color={STAGE_BADGE[stage] ?? 'gray'} {...rest}>{STAGE_LABELS[stage] ?? stage}</Badge>;
}

export const SEGMENT_LABELS: Record<Segment, string> = { strategic: 'Strategic', standard: 'Standard' };

export function SegmentBadge({ segment, ...rest }: { segment: Segment } & BadgeProps) {
  return (
    <Badge color={segment === 'strategic' ? 'grape' : 'gray'} variant={segment === 'strategic' ? 'filled' : 'light'} {...rest}>
      {SEGMENT_LABELS[segment] ?? segment}
    </Badge>
  );
}

export function RoleBadge({ role, ...rest }: { role: Role } & BadgeProps) {
  const color = role === 'admin' ? 'red' : role === 'partner' ? 'orange' : role === 'customer' ? 'yellow' : 'brand';
  return <Badge color={color} variant="light" {...rest}>{ROLE_LABELS[role] ?? role}</Badge>;
}
