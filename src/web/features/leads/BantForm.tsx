// The BANT qualification form (004 §1.2) with the playbook's key questions; saving re-scores the lead.
import { Alert, Button, Card, Group, NumberInput, SegmentedControl, Stack, Text, Textarea, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { Bant } from '../../../core/leads/schemas';
import type { Playbook } from '../../../core/playbook';
import { client, ok } from '../../lib/api';
import { notifyError, notifySuccess } from '../../lib/errors';
import { useLeadMutation, type Lead } from './hooks';

const yesNo = (v: boolean | null | undefined) => (v === true ? 'yes' : v === false ? 'no' : 'unknown');
const fromYesNo = (s: string) => (s === 'yes' ? true : s === 'no' ? false : null);

export function BantForm({ lead, playbook, readOnly }: { lead: Lead; playbook: Playbook; readOnly: boolean }) {
  const init = (): Bant => ({ budget: null, authority: null, need: null, timelineMonths: null, answers: {}, ...(lead.bant as Partial<Bant>) } as Bant);
  const [bant, setBant] = useState<Bant>(init);
  useEffect(() => setBant(init()), [lead.id, lead.version]);
  const save = useLeadMutation(lead.id, (b: Bant) => ok(client.PUT('/leads/{id}/bant', { params: { path: { id: lead.id } }, body: { version: lead.version, bant: b } })));
  const check = lead.bantCheck;
  return (
    <Card p="md" data-testid="bant-form">
      <Group justify="space-between" mb="xs">
        <Title order={4}>BANT qualification</Title>
        {check && <Text size="sm" c={check.ok ? 'teal' : 'dimmed'}>{check.met.length} of 4 met{check.ok ? ' — ready to qualify' : ` (${check.required} needed)`}</Text>}
      </Group>
      <Stack gap="md">
        {playbook.leads.bant.criteria.map((c) => (
          <div key={c.id}>
            <Group justify="space-between" align="flex-start" wrap="nowrap">
              <div>
                <Text fw={600}>{c.letter} · {c.label}</Text>
                <Text size="xs" c="dimmed">{c.criterion}</Text>
              </div>
              {c.id === 'timeline' ? (
                <NumberInput aria-label="Months until the initiative" placeholder="Months" w={130} min={0} max={120} disabled={readOnly}
                  value={bant.timelineMonths ?? ''} suffix=" months"
                  onChange={(v) => setBant({ ...bant, timelineMonths: v === '' ? null : Number(v) })} />
              ) : (
                <SegmentedControl size="xs" disabled={readOnly} aria-label={`${c.label} met?`} value={yesNo(bant[c.id])}
                  data={[{ value: 'yes', label: 'Yes' }, { value: 'no', label: 'No' }, { value: 'unknown', label: '?' }]}
                  onChange={(s) => setBant({ ...bant, [c.id]: fromYesNo(s) })} />
              )}
            </Group>
            {c.questions.map((q, i) => {
              const key = `${c.id}.${i}`;
              return (
                <Textarea key={key} label={q} mt={6} autosize minRows={1} disabled={readOnly} value={bant.answers[key] ?? ''}
                  onChange={(e) => setBant({ ...bant, answers: { ...bant.answers, [key]: e.currentTarget.value } })} />
              );
            })}
          </div>
        ))}
        {check && check.missing.length > 0 && !readOnly && (
          <Alert variant="light" color="gray">Missing: {check.missing.map((m) => m.label).join(', ')}.</Alert>
        )}
        {!readOnly && (
          <Group justify="flex-end">
            <Button loading={save.isPending} onClick={() => save.mutate(bant, {
              onSuccess: () => notifySuccess('BANT answers saved; the score was updated.'),
              onError: (e) => notifyError(e),
            })}>Save BANT</Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}
