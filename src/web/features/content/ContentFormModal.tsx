// Add or edit a content item.
import { Button, Group, Modal, MultiSelect, Select, Stack, TagsInput, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { handleFormError, notifySuccess } from '../../lib/errors';
import { CONTENT_KINDS, CONTENT_STAGES, KIND_LABELS, STAGE_LABELS, useSaveContent, type ContentItem, type ContentKind, type ContentSave } from './hooks';

interface Values { kind: ContentKind; title: string; body: string; industries: string[]; stages: string[]; tags: string[]; competitor: string }
const FIELDS = ['kind', 'title', 'body', 'industries', 'stages', 'tags', 'competitor'] as const;

export function ContentFormModal({ item, opened, onClose }: { item?: ContentItem; opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} size="lg" title={<Title order={3}>{item ? 'Edit content' : 'Add content'}</Title>}>
      {opened && <ContentForm item={item} onDone={onClose} />}
    </Modal>
  );
}

function ContentForm({ item, onDone }: { item?: ContentItem; onDone: () => void }) {
  const save = useSaveContent();
  const form = useForm<Values>({
    initialValues: {
      kind: item?.kind ?? 'talk_track', title: item?.title ?? '', body: item?.body ?? '', industries: item?.industries ?? [],
      stages: item?.stages ?? [], tags: item?.tags ?? [], competitor: item?.competitor ?? '',
    },
    validate: { title: (v) => (v.trim() ? null : 'Give it a title'), body: (v) => (v.trim() ? null : 'Write the content') },
  });
  const onError = handleFormError(form, FIELDS);
  const submit = form.onSubmit((v) => {
    const body = { ...v, competitor: v.competitor.trim() || null, ...(item ? { id: item.id, version: item.version } : {}) };
    save.mutate(body as ContentSave, { onSuccess: () => { notifySuccess(item ? 'Content updated.' : 'Content added.'); onDone(); }, onError });
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Select label="Kind" withAsterisk allowDeselect={false} data={CONTENT_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] }))} {...form.getInputProps('kind')} />
        <TextInput label="Title" withAsterisk data-autofocus {...form.getInputProps('title')} />
        <Textarea label="Body (Markdown: **bold**, *italic*, - lists)" withAsterisk autosize minRows={6} maxRows={16} {...form.getInputProps('body')} />
        <TagsInput label="Industries" description="Empty means every industry" {...form.getInputProps('industries')} />
        <MultiSelect label="Stages" description="Empty means every stage" data={CONTENT_STAGES.map((s) => ({ value: s, label: STAGE_LABELS[s] }))} {...form.getInputProps('stages')} />
        <TagsInput label="Tags" {...form.getInputProps('tags')} />
        {form.values.kind === 'battlecard' && <TextInput label="Competitor" {...form.getInputProps('competitor')} />}
        <Group justify="flex-end"><Button variant="default" onClick={onDone}>Cancel</Button><Button type="submit" loading={save.isPending}>Save</Button></Group>
      </Stack>
    </form>
  );
}
