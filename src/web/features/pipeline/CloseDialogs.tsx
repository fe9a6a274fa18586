// Closing an opportunity: won creates the contract (the gate needs the Negotiation exit criteria), lost needs a reason.
import { Alert, Button, Group, List, Modal, NumberInput, Select, Stack, TagsInput, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { ApiError } from '../../lib/api';
import { useUser } from '../../lib/auth';
import { notifyError, notifySuccess } from '../../lib/errors';
import { canOverride, useCloseLost, useCloseWon, type Missing, type Opportunity } from './hooks';

const today = () => new Date().toISOString().slice(0, 10);

export function CloseWonDialog({ opp, onClose }: { opp: Opportunity; onClose: () => void }) {
  const user = useUser();
  const close = useCloseWon();
  const [arr, setArr] = useState<number | string>(opp.amount === null ? '' : opp.amount / 100);
  const [term, setTerm] = useState<number | string>(12);
  const [start, setStart] = useState(today());
  const [modules, setModules] = useState<string[]>(['Discovery']);
  const [fee, setFee] = useState<number | string>(0);
  const [missing, setMissing] = useState<Missing[] | null>(null);
  const [reason, setReason] = useState('');
  const credit = opp.poc?.feeCredited ? opp.poc.fee : 0;

  const submit = () => close.mutate({
    id: opp.id,
    body: {
      arr: arr === '' ? undefined : Math.round(Number(arr) * 100), termMonths: Number(term || 12), startDate: start || undefined, modules,
      servicesFee: Math.round(Number(fee || 0) * 100), overrideReason: missing && reason.trim() ? reason.trim() : undefined,
    },
  }, {
    onSuccess: () => { notifySuccess('The contract was created and handed to delivery and billing.', 'Closed won'); onClose(); },
    onError: (e) => {
      const m = e instanceof ApiError && e.status === 422 ? (e.problem.missing as Missing[] | undefined) : undefined;
      if (m?.length) setMissing(m); else notifyError(e);
    },
  });

  return (
    <Modal opened onClose={onClose} title="Close won: contract" size="lg">
      <Stack>
        <Group grow>
          <NumberInput label="ARR (USD)" min={0} thousandSeparator="," value={arr} onChange={setArr} />
          <NumberInput label="Term (months)" min={1} max={120} value={term} onChange={setTerm} />
        </Group>
        <Group grow>
          <TextInput type="date" label="Start date" value={start} onChange={(e) => setStart(e.currentTarget.value)} />
          <NumberInput label="Services fee (USD)" min={0} thousandSeparator="," value={fee} onChange={setFee}
            description={credit > 0 ? `POC fee credit of ${(credit / 100).toLocaleString('en-US')} is deducted before the payment schedule` : undefined} />
        </Group>
        <TagsInput label="Modules" value={modules} onChange={setModules} placeholder="Add a module and press Enter" />
        <Text size="xs" c="dimmed">The payment schedule follows the playbook's delivery milestones; contracted KPIs come from the value commitment.</Text>
        {missing && (
          <Alert color="orange" variant="light" title="Exit criteria missing" role="alert">
            <List size="sm">{missing.map((m) => <List.Item key={`${m.stage}.${m.id}`}>{m.stageName}: {m.label}</List.Item>)}</List>
            {canOverride(user.role)
              ? <Textarea mt="sm" label="Reason for the override" value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
              : <Text size="sm" mt="xs">Tick them on the Exit criteria tab first.</Text>}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>Cancel</Button>
          <Button color="teal" onClick={submit} loading={close.isPending} disabled={!!missing && (!canOverride(user.role) || reason.trim().length < 3)}>
            {missing ? 'Override and close won' : 'Close won'}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function CloseLostDialog({ opp, onClose }: { opp: Opportunity; onClose: () => void }) {
  const close = useCloseLost();
  const [reason, setReason] = useState<string | null>(null);
  const [notes, setNotes] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = () => {
    if (!reason) { setError('Pick the loss reason'); return; }
    close.mutate({ id: opp.id, reason, notes }, {
      onSuccess: () => { notifySuccess(`${opp.name} was closed lost.`); onClose(); },
      onError: (e) => notifyError(e),
    });
  };
  return (
    <Modal opened onClose={onClose} title="Close lost">
      <Stack>
        <Select label="Loss reason" required data={opp.lossReasons.map((r) => ({ value: r.id, label: r.label }))} value={reason}
          onChange={(v) => { setReason(v); setError(null); }} error={error} />
        <Textarea label="Notes" value={notes} onChange={(e) => setNotes(e.currentTarget.value)} autosize minRows={2} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>Cancel</Button>
          <Button color="red" onClick={submit} loading={close.isPending}>Close lost</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
