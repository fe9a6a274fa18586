// The playbook editor: a form per section generated from the schema and its metadata (units, seed citations, sums),
// with a JSON view per section for power users. Saving sends the whole document as a new version with baseVersion
// (lost-update guard); the server validates it, and its 422 field errors mark the fields, rows and sections.
import { Accordion, Alert, Anchor, Badge, Button, Card, Grid, Group, List, Paper, SimpleGrid, Text, TextInput } from '@mantine/core';
import { useEffect, useMemo, useRef, useState } from 'react';
import { PLAYBOOK_SECTIONS, playbookFormTree, type FormNode } from '../../../core/playbook';
import { ApiError, type FieldError } from '../../lib/api';
import { notifyError, notifySuccess } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import type { PlaybookDoc } from './hooks';
import { IconAlert, IconBook } from '../../ui/Icons';
import { PageHeader } from '../../ui/PageHeader';
import { ErrorAlert, PageLoader } from '../../ui/QueryState';
import { ActionsContext, ErrorsContext, indexErrors, RefsContext } from './playbook/form-state';
import { History } from './playbook/History';
import { LeafField } from './playbook/LeafField';
import { SectionEditor } from './playbook/SectionEditor';
import { useDraftValue, usePlaybookDraft, type DraftStore } from './playbook/use-draft';
import { usePlaybook, useSavePlaybook } from './hooks';

/** 'playbook.health.weights' → 'health'. */
function sectionOf(path: string): string { return path.replace(/^playbook\.?/, '').split('.')[0] || '(root)'; }

const tree = playbookFormTree();
const nodeOf = (key: string): FormNode | undefined => tree.fields.find((f) => f.key === key)?.node;
const SECTION_KEYS = PLAYBOOK_SECTIONS.map((s) => s.key as string);
/** Single values (name, currency, format version) sit in one card above the sections. */
const GENERAL = PLAYBOOK_SECTIONS.filter((s) => { const n = nodeOf(s.key); return n && n.kind !== 'object' && n.kind !== 'array' && n.kind !== 'record'; });
const SECTIONS = PLAYBOOK_SECTIONS.filter((s) => !GENERAL.includes(s));
/** One empty list, so clearing errors that are already clear does not re-render every field that shows errors. */
const noErrors: FieldError[] = [];

export function PlaybookPage() {
  const q = usePlaybook();
  const [open, setOpen] = useState<string[]>([]);
  if (q.isPending) return <PageLoader label="Loading the playbook…" />;
  if (q.error) return <ErrorAlert error={q.error} onRetry={() => q.refetch()} />;
  return <PlaybookEditor doc={q.data} open={open} setOpen={setOpen} reload={async () => { await q.refetch(); }} />;
}

function PlaybookEditor({ doc, reload, open, setOpen }: { doc: PlaybookDoc; reload: () => Promise<void>; open: string[]; setOpen: (o: string[] | ((o: string[]) => string[])) => void }) {
  const save = useSavePlaybook();
  const draft = usePlaybookDraft(doc.playbook, SECTION_KEYS);
  const [errors, setErrors] = useState<FieldError[]>(noErrors);
  const [conflict, setConflict] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const alertRef = useRef<HTMLDivElement>(null);
  // A new active version (ours, or someone else's after a conflict) clears what was about the previous one.
  useEffect(() => { setErrors(noErrors); setConflict(null); setNote(''); }, [doc.version]);
  useEffect(() => { if (errors.length || conflict) alertRef.current?.scrollIntoView({ block: 'start' }); }, [errors, conflict]);
  const indexed = useMemo(() => indexErrors(errors), [errors]);
  const errorsBySection = useMemo(() => errors.reduce<Record<string, FieldError[]>>((acc, e) => { (acc[sectionOf(e.path)] ??= []).push(e); return acc; }, {}), [errors]);
  const unknownSections = Object.keys(doc.playbook).filter((k) => !SECTION_KEYS.includes(k));

  /** Opens the error's section and scrolls to the closest field the form shows for its path. */
  const showError = (path: string) => {
    const section = sectionOf(path);
    setOpen((o) => (o.includes(section) ? o : [...o, section]));
    const segments = path.replace(/^playbook\.?/, '').split('.');
    setTimeout(() => {
      for (let n = segments.length; n > 0; n--) {
        const el = document.querySelector<HTMLElement>(`[data-path="${segments.slice(0, n).join('.')}"]`);
        if (el) { el.scrollIntoView({ block: 'center' }); (el.matches('input,textarea') ? el : el.querySelector<HTMLElement>('input,textarea'))?.focus({ preventScroll: true }); return; }
      }
      document.querySelector<HTMLElement>(`[data-section="${section}"]`)?.scrollIntoView({ block: 'start' });
    }, 250);
  };

  const submit = () => {
    const badJson = Object.keys(draft.parseErrors);
    if (badJson.length) { setOpen((o) => [...new Set([...o, ...badJson])]); notifyError(new Error('Fix the JSON syntax errors first.'), 'Invalid JSON'); return; }
    setErrors(noErrors); setConflict(null);
    save.mutate({ baseVersion: doc.version, note: note.trim() || undefined, playbook: draft.store.values }, {
      onSuccess: (d) => notifySuccess(`Playbook version ${d.version} is now active. Every calculation uses it from now on.`, 'Playbook saved'),
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
    <ActionsContext.Provider value={draft.actions}>
      <ErrorsContext.Provider value={indexed}>
        <RefsContext.Provider value={draft.refs}>
          <PageHeader title="Playbook" description="The rules every calculation reads: stages, SLAs, health weights, cadences, targets. Saving creates a new version; nothing changes until it validates. Badges name the seed section each value comes from."
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
                    <Anchor component="button" type="button" ff="monospace" size="sm" fw={600} c="red.9" onClick={() => showError(e.path)}>{e.path}</Anchor>: {e.message}
                  </List.Item>
                ))}
              </List>
            </Alert>
          )}
          <Grid gap="lg" mb="md">
            <Grid.Col span={{ base: 12, lg: 8 }}>
              <Card h="100%" data-testid="playbook-general">
                <SimpleGrid cols={{ base: 1, sm: 3 }}>
                  {GENERAL.map((s) => (
                    <div key={s.key} data-section={s.key} data-invalid={errorsBySection[s.key] ? true : undefined}>
                      <GeneralField store={draft.store} sectionKey={s.key} />
                    </div>
                  ))}
                </SimpleGrid>
                {unknownSections.length > 0 && <Text size="xs" c="orange" mt="xs">Not part of this version's format (edit them through the API): {unknownSections.join(', ')}</Text>}
              </Card>
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 4 }}><History current={doc.version} /></Grid.Col>
          </Grid>
          {/* The sections take the full width: their lists are tables with up to eight columns. */}
          <Accordion multiple value={open} onChange={setOpen} variant="separated" radius="md" data-testid="playbook-sections">
            {SECTIONS.map((s) => {
              const errs = errorsBySection[s.key] ?? [];
              const parseError = draft.parseErrors[s.key];
              const bad = errs.length > 0 || parseError !== undefined;
              const dirty = draft.dirty.includes(s.key);
              return (
                <Accordion.Item key={s.key} value={s.key} data-section={s.key} data-invalid={bad || undefined}
                  style={bad ? { borderColor: 'var(--mantine-color-red-6)', boxShadow: '0 0 0 1px var(--mantine-color-red-6)' } : undefined}>
                  <Accordion.Control>
                    <Group justify="space-between" wrap="nowrap" pr="sm">
                      <div><Text fw={600} size="sm">{s.label}</Text><Text size="xs" c="dimmed">{s.description}</Text></div>
                      <Group gap={4} wrap="nowrap">
                        {dirty && <Badge size="xs" color="blue">Edited</Badge>}
                        {errs.length > 0 && <Badge size="xs" color="red">{errs.length} error{errs.length === 1 ? '' : 's'}</Badge>}
                        {parseError !== undefined && <Badge size="xs" color="red">Invalid JSON</Badge>}
                      </Group>
                    </Group>
                  </Accordion.Control>
                  <Accordion.Panel>
                    {open.includes(s.key) && (
                      <SectionEditor sectionKey={s.key} label={s.label} node={nodeOf(s.key)!} store={draft.store} json={draft.json[s.key]}
                        parseError={parseError} dirty={dirty} onJson={draft.editJson} onView={draft.setView} onRevert={draft.reset}
                        errorText={errs.length ? errs.map((e) => `${e.path.replace(/^playbook\./, '')}: ${e.message}`).join(' · ') : undefined} />
                    )}
                  </Accordion.Panel>
                </Accordion.Item>
              );
            })}
          </Accordion>
          <Paper withBorder shadow="md" p="sm" mt="md" radius="md" data-testid="playbook-save" style={{ position: 'sticky', bottom: 12, zIndex: 20 }}>
            <Group gap="sm" wrap="wrap">
              <Text size="sm" fw={600} c={draft.dirty.length ? undefined : 'dimmed'} data-testid="playbook-dirty" miw={150}>
                {draft.dirty.length ? `${draft.dirty.length} section${draft.dirty.length === 1 ? '' : 's'} edited.` : 'No changes yet.'}
              </Text>
              <TextInput aria-label="Change note" placeholder="Change note, e.g. Raise usage weight to 35" value={note} onChange={(e) => setNote(e.currentTarget.value)} style={{ flex: 1 }} miw={220} />
              <Button variant="default" disabled={!draft.dirty.length} onClick={() => { draft.reset(); setErrors(noErrors); }}>Discard changes</Button>
              <Button onClick={submit} loading={save.isPending} disabled={!draft.dirty.length}>Save as v{doc.version + 1}</Button>
            </Group>
          </Paper>
        </RefsContext.Provider>
      </ErrorsContext.Provider>
    </ActionsContext.Provider>
  );
}

function GeneralField({ store, sectionKey }: { store: DraftStore; sectionKey: string }) {
  return <LeafField node={nodeOf(sectionKey)!} path={sectionKey} value={useDraftValue(store, sectionKey)} />;
}
