// Step 2 of the import wizard: which column feeds which field, the units of amounts, how coded values and unknown
// countries translate, and the first rows parsed with that mapping, with their errors and warnings (re-previewed on
// every change).
import { Alert, Badge, Group, ScrollArea, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import type { ImportMapping } from '../../../core/imports';
import { formatMoney, formatNumber } from '../../lib/format';
import type { Preview } from './hooks';

type CodedKind = 'stage' | 'source' | 'status' | 'role';
const CODED: Record<CodedKind, 'stages' | 'sources' | 'statuses' | 'roles'> = { stage: 'stages', source: 'sources', status: 'statuses', role: 'roles' };
const CODED_TITLE: Record<CodedKind, string> = { stage: 'Stage values', source: 'Source values', status: 'Status values', role: 'Role values' };
const SCALES = [{ value: '1', label: 'as written' }, { value: '1000', label: 'in thousands' }, { value: '1000000', label: 'in millions' }];

/** Country picker options: every ISO code with its English name. */
let countryOptions: { value: string; label: string }[] | null = null;
function countries() {
  if (countryOptions) return countryOptions;
  const names = new Intl.DisplayNames(['en'], { type: 'region' });
  const out: { value: string; label: string }[] = [];
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      const name = names.of(code);
      if (name && name !== code && !['EU', 'EZ', 'UN', 'QO', 'XA', 'XB', 'ZZ'].includes(code)) out.push({ value: code, label: `${name} (${code})` });
    }
  }
  return (countryOptions = out.sort((x, y) => x.label.localeCompare(y.label)));
}

function show(v: unknown, field?: string, currency?: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  if ((field === 'amount' || field === 'annualRevenue') && typeof v === 'number') return formatMoney(v, typeof currency === 'string' ? currency : 'USD');
  if (typeof v === 'object' && v && 'date' in v) return String((v as { date: string }).date);
  return String(v);
}

export function MappingStep({ preview, mapping, onChange, templateName, onTemplateName }: {
  preview: Preview; mapping: ImportMapping; onChange: (m: ImportMapping) => void; templateName: string; onTemplateName: (v: string) => void;
}) {
  const setColumn = (field: string, header: string | null) => onChange({ ...mapping, columns: { ...mapping.columns, [field]: header } });
  const setValue = (kind: CodedKind | 'country', from: string, to: string | null) => {
    const current = { ...(mapping.values[kind] ?? {}) };
    if (to) current[from] = to; else delete current[from];
    onChange({ ...mapping, values: { ...mapping.values, [kind]: current } });
  };
  const headerOptions = preview.headers.map((h) => ({ value: h, label: h }));
  const shownFields = preview.fields.filter((f) => mapping.columns[f.id] || f.required).slice(0, 6).map((f) => f.id);
  const goodRows = preview.rows.filter((r) => r.ok).length;
  const moneyFields = preview.fields.filter((f) => f.type === 'money' && mapping.columns[f.id]);
  const setScale = (field: string, v: string | null) => {
    const { [field]: _old, ...rest } = mapping.scale;
    onChange({ ...mapping, scale: v && v !== '1' ? { ...rest, [field]: Number(v) } : rest });
  };

  return (
    <Stack gap="lg">
      {preview.mappingErrors.length > 0 && (
        <Alert color="orange" title="Finish the mapping" data-testid="mapping-errors">
          <Stack gap={2}>{preview.mappingErrors.map((e, i) => <Text size="sm" key={i}>{e.message}</Text>)}</Stack>
        </Alert>
      )}
      <div>
        <Title order={3} mb="xs">Columns</Title>
        <Text size="sm" c="dimmed" mb="sm">HubSpot exports and our own exports are recognised; pick a column for anything else.</Text>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm" data-testid="column-mapping">
          {preview.fields.map((f) => (
            <Select key={f.id} label={f.label} withAsterisk={f.required} placeholder="Not imported" clearable searchable
              data={headerOptions} value={mapping.columns[f.id] ?? null} onChange={(v) => setColumn(f.id, v)} />
          ))}
        </SimpleGrid>
        <Group mt="sm" gap="sm" align="flex-end">
          <Select label="Dates like 03/04/2025 are" w={220} value={mapping.dateOrder} allowDeselect={false}
            data={[{ value: 'mdy', label: 'month/day/year (US)' }, { value: 'dmy', label: 'day/month/year (EU)' }]}
            onChange={(v) => onChange({ ...mapping, dateOrder: (v as 'mdy' | 'dmy') ?? 'mdy' })} />
          {preview.kind === 'deals' && (
            <TextInput label="Currency when the file has none" w={220} maxLength={3} placeholder="USD"
              value={mapping.defaults.currency ?? ''} onChange={(e) => {
                const v = e.currentTarget.value.toUpperCase();
                const { currency: _c, ...rest } = mapping.defaults;
                onChange({ ...mapping, defaults: /^[A-Z]{3}$/.test(v) ? { ...rest, currency: v } : rest });
              }} />
          )}
          {moneyFields.map((f) => (
            <Select key={f.id} label={`${f.label} is written`} w={200} allowDeselect={false} data={SCALES} data-testid={`scale-${f.id}`}
              value={String(mapping.scale[f.id] ?? 1)} onChange={(v) => setScale(f.id, v)} />
          ))}
        </Group>
      </div>

      {Object.entries(preview.coded).filter(([, values]) => values.length > 0).map(([field, values]) => {
        const kind = field as CodedKind;
        const options = preview.options[CODED[kind]].map((o) => ({ value: o.id, label: o.label ?? o.id }));
        return (
          <div key={field}>
            <Title order={3} mb="xs">{CODED_TITLE[kind]}</Title>
            <Table withTableBorder verticalSpacing={4} data-testid={`value-mapping-${kind}`} maw={640}>
              <Table.Thead><Table.Tr><Table.Th>In the file</Table.Th><Table.Th>Rows</Table.Th><Table.Th>Becomes</Table.Th></Table.Tr></Table.Thead>
              <Table.Tbody>
                {values.map((v) => (
                  <Table.Tr key={v.value}>
                    <Table.Td><Text ff="monospace" size="sm">{v.value}</Text></Table.Td>
                    <Table.Td>{v.count}</Table.Td>
                    <Table.Td>
                      <Select aria-label={`${kind} for ${v.value}`} size="xs" placeholder="Unknown: rows are reported" data={options} clearable
                        value={mapping.values[kind]?.[v.value] ?? v.mappedTo} error={!v.mappedTo && !mapping.values[kind]?.[v.value]}
                        onChange={(to) => setValue(kind, v.value, to)} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
        );
      })}

      {preview.countries.length > 0 && (
        <div>
          <Title order={3} mb={4}>Countries we do not know</Title>
          <Text size="sm" c="dimmed" mb="xs">Rows with these import without a country, each with a warning, unless you pick the country.</Text>
          <Table withTableBorder verticalSpacing={4} data-testid="value-mapping-country" maw={640}>
            <Table.Thead><Table.Tr><Table.Th>In the file</Table.Th><Table.Th>Rows</Table.Th><Table.Th>Becomes</Table.Th></Table.Tr></Table.Thead>
            <Table.Tbody>
              {preview.countries.map((v) => (
                <Table.Tr key={v.value}>
                  <Table.Td><Text ff="monospace" size="sm">{v.value}</Text></Table.Td>
                  <Table.Td>{formatNumber(v.count)}</Table.Td>
                  <Table.Td>
                    <Select aria-label={`country for ${v.value}`} size="xs" searchable clearable placeholder="No country, with a warning"
                      data={countries()} value={mapping.values.country?.[v.value] ?? null} onChange={(to) => setValue('country', v.value, to)} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}

      <div>
        <Group justify="space-between" mb="xs">
          <Title order={3}>First rows, parsed</Title>
          <Text size="sm" c="dimmed">{goodRows} of {preview.rows.length} ready</Text>
        </Group>
        <ScrollArea type="auto">
          <Table striped withTableBorder verticalSpacing={4} fz="sm" data-testid="preview-rows">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Line</Table.Th><Table.Th>Status</Table.Th>
                {shownFields.map((f) => <Table.Th key={f}>{preview.fields.find((x) => x.id === f)?.label}</Table.Th>)}
                <Table.Th>Problems</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {preview.rows.map((r) => (
                <Table.Tr key={r.line}>
                  <Table.Td>{r.line}</Table.Td>
                  <Table.Td>
                    {!r.ok ? <Badge color="red" variant="light">Error</Badge>
                      : r.warnings.length ? <Badge color="orange" variant="light">Warning</Badge> : <Badge color="teal" variant="light">OK</Badge>}
                  </Table.Td>
                  {shownFields.map((f) => <Table.Td key={f}>{r.values ? show(r.values[f], f, r.values.currency) : show(r.cells[mapping.columns[f] ?? ''])}</Table.Td>)}
                  <Table.Td>
                    <Text size="xs" c="red">{r.errors.map((e) => e.message).join('; ')}</Text>
                    <Text size="xs" c="orange.8">{r.warnings.map((e) => e.message).join('; ')}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea>
      </div>
      <TextInput label="Save this mapping as a template (optional)" description="Reuse it for the next file from the same system."
        placeholder="e.g. Legacy CRM deals" maw={420} value={templateName} onChange={(e) => onTemplateName(e.currentTarget.value)} />
    </Stack>
  );
}
