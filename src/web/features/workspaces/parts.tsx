// Building blocks shared by the persona workspaces: the page frame with its shortcuts, titled panels, and counts
// that say "200+" when a list holds more than the page fetched.
import { Anchor, Card, Grid, Group, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { mayFollow } from '../../../core/access/pages';
import { useUser } from '../../lib/auth';
import { formatNumber } from '../../lib/format';
import { IconArrowRight } from '../../ui/Icons';
import { PageHeader } from '../../ui/PageHeader';
import { BlockSkeleton, Empty, ErrorAlert } from '../../ui/QueryState';
import type { Persona } from './personas';

/** Header, the persona's own panels (main column) and side panels with its shortcuts. */
export function WorkspaceFrame({ persona, stats, main, side }: { persona: Persona; stats?: ReactNode; main: ReactNode; side?: ReactNode }) {
  const user = useUser();
  const shortcuts = persona.shortcuts.filter((s) => mayFollow(user.role, s.to));
  return (
    <div data-testid={`workspace-${persona.key}`}>
      <PageHeader title={persona.title} description={persona.description} />
      {stats}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 8 }}><Stack gap="lg">{main}</Stack></Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="lg">
            {side}
            {shortcuts.length > 0 && (
              <Card>
                <Title order={3} mb="sm">Shortcuts</Title>
                <Stack gap="xs">
                  {shortcuts.map((l) => (
                    <UnstyledButton key={l.to} component={Link} to={l.to} className="vg-shortcut">
                      <Group justify="space-between" wrap="nowrap">
                        <div><Text size="sm" fw={600}>{l.label}</Text><Text size="xs" c="dimmed">{l.description}</Text></div>
                        <IconArrowRight size={16} />
                      </Group>
                    </UnstyledButton>
                  ))}
                </Stack>
              </Card>
            )}
          </Stack>
        </Grid.Col>
      </Grid>
    </div>
  );
}

/** A titled card around a list: skeleton while loading, the error with a retry, an empty state, else the content. */
export function Panel({ title, link, testId, query, empty, children }: {
  title: ReactNode; link?: { label: string; to: string }; testId?: string;
  query: { isPending: boolean; error: unknown; refetch: () => unknown }; empty: string | null; children: ReactNode;
}) {
  const user = useUser();
  return (
    <Card p={0} data-testid={testId}>
      <Group justify="space-between" p="md" pb={0} wrap="nowrap">
        <Title order={3}>{title}</Title>
        {link && mayFollow(user.role, link.to) && <Anchor component={Link} to={link.to} size="sm" style={{ whiteSpace: 'nowrap' }}>{link.label} →</Anchor>}
      </Group>
      {query.isPending ? <Stack p="md"><BlockSkeleton rows={4} /></Stack>
        : query.error ? <Stack p="md"><ErrorAlert error={query.error} onRetry={() => query.refetch()} /></Stack>
          : empty !== null ? <Empty title={empty} />
            : <div style={{ overflowX: 'auto' }}>{children}</div>}
    </Card>
  );
}

/** How many rows a list holds, as far as the fetched page tells: "37", or "200+" when there is a next page. */
export function countOf(page: { items: unknown[]; nextCursor?: string | null } | undefined): string {
  if (!page) return '…';
  return `${formatNumber(page.items.length)}${page.nextCursor ? '+' : ''}`;
}

/** Tabular figures for money and counts in table cells. */
export const NUM = { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;
