// Activities of a lead: log a call, email, meeting or note (our first call or email stops the first-response clock).
import { Badge, Button, Card, Group, Select, Stack, Switch, Text, TextInput, Timeline, Title } from '@mantine/core';
import { useState } from 'react';
import { client, ok, type BodyOf } from '../../lib/api';
import { notifyError } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { useLeadActivities, useLeadMutation, type Lead } from './hooks';

const KINDS = [
  { value: 'call', label: 'Call' }, { value: 'email', label: 'Email' }, { value: 'meeting', label: 'Meeting' }, { value: 'note', label: 'Note' },
  { value: 'webinar', label: 'Webinar attended' }, { value: 'event', label: 'Event attended' }, { value: 'download', label: 'Content download' },
  { value: 'visit', label: 'Website visit' },
];

export function LeadActivities({ lead, canLog }: { lead: Lead; canLog: boolean }) {
  const list = useLeadActivities(lead.id);
  type Kind = BodyOf<'/leads/{id}/activities', 'post'>['kind'];
  const [kind, setKind] = useState<Kind>('call');
  const [subject, setSubject] = useState('');
  const [inbound, setInbound] = useState(false);
  const log = useLeadMutation(lead.id, (body: BodyOf<'/leads/{id}/activities', 'post'>) => ok(client.POST('/leads/{id}/activities', { params: { path: { id: lead.id } }, body })));
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (!subject.trim()) return;
    log.mutate({ kind, subject: subject.trim(), ...(kind === 'email' ? { inbound } : {}) }, {
      onSuccess: () => setSubject(''), onError: (err) => notifyError(err),
    });
  };
  return (
    <Card p="md" data-testid="lead-activities">
      <Title order={4} mb="xs">Activities</Title>
      {canLog && (
        <form onSubmit={submit}>
          <Group align="flex-end" gap="xs" mb="md" wrap="wrap">
            <Select label="Kind" w={170} data={KINDS} value={kind} onChange={(v) => setKind((v ?? 'call') as Kind)} allowDeselect={false} />
            <TextInput label="Subject" style={{ flex: 1, minWidth: 200 }} value={subject} onChange={(e) => setSubject(e.currentTarget.value)} />
            {kind === 'email' && <Switch label="Reply from the prospect" checked={inbound} onChange={(e) => setInbound(e.currentTarget.checked)} mb={8} />}
            <Button type="submit" loading={log.isPending} disabled={!subject.trim()}>Log</Button>
          </Group>
        </form>
      )}
      <Timeline bulletSize={14} lineWidth={2}>
        {(list.data ?? []).map((a) => (
          <Timeline.Item key={a.id} title={<Group gap={6}><Text size="sm" fw={600}>{a.subject}</Text><Badge size="xs" variant="light" color={a.kind === 'system' ? 'gray' : 'blue'}>{a.kind}</Badge></Group>}>
            {a.body && <Text size="xs" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>{a.body}</Text>}
            <Text size="xs" c="dimmed">{formatDateTime(a.occurredAt)}{a.actorName ? ` · ${a.actorName}` : ''}</Text>
          </Timeline.Item>
        ))}
      </Timeline>
      {list.data?.length === 0 && <Stack><Text size="sm" c="dimmed">Nothing logged yet.</Text></Stack>}
    </Card>
  );
}
