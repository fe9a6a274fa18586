// The owner step of the import wizard: every owner value of the file with its row count and the user it becomes.
// Values that match no user are listed first; each can be given a user or left unowned on purpose (the rows of the
// ones left as they are import unowned, each with a warning).
import { Alert, Badge, Select, Stack, Table, Text, Title } from '@mantine/core';
import type { ImportMapping } from '../../../core/imports';
import { formatNumber } from '../../lib/format';
import type { Preview } from './hooks';

/** The Select value of "leave unowned" (never a user id). */
const UNOWNED = '__unowned__';

export function OwnersStep({ preview, mapping, onChange }: { preview: Preview; mapping: ImportMapping; onChange: (m: ImportMapping) => void }) {
  const users = preview.options.users;
  const byEmail = new Map(users.map((u) => [u.email.toLowerCase(), u]));
  const options = [
    { value: UNOWNED, label: 'Leave unowned' },
    ...users.map((u) => ({ value: u.email, label: `${u.name} <${u.email}>` })),
  ];
  const setOwner = (value: string, to: string | null) => {
    const owners = { ...mapping.owners };
    if (to === null) delete owners[value];
    else owners[value] = to === UNOWNED ? null : to;
    onChange({ ...mapping, owners });
  };
  const unmatched = preview.owners.filter((o) => o.how === 'unmatched');
  const unmatchedRows = unmatched.reduce((n, o) => n + o.count, 0);
  const nameOf = (id: string | null) => users.find((u) => u.id === id)?.name ?? '—';

  return (
    <Stack gap="md">
      <div>
        <Title order={3} mb={4}>Owners</Title>
        <Text size="sm" c="dimmed">
          Owner values of the whole file, matched to users by e-mail or name. Give each unknown one a user, or leave it unowned.
          Import your team first (kind “Users and teams”) to match them by name.
        </Text>
      </div>
      {unmatched.length > 0 ? (
        <Alert color="orange" title={`${unmatched.length} owner values match no user`} data-testid="unmatched-owners">
          {formatNumber(unmatchedRows)} rows would import without an owner, each with a warning, unless you map them below.
        </Alert>
      ) : <Alert color="teal" title="Every owner value is matched or mapped" />}
      <Table withTableBorder verticalSpacing={4} maw={820} data-testid="owner-mapping">
        <Table.Thead><Table.Tr><Table.Th>In the file</Table.Th><Table.Th>Rows</Table.Th><Table.Th>Status</Table.Th><Table.Th>Becomes</Table.Th></Table.Tr></Table.Thead>
        <Table.Tbody>
          {preview.owners.map((o) => {
            const explicit = mapping.owners[o.value];
            const current = explicit === null ? UNOWNED : explicit ? (byEmail.get(explicit.toLowerCase())?.email ?? explicit) : null;
            return (
              <Table.Tr key={o.value}>
                <Table.Td><Text ff="monospace" size="sm">{o.value}</Text></Table.Td>
                <Table.Td>{formatNumber(o.count)}</Table.Td>
                <Table.Td>
                  {o.how === 'unmatched' && <Badge color="orange" variant="light">No user</Badge>}
                  {o.how === 'user' && <Badge color="teal" variant="light">{nameOf(o.userId)}</Badge>}
                  {o.how === 'mapped' && <Badge color="blue" variant="light">Mapped</Badge>}
                  {o.how === 'unowned' && <Badge color="gray" variant="light">Unowned</Badge>}
                </Table.Td>
                <Table.Td>
                  <Select aria-label={`Owner for ${o.value}`} size="xs" searchable clearable data={options} value={current}
                    placeholder={o.how === 'user' ? 'As matched' : 'Unowned, with a warning'} error={o.how === 'unmatched'}
                    onChange={(to) => setOwner(o.value, to)} />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
