// The Value Committer's contracted KPIs: proposed at negotiation, edited here, accepted for the contract.
import { Alert, Badge, Button, Card, Group, NumberInput, Paper, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { KPI_UNITS, type Kpi, type SuccessCriterion } from '../../../core/value';
import { ApiError } from '../../lib/api';
import { useUser } from '../../lib/auth';
import { notifyError, notifySuccess } from '../../lib/errors';
import { IconCheck } from '../../ui/Icons';
import { canAcceptValue, canWriteValue, useAcceptCommitment, useGenerateCommitment, useUpdateCommitment, type Commitment, type ValueOverview } from './hooks';

export function CommitmentEditor({ overview }: { overview: ValueOverview }) {
  const user = useUser();
  const oppId = overview.opportunity.id;
  const generate = useGenerateCommitment(oppId);
  const c = overview.commitment;
  const atNegotiation = overview.opportunity.stage === 'negotiation';
  if (!c) {
    return (
      <Card data-testid="commitment">
        <Title order={3} mb={4}>Value commitment</Title>
        <Text size="sm" c="dimmed" mb="sm">
          At negotiation the Value Committer turns the hypothesis into contracted KPIs — unit, baseline, target, deadline and owner — with a contract clause each.
          {!atNegotiation && ` This opportunity is in ${overview.opportunity.stage}.`}
          {!overview.hypothesis && ' Generate the value hypothesis first.'}
        </Text>
        {canWriteValue(user.role) && (
          <Button disabled={!atNegotiation || !overview.hypothesis} loading={generate.isPending} data-testid="generate-commitment"
            onClick={() => generate.mutate(undefined, { onSuccess: () => notifySuccess('Review the KPIs, then accept them for the contract.', 'KPIs proposed'), onError: (e) => notifyError(e) })}>
            Propose contracted KPIs
          </Button>
        )}
      </Card>
    );
  }
  return <KpiForm key={`${c.id}:${c.version}`} overview={overview} c={c} />;
}

function KpiForm({ overview, c }: { overview: ValueOverview; c: Commitment }) {
  const user = useUser();
  const oppId = overview.opportunity.id;
  const [kpis, setKpis] = useState<Kpi[]>(c.kpis);
  const [criteria, setCriteria] = useState<SuccessCriterion[]>(c.successCriteria);
  const [errors, setErrors] = useState<string[]>([]);
  const save = useUpdateCommitment(oppId);
  const accept = useAcceptCommitment(oppId);
  const generate = useGenerateCommitment(oppId);
  const writable = canWriteValue(user.role);
  const dirty = JSON.stringify(kpis) !== JSON.stringify(c.kpis) || JSON.stringify(criteria) !== JSON.stringify(c.successCriteria);
  const currency = overview.opportunity.currency;
  const set = (i: number, patch: Partial<Kpi>) => setKpis((ks) => ks.map((k, j) => (j === i ? { ...k, ...patch } : k)));
  const contacts = overview.contacts.map((p) => ({ value: p.id, label: `${p.name}${p.roles.length ? ` (${p.roles.join(', ').replace(/_/g, ' ')})` : ''}` }));
  const num = (v: number | string, money: boolean) => { const n = Number(v); return v === '' || !Number.isFinite(n) ? null : money ? Math.round(n * 100) : n; };

  const onSave = () => save.mutate({ version: c.version, kpis, successCriteria: criteria }, {
    onSuccess: () => { setErrors([]); notifySuccess('The KPIs are saved as a draft.', 'Commitment saved'); },
    onError: (e) => {
      if (e instanceof ApiError && e.fieldErrors.length) setErrors(e.fieldErrors.map((f) => `${f.path}: ${f.message}`));
      notifyError(e);
    },
  });

  return (
    <Card data-testid="commitment">
      <Group justify="space-between" mb="sm" wrap="wrap">
        <Group gap="xs">
          <Title order={3}>Value commitment</Title>
          <Badge color={c.status === 'accepted' ? 'teal' : 'gray'} variant="light" data-testid="commitment-status">{c.status}</Badge>
          <Text size="xs" c="dimmed">version {c.version}</Text>
          {dirty && <Badge color="orange">Unsaved changes</Badge>}
        </Group>
        <Group gap="xs">
          {writable && overview.opportunity.stage === 'negotiation' && (
            <Button size="xs" variant="default" loading={generate.isPending} onClick={() => generate.mutate(undefined, { onError: (e) => notifyError(e) })}>Propose again</Button>
          )}
          {writable && <Button size="xs" disabled={!dirty} loading={save.isPending} onClick={onSave}>Save KPIs</Button>}
          {canAcceptValue(user.role) && c.status === 'draft' && (
            <Button size="xs" color="teal" leftSection={<IconCheck size={14} />} disabled={dirty} loading={accept.isPending}
              onClick={() => accept.mutate(c.version, { onSuccess: () => notifySuccess('The KPIs go into the contract at close.', 'Commitment accepted'), onError: (e) => notifyError(e) })}>
              Accept for contract
            </Button>
          )}
        </Group>
      </Group>
      {errors.length > 0 && <Alert color="red" mb="sm" role="alert" title="Check these fields">{errors.map((e) => <div key={e}>{e}</div>)}</Alert>}
      <Stack gap="sm">
        {kpis.map((k, i) => {
          const money = k.unit === 'money/year';
          return (
            <Paper key={k.id} withBorder p="sm" data-kpi={k.id}>
              <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
                <TextInput label="KPI" value={k.label} disabled={!writable} onChange={(e) => set(i, { label: e.currentTarget.value })} />
                <Select label="Unit" data={[...KPI_UNITS]} value={k.unit} disabled={!writable} allowDeselect={false} onChange={(v) => v && set(i, { unit: v as Kpi['unit'] })} />
                <Select label="Customer owner" data={contacts} value={k.ownerContactId} clearable disabled={!writable} placeholder="Nobody yet"
                  onChange={(v) => set(i, { ownerContactId: v, ownerContactName: overview.contacts.find((p) => p.id === v)?.name ?? null })} />
                <NumberInput label={`Baseline${money ? ` (${currency})` : ''}`} value={money ? k.baseline / 100 : k.baseline} min={0} thousandSeparator="," disabled={!writable} hideControls
                  onChange={(v) => { const n = num(v, money); if (n !== null) set(i, { baseline: n }); }} />
                <NumberInput label={`Target (${k.betterWhen === 'lower' ? '≤' : '≥'})`} value={money ? k.target / 100 : k.target} min={0} thousandSeparator="," disabled={!writable} hideControls
                  onChange={(v) => { const n = num(v, money); if (n !== null) set(i, { target: n }); }} />
                <TextInput label="Deadline" type="date" value={k.deadline} disabled={!writable} onChange={(e) => set(i, { deadline: e.currentTarget.value })} />
              </SimpleGrid>
              <Textarea label="Contract clause" value={k.clause} autosize minRows={1} mt="xs" size="xs" disabled={!writable} onChange={(e) => set(i, { clause: e.currentTarget.value })} />
            </Paper>
          );
        })}
      </Stack>
      <Text fw={650} mt="md" mb={6}>Success criteria</Text>
      <Stack gap={6}>
        {criteria.map((s, i) => (
          <TextInput key={s.id} aria-label={`Success criterion ${i + 1}`} value={s.label} disabled={!writable}
            onChange={(e) => { const label = e.currentTarget.value; setCriteria((cs) => cs.map((x, j) => (j === i ? { ...x, label } : x))); }} />
        ))}
      </Stack>
    </Card>
  );
}
