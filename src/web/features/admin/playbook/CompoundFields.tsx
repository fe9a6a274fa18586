// Leaves edited with more than one control: day ranges, money, a condition value of several types, lists of scalars.
import { Button, Chip, Group, Input, MultiSelect, NativeSelect, NumberInput, Stack, TagsInput, Text, TextInput } from '@mantine/core';
import type { ReactNode } from 'react';
import type { FormNode, ScalarKind } from '../../../../core/playbook';
import { IconPlus } from '../../../ui/Icons';
import { join, unitSuffix, useActions, useErrors, useRefs } from './form-state';
import { moveItem, RowControls } from './RowControls';

export interface CompoundProps {
  node: FormNode; path: string; value: unknown; bare?: boolean;
  label?: ReactNode; name: string; error?: string;
}

const wrapperProps = ({ label, node, error, path, bare }: CompoundProps) =>
  ({ label, description: bare ? undefined : node.meta.help, error, 'data-path': path });

export function RangeField(props: CompoundProps) {
  const { node, path, value, name, bare } = props;
  const { set } = useActions();
  const range = value && typeof value === 'object' ? (value as { min: number; max: number }) : null;
  const suffix = unitSuffix(node.meta.unit);
  const change = (key: 'min' | 'max', v: string | number) => {
    const n = v === '' ? null : Number(v);
    if (n === null) {
      const other = range?.[key === 'min' ? 'max' : 'min'];
      set(path, node.nullable && (other === undefined || other === null) ? null : { ...range, [key]: null });
    } else set(path, { min: range?.min ?? n, max: range?.max ?? n, [key]: n });
  };
  const input = (key: 'min' | 'max') => (
    <NumberInput size={bare ? 'xs' : 'sm'} w={bare ? 72 : 96} value={range?.[key] ?? ''} min={0} aria-label={`${name} ${key === 'min' ? 'from' : 'to'}`}
      placeholder={node.nullable && !range ? node.meta.nullLabel ?? '—' : undefined} onChange={(v) => change(key, v)} />
  );
  return (
    <Input.Wrapper {...wrapperProps(props)}>
      <Group gap={6} wrap="nowrap" align="center">{input('min')}<Text size="sm" c="dimmed">–</Text>{input('max')}{suffix && <Text size="xs" c="dimmed">{suffix}</Text>}</Group>
    </Input.Wrapper>
  );
}

const fractionDigits = (currency: string) => {
  try { return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2; } catch { return 2; }
};

export function MoneyField(props: CompoundProps) {
  const { path, value, name, bare } = props;
  const { set } = useActions();
  const money = (value ?? { amountMinor: 0, currency: 'USD' }) as { amountMinor: number; currency: string };
  const digits = fractionDigits(money.currency);
  return (
    <Input.Wrapper {...wrapperProps(props)}>
      <Group gap={6} wrap="nowrap">
        <NumberInput size={bare ? 'xs' : 'sm'} w={150} aria-label={`${name} amount`} decimalScale={digits} thousandSeparator="," min={0}
          value={money.amountMinor / 10 ** digits} onChange={(v) => set(join(path, 'amountMinor'), v === '' ? 0 : Math.round(Number(v) * 10 ** digits))} />
        <TextInput size={bare ? 'xs' : 'sm'} w={64} aria-label={`${name} currency`} value={money.currency} maxLength={3}
          onChange={(e) => set(join(path, 'currency'), e.currentTarget.value.toUpperCase())} />
      </Group>
    </Input.Wrapper>
  );
}

const TYPE_LABELS: Record<ScalarKind | 'none', string> = { none: '—', string: 'Text', number: 'Number', boolean: 'Yes/no', stringList: 'List' };
const typeOf = (v: unknown): ScalarKind | 'none' =>
  v === undefined ? 'none' : Array.isArray(v) ? 'stringList' : typeof v === 'number' ? 'number' : typeof v === 'boolean' ? 'boolean' : 'string';
const EMPTY: Record<ScalarKind | 'none', unknown> = { none: undefined, string: '', number: 0, boolean: true, stringList: [] };

/** A value that may be text, a number, yes/no or a list (a scoring condition's value). */
export function ScalarUnionField(props: CompoundProps) {
  const { node, path, value, name, bare } = props;
  const { set } = useActions();
  if (node.kind !== 'scalarUnion') return null;
  const type = typeOf(value);
  const size = bare ? 'xs' : 'sm';
  const input = type === 'number' ? <NumberInput size={size} w={110} value={value as number} aria-label={name} onChange={(v) => set(path, v === '' ? 0 : Number(v))} />
    : type === 'boolean' ? <NativeSelect size={size} w={80} data={['yes', 'no']} value={value ? 'yes' : 'no'} onChange={(e) => set(path, e.currentTarget.value === 'yes')} aria-label={name} />
      : type === 'stringList' ? <TagsInput size={size} miw={180} value={value as string[]} onChange={(v) => set(path, v)} aria-label={name} />
        : type === 'string' ? <TextInput size={size} w={150} value={value as string} aria-label={name} onChange={(e) => set(path, e.currentTarget.value)} /> : null;
  const types: (ScalarKind | 'none')[] = node.optional ? ['none', ...node.types] : node.types;
  return (
    <Input.Wrapper {...wrapperProps(props)}>
      <Group gap={6} wrap="nowrap">
        <NativeSelect size="xs" w={96} value={type} data={types.map((t) => ({ value: t, label: TYPE_LABELS[t] }))} aria-label={`${name} type`}
          onChange={(e) => set(path, EMPTY[e.currentTarget.value as ScalarKind | 'none'])} />
        {input}
      </Group>
    </Input.Wrapper>
  );
}

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** A list of strings or numbers: a multi-select for references, weekday chips, tags in a table cell, else rows. */
export function ScalarListField(props: CompoundProps) {
  const { node, path, value, name, bare } = props;
  const { set } = useActions();
  const refs = useRefs();
  const errors = useErrors();
  const list = Array.isArray(value) ? (value as (string | number)[]) : [];
  if (node.kind !== 'array') return null;
  const size = bare ? 'xs' : 'sm';
  if (node.meta.widget === 'weekdays') {
    return (
      <Input.Wrapper {...wrapperProps(props)}>
        <Chip.Group multiple value={list.map(String)} onChange={(v) => set(path, v.map(Number).sort((a, b) => a - b))}>
          <Group gap={4} mt={4}>{WEEKDAYS.map((d, i) => <Chip key={d} value={String(i + 1)} size="xs">{d}</Chip>)}</Group>
        </Chip.Group>
      </Input.Wrapper>
    );
  }
  const options = node.meta.ref ? refs[node.meta.ref] : node.item.kind === 'enum' ? node.item.options.map((o) => ({ value: o, label: o })) : undefined;
  if (options) {
    const strings = list.map(String);
    const data = [...options, ...strings.filter((s) => !options.some((o) => o.value === s)).map((s) => ({ value: s, label: `${s} (unknown)` }))];
    const { 'data-path': dataPath, ...wrapper } = wrapperProps(props);
    return <MultiSelect {...wrapper} wrapperProps={{ 'data-path': dataPath }} size={size} data={data} value={strings} searchable aria-label={bare ? name : undefined}
      onChange={(v) => set(path, v)} comboboxProps={{ withinPortal: true }} miw={bare ? 200 : undefined} />;
  }
  if (bare && node.item.kind === 'string') {
    const { 'data-path': dataPath, ...wrapper } = wrapperProps(props);
    return <TagsInput {...wrapper} wrapperProps={{ 'data-path': dataPath }} size={size} value={list.map(String)} aria-label={name} onChange={(v) => set(path, v)} miw={220} />;
  }
  const numeric = node.item.kind === 'number';
  const canRemove = list.length > (node.minItems ?? 0);
  return (
    <Input.Wrapper {...wrapperProps(props)}>
      <Stack gap={4} mt={4}>
        {list.map((item, i) => {
          const itemPath = join(path, i);
          const itemError = errors.under(itemPath).join(' · ') || undefined;
          const itemName = `${name} ${i + 1}`;
          return (
            <Group key={i} gap={4} wrap="nowrap" align="flex-start">
              {numeric
                ? <NumberInput size="xs" style={{ flex: 1 }} value={item as number} aria-label={itemName} error={itemError} wrapperProps={{ 'data-path': itemPath }} onChange={(v) => set(itemPath, v === '' ? 0 : Number(v))} />
                : <TextInput size="xs" style={{ flex: 1 }} value={String(item)} type={node.item.kind === 'string' && node.item.format === 'date' ? 'date' : 'text'}
                  aria-label={itemName} error={itemError} wrapperProps={{ 'data-path': itemPath }} onChange={(e) => set(itemPath, e.currentTarget.value)} />}
              <RowControls index={i} count={list.length} canRemove={canRemove} name={itemName}
                onMove={(to) => set(path, moveItem(list, i, to))} onRemove={() => set(path, list.filter((_, j) => j !== i))} />
            </Group>
          );
        })}
        <Group>
          {list.length === 0 && <Text size="xs" c="dimmed">None.</Text>}
          <Button size="compact-xs" variant="subtle" leftSection={<IconPlus size={12} />} disabled={node.maxItems !== undefined && list.length >= node.maxItems}
            onClick={() => set(path, [...list, numeric ? 0 : ''])}>Add</Button>
        </Group>
      </Stack>
    </Input.Wrapper>
  );
}
