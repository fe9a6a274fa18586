// The playbook editor: one JSON editor per section, saved as a new version with baseVersion (lost-update guard).
// The server validates the whole document; its 422 errors are listed with their paths and mark the sections.
import { Accordion, Alert, Anchor, Badge, Button, Card, Grid, Group, JsonInput, List, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useMemo, useRef, useState } from 'react';
import { PLAYBOOK_SECTIONS } from '../../../core/playbook';
import { ApiError, type FieldError } from '../../lib/api';
import { useDirectory } from '../../lib/directory';
import { notifyError, notifySuccess } from '../../lib/errors';
import { formatDateTime, fromNow, humanize } from '../../lib/format';
import type { PlaybookDoc } from '../../lib/types';
import { IconAlert, IconBook } from '../../ui/Icons';
import { PageHeader } from '../../ui/PageHeader';
import { ErrorAlert, PageLoader } from '../../ui/QueryState';
import { usePlaybook, usePlaybookVersions, useSavePlaybook } from './hooks';

const stringify = (v: unknown) => JSON.stringify(v, null, 2);

/** 'playbook.health.weights' → 'health'. */
function sectionOf(path: string): string { return path.replace(/^playbook\.?/, '').split('.')[0] || '(root)'; }

export function PlaybookPage() {
  const q = usePlaybook();
  if (q.isPending) return <PageLoader label="Loading the playbook…" />;
  if (q.error) return <ErrorAlert error={q.error} onRetry={() => q.refetch()} />;
  return <PlaybookEditor doc={q.data} reload={async () => { await q.refetch(); }} />;
}

function PlaybookEditor({ doc, reload }: { doc: PlaybookDoc; reload: () => Promise<void> }) {
  const save = useSavePlaybook();
  const sections = useMemo(() => {
    const known = PLAYBOOK_SECTIONS.map((s) => ({ key: s.key as string, label: s.label, description: s.description }));
    const extra = Object.keys(doc.playbook).filter((k) => !known.some((s) => s.key === k)).map((k) => ({ key: k, label: humanize(k), description: '' }));
    return [...known, ...extra];
  }, [doc.playbook]);
  const original = useMemo(() => Object.fromEntries(sections.map((s) => [s.key, stringify(doc.playbook[s.key])])), [doc, sections]);
  const [drafts, setDrafts] = useState<Record<string, string>>(original);
  const [open, setOpen] = useState<string[]>([]);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [conflict, setConflict] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const alertRef = useRef<HTMLDivElement>(null);
  useEffect(() => { if (errors.length || conflict) alertRef.current?.scrollIntoView({ block: 'start' }); }, [errors, conflict]);
  useEffect(() => { setDrafts(original); setErrors([]); setConflict(null); }, [original]);

  const parseErrors = Object.fromEntries(sections.flatMap((s) => {
    try { JSON.parse(drafts[s.key] ?? 'null'); return []; } catch (e) { return [[s.key, (e as Error).message]]; }
  }));
  const dirty = sections.filter((s) => drafts[s.key] !== original[s.key]).map((s) => s.key);
  const errorsBySection = errors.reduce<Record<string, FieldError[]>>((acc, e) => { (acc[sectionOf(e.path)] ??= []).push(e); return acc; }, {});

  const showSection = (key: string) => {
    setOpen((o) => (o.includes(key) ? o : [...o, key]));
    requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-section="${key}"] textarea`)?.focus());
  };

  const submit = () => {
    if (Object.keys(parseErrors).length) { setOpen((o) => [...new Set([...o, ...Object.keys(parseErrors)])]); notifyError(new Error('Fix the JSON syntax errors first.'), 'Invalid JSON'); return; }
    const playbook = Object.fromEntries(sections.map((s) => [s.key, JSON.parse(drafts[s.key])]));
    setErrors([]); setConflict(null);
    save.mutate({ baseVersion: doc.version, note: note.trim() || undefined, playbook }, {
      onSuccess: (d) => { notifySuccess(`Playbook version ${d.version} is now active. Every calculation uses it from now on.`, 'Playbook saved'); setNote(''); },
      onError: (e) => {
        if (e instanceof ApiError && e.isVersionConflict) { setConflict(e.message); return; }
        if (e instanceof ApiError && e.fieldErrors.length) {
          setErrors(e.fieldErrors);
          setOpen((o) => [...new Set([...o, ...e.fieldErrors.map((f) => sectionOf(f.path))])]);
        }
        notifyError(e, 'The playbook was not saved');
      },
    });
  };

  return (
    <>
      <PageHeader title="Playbook" description="The rules every calculation reads: stages, SLAs, health weights, cadences, targets. Saving creates a new version; nothing changes until it validates."
        actions={<Badge size="lg" variant="light" leftSection={<IconBook size={14} />} data-testid="playbook-version">Version {doc.version}</Badge>}>
        <Text size="xs" c="dimmed">Active since {formatDateTime(doc.createdAt)}{doc.note ? ` · “${doc.note}”` : ''}</Text>
      </PageHeader>
      {conflict && (
        <Alert color="orange" title="Someone else saved the playbook" mb="md" role="alert" ref={alertRef} style={{ scrollMarginTop: 80 }}>
          <Text size="sm" mb="xs">{conflict}</Text>
          <Button size="xs" color="orange" onClick={reload}>Reload latest version (discards your edits)</Button>
        </Alert>
      )}
      {errors.length > 0 && (
        <Alert color="red" title={`The playbook has ${errors.length} invalid field${errors.length === 1 ? '' : 's'}; nothing was saved`} mb="md" icon={<IconAlert />} role="alert" data-testid="playbook-errors" ref={alertRef} style={{ scrollMarginTop: 80 }}>
          <List size="sm" spacing={2}>
            {errors.map((e) => (
              <List.Item key={`${e.path}:${e.message}`}>
                <Anchor component="button" type="button" ff="monospace" size="sm" fw={600} c="red.9" onClick={() => showSection(sectionOf(e.path))}>{e.path}</Anchor>: {e.message}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Accordion multiple value={open} onChange={setOpen} variant="separated" radius="md">
            {sections.map((s) => {
              const errs = errorsBySection[s.key] ?? [];
              const bad = errs.length > 0 || !!parseErrors[s.key];
              return (
                <Accordion.Item key={s.key} value={s.key} data-section={s.key} data-invalid={bad || undefined}
                  style={bad ? { borderColor: 'var(--mantine-color-red-6)', boxShadow: '0 0 0 1px var(--mantine-color-red-6)' } : undefined}>
                  <Accordion.Control>
                    <Group justify="space-between" wrap="nowrap" pr="sm">
                      <div><Text fw={600} size="sm">{s.label}</Text>{s.description && <Text size="xs" c="dimmed">{s.description}</Text>}</div>
                      <Group gap={4} wrap="nowrap">
                        {dirty.includes(s.key) && <Badge size="xs" color="blue">Edited</Badge>}
                        {errs.length > 0 && <Badge size="xs" color="red">{errs.length} error{errs.length === 1 ? '' : 's'}</Badge>}
                        {parseErrors[s.key] && <Badge size="xs" color="red">Invalid JSON</Badge>}
                      </Group>
                    </Group>
                  </Accordion.Control>
                  <Accordion.Panel>
                    <JsonInput label={`${s.label} (JSON)`} autosize minRows={3} maxRows={28} formatOnBlur spellCheck={false}
                      validationError="Invalid JSON" value={drafts[s.key] ?? ''} onChange={(v) => setDrafts((d) => ({ ...d, [s.key]: v }))}
                      error={parseErrors[s.key] ? `Invalid JSON: ${parseErrors[s.key]}` : errs.length ? errs.map((e) => `${e.path.replace(/^playbook\./, '')}: ${e.message}`).join(' · ') : undefined}
                      styles={{ input: { fontSize: 12.5, color: 'var(--mantine-color-text)' } }} />
                    {dirty.includes(s.key) && <Button mt="xs" size="xs" variant="subtle" onClick={() => setDrafts((d) => ({ ...d, [s.key]: original[s.key] }))}>Revert this section</Button>}
                  </Accordion.Panel>
                </Accordion.Item>
              );
            })}
          </Accordion>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack style={{ position: 'sticky', top: 80 }}>
            <Card>
              <Title order={3} mb="xs">Save</Title>
              <Text size="sm" c="dimmed" mb="sm">{dirty.length ? `${dirty.length} section${dirty.length === 1 ? '' : 's'} edited.` : 'No changes yet.'}</Text>
              <TextInput label="Change note" placeholder="e.g. Raise usage weight to 35" value={note} onChange={(e) => setNote(e.currentTarget.value)} mb="sm" />
              <Group grow>
                <Button variant="default" disabled={!dirty.length} onClick={() => { setDrafts(original); setErrors([]); }}>Discard</Button>
                <Button onClick={submit} loading={save.isPending} disabled={!dirty.length}>Save as v{doc.version + 1}</Button>
              </Group>
            </Card>
            <History current={doc.version} />
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}

function History({ current }: { current: number }) {
  const q = usePlaybookVersions();
  const directory = useDirectory();
  return (
    <Card>
      <Title order={3} mb="sm">History</Title>
      {q.isPending ? <Text size="sm" c="dimmed">Loading…</Text> : (
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
      )}
    </Card>
  );
}
