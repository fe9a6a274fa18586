import { ActionIcon, Badge, Button, Card, Group, ScrollArea, Select, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { useState } from 'react';
import { ROLE_LABELS, ROLES } from '../../../core/access/roles';
import { usePartners } from '../../lib/directory';
import { formatDateTime, fromNow } from '../../lib/format';
import type { User } from './hooks';
import { RoleBadge } from '../../ui/Badges';
import { IconEdit, IconPlus, IconSearch } from '../../ui/Icons';
import { PageHeader } from '../../ui/PageHeader';
import { BlockSkeleton, Empty, ErrorAlert } from '../../ui/QueryState';
import { useUsers } from './hooks';
import { UserFormModal } from './UserFormModal';

export function UsersPage() {
  const q = useUsers();
  const partners = usePartners();
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const [search, setSearch] = useState('');
  const [role, setRole] = useState<string | null>(null);
  const s = search.trim().toLowerCase();
  const users = (q.data ?? []).filter((u) => (!role || u.role === role) && (!s || u.name.toLowerCase().includes(s) || u.email.toLowerCase().includes(s)));

  return (
    <>
      <PageHeader title="Users" description="Who can sign in, with which role. Partner and customer users are limited to their own accounts."
        actions={<Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>New user</Button>} />
      <Group mb="md" gap="sm" align="flex-end">
        <TextInput label="Search" placeholder="Name or email" leftSection={<IconSearch size={16} />} value={search} onChange={(e) => setSearch(e.currentTarget.value)} w={260} />
        <Select label="Role" placeholder="All roles" clearable data={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))} value={role} onChange={setRole} w={220} />
      </Group>
      <Card p={0}>
        {q.isPending ? <BlockSkeleton rows={8} /> : q.error ? <ErrorAlert error={q.error} onRetry={() => q.refetch()} /> : users.length === 0 ? <Empty title="No users match" /> : (
          <ScrollArea type="auto">
            <Table miw={820} data-testid="users-table">
              <Table.Thead>
                <Table.Tr><Table.Th>Name</Table.Th><Table.Th>Role</Table.Th><Table.Th>Scope</Table.Th><Table.Th>Status</Table.Th><Table.Th>Last sign-in</Table.Th><Table.Th w={60}><span className="visually-hidden">Actions</span></Table.Th></Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {users.map((u) => (
                  <Table.Tr key={u.id} style={{ opacity: u.active ? 1 : 0.6 }}>
                    <Table.Td><Text size="sm" fw={600}>{u.name}</Text><Text size="xs" c="dimmed">{u.email}</Text></Table.Td>
                    <Table.Td><RoleBadge role={u.role} /></Table.Td>
                    <Table.Td><Text size="sm">{u.role === 'partner' ? partners.nameOf(u.partnerId) ?? 'Partner' : u.role === 'customer' ? 'One account' : 'All accounts'}</Text></Table.Td>
                    <Table.Td>{u.active ? <Badge color="teal">Active</Badge> : <Badge color="gray">Inactive</Badge>}</Table.Td>
                    <Table.Td><Text size="sm" title={formatDateTime(u.lastLoginAt)}>{u.lastLoginAt ? fromNow(u.lastLoginAt) : 'Never'}</Text></Table.Td>
                    <Table.Td>
                      <Tooltip label="Edit user"><ActionIcon variant="subtle" aria-label={`Edit ${u.name}`} onClick={() => setEditing(u)}><IconEdit size={16} /></ActionIcon></Tooltip>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea>
        )}
      </Card>
      <UserFormModal opened={editing !== null} user={editing === 'new' ? undefined : editing ?? undefined} onClose={() => setEditing(null)} />
    </>
  );
}
