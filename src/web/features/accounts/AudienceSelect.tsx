// Who outside the vendor sees a timeline entry or a contact's roles: a badge, and for staff a "Visible to" select.
// The choices are the audiences the user can read back (core/access/audience.ts): staff all three, partners their own.
import { Badge, Select, Tooltip } from '@mantine/core';
import { AUDIENCE_LABELS, audiencesFor, type Audience } from '../../../core/access/audience';
import { useUser } from '../../lib/auth';

const HINT: Record<Audience, string> = {
  internal: 'Only our own people see this.',
  partner: 'Also the partner working on this account.',
  customer: 'Also the customer (and the partner working beside them).',
};
const COLOR: Record<Audience, string> = { internal: 'gray', partner: 'grape', customer: 'teal' };

export function AudienceBadge({ audience }: { audience: Audience }) {
  return (
    <Tooltip label={HINT[audience]}>
      <Badge size="xs" variant="outline" color={COLOR[audience]} data-audience={audience}>{AUDIENCE_LABELS[audience]}</Badge>
    </Tooltip>
  );
}

/** The audiences the signed-in user may choose from (the ones they can read back). */
export function useAudienceChoices() {
  const user = useUser();
  return audiencesFor(user).map((a) => ({ value: a, label: AUDIENCE_LABELS[a] }));
}

export function AudienceSelect({ value, onChange, label = 'Visible to', size = 'sm', disabled, w = 150 }: {
  value: Audience; onChange: (a: Audience) => void; label?: string | null; size?: 'xs' | 'sm'; disabled?: boolean; w?: number;
}) {
  const data = useAudienceChoices();
  return (
    <Select
      label={label ?? undefined} aria-label={label ?? 'Visible to'} size={size} w={w} allowDeselect={false} disabled={disabled}
      title={HINT[value]} data={data} value={value} onChange={(v) => v && onChange(v as Audience)}
    />
  );
}
