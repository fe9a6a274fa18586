// The stage gate: moving an opportunity forward is refused while exit criteria are missing. The dialog lists them with
// checkboxes to tick (each tick is saved and audited), then retries; admins and executives may override with a reason.
import { Alert, Button, Checkbox, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { ApiError } from '../../lib/api';
import { useUser } from '../../lib/auth';
import { notifyError, notifySuccess } from '../../lib/errors';
import { canOverride, useAdvance, useSetCriterion, type Missing } from './hooks';

export interface GateRequest { id: string; name: string; toStage: string; toStageName: string; missing: Missing[] }

const POC_OUTCOME = 'poc_outcome';

/** Moves an opportunity; a 422 with missing criteria opens the gate dialog instead of an error toast. */
export function useGateFlow() {
  const advance = useAdvance();
  const [gate, setGate] = useState<GateRequest | null>(null);
  const move = (o: { id: string; name: string }, toStage: string, toStageName: string) => advance.mutate({ id: o.id, toStage }, {
    onSuccess: () => notifySuccess(`${o.name} moved to ${toStageName}.`, 'Stage changed'),
    onError: (e) => {
      const missing = e instanceof ApiError && e.status === 422 ? (e.problem.missing as Missing[] | undefined) : undefined;
      if (missing?.length) setGate({ id: o.id, name: o.name, toStage, toStageName, missing });
      else notifyError(e);
    },
  });
  const dialog = gate ? <GateDialog gate={gate} onClose={() => setGate(null)} /> : null;
  return { move, dialog, pending: advance.isPending };
}

export function GateDialog({ gate, onClose }: { gate: GateRequest; onClose: () => void }) {
  const user = useUser();
  const tick = useSetCriterion();
  const advance = useAdvance();
  const [done, setDone] = useState<Set<string>>(new Set());
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const key = (m: Missing) => `${m.stage}.${m.id}`;
  const open = gate.missing.filter((m) => !done.has(key(m)));
  const tickable = open.filter((m) => m.id !== POC_OUTCOME);
  const pocBlocks = open.some((m) => m.id === POC_OUTCOME);
  const override = canOverride(user.role);

  // Optimistic: the box shows the new state at once and reverts if the server refuses.
  const mark = (m: Missing, checked: boolean) => setDone((s) => { const n = new Set(s); if (checked) n.add(key(m)); else n.delete(key(m)); return n; });
  const toggle = (m: Missing, checked: boolean) => {
    mark(m, checked);
    tick.mutate({ id: gate.id, stage: m.stage, criterionId: m.id, checked }, { onError: (e) => { mark(m, !checked); notifyError(e); } });
  };
  const go = (overrideReason?: string) => advance.mutate({ id: gate.id, toStage: gate.toStage, overrideReason }, {
    onSuccess: () => { notifySuccess(`${gate.name} moved to ${gate.toStageName}.`, overrideReason ? 'Gate overridden' : 'Stage changed'); onClose(); },
    onError: (e) => setError(e instanceof Error ? e.message : 'The move failed.'),
  });

  return (
    <Modal opened onClose={onClose} title={`Exit criteria before ${gate.toStageName}`} size="lg" data-testid="gate-dialog">
      <Stack gap="md">
        <Text size="sm">
          <b>{gate.name}</b> cannot move to {gate.toStageName} yet: the playbook requires these exit criteria. Tick the ones that are done.
        </Text>
        <Stack gap="xs" role="group" aria-label="Missing exit criteria">
          {gate.missing.map((m) => (m.id === POC_OUTCOME ? (
            <Alert key={key(m)} color="orange" variant="light" title={m.label}>
              Complete the POC and validate every success criterion on the POC tab of the opportunity.
            </Alert>
          ) : (
            <Checkbox
              key={key(m)} label={`${m.stageName}: ${m.label}`} checked={done.has(key(m))}
              onChange={(e) => toggle(m, e.currentTarget.checked)} data-testid={`gate-criterion-${m.id}`}
            />
          )))}
        </Stack>
        {error && <Alert color="red" variant="light" role="alert">{error}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>Cancel</Button>
          <Button onClick={() => go()} loading={(advance.isPending && !reason) || tick.isPending} disabled={tickable.length > 0 || pocBlocks}>
            Move to {gate.toStageName}
          </Button>
        </Group>
        {override && open.length > 0 && (
          <Stack gap="xs" p="sm" style={{ border: '1px solid var(--mantine-color-orange-3)', borderRadius: 8 }}>
            <Text size="sm" fw={600}>Override the gate</Text>
            <Text size="xs" c="dimmed">As {user.role === 'admin' ? 'an admin' : 'an executive'} you may move the deal without the {open.length} missing criteria. The override is audited with your reason.</Text>
            <Textarea label="Reason for the override" value={reason} onChange={(e) => setReason(e.currentTarget.value)} minRows={2} autosize />
            <Group justify="flex-end">
              <Button color="orange" disabled={reason.trim().length < 3} loading={advance.isPending && !!reason} onClick={() => go(reason.trim())}>
                Override and move
              </Button>
            </Group>
          </Stack>
        )}
      </Stack>
    </Modal>
  );
}
