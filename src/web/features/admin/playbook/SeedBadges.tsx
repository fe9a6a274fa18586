// Where a playbook value comes from: a small badge per seed citation (the seed's wording in the tooltip), or a grey
// "product" badge with the reason when the product, not a seed, decided the value.
import { Badge, Group, Text, Tooltip } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { SEED_DOCUMENTS, type Citation } from '../../../../core/playbook';

const short = (ref: string) => (ref.length > 26 ? `${ref.slice(0, 25)}…` : ref);

function CitationBadge({ c }: { c: Citation }) {
  const assumption = c.ref === 'assumption';
  const doc = SEED_DOCUMENTS[c.ref.slice(0, 3)];
  const tip = (
    <div style={{ maxWidth: 340 }}>
      {assumption ? <Text size="xs" fw={600}>Assumption, not in the seeds</Text> : (
        <Text size="xs" fw={600}>Seed {c.ref}{doc ? ` · ${doc}` : ''}</Text>
      )}
      {c.quote && <Text size="xs" fs={assumption ? undefined : 'italic'}>{assumption ? c.quote : `“${c.quote}”`}</Text>}
    </div>
  );
  return (
    <HoverTip label={tip}>
      <Badge component="span" size="xs" radius="sm" variant="light" color={assumption ? 'orange' : 'ink'} tt="none" fw={600}
        style={{ cursor: 'help', flexShrink: 0 }} data-seed={c.ref}>
        {assumption ? 'assumption' : short(c.ref)}
      </Badge>
    </HoverTip>
  );
}

/** A tooltip mounted only while hovered: a section has hundreds of badges, and each tooltip costs a positioning hook. */
function HoverTip({ label, children }: { label: ReactNode; children: ReactNode }) {
  const [hover, setHover] = useState(false);
  return (
    <span onMouseEnter={() => setHover(true)} onMouseLeave={() => setHover(false)} style={{ display: 'inline-flex' }}>
      {hover ? <Tooltip label={label} multiline withinPortal opened>{children}</Tooltip> : children}
    </span>
  );
}

/** Badges for citations and a product reason; hidden from the accessible name of the field they label. */
export function SeedBadges({ seed, productSpecific }: { seed?: Citation[]; productSpecific?: string }) {
  if (!seed?.length && !productSpecific) return null;
  return (
    <span aria-hidden="true" style={{ display: 'inline-flex', gap: 4, flexWrap: 'wrap', verticalAlign: 'middle', marginLeft: 6 }}>
      {seed?.map((c, i) => <CitationBadge key={`${c.ref}:${i}`} c={c} />)}
      {productSpecific && (
        <HoverTip label={<Text size="xs" maw={340}>Product decision: {productSpecific}</Text>}>
          <Badge component="span" size="xs" radius="sm" variant="light" color="gray" tt="none" style={{ cursor: 'help' }} data-seed="product">product</Badge>
        </HoverTip>
      )}
    </span>
  );
}

/** A field title with its own citations. */
export function FieldTitle({ title, seed, productSpecific }: { title: ReactNode; seed?: Citation[]; productSpecific?: string }) {
  return <>{title}<SeedBadges seed={seed} productSpecific={productSpecific} /></>;
}

/** A block heading (fieldset legend, list title) with citations and help. */
export function BlockTitle({ title, seed, productSpecific, help, extra }: {
  title: ReactNode; seed?: Citation[]; productSpecific?: string; help?: string; extra?: ReactNode;
}) {
  return (
    <div>
      <Group gap={6} wrap="wrap" align="center">
        <Text fw={600} size="sm">{title}</Text>
        <SeedBadges seed={seed} productSpecific={productSpecific} />
        {extra}
      </Group>
      {help && <Text size="xs" c="dimmed">{help}</Text>}
    </div>
  );
}
