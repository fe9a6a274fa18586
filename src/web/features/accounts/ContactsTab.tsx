// Contacts of an account: table with add, edit and delete for roles that may write contacts.
import { ActionIcon, Anchor, Badge, Button, Card, Group, ScrollArea, Stack, Table, Text, Tooltip } from '@mantine/core';
import { useState } from 'react';
import { seesInternal } from '../../../core/access/audience';
import { useUser } from '../../lib/auth';
import { notifyError, notifySuccess } from '../../lib/errors';
import { humanize } from '../../lib/format';
import { can } from '../../lib/permissions';
import type { Contact } from './hooks';
import { ConfirmModal } from '../../ui/ConfirmModal';
import { IconEdit, IconPlus, IconStar, IconTrash, IconUsers } from '../../ui/Icons';
import { BlockSkeleton, Empty, ErrorAlert } from '../../ui/QueryState';
import { AudienceBadge } from './AudienceSelect';
import { ContactFormModal } from './ContactFormModal';
import { useContacts, useDeleteContact } from './hooks';

export function ContactsTab({ accountId }: { accountId: string }) {
  const user = useUser();
  const writable = can.writeContacts(user.role);
  const q = useContacts(accountId);
  const remove = useDeleteContact(accountId);
  const [editing, setEditing] = useState<Contact | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Contact | null>(null);

  const contacts = [...(q.data ?? [])].sort((x, y) => Number(y.isPrimary) - Number(x.isPrimary) || x.lastName.localeCompare(y.lastName));
  return (
    <Card p={0} data-testid="contacts">
      <Group justify="space-between" p="md" pb="sm">
        <Text fw={650}>{q.data ? `${q.data.length} contact${q.data.length === 1 ? '' : 's'}` : 'Contacts'}</Text>
        {writable && <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => setEditing('new')}>Add contact</Button>}
      </Group>
      {q.isPending ? <Stack p="md"><BlockSkeleton rows={4} /></Stack>
        : q.error ? <Stack p="md"><ErrorAlert error={q.error} onRetry={() => q.refetch()} /></Stack>
          : contacts.length === 0 ? <Empty title="No contacts yet" icon={<IconUsers size={28} />}>Add the decision makers, champions and technical contacts.</Empty>
            : (
              <ScrollArea type="auto">
                <Table miw={640}>
                  <Table.Thead>
                    <Table.Tr><Table.Th>Name</Table.Th><Table.Th>Roles</Table.Th><Table.Th>Email</Table.Th><Table.Th>Phone</Table.Th>{writable && <Table.Th w={90}><span className="visually-hidden">Actions</span></Table.Th>}</Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {contacts.map((c) => (
                      <Table.Tr key={c.id}>
                        <Table.Td>
                          <Group gap={6} wrap="nowrap">
                            <Text size="sm" fw={600}>{c.firstName} {c.lastName}</Text>
                            {c.isPrimary && <Tooltip label="Primary contact"><IconStar size={14} color="var(--mantine-color-yellow-6)" aria-label="Primary contact" role="img" /></Tooltip>}
                          </Group>
                          {c.title && <Text size="xs" c="dimmed">{c.title}</Text>}
                        </Table.Td>
                        <Table.Td>
                          <Group gap={4}>
                            {c.roles.map((r) => <Badge key={r} size="xs" color="ink">{humanize(r)}</Badge>)}
                            {seesInternal(user) && c.roles.length > 0 && <AudienceBadge audience={c.rolesAudience} />}
                          </Group>
                        </Table.Td>
                        <Table.Td>{c.email ? <Anchor href={`mailto:${c.email}`} size="sm">{c.email}</Anchor> : '—'}</Table.Td>
                        <Table.Td><Text size="sm" style={{ whiteSpace: 'nowrap' }}>{c.phone ?? '—'}</Text></Table.Td>
                        {writable && (
                          <Table.Td>
                            <Group gap={4} wrap="nowrap">
                              <ActionIcon variant="subtle" aria-label={`Edit ${c.firstName} ${c.lastName}`} onClick={() => setEditing(c)}><IconEdit size={16} /></ActionIcon>
                              <ActionIcon variant="subtle" color="red" aria-label={`Delete ${c.firstName} ${c.lastName}`} onClick={() => setDeleting(c)}><IconTrash size={16} /></ActionIcon>
                            </Group>
                          </Table.Td>
                        )}
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </ScrollArea>
            )}
      <ContactFormModal accountId={accountId} contact={editing === 'new' ? undefined : editing ?? undefined} opened={editing !== null} onClose={() => setEditing(null)} />
      <ConfirmModal
        opened={!!deleting} onClose={() => setDeleting(null)} loading={remove.isPending} title="Delete contact?"
        onConfirm={() => deleting && remove.mutate(deleting.id, {
          onSuccess: () => { notifySuccess(`${deleting.firstName} ${deleting.lastName} was removed.`); setDeleting(null); },
          onError: (e) => notifyError(e),
        })}
      >
        {deleting ? `${deleting.firstName} ${deleting.lastName} will be removed from this account.` : ''}
      </ConfirmModal>
    </Card>
  );
}
