// The POC of an opportunity: SOW, success criteria (the validation framework) with results, environment checklist,
// the week-by-week plan, findings and the fee credited toward implementation.
import { ActionIcon, Alert, Badge, Button, Checkbox, Group, NumberInput, Select, SimpleGrid, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useUser } from '../../lib/auth';
import { notifyError, notifySuccess } from '../../lib/errors';
import { formatDate, formatMoney } from '../../lib/format';
import { IconPlus, IconTrash } from '../../ui/Icons';
import { canEditPoc, useRecordPocResult, useSavePoc, type Opportunity, type Poc, type PocCriterion } from './hooks';

const STATUSES = ['planned', 'running', 'completed', 'failed'].map((s) => ({ value: s, label: s[0].toUpperCase() + s.slice(1) }));

export function PocTab({ opp }: { opp: Opportunity }) {
  const user = useUser();
  const editable = canEditPoc(user.role) && opp.stageKind === 'open';
  return opp.poc ? <PocView opp={opp} poc={opp.poc} editable={editable} /> : <PocPlanForm opp={opp} editable={editable} />;
}

function PocPlanForm({ opp, editable }: { opp: Opportunity; editable: boolean }) {
  const save = useSavePoc(opp.id);
  const [scope, setScope] = useState('');
  const [startDate, setStartDate] = useState('');
  const [fee, setFee] = useState<number | string>(25_000);
  const [criteria, setCriteria] = useState([{ measure: 'Servers discovered vs CMDB', target: '≥ 95 %' }]);
  if (!editable) return <Text c="dimmed" size="sm">No POC recorded for this opportunity.</Text>;
  const submit = () => save.mutate({ body: {
    scope: scope || null, startDate: startDate || null, fee: Math.round(Number(fee || 0) * 100),
    successCriteria: criteria.filter((c) => c.measure.trim() && c.target.trim()),
  } }, { onSuccess: () => notifySuccess('POC planned.'), onError: (e) => notifyError(e) });
  return (
    <Stack maw={760}>
      <Text size="sm" c="dimmed">Plan the POC: scope, start date (the plan follows the playbook's standard weeks), fee and the success criteria to validate.</Text>
      <Textarea label="Scope (SOW)" value={scope} onChange={(e) => setScope(e.currentTarget.value)} autosize minRows={2} />
      <Group grow>
        <TextInput type="date" label="Start date" value={startDate} onChange={(e) => setStartDate(e.currentTarget.value)} />
        <NumberInput label="POC fee (USD)" min={0} thousandSeparator="," value={fee} onChange={setFee} description="Credited toward implementation per the playbook" />
      </Group>
      <Title order={4}>Success criteria</Title>
      {criteria.map((c, i) => (
        <Group key={i} align="flex-end" wrap="nowrap">
          <TextInput label="Measure" value={c.measure} style={{ flex: 2 }} onChange={(e) => { const v = e.currentTarget.value; setCriteria((l) => l.map((x, k) => (k === i ? { ...x, measure: v } : x))); }} />
          <TextInput label="Target" value={c.target} style={{ flex: 1 }} onChange={(e) => { const v = e.currentTarget.value; setCriteria((l) => l.map((x, k) => (k === i ? { ...x, target: v } : x))); }} />
          <ActionIcon variant="subtle" color="red" aria-label="Remove criterion" onClick={() => setCriteria((l) => l.filter((_, k) => k !== i))}><IconTrash size={16} /></ActionIcon>
        </Group>
      ))}
      <Group>
        <Button variant="default" leftSection={<IconPlus size={14} />} onClick={() => setCriteria((l) => [...l, { measure: '', target: '' }])}>Add criterion</Button>
        <Button onClick={submit} loading={save.isPending}>Plan POC</Button>
      </Group>
    </Stack>
  );
}

function PocView({ opp, poc, editable }: { opp: Opportunity; poc: Poc; editable: boolean }) {
  const save = useSavePoc(opp.id);
  const [findings, setFindings] = useState(poc.findings ?? '');
  const patch = (body: Record<string, unknown>, msg = 'POC saved.') => save.mutate({ version: poc.version, body }, {
    onSuccess: () => notifySuccess(msg), onError: (e) => notifyError(e),
  });
  return (
    <Stack>
      <Group gap="xs">
        <Badge color={poc.status === 'completed' ? 'teal' : poc.status === 'failed' ? 'red' : 'blue'} size="lg" data-testid="poc-status">{poc.status}</Badge>
        <Badge color={poc.passed ? 'teal' : 'orange'} variant="light" data-testid="poc-outcome">{poc.passed ? 'Outcome validated: gates Negotiation' : 'Not yet validated'}</Badge>
      </Group>
      {!poc.passed && poc.gaps.length > 0 && (
        <Alert color="orange" variant="light" title="Before Negotiation">{poc.gaps.join(' · ')}</Alert>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Select label="Status" data={STATUSES} value={poc.status} disabled={!editable || save.isPending} onChange={(v) => v && patch({ status: v }, `POC ${v}.`)} allowDeselect={false} />
        <TextInput label="SOW signed" value={poc.sowSignedAt ? `${formatDate(poc.sowSignedAt)} by ${poc.sowSignedBy ?? '—'}` : 'Not signed'} readOnly />
        <TextInput label="Dates" value={poc.startDate ? `${formatDate(poc.startDate)} → ${formatDate(poc.endDate)}` : 'Not scheduled'} readOnly />
        <TextInput label="Fee" value={`${formatMoney(poc.fee, poc.currency)}${poc.feeCredited ? ' (credited toward implementation)' : ''}`} readOnly />
      </SimpleGrid>
      {poc.scope && <Text size="sm"><b>Scope:</b> {poc.scope}</Text>}
      <Title order={4}>Success criteria</Title>
      <Table striped withTableBorder data-testid="poc-criteria">
        <Table.Thead><Table.Tr><Table.Th>Measure</Table.Th><Table.Th>Target</Table.Th><Table.Th>Result</Table.Th><Table.Th>Evidence</Table.Th><Table.Th>Validated</Table.Th></Table.Tr></Table.Thead>
        <Table.Tbody>{poc.successCriteria.map((c) => <CriterionRow key={c.id} opp={opp} c={c} editable={editable} />)}</Table.Tbody>
      </Table>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Stack gap="xs">
          <Title order={4}>Environment setup</Title>
          {poc.environmentChecklist.map((e) => (
            <Checkbox key={e.id} label={e.label} checked={e.done} disabled={!editable || save.isPending}
              onChange={(ev) => { const done = ev.currentTarget.checked; patch({ environmentChecklist: poc.environmentChecklist.map((x) => (x.id === e.id ? { ...x, done } : x)) }); }} />
          ))}
        </Stack>
        <Stack gap="xs">
          <Title order={4}>Plan</Title>
          {poc.plan.length === 0 ? <Text size="sm" c="dimmed">Set a start date to plan the weeks.</Text> : (
            <Table withTableBorder data-testid="poc-plan">
              <Table.Thead><Table.Tr><Table.Th>Week</Table.Th><Table.Th>Dates</Table.Th><Table.Th>Milestones</Table.Th></Table.Tr></Table.Thead>
              <Table.Tbody>{poc.plan.map((w) => (
                <Table.Tr key={w.week}><Table.Td>{w.week}</Table.Td><Table.Td>{formatDate(w.startDate)} – {formatDate(w.endDate)}</Table.Td><Table.Td>{w.milestones.join('; ')}</Table.Td></Table.Tr>
              ))}</Table.Tbody>
            </Table>
          )}
        </Stack>
      </SimpleGrid>
      <Textarea label="Findings report" value={findings} onChange={(e) => setFindings(e.currentTarget.value)} autosize minRows={3} readOnly={!editable} />
      {editable && <Group><Button variant="default" onClick={() => patch({ findings: findings || null })} loading={save.isPending}>Save findings</Button></Group>}
    </Stack>
  );
}

function CriterionRow({ opp, c, editable }: { opp: Opportunity; c: PocCriterion; editable: boolean }) {
  const record = useRecordPocResult(opp.id);
  const [result, setResult] = useState(c.result ?? '');
  const [evidence, setEvidence] = useState(c.evidence ?? '');
  const send = (validated: boolean) => record.mutate({ criterionId: c.id, validated, result: result || null, evidence: evidence || null }, { onError: (e) => notifyError(e) });
  return (
    <Table.Tr>
      <Table.Td>{c.measure}</Table.Td>
      <Table.Td>{c.target}</Table.Td>
      <Table.Td><TextInput size="xs" aria-label={`Result of ${c.measure}`} value={result} readOnly={!editable} onChange={(e) => setResult(e.currentTarget.value)} onBlur={() => editable && result !== (c.result ?? '') && send(c.validated)} /></Table.Td>
      <Table.Td><TextInput size="xs" aria-label={`Evidence for ${c.measure}`} value={evidence} readOnly={!editable} onChange={(e) => setEvidence(e.currentTarget.value)} onBlur={() => editable && evidence !== (c.evidence ?? '') && send(c.validated)} /></Table.Td>
      <Table.Td><Checkbox aria-label={`${c.measure} validated`} checked={c.validated} disabled={!editable || record.isPending} onChange={(e) => send(e.currentTarget.checked)} /></Table.Td>
    </Table.Tr>
  );
}
