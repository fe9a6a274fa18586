// Support: find the caller's company by name, domain or a contact's email (the account search matches a contact's
// address exactly) and open its contacts and timeline; strategic customers get priority.
import { Anchor, Card, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { Link } from 'react-router';
import { formatMoney } from '../../lib/format';
import type { Account } from '../../lib/types';
import { SegmentBadge, StageBadge } from '../../ui/Badges';
import { IconSearch } from '../../ui/Icons';
import { useAccounts } from '../accounts/hooks';
import { NUM, Panel, WorkspaceFrame } from './parts';
import { PERSONAS } from './personas';

function Results({ items, segment = true }: { items: Account[]; segment?: boolean }) {
  return (
    <Table mt="xs">
      <Table.Tbody>
        {items.map((a) => (
          <Table.Tr key={a.id}>
            <Table.Td>
              <Anchor component={Link} to={`/accounts/${a.id}`} fw={600} size="sm">{a.name}</Anchor>
              {a.domain && <Text size="xs" c="dimmed">{a.domain}</Text>}
            </Table.Td>
            {segment && <Table.Td><SegmentBadge segment={a.segment} size="sm" /></Table.Td>}
            <Table.Td><StageBadge stage={a.lifecycleStage} size="sm" /></Table.Td>
            <Table.Td ta="right" style={NUM}>{a.arr ? formatMoney(a.arr, a.currency) : '—'}</Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              <Anchor component={Link} to={`/accounts/${a.id}`} size="sm">Contacts</Anchor>{' · '}<Anchor component={Link} to={`/accounts/${a.id}?tab=timeline`} size="sm">Timeline</Anchor>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function SupportWorkspace() {
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const found = useAccounts({ limit: 10, q, sort: 'name' }, { enabled: q.length > 0 });
  const strategic = useAccounts({ limit: 10, segment: 'strategic', sort: '-arr' });

  const main = (
    <>
      <Card>
        <TextInput label="Find a customer" description="Company name, domain, or the email address of one of its contacts" placeholder="e.g. northwind or jane@northwind.com"
          leftSection={<IconSearch size={16} />} value={search} onChange={(e) => setSearch(e.currentTarget.value)} data-autofocus data-testid="support-search" />
      </Card>
      {q && (
        <Panel title={`Accounts matching “${q}”`} testId="support-results" query={found} empty={found.data?.items.length ? null : 'No account matches'}>
          <Results items={found.data?.items ?? []} />
        </Panel>
      )}
      <Panel title="Strategic customers" link={{ label: 'See all', to: '/accounts?segment=strategic&sort=-arr' }} testId="support-strategic"
        query={strategic} empty={strategic.data?.items.length ? null : 'No strategic customers'}>
        <Results items={strategic.data?.items ?? []} segment={false} />
      </Panel>
    </>
  );

  return <WorkspaceFrame persona={PERSONAS.support} main={main} />;
}
