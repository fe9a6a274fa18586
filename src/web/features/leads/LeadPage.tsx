// The lead page: status actions, profile and enrichment, BANT, score explained, model, owner, SLA, duplicates,
// activities, and conversion.
import { Anchor, Badge, Button, Grid, Group, Modal, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useUser } from '../../lib/auth';
import { useDirectory } from '../../lib/directory';
import { notifyError, notifySuccess } from '../../lib/errors';
import { humanize } from '../../lib/format';
import { isInternal } from '../../lib/permissions';
import { client, ok, type BodyOf } from '../../lib/api';
import { NotFound } from '../../ui/NotFound';
import { PageHeader } from '../../ui/PageHeader';
import { ErrorAlert, PageLoader } from '../../ui/QueryState';
import { BantForm } from './BantForm';
import { ConvertModal } from './ConvertModal';
import { DuplicatesPanel } from './DuplicatesPanel';
import { EnrichmentForm } from './EnrichmentForm';
import { leadName, useLead, useLeadMutation, usePlaybook, type Lead } from './hooks';
import { LeadActivities } from './LeadActivities';
import { AssignmentCard, ModelCard, ScoreCard, SlaCard } from './LeadPanels';
import { STATUS_COLOR } from './LeadsPage';

export function LeadPage() {
  const { id = '' } = useParams();
  const q = useLead(id);
  if (q.isPending) return <PageLoader label="Loading lead…" />;
  if (q.error) {
    const status = (q.error as { status?: number }).status;
    if (status === 404 || status === 400 || status === 422) return <NotFound title="Lead not found" message="This lead does not exist, was merged, or is not shared with you." />;
    return <ErrorAlert error={q.error} onRetry={() => q.refetch()} />;
  }
  return <LeadView lead={q.data} />;
}

function LeadView({ lead }: { lead: Lead }) {
  const user = useUser();
  const internal = isInternal(user.role);
  const seller = ['admin', 'sales', 'sdr'].includes(user.role);
  const playbook = usePlaybook();
  const directory = useDirectory();
  const [converting, convert] = useDisclosure(false);
  const [disqualifying, disqualify] = useDisclosure(false);
  const [reason, setReason] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const move = useLeadMutation(lead.id, (body: Omit<BodyOf<'/leads/{id}/status', 'post'>, 'version'>) => ok(client.POST('/leads/{id}/status', { params: { path: { id: lead.id } }, body: { version: lead.version, ...body } })));
  const go = (status: BodyOf<'/leads/{id}/status', 'post'>['status'], extra: { reason?: string; note?: string } = {}) => move.mutate({ status, ...extra }, {
    onSuccess: (l) => { notifySuccess(`The lead is now ${l.status}.`); disqualify.close(); },
    onError: (e) => notifyError(e, 'Could not change the status'),
  });
  const readOnly = !seller || lead.status === 'converted';
  const pb = playbook.data;
  const sourceLabel = pb?.leads.sources.find((s) => s.id === lead.source)?.label ?? humanize(lead.source);

  return (
    <>
      <PageHeader
        crumbs={[{ label: internal ? 'Lead inbox' : 'Referred leads', to: '/leads' }, { label: leadName(lead) }]}
        title={<span data-testid="lead-name">{leadName(lead)}</span>}
        actions={seller && (
          <>
            {lead.status === 'new' && <Button onClick={() => go('working')} loading={move.isPending}>Start working</Button>}
            {(lead.status === 'working') && <Button onClick={() => go('qualified')} loading={move.isPending} disabled={lead.bantCheck ? !lead.bantCheck.ok : false}>Qualify</Button>}
            {(lead.status === 'qualified' || lead.status === 'disqualified') && <Button variant="default" onClick={() => go('working')}>Back to working</Button>}
            {lead.status === 'qualified' && <Button color="teal" onClick={convert.open}>Convert…</Button>}
            {['new', 'working', 'qualified'].includes(lead.status) && <Button variant="default" color="red" onClick={disqualify.open}>Disqualify…</Button>}
          </>
        )}
      >
        <Group gap="xs" mt={4}>
          <Badge color={STATUS_COLOR[lead.status]} data-testid="lead-status">{lead.status}</Badge>
          <Text size="sm" c="dimmed">{[lead.title, lead.companyName].filter(Boolean).join(' · ')}</Text>
          <Badge variant="outline" color="gray">{sourceLabel}</Badge>
          {lead.campaign && <Badge variant="outline" color="gray">{lead.campaign}</Badge>}
          {lead.disqualificationReason && <Badge color="gray" variant="light">{pb?.leads.disqualificationReasons.find((r) => r.id === lead.disqualificationReason)?.label ?? lead.disqualificationReason}</Badge>}
          {lead.convertedAccountId && <Anchor component={Link} to={`/accounts/${lead.convertedAccountId}`} size="sm">Open the account →</Anchor>}
        </Group>
      </PageHeader>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="md">
            {internal && <DuplicatesPanel lead={lead} canMerge={seller} />}
            <EnrichmentForm lead={lead} readOnly={readOnly} />
            {pb && <BantForm lead={lead} playbook={pb} readOnly={readOnly} />}
            <LeadActivities lead={lead} canLog={lead.status !== 'converted'} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="md">
            <ScoreCard lead={lead} />
            {internal && <ModelCard lead={lead} />}
            <SlaCard lead={lead} />
            {internal && <AssignmentCard lead={lead} ownerName={directory.nameOf(lead.ownerId)} users={directory.users} canAssign={seller} />}
          </Stack>
        </Grid.Col>
      </Grid>
      {lead.status === 'qualified' && <ConvertModal lead={lead} opened={converting} onClose={convert.close} />}
      <Modal opened={disqualifying} onClose={disqualify.close} title={<Title order={3}>Disqualify</Title>}>
        <Select label="Reason" required data={(pb?.leads.disqualificationReasons ?? []).map((r) => ({ value: r.id, label: `${r.label}${r.nurture ? ' (nurture)' : ''}` }))}
          value={reason} onChange={setReason} data-autofocus />
        <Textarea label="Note" mt="sm" value={note} onChange={(e) => setNote(e.currentTarget.value)} />
        <Group justify="flex-end" mt="lg">
          <Button variant="default" onClick={disqualify.close}>Cancel</Button>
          <Button color="red" disabled={!reason} loading={move.isPending} onClick={() => reason && go('disqualified', { reason, note: note.trim() || undefined })}>Disqualify</Button>
        </Group>
      </Modal>
    </>
  );
}
