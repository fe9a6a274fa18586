// Renders any node of the playbook field tree: leaves as inputs, objects as fieldsets (short fields in a grid,
// lists and nested objects below), unions as an option select plus the option's fields, lists and records as tables
// or cards. Unchanged subtrees keep their value identity, so memo skips them while another field is typed in.
import { Fieldset, Select, SimpleGrid, Stack } from '@mantine/core';
import { memo } from 'react';
import { emptyValue, isLeaf, switchOption, type FormNode, type ObjectNode } from '../../../../core/playbook';
import { humanize } from '../../../lib/format';
import { BandScaleBar, ContainerErrors, SumBadge } from './Decorations';
import { isInline, join, titleOf, useActions, useErrors } from './form-state';
import { LeafField } from './LeafField';
import { ArrayBlock, RecordBlock } from './ListBlocks';
import { BlockTitle } from './SeedBadges';

type Props = { node: FormNode; path: string; value: unknown };

export const FieldNode = memo(function FieldNode({ node, path, value }: Props) {
  if (isLeaf(node)) return <LeafField node={node} path={path} value={value} />;
  switch (node.kind) {
    case 'object': return <ObjectBlock node={node} path={path} value={value} />;
    case 'union': return <UnionBlock node={node} path={path} value={value} />;
    case 'array': return <ArrayBlock node={node} path={path} value={value} />;
    case 'record': return <RecordBlock node={node} path={path} value={value} />;
    default: return null;
  }
});

const keyOf = (node: FormNode) => node.pattern.split('.').pop() ?? '';

/** A heading for a nested block: title, citations, help and the live sum. */
export function NodeTitle({ node, value }: { node: FormNode; value: unknown }) {
  const { meta } = node;
  return <BlockTitle title={titleOf(meta, keyOf(node))} seed={meta.seed} productSpecific={meta.productSpecific} help={meta.help}
    extra={<SumBadge meta={meta} value={value} />} />;
}

/** An object's fields: the short ones in a grid, then each list or nested object as its own block. */
export function ObjectFields({ node, path, value, skip }: { node: ObjectNode; path: string; value: unknown; skip?: string }) {
  const obj = (value ?? {}) as Record<string, unknown>;
  const fields = node.fields.filter((f) => f.key !== skip);
  const inline = fields.filter((f) => isInline(f.node));
  const blocks = fields.filter((f) => !isInline(f.node));
  return (
    <Stack gap="md">
      <ContainerErrors path={path} />
      {inline.length > 0 && (
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="md" verticalSpacing="sm">
          {inline.map((f) => <FieldNode key={f.key} node={f.node} path={join(path, f.key)} value={obj[f.key]} />)}
        </SimpleGrid>
      )}
      {node.meta.scale && <BandScaleBar scale={node.meta.scale} value={value} />}
      {blocks.map((f) => <FieldNode key={f.key} node={f.node} path={join(path, f.key)} value={obj[f.key]} />)}
    </Stack>
  );
}

function ObjectBlock({ node, path, value }: { node: ObjectNode; path: string; value: unknown }) {
  const { set } = useActions();
  const bad = useErrors().under(path).length > 0;
  if (node.nullable && value === null) {
    return (
      <Fieldset legend={<NodeTitle node={node} value={value} />} data-path={path} variant="filled">
        <button type="button" className="mantine-focus-auto" style={{ all: 'unset', cursor: 'pointer', color: 'var(--mantine-color-anchor)', fontSize: 13 }}
          onClick={() => set(path, emptyValue({ ...node, nullable: false }))}>{node.meta.nullLabel ? `${humanize(node.meta.nullLabel)} · set one` : 'Set'}</button>
      </Fieldset>
    );
  }
  return (
    <Fieldset legend={<NodeTitle node={node} value={value} />} data-path={path} data-invalid={bad || undefined}
      style={bad ? { borderColor: 'var(--mantine-color-red-5)' } : undefined}>
      <ObjectFields node={node} path={path} value={value} />
      {node.nullable && (
        <button type="button" style={{ all: 'unset', cursor: 'pointer', color: 'var(--mantine-color-red-7)', fontSize: 12, marginTop: 8 }}
          onClick={() => set(path, null)}>Remove {titleOf(node.meta, keyOf(node)).toLowerCase()}</button>
      )}
    </Fieldset>
  );
}

/** The option select of a discriminated union, then the chosen option's fields. */
export function UnionFields({ node, path, value }: { node: FormNode & { kind: 'union' }; path: string; value: unknown }) {
  const { set } = useActions();
  const current = String((value as Record<string, unknown> | null)?.[node.discriminator] ?? node.options[0].value);
  const option = node.options.find((o) => o.value === current) ?? node.options[0];
  const discNode = option.node.fields.find((f) => f.key === node.discriminator)?.node;
  const title = discNode ? titleOf(discNode.meta, node.discriminator) : humanize(node.discriminator);
  return (
    <Stack gap="sm">
      <Select label={title} size="sm" w={200} data={node.options.map((o) => ({ value: o.value, label: discNode?.meta.optionLabels?.[o.value] ?? humanize(o.value) }))}
        value={current} allowDeselect={false} onChange={(v) => v && set(path, switchOption(node, value, v))} wrapperProps={{ 'data-path': join(path, node.discriminator) }} />
      <ObjectFields node={option.node} path={path} value={value} skip={node.discriminator} />
    </Stack>
  );
}

function UnionBlock({ node, path, value }: { node: FormNode & { kind: 'union' }; path: string; value: unknown }) {
  return (
    <Fieldset legend={<NodeTitle node={node} value={value} />} data-path={path}>
      <UnionFields node={node} path={path} value={value} />
    </Fieldset>
  );
}
