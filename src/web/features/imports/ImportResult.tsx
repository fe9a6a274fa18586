// The last step of the import wizard: counts, the rows not imported (with their record id, to fix and import again)
// and the rows imported with a warning (an open deal without an amount, an owner or a country nobody knows).
import { Anchor, Button, Group, List, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { ImportKind } from '../../../core/imports';
import { formatNumber } from '../../lib/format';
import { KpiCard } from '../../ui/KpiCard';
import { useImportErrors, type ImportErrorRow, type ImportJob } from './hooks';

const WHERE: Record<ImportKind, { to: string; label: string }> = {
  deals: { to: '/pipeline', label: 'Open the pipeline' }, companies: { to: '/accounts', label: 'Open accounts' },
  contacts: { to: '/accounts', label: 'Open accounts' }, leads: { to: '/leads', label: 'Open the lead inbox' },
  users: { to: '/admin/users', label: 'Open users (activate them there)' },
};

const FIELD_LABELS: Record<string, string> = {
  amount: 'without an amount', owner: 'without their owner (no matching user)', country: 'without a country (unknown name)',
  manager: 'without a manager (no matching user)', role: 'with their role unchanged',
};

function Rows({ rows, testId }: { rows: ImportErrorRow[]; testId: string }) {
  return (
    <Table withTableBorder striped fz="sm" data-testid={testId}>
      <Table.Thead>
        <Table.Tr><Table.Th>Line</Table.Th><Table.Th>Record</Table.Th><Table.Th>Column</Table.Th><Table.Th>Value</Table.Th><Table.Th>Reason</Table.Th></Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((e, i) => (
          <Table.Tr key={i}>
            <Table.Td>{e.line}</Table.Td><Table.Td>{e.key ?? '—'}</Table.Td><Table.Td>{e.column ?? '—'}</Table.Td>
            <Table.Td>{e.value || '—'}</Table.Td><Table.Td>{e.message}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function ImportResult({ job: j, onReset }: { job: ImportJob; onReset: () => void }) {
  const errors = useImportErrors(j.id, j.rowsFailed > 0);
  const warnings = useImportErrors(j.id, j.rowsWarned > 0, 'warning');
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 2, md: 5 }}>
        <KpiCard label="Rows read" value={formatNumber(j.rowsDone)} testId="result-rows" />
        <KpiCard label="New" value={formatNumber(j.rowsInserted)} color="teal" testId="result-inserted" />
        <KpiCard label="Updated" value={formatNumber(j.rowsUpdated)} testId="result-updated" />
        <KpiCard label="With warnings" value={formatNumber(j.rowsWarned)} color="orange" testId="result-warned" />
        <KpiCard label="Not imported" value={formatNumber(j.rowsFailed)} color="red" testId="result-failed" />
      </SimpleGrid>
      {j.rowsFailed > 0 && (
        <div>
          <Group justify="space-between" mb="xs">
            <Text fw={600}>Rows not imported</Text>
            <Anchor href={`/api/imports/${j.id}/errors.csv`} download>Download the error report (CSV)</Anchor>
          </Group>
          <Text size="sm" c="dimmed" mb="xs">Each row is named by its record id (else its line): fix them in your file and import it again.</Text>
          <Rows rows={errors.data?.items ?? []} testId="import-errors" />
        </div>
      )}
      {j.rowsWarned > 0 && (
        <div>
          <Group justify="space-between" mb="xs">
            <Text fw={600}>Imported with warnings</Text>
            <Anchor href={`/api/imports/${j.id}/errors.csv?level=warning`} download>Download the warnings (CSV)</Anchor>
          </Group>
          <List size="sm" mb="xs" data-testid="warning-summary">
            {Object.entries(j.warnings).map(([field, n]) => (
              <List.Item key={field}>{formatNumber(n)} rows {FIELD_LABELS[field] ?? `with a warning on ${field}`}</List.Item>
            ))}
          </List>
          <Rows rows={warnings.data?.items ?? []} testId="import-warnings" />
        </div>
      )}
      <Group>
        <Button onClick={onReset}>Import another file</Button>
        <Button component={Link} to={WHERE[j.kind].to} variant="default">{WHERE[j.kind].label}</Button>
        {j.kind === 'deals' && <Button component={Link} to="/sales/dashboard" variant="default">Sales dashboard</Button>}
      </Group>
    </Stack>
  );
}
