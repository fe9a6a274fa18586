// The content library (004 "Tools and Resources"): search and filter objection responses, talk tracks,
// battlecards and success stories; sales roles add and edit them. Filters live in the URL (ContentLinks link here).
import { ActionIcon, Badge, Button, Card, CloseButton, Group, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useUser } from '../../lib/auth';
import { notifyError } from '../../lib/errors';
import { formatDate } from '../../lib/format';
import { ConfirmModal } from '../../ui/ConfirmModal';
import { IconEdit, IconPlus, IconSearch, IconTrash } from '../../ui/Icons';
import { PageHeader } from '../../ui/PageHeader';
import { BlockSkeleton, Empty, ErrorAlert } from '../../ui/QueryState';
import { ContentFormModal } from './ContentFormModal';
import { CONTENT_KINDS, CONTENT_STAGES, KIND_COLORS, KIND_LABELS, STAGE_LABELS, useContent, useDeleteContent, type ContentItem, type ContentQuery } from './hooks';
import { Markdown } from './Markdown';

const INDUSTRIES = ['Financial Services', 'Healthcare', 'Manufacturing', 'Logistics', 'Public Sector', 'Telecommunications', 'Energy', 'Retail', 'Insurance', 'Media', 'Technology'];

export function ContentPage() {
  const user = useUser();
  const canWrite = ['admin', 'sales', 'sdr'].includes(user.role);
  const [params, setParams] = useSearchParams();
  const get = (k: string) => params.get(k) ?? undefined;
  const set = (k: string, v: string | null) => setParams((prev) => { const n = new URLSearchParams(prev); if (v) n.set(k, v); else n.delete(k); return n; }, { replace: true });
  const [search, setSearch] = useState(get('q') ?? '');
  const [debounced] = useDebouncedValue(search, 300);
  useEffect(() => { if ((debounced.trim() || undefined) !== get('q')) set('q', debounced.trim() || null); }, [debounced]);
  // The URL carries what the selects offer; a hand-edited value is refused by the server and shown as the error.
  const q = useContent({ q: get('q'), kind: get('kind') as ContentQuery['kind'], industry: get('industry'), stage: get('stage') as ContentQuery['stage'], limit: 100 });
  const [editing, setEditing] = useState<ContentItem | undefined>();
  const [formOpen, form] = useDisclosure(false);
  const [deleting, setDeleting] = useState<ContentItem | null>(null);
  const del = useDeleteContent();
  const items = q.data?.items ?? [];

  return (
    <>
      <PageHeader title="Content library" description="Objection responses, talk tracks by industry, battlecards and customer success stories."
        actions={canWrite && <Button leftSection={<IconPlus size={16} />} onClick={() => { setEditing(undefined); form.open(); }}>Add content</Button>} />
      <Card p="md" mb="md">
        <Group gap="sm" align="flex-end" wrap="wrap" role="search" aria-label="Search content">
          <TextInput label="Search" placeholder="Title, text or competitor" leftSection={<IconSearch size={16} />} w={260} value={search}
            onChange={(e) => setSearch(e.currentTarget.value)} rightSection={search ? <CloseButton size="sm" aria-label="Clear search" onClick={() => setSearch('')} /> : null} />
          <Select label="Kind" placeholder="All kinds" clearable w={190} value={get('kind') ?? null} data={CONTENT_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] }))} onChange={(v) => set('kind', v)} />
          <Select label="Industry" placeholder="Any industry" clearable searchable w={210} value={get('industry') ?? null}
            data={[...new Set([...INDUSTRIES, ...(get('industry') ? [get('industry')!] : [])])]} onChange={(v) => set('industry', v)} />
          <Select label="Stage" placeholder="Any stage" clearable w={160} value={get('stage') ?? null} data={CONTENT_STAGES.map((s) => ({ value: s, label: STAGE_LABELS[s] }))} onChange={(v) => set('stage', v)} />
        </Group>
      </Card>
      {q.error && <ErrorAlert error={q.error} onRetry={() => q.refetch()} />}
      {q.isPending ? <BlockSkeleton rows={6} /> : items.length === 0 ? <Empty title="Nothing matches">Try another search or clear a filter.</Empty> : (
        <SimpleGrid cols={{ base: 1, md: 2 }} data-testid="content-items">
          {items.map((item) => (
            <Card key={item.id} p="md" withBorder data-testid="content-item">
              <Group justify="space-between" align="flex-start" wrap="nowrap" mb="xs">
                <Stack gap={4}>
                  <Group gap={6}><Badge color={KIND_COLORS[item.kind]} variant="light">{KIND_LABELS[item.kind]}</Badge>{item.competitor && <Badge variant="outline" color="grape">vs {item.competitor}</Badge>}</Group>
                  <Title order={3} size="h4">{item.title}</Title>
                </Stack>
                {canWrite && (
                  <Group gap={4} wrap="nowrap">
                    <ActionIcon variant="subtle" aria-label={`Edit ${item.title}`} onClick={() => { setEditing(item); form.open(); }}><IconEdit size={16} /></ActionIcon>
                    <ActionIcon variant="subtle" color="red" aria-label={`Delete ${item.title}`} onClick={() => setDeleting(item)}><IconTrash size={16} /></ActionIcon>
                  </Group>
                )}
              </Group>
              <Markdown text={item.body} />
              <Group gap={6} mt="xs">
                {item.industries.map((i) => <Badge key={i} size="sm" variant="dot">{i}</Badge>)}
                {item.stages.map((s) => <Badge key={s} size="sm" variant="light" color="gray">{STAGE_LABELS[s] ?? s}</Badge>)}
                <Text size="xs" c="dimmed" ml="auto">Updated {formatDate(item.updatedAt)}</Text>
              </Group>
            </Card>
          ))}
        </SimpleGrid>
      )}
      <ContentFormModal item={editing} opened={formOpen} onClose={form.close} />
      <ConfirmModal opened={!!deleting} title="Delete this content?" confirmLabel="Delete"
        onClose={() => setDeleting(null)} loading={del.isPending}
        onConfirm={() => deleting && del.mutate(deleting.id, { onSuccess: () => setDeleting(null), onError: (e) => notifyError(e) })}>
        {deleting?.title}
      </ConfirmModal>
    </>
  );
}
