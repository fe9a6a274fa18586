// Lists and records of the playbook: rows of short fields as an editable table, richer rows as collapsible cards,
// each with add, remove and reorder; records keyed by id the same way with the key as the first column or heading.
import { Accordion, Badge, Button, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { emptyValue, type FormNode } from '../../../../core/playbook';
import { IconPlus } from '../../../ui/Icons';
import { ContainerErrors } from './Decorations';
import { isCell, join, rowTitle, titleOf, useActions, useErrors, useRefs } from './form-state';
import { LeafField } from './LeafField';
import { FieldNode, NodeTitle, ObjectFields, UnionFields } from './FieldNode';
import { moveItem, RowControls } from './RowControls';
import { SeedBadges } from './SeedBadges';

type ArrayNode = FormNode & { kind: 'array' };
type RecordNode = FormNode & { kind: 'record' };
const asRecord = (v: unknown) => (v && typeof v === 'object' ? (v as Record<string, unknown>) : {});

/** Table columns of a flat row: its fields, with objects of scalars flattened (`when.fact`). */
function columnsOf(item: FormNode): { key: string; node: FormNode }[] {
  if (item.kind !== 'object') return [];
  return item.fields.flatMap((f) => (f.node.kind === 'object' ? f.node.fields.map((s) => ({ key: `${f.key}.${s.key}`, node: s.node })) : [f]));
}
/** The editor's column is about 1,000 px wide: a table wider than that scrolls sideways, so its rows become cards. */
const MAX_TABLE_WIDTH = 1000;
const tabular = (item: FormNode) => item.kind === 'object' && item.fields.every((f) => isCell(f.node))
  && columnsOf(item).reduce((w, c) => w + cellWidth(c.node, c.key), 100) <= MAX_TABLE_WIDTH;
/** Room a cell needs, by what it edits. */
function cellWidth(node: FormNode, key: string): number {
  switch (node.kind) {
    case 'number': case 'boolean': return node.kind === 'boolean' ? 70 : 110;
    case 'enum': return 130;
    case 'range': return 210;
    case 'money': return 230;
    case 'scalarUnion': return 330;
    case 'array': return 230;
    default: return key === 'id' || node.meta.ref ? 160 : 200;
  }
}
const cellValue = (row: unknown, key: string) => key.split('.').reduce<unknown>((o, k) => asRecord(o)[k], row);

/** Lets the browser skip layout and paint of lists scrolled out of view: a section holds thousands of elements. */
export const OFFSCREEN_SKIP = { contentVisibility: 'auto', containIntrinsicSize: 'auto 320px' } as const;

export function ArrayBlock({ node, path, value, title }: { node: ArrayNode; path: string; value: unknown; title?: string }) {
  const list = Array.isArray(value) ? value : [];
  return (
    <Stack gap={6} data-path={path} style={OFFSCREEN_SKIP}>
      {title ? <Text fw={600} size="sm" ff="monospace">{title}</Text> : <NodeTitle node={node} value={list} />}
      <ContainerErrors path={path} />
      {tabular(node.item) ? <RowsTable node={node} path={path} rows={list.map((r, i) => [String(i), r])} /> : <RowCards node={node} path={path} list={list} />}
    </Stack>
  );
}

function AddButton({ onClick, disabled }: { onClick: () => void; disabled?: boolean }) {
  return <Button size="compact-sm" variant="light" leftSection={<IconPlus size={14} />} onClick={onClick} disabled={disabled} w="fit-content">Add row</Button>;
}

/** Rows as a table; `rows` are [index or record key, value]. */
function RowsTable({ node, path, rows, recordOf }: { node: ArrayNode | RecordNode; path: string; rows: [string, unknown][]; recordOf?: Record<string, unknown> }) {
  const { set } = useActions();
  const errors = useErrors();
  const item = node.kind === 'array' ? node.item : node.value;
  const columns = columnsOf(item);
  const withSources = !!node.meta.rows;
  const list = rows.map(([, r]) => r);
  const count = rows.length;
  const canRemove = node.kind === 'record' || count > (node.minItems ?? 0);
  const remove = (i: number) => (recordOf
    ? set(path, Object.fromEntries(Object.entries(recordOf).filter(([k]) => k !== rows[i][0])))
    : set(path, list.filter((_, j) => j !== i)));
  return (
    <Stack gap={6}>
      <Table.ScrollContainer minWidth={columns.reduce((w, c) => w + cellWidth(c.node, c.key), (recordOf ? 190 : 0) + (withSources ? 150 : 0) + 100)} type="native">
        <Table withTableBorder verticalSpacing={4} horizontalSpacing="xs" highlightOnHover={false} style={{ fontSize: 13 }}>
          <Table.Thead>
            <Table.Tr>
              {recordOf && <Table.Th>Key</Table.Th>}
              {columns.map((c) => (
                <Table.Th key={c.key} style={{ whiteSpace: 'nowrap' }} title={c.node.meta.help}>
                  {titleOf(c.node.meta, c.key.split('.').pop()!)}<SeedBadges seed={c.node.meta.seed} productSpecific={c.node.meta.productSpecific} />
                </Table.Th>
              ))}
              {withSources && <Table.Th>Seed</Table.Th>}
              <Table.Th w={90} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map(([key, row], i) => {
              const rowPath = join(path, key);
              const rowErrors = errors.at(rowPath);
              const id = recordOf ? key : String(asRecord(row).id ?? '');
              return (
                <Table.Tr key={recordOf ? `k${i}` : key} data-path={rowPath} data-invalid={errors.under(rowPath).length > 0 || undefined}>
                  {recordOf && (
                    <Table.Td><RecordKeyInput path={path} record={recordOf} current={key} error={rowErrors.join(' · ') || undefined} /></Table.Td>
                  )}
                  {columns.map((c) => (
                    <Table.Td key={c.key} style={{ verticalAlign: 'top', minWidth: cellWidth(c.node, c.key) }}>
                      <LeafField node={c.node} path={join(rowPath, c.key)} value={cellValue(row, c.key)} bare name={`${titleOf(c.node.meta, c.key.split('.').pop()!)} ${i + 1}`} />
                    </Table.Td>
                  ))}
                  {withSources && <Table.Td><SeedBadges seed={node.meta.rows?.[id]} /></Table.Td>}
                  <Table.Td style={{ verticalAlign: 'top' }}>
                    <RowControls index={i} count={count} canRemove={canRemove} name={`row ${i + 1}`}
                      onMove={(to) => (recordOf ? set(path, Object.fromEntries(moveItem(Object.entries(recordOf), i, to))) : set(path, moveItem(list, i, to)))}
                      onRemove={() => remove(i)} />
                    {!recordOf && rowErrors.length > 0 && <Text size="xs" c="red">{rowErrors.join(' · ')}</Text>}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {recordOf ? <NewKey path={path} record={recordOf} item={item} /> : (
        <AddButton disabled={node.kind === 'array' && node.maxItems !== undefined && count >= node.maxItems}
          onClick={() => set(path, [...list, emptyValue(item)])} />
      )}
    </Stack>
  );
}

/** Richer rows as collapsible cards; rows the server found errors in open by themselves. */
function RowCards({ node, path, list }: { node: ArrayNode; path: string; list: unknown[] }) {
  const { set } = useActions();
  const errors = useErrors();
  const refs = useRefs();
  const [open, setOpen] = useState<string[]>([]);
  useEffect(() => {
    const bad = list.map((_, i) => String(i)).filter((i) => errors.under(join(path, i)).length > 0);
    if (bad.length) setOpen((o) => [...new Set([...o, ...bad])]);
  }, [errors]); // only when new server errors arrive (or the cards mount), not on every edit
  const canRemove = list.length > (node.minItems ?? 0);
  const move = (i: number, to: number) => {
    set(path, moveItem(list, i, to));
    setOpen((o) => o.map((v) => (v === String(i) ? String(to) : v === String(to) ? String(i) : v)));
  };
  return (
    <Stack gap={6}>
      <Accordion multiple value={open} onChange={setOpen} variant="contained" radius="md" chevronPosition="left">
        {list.map((row, i) => {
          const rowPath = join(path, i);
          const n = errors.under(rowPath).length;
          const id = String(asRecord(row).id ?? '');
          const title = rowTitle(node, row, i, refs);
          return (
            <Accordion.Item key={i} value={String(i)} data-path={rowPath} data-invalid={n > 0 || undefined}>
              <Group wrap="nowrap" gap={0} pr="xs">
                <Accordion.Control py={6}>
                  <Group gap={6} wrap="nowrap">
                    <Text size="sm" fw={600} truncate>{title}</Text>
                    <SeedBadges seed={node.meta.rows?.[id]} />
                    {n > 0 && <Badge size="xs" color="red">{n} error{n === 1 ? '' : 's'}</Badge>}
                  </Group>
                </Accordion.Control>
                <RowControls index={i} count={list.length} canRemove={canRemove} name={title} onMove={(to) => move(i, to)}
                  onRemove={() => set(path, list.filter((_, j) => j !== i))} />
              </Group>
              <Accordion.Panel>
                {open.includes(String(i)) && (node.item.kind === 'union'
                  ? <UnionFields node={node.item} path={rowPath} value={row} />
                  : node.item.kind === 'object' ? <ObjectFields node={node.item} path={rowPath} value={row} /> : null)}
              </Accordion.Panel>
            </Accordion.Item>
          );
        })}
      </Accordion>
      <AddButton disabled={node.maxItems !== undefined && list.length >= node.maxItems}
        onClick={() => { set(path, [...list, emptyValue(node.item)]); setOpen((o) => [...o, String(list.length)]); }} />
    </Stack>
  );
}

export function RecordBlock({ node, path, value }: { node: RecordNode; path: string; value: unknown }) {
  const { set } = useActions();
  const record = asRecord(value);
  const entries = Object.entries(record);
  if (tabular(node.value)) {
    return (
      <Stack gap={6} data-path={path}>
        <NodeTitle node={node} value={record} />
        <ContainerErrors path={path} />
        <RowsTable node={node} path={path} rows={entries} recordOf={record} />
      </Stack>
    );
  }
  return (
    <Stack gap="sm" data-path={path}>
      <NodeTitle node={node} value={record} />
      <ContainerErrors path={path} />
      {entries.map(([key, v]) => (
        <Stack key={key} gap={4} pl="sm" style={{ borderLeft: '3px solid var(--mantine-color-ink-2)' }}>
          <Group justify="space-between">
            <RecordKeyInput path={path} record={record} current={key} />
            <Button size="compact-xs" variant="subtle" color="red" onClick={() => set(path, Object.fromEntries(entries.filter(([k]) => k !== key)))}>Remove {key}</Button>
          </Group>
          <ContainerErrors path={join(path, key)} />
          {node.value.kind === 'array'
            ? <ArrayBlock node={node.value} path={join(path, key)} value={v} title={key} />
            : <FieldNode node={node.value} path={join(path, key)} value={v} />}
        </Stack>
      ))}
      <NewKey path={path} record={record} item={node.value} />
    </Stack>
  );
}

/** Renames a record key in place (keeping the entry order). */
function RecordKeyInput({ path, record, current, error }: { path: string; record: Record<string, unknown>; current: string; error?: string }) {
  const { set } = useActions();
  const [draft, setDraft] = useState(current);
  useEffect(() => setDraft(current), [current]);
  const commit = () => {
    const key = draft.trim().replace(/\./g, '_');
    if (!key || key === current || key in record) { setDraft(current); return; }
    set(path, Object.fromEntries(Object.entries(record).map(([k, v]) => [k === current ? key : k, v])));
  };
  return <TextInput size="xs" w={170} value={draft} aria-label={`Key ${current}`} error={error} onChange={(e) => setDraft(e.currentTarget.value)}
    onBlur={commit} onKeyDown={(e) => e.key === 'Enter' && commit()} styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }} />;
}

function NewKey({ path, record, item }: { path: string; record: Record<string, unknown>; item: FormNode }) {
  const { set } = useActions();
  const [key, setKey] = useState('');
  const k = key.trim().replace(/\./g, '_');
  const add = () => { if (k && !(k in record)) { set(path, { ...record, [k]: emptyValue(item) }); setKey(''); } };
  return (
    <Group gap={6}>
      <TextInput size="xs" w={170} placeholder="new_key" value={key} aria-label="New key" onChange={(e) => setKey(e.currentTarget.value)}
        onKeyDown={(e) => e.key === 'Enter' && add()} error={k in record ? 'Exists' : undefined} styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }} />
      <Button size="compact-sm" variant="light" leftSection={<IconPlus size={14} />} disabled={!k || k in record} onClick={add}>Add</Button>
    </Group>
  );
}
