// One playbook section in the editor: a form generated from the schema, or (per section, for power users) its JSON.
import { Button, Group, JsonInput, SegmentedControl } from '@mantine/core';
import { memo } from 'react';
import type { FormNode } from '../../../../core/playbook';
import { notifyError } from '../../../lib/errors';
import { FieldNode, ObjectFields } from './FieldNode';
import { useDraftValue, type DraftStore } from './use-draft';

export interface SectionEditorProps {
  sectionKey: string;
  label: string;
  node: FormNode;
  store: DraftStore;
  /** The section's JSON text while it is shown as JSON. */
  json: string | undefined;
  parseError: string | undefined;
  errorText: string | undefined;
  dirty: boolean;
  onJson(key: string, text: string): void;
  onView(key: string, view: 'form' | 'json'): boolean;
  onRevert(key: string): void;
}

export const SectionEditor = memo(function SectionEditor(p: SectionEditorProps) {
  const view = p.json === undefined ? 'form' : 'json';
  const value = useDraftValue(p.store, p.sectionKey);
  return (
    <div>
      <Group justify="space-between" mb="sm">
        <SegmentedControl size="xs" value={view} aria-label={`${p.label} view`} data={[{ value: 'form', label: 'Form' }, { value: 'json', label: 'JSON' }]}
          onChange={(v) => { if (!p.onView(p.sectionKey, v as 'form' | 'json')) notifyError(new Error('Fix the JSON syntax first.'), 'Invalid JSON'); }} />
        {p.dirty && <Button size="xs" variant="subtle" onClick={() => p.onRevert(p.sectionKey)}>Revert this section</Button>}
      </Group>
      {view === 'json' ? (
        <JsonInput label={`${p.label} (JSON)`} autosize minRows={3} maxRows={28} formatOnBlur spellCheck={false} validationError="Invalid JSON"
          value={p.json} onChange={(v) => p.onJson(p.sectionKey, v)}
          error={p.parseError ? `Invalid JSON: ${p.parseError}` : p.errorText}
          styles={{ input: { fontSize: 12.5, color: 'var(--mantine-color-text)' } }} />
      ) : p.node.kind === 'object'
        ? <ObjectFields node={p.node} path={p.sectionKey} value={value} />
        : <FieldNode node={p.node} path={p.sectionKey} value={value} />}
    </div>
  );
});
