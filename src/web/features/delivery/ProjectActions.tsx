// The project's lifecycle dialogs: kickoff behind the entry criteria, go-live behind the go-live checklist and rollback
// readiness, closure behind the exit criteria with lessons learned and CSAT, and cancellation with a reason. Ticks are
// saved one by one (audited); a 422 from the transition lists what is still missing and the dialog highlights it.
import { Alert, Button, Checkbox, Group, Modal, NumberInput, Rating, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import type { CheckItem } from '../../../core/delivery';
import { ApiError } from '../../lib/api';
import { handleFormError, notifyError, notifySuccess } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { useCancelProject, useCloseProject, useGoLive, useKickoff, useSetCheck } from './hooks';
import type { Checklist, Project } from './hooks';

type ListName = 'entry' | 'go_live' | 'exit';

/** Missing items named by a 422 (problem.missing), to highlight in the list. */
function missingOf(e: unknown): CheckItem[] | null {
  return e instanceof ApiError && e.status === 422 && Array.isArray(e.problem.missing) ? e.problem.missing as CheckItem[] : null;
}

function ChecklistBoxes({ project, list, checklist, highlight, extra }: {
  project: Project; list: ListName; checklist: Checklist; highlight: Set<string>; extra?: React.ReactNode;
}) {
  const tick = useSetCheck(project.id);
  const [pending, setPending] = useState<Record<string, boolean>>({});
  const toggle = (itemId: string, done: boolean) => {
    setPending((p) => ({ ...p, [itemId]: done }));
    // The tick stays as set once saved (the project reloads behind it); a refusal puts it back.
    tick.mutate({ list, itemId, done }, {
      onError: (e) => { notifyError(e); setPending((p) => { const n = { ...p }; delete n[itemId]; return n; }); },
    });
  };
  return (
    <Stack gap={6} role="group" aria-label="Checklist" data-testid={`checklist-${list}`}>
      {checklist.items.map((i) => {
        const checked = pending[i.id] ?? i.done;
        const missing = highlight.has(i.id) && !checked;
        return (
          <Checkbox key={i.id} label={i.label} checked={checked} onChange={(e) => toggle(i.id, e.currentTarget.checked)}
            color={missing ? 'red' : undefined} error={missing ? 'Missing' : undefined} data-testid={`check-${i.id}`}
            description={i.mark ? `${i.mark.byName}, ${formatDateTime(i.mark.at)}${i.mark.note ? ` — ${i.mark.note}` : ''}` : undefined} />
        );
      })}
      {extra}
    </Stack>
  );
}

export function KickoffDialog({ project, onClose }: { project: Project; onClose: () => void }) {
  const kickoff = useKickoff(project.id);
  const [startDate, setStartDate] = useState(project.startDate);
  const [missing, setMissing] = useState<CheckItem[] | null>(null);
  const go = () => kickoff.mutate({ startDate: startDate !== project.startDate ? startDate : undefined }, {
    onSuccess: () => { notifySuccess(`${project.name} is active; the plan is baselined.`, 'Kicked off'); onClose(); },
    onError: (e) => { const m = missingOf(e); if (m) setMissing(m); else notifyError(e); },
  });
  const open = project.checklists.entry.items.filter((i) => !i.done).length;
  return (
    <Modal opened onClose={onClose} title="Kick off the project" size="lg" data-testid="kickoff-dialog">
      <Stack>
        <Text size="sm">Kickoff baselines the plan: from then on every slip is measured against these dates. The playbook's entry criteria must all be met.</Text>
        {missing && missing.length > 0 && (
          <Alert color="red" variant="light" title="Kickoff refused" data-testid="kickoff-missing">Missing: {missing.map((m) => m.label).join(', ')}.</Alert>
        )}
        <ChecklistBoxes project={project} list="entry" checklist={project.checklists.entry} highlight={new Set((missing ?? []).map((m) => m.id))} />
        <TextInput type="date" label="Start date" description="Moves the whole plan when it differs from the planned start" value={startDate} onChange={(e) => setStartDate(e.currentTarget.value)} w={220} />
        <Group justify="space-between">
          <Text size="sm" c="dimmed">{open === 0 ? 'All entry criteria met.' : `${open} entry criteria open.`}</Text>
          <Group>
            <Button variant="default" onClick={onClose}>Cancel</Button>
            <Button onClick={go} loading={kickoff.isPending} data-testid="confirm-kickoff">Kick off</Button>
          </Group>
        </Group>
      </Stack>
    </Modal>
  );
}

export function GoLiveDialog({ project, onClose }: { project: Project; onClose: () => void }) {
  const goLive = useGoLive(project.id);
  const tick = useSetCheck(project.id);
  const [missing, setMissing] = useState<CheckItem[] | null>(null);
  const gl = project.checklists.goLive;
  const go = () => goLive.mutate(undefined, {
    onSuccess: () => { notifySuccess('The project is live; hypercare started and the go-live milestone went to the customer.', 'Go-live'); onClose(); },
    onError: (e) => { const m = missingOf(e); if (m) setMissing(m); else notifyError(e); },
  });
  const highlight = new Set((missing ?? []).map((m) => m.id));
  const rollbackMissing = highlight.has('rollback_ready') && !gl.rollbackReady;
  return (
    <Modal opened onClose={onClose} title="Go live" size="lg" data-testid="go-live-dialog">
      <Stack>
        <Text size="sm">The cutover checklist and a confirmed rollback plan are required. Open critical issues are recorded at go-live.</Text>
        {missing && missing.length > 0 && <Alert color="red" variant="light" title="Go-live refused">Missing: {missing.map((m) => m.label).join(', ')}.</Alert>}
        <ChecklistBoxes project={project} list="go_live" checklist={gl} highlight={highlight} extra={(
          <Checkbox mt="xs" label="Rollback readiness confirmed" description="The rollback plan is tested and the team knows the trigger" checked={gl.rollbackReady}
            color={rollbackMissing ? 'red' : undefined} error={rollbackMissing ? 'Missing' : undefined} data-testid="check-rollback_ready"
            onChange={(e) => tick.mutate({ list: 'go_live', itemId: 'rollback_ready', done: e.currentTarget.checked }, { onError: (err) => notifyError(err) })} />
        )} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>Cancel</Button>
          <Button color="grape" onClick={go} loading={goLive.isPending} data-testid="confirm-go-live">Go live</Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function CloseDialog({ project, onClose }: { project: Project; onClose: () => void }) {
  const close = useCloseProject(project.id);
  const [missing, setMissing] = useState<CheckItem[] | null>(null);
  const form = useForm({
    initialValues: { lessonsLearned: '', csatScore: 0, qualityScore: (project.qualityScore ?? '') as number | string },
    validate: { lessonsLearned: (v) => (v.trim() ? null : 'Write down what the team learned'), csatScore: (v) => (v >= 1 ? null : 'Enter the customer\'s satisfaction score') },
  });
  const submit = form.onSubmit((v) => close.mutate({ lessonsLearned: v.lessonsLearned.trim(), csatScore: v.csatScore, qualityScore: v.qualityScore === '' ? undefined : Number(v.qualityScore) }, {
    onSuccess: () => { notifySuccess('The project is closed and handed off to finance and customer success.', 'Closed'); onClose(); },
    onError: (e) => { const m = missingOf(e); if (m) setMissing(m); else handleFormError(form, ['lessonsLearned', 'csatScore', 'qualityScore'])(e); },
  }));
  return (
    <Modal opened onClose={onClose} title="Close the project" size="lg" data-testid="close-dialog">
      <form onSubmit={submit}>
        <Stack>
          {!project.closureReady && <Alert color="yellow" variant="light">Hypercare has not ended yet{project.hypercareEndsAt ? ` (until ${formatDateTime(project.hypercareEndsAt)})` : ''}.</Alert>}
          {missing && missing.length > 0 && <Alert color="red" variant="light" title="Closure refused">Missing: {missing.map((m) => m.label).join(', ')}.</Alert>}
          <Text fw={600} size="sm">Exit criteria</Text>
          <ChecklistBoxes project={project} list="exit" checklist={project.checklists.exit} highlight={new Set((missing ?? []).map((m) => m.id))} />
          <Textarea label="Lessons learned" required autosize minRows={3} {...form.getInputProps('lessonsLearned')} />
          <Stack gap={2}>
            <Text size="sm" fw={500}>Customer satisfaction (CSAT) <Text span c="red">*</Text></Text>
            <Rating value={form.values.csatScore} onChange={(v) => form.setFieldValue('csatScore', v)} aria-label="CSAT score" />
            {form.errors.csatScore && <Text size="xs" c="red">{form.errors.csatScore}</Text>}
          </Stack>
          <NumberInput label="Quality score (0–100)" min={0} max={100} w={200} {...form.getInputProps('qualityScore')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>Cancel</Button>
            <Button type="submit" color="teal" loading={close.isPending} data-testid="confirm-close">Close project</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export function CancelDialog({ project, onClose }: { project: Project; onClose: () => void }) {
  const cancel = useCancelProject(project.id);
  const form = useForm({ initialValues: { reason: '' }, validate: { reason: (v) => (v.trim() ? null : 'Say why the project is cancelled') } });
  const submit = form.onSubmit((v) => cancel.mutate({ reason: v.reason.trim() }, {
    onSuccess: () => { notifySuccess(`${project.name} is cancelled.`); onClose(); },
    onError: handleFormError(form, ['reason']),
  }));
  return (
    <Modal opened onClose={onClose} title="Cancel the project">
      <form onSubmit={submit}>
        <Stack>
          <Text size="sm">Open work stops, hypercare timers are cancelled and no further milestone is invoiced.</Text>
          <Textarea label="Reason" required autosize minRows={2} data-autofocus {...form.getInputProps('reason')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>Keep the project</Button>
            <Button type="submit" color="red" loading={cancel.isPending}>Cancel project</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
