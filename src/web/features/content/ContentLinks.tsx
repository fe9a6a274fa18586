// Content library items relevant to a lead or opportunity (objection responses, talk tracks, battlecards, stories):
// those for its industry and stage, plus the general ones, with a link to the library filtered the same way.
import { Anchor, Badge, Card, Group, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { useAuth } from '../../lib/auth';
import { contentStage, KIND_COLORS, KIND_LABELS, useContent } from './hooks';
import { Markdown } from './Markdown';

export function ContentLinks({ industry, stage, title = 'Sales content' }: { industry?: string | null; stage?: string | null; title?: string }) {
  const { user } = useAuth();
  const allowed = !!user && user.role !== 'customer' && user.role !== 'finance';
  const s = contentStage(stage);
  const q = useContent({ industry: industry ?? undefined, stage: s, limit: 6 }, { enabled: allowed });
  const [open, setOpen] = useState<string | null>(null);
  if (!allowed) return null;
  const params = new URLSearchParams();
  if (industry) params.set('industry', industry);
  if (s) params.set('stage', s);
  const items = q.data?.items ?? [];
  return (
    <Card p="md" data-testid="content-links">
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h5">{title}</Title>
        <Anchor component={Link} to={`/content${params.size ? `?${params}` : ''}`} size="sm">Open the library</Anchor>
      </Group>
      {q.isPending ? <Text size="sm" c="dimmed">Loading…</Text> : items.length === 0 ? (
        <Text size="sm" c="dimmed">No content for {industry ?? 'this industry'} yet.</Text>
      ) : (
        <Stack gap={6}>
          {items.map((item) => (
            <div key={item.id}>
              <UnstyledButton onClick={() => setOpen(open === item.id ? null : item.id)} aria-expanded={open === item.id} w="100%">
                <Group gap={6} wrap="nowrap">
                  <Badge size="xs" variant="light" color={KIND_COLORS[item.kind]}>{KIND_LABELS[item.kind]}</Badge>
                  <Text size="sm" fw={500} truncate>{item.title}</Text>
                </Group>
              </UnstyledButton>
              {open === item.id && <Card withBorder p="xs" mt={4}><Markdown text={item.body} size="xs" /></Card>}
            </div>
          ))}
        </Stack>
      )}
    </Card>
  );
}
