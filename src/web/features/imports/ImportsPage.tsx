// Import & export: the wizard, exports of every kind, and recent imports (resumable when interrupted).
import { Badge, Button, Card, Group, Table, Text, Title } from '@mantine/core';
import { EXPORT_KINDS, KIND_LABELS } from '../../../core/imports';
import { notifyError } from '../../lib/errors';
import { formatDateTime, formatNumber } from '../../lib/format';
import { PageHeader } from '../../ui/PageHeader';
import { useRecentImports, useResumeImport } from './hooks';
import { ImportWizard } from './ImportWizard';

const STATUS_COLOR: Record<string, string> = { completed: 'teal', running: 'blue', queued: 'gray', failed: 'red', interrupted: 'orange' };

export function ImportsPage() {
  const recent = useRecentImports();
  const resume = useResumeImport();
  return (
    <>
      <PageHeader title="Import & export" description="Bring companies, contacts, leads, deals and your sales team in from CSV (HubSpot, Salesforce, Pipedrive or any CRM), and take them out the same way." />
      <ImportWizard />
      <Card p="lg" mt="md">
        <Title order={3} mb={4}>Export</Title>
        <Text size="sm" c="dimmed" mb="sm">CSV with HubSpot property names as headers: it imports back without a mapping, updating instead of duplicating.</Text>
        <Group gap="sm">
          {EXPORT_KINDS.map((k) => (
            <Button key={k} component="a" href={`/api/exports/${k}.csv`} download variant="default">Export {KIND_LABELS[k].toLowerCase()}</Button>
          ))}
        </Group>
      </Card>
      <Card p="lg" mt="md">
        <Title order={3} mb="sm">Recent imports</Title>
        {(recent.data?.items.length ?? 0) === 0 ? <Text size="sm" c="dimmed">No imports yet.</Text> : (
          <Table fz="sm" verticalSpacing={6} data-testid="recent-imports">
            <Table.Thead><Table.Tr><Table.Th>File</Table.Th><Table.Th>Kind</Table.Th><Table.Th>Status</Table.Th><Table.Th>Rows</Table.Th><Table.Th>New</Table.Th><Table.Th>Updated</Table.Th><Table.Th>Warnings</Table.Th><Table.Th>Errors</Table.Th><Table.Th>Started</Table.Th><Table.Th /></Table.Tr></Table.Thead>
            <Table.Tbody>
              {recent.data!.items.map((j) => (
                <Table.Tr key={j.id}>
                  <Table.Td>{j.fileName}</Table.Td>
                  <Table.Td>{j.kind}</Table.Td>
                  <Table.Td><Badge color={STATUS_COLOR[j.status] ?? 'gray'} variant="light">{j.status}{j.status === 'running' ? ` ${j.percent} %` : ''}</Badge></Table.Td>
                  <Table.Td>{formatNumber(j.rowsDone)}</Table.Td>
                  <Table.Td>{formatNumber(j.rowsInserted)}</Table.Td>
                  <Table.Td>{formatNumber(j.rowsUpdated)}</Table.Td>
                  <Table.Td>{j.rowsWarned ? <a href={`/api/imports/${j.id}/errors.csv?level=warning`} download>{formatNumber(j.rowsWarned)}</a> : 0}</Table.Td>
                  <Table.Td>{j.rowsFailed ? <a href={`/api/imports/${j.id}/errors.csv`} download>{formatNumber(j.rowsFailed)}</a> : 0}</Table.Td>
                  <Table.Td>{formatDateTime(j.createdAt)}</Table.Td>
                  <Table.Td>
                    {(j.status === 'failed' || j.status === 'interrupted') && (
                      <Button size="xs" variant="light" loading={resume.isPending}
                        onClick={() => resume.mutate(j.id, { onError: (e) => notifyError(e, 'Could not resume') })}>Resume</Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Card>
    </>
  );
}
