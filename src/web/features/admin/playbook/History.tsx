// The playbook's versions, newest first, with their notes and authors.
import { Badge, Card, Group, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { useDirectory } from '../../../lib/directory';
import { formatDateTime, fromNow } from '../../../lib/format';
import { usePlaybookVersions } from '../hooks';

export function History({ current }: { current: number }) {
  const q = usePlaybookVersions();
  const directory = useDirectory();
  return (
    <Card h="100%">
      <Title order={3} mb="sm">History</Title>
      {q.isPending ? <Text size="sm" c="dimmed">Loading…</Text> : (
        <ScrollArea.Autosize mah={150} type="auto">
          <Stack gap="xs" data-testid="playbook-history">
            {(q.data ?? []).map((v) => (
              <Group key={v.version} justify="space-between" wrap="nowrap" align="flex-start">
                <div>
                  <Text size="sm" fw={600}>Version {v.version} {v.version === current && <Badge size="xs" ml={4}>Active</Badge>}</Text>
                  <Text size="xs" c="dimmed">{v.note ?? 'No note'}{v.createdBy ? ` · ${directory.nameOf(v.createdBy) ?? 'admin'}` : ''}</Text>
                </div>
                <Text size="xs" c="dimmed" title={formatDateTime(v.createdAt)} style={{ whiteSpace: 'nowrap' }}>{fromNow(v.createdAt)}</Text>
              </Group>
            ))}
          </Stack>
        </ScrollArea.Autosize>
      )}
    </Card>
  );
}
