// Step 2 of the import wizard: which column feeds which field, how coded values translate, and the first rows
// parsed with that mapping (re-previewed on every change).
import { Alert, Badge, Group, ScrollArea, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import type { ImportMapping } from '../../../core/imports';
import { formatMoney } from '../../lib/format';
import type { Preview } from './hooks';

const CODED: Record<string, 'stages' | 'sources' | 'statuses'> = { stage: 'stages', source: 'sources', status: 'statuses' };

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
  const setValue = (kind: 'stage' | 'source' | 'status', from: string, to: string | null) => {
    const current = { ...(mapping.values[kind] ?? {}) };
    if (to) current[from] = to; else delete current[from];
    onChange({ ...mapping, values: { ...mapping.values, [kind]: current } });
  };
  const headerOptions = preview.headers.map((h) => ({ value: h, label: h }));
  const shownFields = preview.fields.filter((f) => mapping.columns[f.id] || f.required).slice(0, 6).map((f) => f.id);
  const goodRows = preview.rows.filter((r) => r.ok).length;

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
        </Group>
      </div>

      {Object.entries(preview.coded).filter(([, values]) => values.length > 0).map(([field, values]) => {
        const kind = field as 'stage' | 'source' | 'status';
        const options = preview.options[CODED[kind]].map((o) => ({ value: o.id, label: o.label ?? o.id }));
        return (
          <div key={field}>
            <Title order={3} mb="xs">{kind === 'stage' ? 'Stage values' : kind === 'source' ? 'Source values' : 'Status values'}</Title>
            <Table withTableBorder verticalSpacing={4} data-testid={`value-mapping-${kind}`} maw={640}>
              <Table.Thead><Table.Tr><Table.Th>In the file</Table.Th><Table.Th>Rows (sample)</Table.Th><Table.Th>Becomes</Table.Th></Table.Tr></Table.Thead>
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
                  <Table.Td>{r.ok ? <Badge color="teal" variant="light">OK</Badge> : <Badge color="red" variant="light">Error</Badge>}</Table.Td>
                  {shownFields.map((f) => <Table.Td key={f}>{r.values ? show(r.values[f], f, r.values.currency) : show(r.cells[mapping.columns[f] ?? ''])}</Table.Td>)}
                  <Table.Td><Text size="xs" c="red">{r.errors.map((e) => e.message).join('; ')}</Text></Table.Td>
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
