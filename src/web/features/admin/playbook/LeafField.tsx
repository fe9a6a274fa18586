// One input per leaf of the playbook schema: numbers with their unit, enums as selects, booleans as switches, texts,
// ids that name other lists as selects of that list, and the compound leaves (ranges, money, lists of scalars).
import { Input, NativeSelect, NumberInput, Select, Switch, Text, Textarea, TextInput } from '@mantine/core';
import { TimeInput } from '@mantine/dates';
import { memo, useMemo } from 'react';
import type { FormNode } from '../../../../core/playbook';
import { humanize } from '../../../lib/format';
import { MoneyField, RangeField, ScalarListField, ScalarUnionField } from './CompoundFields';
import { titleOf, unitSuffix, useActions, useErrors, useRefs } from './form-state';
import { FieldTitle } from './SeedBadges';

export interface LeafProps {
  node: FormNode;
  path: string;
  value: unknown;
  /** A table cell: no visible label, `name` (default: the field title) is the accessible label. */
  bare?: boolean;
  name?: string;
}

/** Converts a NumberInput change: '' becomes null (or removes an optional field). */
export function numberFrom(v: string | number, node: FormNode): number | null | undefined {
  if (v === '' || v === '-') return node.optional ? undefined : null;
  return typeof v === 'number' ? v : Number(v);
}

let zones: string[] | undefined;
const timeZones = () => (zones ??= Intl.supportedValuesOf('timeZone'));

export const LeafField = memo(function LeafField(props: LeafProps) {
  const { node, path, value, bare } = props;
  const { meta } = node;
  const title = titleOf(meta, node.pattern.split('.').pop() ?? path);
  const name = props.name ?? title;
  const label = bare ? undefined : <FieldTitle title={title} seed={meta.seed} productSpecific={meta.productSpecific} />;
  const description = bare ? undefined : meta.help;
  const { set } = useActions();
  const refs = useRefs();
  const messages = useErrors().under(path);
  const error = messages.length ? messages.join(' · ') : undefined;
  const common = { label, description, error, 'aria-label': label ? undefined : name, wrapperProps: { 'data-path': path }, size: label ? 'sm' : 'xs' } as const;
  const refOptions = node.meta.ref ? refs[node.meta.ref] : undefined;
  const enumData = useMemo(() => node.kind === 'enum' ? node.options.map((o) => ({ value: o, label: node.meta.optionLabels?.[o] ?? humanize(o) })) : [], [node]);

  switch (node.kind) {
    case 'number': {
      const suffix = unitSuffix(node.meta.unit);
      return (
        <NumberInput {...common} value={typeof value === 'number' ? value : ''} min={node.min} max={node.max}
          allowDecimal={!node.int} allowNegative={node.min === undefined || node.min < 0} clampBehavior="none"
          placeholder={node.nullable ? node.meta.nullLabel ?? 'none' : undefined} thousandSeparator=","
          rightSection={suffix ? <Text size="xs" c="dimmed" pr={6} style={{ whiteSpace: 'nowrap' }}>{suffix}</Text> : undefined}
          rightSectionWidth={suffix ? Math.max(28, suffix.length * 7 + 12) : undefined} rightSectionPointerEvents="none"
          onChange={(v) => set(path, numberFrom(v, node))} />
      );
    }
    // Native selects: a section can hold a hundred of them, and the combobox ones cost far more to render.
    case 'enum':
      return (
        <NativeSelect {...common} data={node.optional ? [{ value: '', label: '—' }, ...enumData] : enumData} value={typeof value === 'string' ? value : ''}
          onChange={(e) => set(path, e.currentTarget.value || undefined)} />
      );
    case 'boolean':
      return (
        <Input.Wrapper label={label} description={description} error={error} data-path={path}>
          <Switch checked={value === true} onChange={(e) => set(path, e.currentTarget.checked)} aria-label={name} mt={label ? 6 : 0} />
        </Input.Wrapper>
      );
    case 'literal':
      return <TextInput {...common} value={String(value ?? node.value)} readOnly variant="filled" />;
    case 'string': {
      const text = typeof value === 'string' ? value : '';
      const toValue = (s: string) => (s === '' && node.nullable ? null : s);
      if (refOptions) {
        const known = refOptions.some((o) => o.value === text);
        const data = [...(known ? [] : [{ value: text, label: text ? `${text} (unknown)` : 'Choose…' }]), ...refOptions];
        return <NativeSelect {...common} data={data} value={text} onChange={(e) => set(path, e.currentTarget.value)} />;
      }
      if (node.meta.widget === 'timeZone') {
        return <Select {...common} data={timeZones().includes(text) ? timeZones() : [text, ...timeZones()]} value={text} searchable limit={60} onChange={(v) => set(path, v ?? text)} />;
      }
      if (node.meta.widget === 'time') return <TimeInput {...common} value={text} onChange={(e) => set(path, e.currentTarget.value)} />;
      if (node.meta.widget === 'textarea') return <Textarea {...common} value={text} autosize minRows={2} maxRows={8} onChange={(e) => set(path, toValue(e.currentTarget.value))} />;
      const mono = /(^|\.)id$/.test(path);
      return (
        <TextInput {...common} value={text} type={node.format === 'date' ? 'date' : 'text'} placeholder={node.nullable ? node.meta.nullLabel ?? 'none' : undefined}
          styles={mono ? { input: { fontFamily: 'var(--mantine-font-family-monospace)' } } : undefined}
          onChange={(e) => set(path, toValue(e.currentTarget.value))} />
      );
    }
    case 'range': return <RangeField {...props} label={label} name={name} error={error} />;
    case 'money': return <MoneyField {...props} label={label} name={name} error={error} />;
    case 'scalarUnion': return <ScalarUnionField {...props} label={label} name={name} error={error} />;
    case 'array': return <ScalarListField {...props} label={label} name={name} error={error} />;
    default: return <Text size="xs" c="red">Unsupported field {path}</Text>;
  }
});
