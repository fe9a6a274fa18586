// The pipeline board: a column per open stage with count, amount and weighted amount; drag a card to another column
// (or use its "Move to" menu from the keyboard) to advance it through the stage gate.
import { ActionIcon, Badge, Button, Card as MCard, Group, Menu, Paper, ScrollArea, Select, Stack, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useEffect, useState, type DragEvent } from 'react';
import { client, ok } from '../../lib/api';
import { Link } from 'react-router';
import { useUser } from '../../lib/auth';
import { useDirectory, usePartners, userOptions } from '../../lib/directory';
import { formatDate, formatMoney } from '../../lib/format';
import { IconChevronDown, IconPlus } from '../../ui/Icons';
import { PageHeader } from '../../ui/PageHeader';
import { BlockSkeleton, ErrorAlert } from '../../ui/QueryState';
import { useGateFlow } from './GateDialog';
import { canSell, useBoard, type BoardFilters, type Card, type Column } from './hooks';
import { NewOpportunityModal } from './NewOpportunityModal';

export function BoardPage() {
  const user = useUser();
  const [filters, setFilters] = useState<BoardFilters>({});
  const board = useBoard(filters);
  const { users } = useDirectory();
  const { partners } = usePartners();
  const gate = useGateFlow();
  const [creating, create] = useDisclosure(false);
  const [dragOver, setDragOver] = useState<string | null>(null);
  // Extra pages per column ("Load more"), dropped whenever the first page reloads (filters, a move, a refresh).
  const [more, setMore] = useState<Record<string, { items: Card[]; nextCursor: string | null; loading?: boolean }>>({});
  useEffect(() => setMore({}), [board.data]);
  const columns = (board.data?.columns ?? []).map((c) => {
    const extra = more[c.stage];
    return extra ? { ...c, items: [...c.items, ...extra.items], nextCursor: extra.nextCursor } : c;
  });
  const loadMore = async (col: Column) => {
    if (!col.nextCursor) return;
    setMore((m) => ({ ...m, [col.stage]: { items: m[col.stage]?.items ?? [], nextCursor: col.nextCursor, loading: true } }));
    try {
      const page = await ok(client.GET('/pipeline/board', { params: { query: { ...filters, stage: col.stage, cursor: col.nextCursor ?? undefined, limit: 24 } } }));
      const next = page.columns[0];
      setMore((m) => ({ ...m, [col.stage]: { items: [...(m[col.stage]?.items ?? []), ...(next?.items ?? [])], nextCursor: next?.nextCursor ?? null } }));
    } catch {
      setMore((m) => ({ ...m, [col.stage]: { ...m[col.stage], loading: false } }));
    }
  };
  const currency = columns.find((c) => c.items[0])?.items[0]?.currency ?? 'USD';
  const set = (k: keyof BoardFilters) => (v: string | null) => setFilters((f) => ({ ...f, [k]: v || undefined }));

  const onDrop = (e: DragEvent, col: Column) => {
    e.preventDefault();
    setDragOver(null);
    const raw = e.dataTransfer.getData('application/x-opportunity');
    if (!raw) return;
    const card = JSON.parse(raw) as Pick<Card, 'id' | 'name' | 'stage'>;
    if (card.stage !== col.stage) gate.move(card, col.stage, col.name);
  };

  return (
    <>
      <PageHeader
        title="Pipeline" description="Open opportunities by stage. Drag a card to another stage; the playbook's exit criteria gate every move forward."
        actions={canSell(user.role) ? <Button leftSection={<IconPlus size={16} />} onClick={create.open}>New opportunity</Button> : undefined}
      />
      <Group gap="sm" mb="md" align="flex-end" wrap="wrap">
        {users.length > 0 && (
          <Select label="Owner" placeholder="Everyone" clearable searchable w={220} data={userOptions(users, ['sales', 'sdr', 'admin', 'executive'])}
            value={filters.ownerId ?? null} onChange={set('ownerId')} />
        )}
        {partners.length > 0 && (
          <Select label="Partner" placeholder="Any" clearable w={200} data={partners.map((p) => ({ value: p.id, label: p.name }))}
            value={filters.partnerId ?? null} onChange={set('partnerId')} />
        )}
        <TextInput type="date" label="Closing from" value={filters.closeFrom ?? ''} onChange={(e) => set('closeFrom')(e.currentTarget.value)} />
        <TextInput type="date" label="Closing to" value={filters.closeTo ?? ''} onChange={(e) => set('closeTo')(e.currentTarget.value)} />
      </Group>
      {board.error && <ErrorAlert error={board.error} onRetry={() => board.refetch()} />}
      {board.isPending ? <BlockSkeleton rows={8} /> : (
        <ScrollArea type="auto" offsetScrollbars>
          <Group align="flex-start" gap="sm" wrap="nowrap" data-testid="pipeline-board">
            {columns.map((col) => (
              <Paper
                key={col.stage} withBorder p="xs" miw={250} style={{ flex: '1 1 0' }} radius="md" data-testid={`column-${col.stage}`} aria-label={`${col.name} column`}
                bg={dragOver === col.stage ? 'var(--mantine-color-blue-0)' : 'var(--mantine-color-gray-0)'}
                onDragOver={(e) => { e.preventDefault(); setDragOver(col.stage); }} onDragLeave={() => setDragOver(null)} onDrop={(e) => onDrop(e, col)}
              >
                <Stack gap={2} mb="xs">
                  <Group justify="space-between">
                    <Title order={3} size="h5">{col.name}</Title>
                    <Badge variant="light" data-testid={`count-${col.stage}`}>{col.count}</Badge>
                  </Group>
                  <Text size="xs" c="dimmed">
                    {formatMoney(col.amount, currency, { compact: true })} · weighted {formatMoney(col.weighted, currency, { compact: true })} · {col.probability} %
                  </Text>
                </Stack>
                <Stack gap="xs" mih={80}>
                  {col.items.map((card) => <BoardCard key={card.id} card={card} columns={columns} onMove={gate.move} movable={canSell(user.role)} />)}
                  {col.nextCursor && (
                    <Button variant="subtle" size="xs" loading={more[col.stage]?.loading} onClick={() => loadMore(col)} data-testid={`more-${col.stage}`}>
                      Load more ({col.count - col.items.length} left)
                    </Button>
                  )}
                  {col.items.length === 0 && <Text size="xs" c="dimmed" ta="center" py="md">No opportunities</Text>}
                </Stack>
              </Paper>
            ))}
          </Group>
        </ScrollArea>
      )}
      {gate.dialog}
      {creating && <NewOpportunityModal onClose={create.close} />}
    </>
  );
}

function BoardCard({ card, columns, onMove, movable }: {
  card: Card; columns: Column[]; movable: boolean; onMove: (o: { id: string; name: string }, to: string, toName: string) => void;
}) {
  const maxDays = columns.find((c) => c.stage === card.stage)?.expectedDurationDays?.max;
  return (
    <MCard
      withBorder padding="xs" radius="sm" draggable={movable} data-testid={`card-${card.id}`} style={{ cursor: movable ? 'grab' : undefined }}
      onDragStart={(e) => { e.dataTransfer.setData('application/x-opportunity', JSON.stringify({ id: card.id, name: card.name, stage: card.stage })); e.dataTransfer.effectAllowed = 'move'; }}
    >
      <Group justify="space-between" wrap="nowrap" gap={4} align="flex-start">
        <Stack gap={0} style={{ minWidth: 0 }}>
          <Text component={Link} to={`/opportunities/${card.id}`} size="sm" fw={600} lineClamp={2} c="blue.8">{card.name}</Text>
          <Text size="xs" c="dimmed" truncate>{card.accountName}</Text>
        </Stack>
        {movable && (
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <ActionIcon variant="subtle" size="sm" aria-label={`Move ${card.name} to another stage`}><IconChevronDown size={14} /></ActionIcon>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Label>Move to</Menu.Label>
              {columns.filter((c) => c.stage !== card.stage).map((c) => (
                <Menu.Item key={c.stage} onClick={() => onMove(card, c.stage, c.name)}>{c.name}</Menu.Item>
              ))}
            </Menu.Dropdown>
          </Menu>
        )}
      </Group>
      <Group justify="space-between" mt={6} gap={4}>
        <Text size="sm" fw={500}>{formatMoney(card.amount, card.currency)}</Text>
        <Text size="xs" c={card.closeDatePassed ? 'red.7' : 'dimmed'}>closes {formatDate(card.closeDate)}</Text>
      </Group>
      <Group justify="space-between" mt={4} gap={4}>
        <Text size="xs" c="dimmed" truncate maw={140}>{card.ownerName ?? 'Unassigned'}</Text>
        <Group gap={4}>
          {/* Too long in the stage is not "overdue": that word is kept for a close date in the past. */}
          <Tooltip label={`Longer than the ${maxDays ?? 'expected'}${maxDays ? ' days' : ' time'} this stage should take`} disabled={!card.overdue}>
            <Badge size="xs" variant={card.overdue ? 'light' : 'outline'} color={card.overdue ? 'orange' : 'gray'} data-testid={card.overdue ? 'stage-time-badge' : undefined}>
              {card.daysInStage} d in stage
            </Badge>
          </Tooltip>
          {card.closeDatePassed && <Badge size="xs" color="red" data-testid="overdue-badge">Overdue</Badge>}
        </Group>
      </Group>
    </MCard>
  );
}
