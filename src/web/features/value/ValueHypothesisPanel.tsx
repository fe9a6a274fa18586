// The value hypothesis of an opportunity (pains, drivers, assumptions, ROI/NPV/payback). Edits recompute live in
// the browser with the same pure function the server uses; saving sends only what changed.
import { Alert, Anchor, Badge, Button, Card, Checkbox, Grid, Group, SimpleGrid, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { useDisclosure, useElementSize } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { Link, useLocation } from 'react-router';
import {
  applyHypothesisEdit, computeHypothesis, diffHypothesisEdit, PAIN_CATALOG, type HypothesisModel,
} from '../../../core/value';
import { ApiError } from '../../lib/api';
import { useUser } from '../../lib/auth';
import { errorMessage, notifyError, notifySuccess } from '../../lib/errors';
import { formatMoney } from '../../lib/format';
import { ConfirmModal } from '../../ui/ConfirmModal';
import { KpiCard } from '../../ui/KpiCard';
import { IconCheck, IconRefresh } from '../../ui/Icons';
import { BlockSkeleton, ErrorAlert } from '../../ui/QueryState';
import { AssumptionGroups } from './AssumptionInputs';
import { CumulativeChart } from './CumulativeChart';
import { CustomPainsInput, toCustomPains, type CustomPainDraft } from './CustomPainsInput';
import {
  canAcceptValue, canWriteValue, proposalUrl, useAcceptHypothesis, useGenerateHypothesis, useUpdateHypothesis, useValueOverview,
  type Hypothesis,
} from './hooks';

export function ValueHypothesisPanel({ opportunityId, accountId }: { opportunityId: string; accountId: string }) {
  const q = useValueOverview(opportunityId);
  if (q.isPending) return <Card><BlockSkeleton rows={6} /></Card>;
  if (q.isError) return <ErrorAlert error={q.error} onRetry={() => q.refetch()} title="Could not load the value hypothesis" />;
  const h = q.data.hypothesis;
  if (!h) return <GenerateCard opportunityId={opportunityId} accountName={q.data.account.name} />;
  // A new saved version resets the local draft.
  return <HypothesisEditor key={`${h.id}:${h.version}`} opportunityId={opportunityId} accountId={accountId} h={h} />;
}

function GenerateCard({ opportunityId, accountName }: { opportunityId: string; accountName: string }) {
  const user = useUser();
  const generate = useGenerateHypothesis(opportunityId);
  const [ticked, setTicked] = useState<string[]>([]);
  const [custom, setCustom] = useState<CustomPainDraft[]>([]);
  return (
    <Card data-testid="value-hypothesis">
      <Title order={3} mb={4}>Value hypothesis</Title>
      <Text size="sm" c="dimmed" mb="md">
        The Value Architect quantifies the pains heard in discovery with benchmarks scaled to {accountName}'s infrastructure.
        Tick the pains you heard, or leave all unticked to let it suggest them from the account profile.
      </Text>
      <Checkbox.Group value={ticked} onChange={setTicked} label="Pains heard in discovery">
        <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs" spacing="xs">
          {PAIN_CATALOG.map((p) => <Checkbox key={p.id} value={p.id} label={p.label} description={p.description} />)}
        </SimpleGrid>
      </Checkbox.Group>
      {canWriteValue(user.role) && <Stack mt="md"><CustomPainsInput value={custom} onChange={setCustom} /></Stack>}
      {canWriteValue(user.role) && (
        <Group mt="md">
          <Button data-testid="generate-hypothesis" loading={generate.isPending}
            onClick={() => generate.mutate({ ...(ticked.length ? { painIds: ticked } : {}), ...(toCustomPains(custom).length ? { customPains: toCustomPains(custom) } : {}) }, {
              onSuccess: () => notifySuccess('The business case is ready to review.', 'Hypothesis generated'), onError: (e) => notifyError(e),
            })}>
            Generate hypothesis
          </Button>
        </Group>
      )}
    </Card>
  );
}

function HypothesisEditor({ opportunityId, h }: { opportunityId: string; accountId: string; h: Hypothesis }) {
  const user = useUser();
  const [draft, setDraft] = useState<HypothesisModel>(h.model);
  const [editError, setEditError] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const [regenerating, regen] = useDisclosure(false);
  const [showAssumptions, assumptionsToggle] = useDisclosure(false);
  // In a narrow column (the opportunity page's side bar) the same editor stacks and hides the detail columns.
  const { ref, width } = useElementSize();
  const narrow = width > 0 && width < 720;
  const r = useMemo(() => computeHypothesis(draft), [draft]);
  const edit = useMemo(() => diffHypothesisEdit(h.model, draft), [h.model, draft]);
  const dirty = Object.keys(edit).length > 0;
  const save = useUpdateHypothesis(opportunityId);
  const accept = useAcceptHypothesis(opportunityId);
  const generate = useGenerateHypothesis(opportunityId);
  const writable = canWriteValue(user.role);
  const c = r.currency;
  // On the opportunity page the panel links to the full value page (commitment and agent runs).
  const embedded = !useLocation().pathname.endsWith('/value');

  const change = (e: Parameters<typeof applyHypothesisEdit>[1]) => {
    try { setDraft((m) => applyHypothesisEdit(m, e)); setEditError(null); } catch (err) { setEditError(errorMessage(err)); }
  };
  const onSave = () => save.mutate({ version: h.version, ...edit }, {
    onSuccess: () => notifySuccess('Saved. Every figure was recomputed on the server too.', 'Hypothesis saved'),
    onError: (e) => { if (e instanceof ApiError && e.isVersionConflict) setConflict(true); else notifyError(e); },
  });

  return (
    <Card data-testid="value-hypothesis" ref={ref}>
      <Group justify="space-between" align="flex-start" mb="xs" wrap="wrap">
        <Group gap="xs">
          <Title order={3}>Value hypothesis</Title>
          <Badge color={h.status === 'accepted' ? 'teal' : 'gray'} variant="light" data-testid="hypothesis-status">{h.status}</Badge>
          <Text size="xs" c="dimmed">version {h.version}</Text>
          {dirty && <Badge color="orange" variant="filled" data-testid="unsaved-badge">Unsaved changes</Badge>}
          {embedded && <Anchor component={Link} to={`/opportunities/${opportunityId}/value`} size="sm">Open the value graph</Anchor>}
        </Group>
        <Group gap="xs">
          {writable && <Button variant="default" size="xs" leftSection={<IconRefresh size={14} />} onClick={regen.open}>Regenerate</Button>}
          <Tooltip label={dirty ? 'The PDF shows the saved version: save first' : 'Business case PDF'}>
            <Button component="a" href={proposalUrl(opportunityId)} download variant="default" size="xs" data-testid="download-pdf">Download PDF</Button>
          </Tooltip>
          {writable && dirty && <Button variant="default" size="xs" onClick={() => { setDraft(h.model); setEditError(null); }}>Discard</Button>}
          {writable && <Button size="xs" disabled={!dirty} loading={save.isPending} onClick={onSave} data-testid="save-hypothesis">Save</Button>}
          {canAcceptValue(user.role) && h.status === 'draft' && (
            <Button size="xs" color="teal" leftSection={<IconCheck size={14} />} disabled={dirty} loading={accept.isPending}
              onClick={() => accept.mutate(h.version, { onSuccess: () => notifySuccess('The business case is accepted.', 'Accepted'), onError: (e) => notifyError(e) })}>
              Accept
            </Button>
          )}
        </Group>
      </Group>
      {conflict && (
        <Alert color="orange" mb="sm" title="Someone else saved this hypothesis" withCloseButton onClose={() => setConflict(false)}>
          Your changes were not saved. Reload to see theirs, then apply yours again.
        </Alert>
      )}
      {editError && <Alert color="red" mb="sm" role="alert">{editError}</Alert>}
      <Text size="sm" mb="md" data-testid="hypothesis-narrative">{h.narrative}{dirty && <Text span c="dimmed"> (narrative of the saved version)</Text>}</Text>

      <SimpleGrid cols={narrow ? 2 : { base: 2, md: 4 }} mb="md" spacing={narrow ? 'xs' : 'md'}>
        <Stat narrow={narrow} label="Annual benefit" testId="kpi-annual-benefit" value={formatMoney(r.annualBenefit, c)} hint={`of ${formatMoney(r.annualImpact, c)} pain cost a year`} />
        <Stat narrow={narrow} label={`ROI · ${r.horizonYears} years`} testId="kpi-roi" value={r.roiPercent === null ? 'n/a' : `${r.roiPercent} %`} hint={`${formatMoney(r.totalBenefits, c)} benefits vs ${formatMoney(r.totalCosts, c)} costs`} />
        <Stat narrow={narrow} label={`NPV · ${r.discountRatePercent} %`} testId="kpi-npv" value={formatMoney(r.npv, c, { compact: narrow })} hint="year 0 = implementation + first-year subscription" />
        <Stat narrow={narrow} label="Payback" testId="kpi-payback" value={r.paybackMonths === null ? 'Never' : `${r.paybackMonths} mo`} hint={r.paybackMonths === null ? `not within ${r.horizonYears} years` : 'from signing'} />
      </SimpleGrid>

      <Grid gap="md" mb="md">
        <Grid.Col span={narrow ? 12 : { base: 12, lg: 7 }}>
          <Text fw={650} mb={6}>Pain-to-value map</Text>
          <Table data-testid="pains-table" verticalSpacing={6}>
            <Table.Thead>
              <Table.Tr><Table.Th w={36}><span className="visually-hidden">Included</span></Table.Th><Table.Th>Pain</Table.Th>{!narrow && <><Table.Th ta="right">Impact / yr</Table.Th><Table.Th ta="right">Reduction</Table.Th></>}<Table.Th ta="right">Benefit / yr</Table.Th></Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {r.pains.map((p) => (
                <Table.Tr key={p.id} style={{ opacity: p.selected ? 1 : 0.55 }} data-pain={p.id}>
                  <Table.Td><Checkbox aria-label={`Include ${p.label}`} checked={p.selected} disabled={!writable} onChange={(e) => change({ pains: [{ id: p.id, selected: e.currentTarget.checked }] })} /></Table.Td>
                  <Table.Td><Text size="sm" fw={600}>{p.label}</Text><Text size="xs" c="dimmed">{p.explanation}</Text></Table.Td>
                  {!narrow && <Table.Td ta="right"><Text size="sm">{formatMoney(p.annualImpact, c)}</Text></Table.Td>}
                  {!narrow && <Table.Td ta="right"><Text size="sm">{p.reductionPercent} %</Text></Table.Td>}
                  <Table.Td ta="right"><Text size="sm" fw={600}>{formatMoney(p.annualBenefit, c)}</Text></Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Group gap="xs" mt="sm">
            {r.drivers.map((d) => <Badge key={d.categoryId} variant="light" color="brand">{d.label}: {formatMoney(d.annualBenefit, c, { compact: true })} · {d.sharePercent} %</Badge>)}
          </Group>
        </Grid.Col>
        <Grid.Col span={narrow ? 12 : { base: 12, lg: 5 }}>
          <Text fw={650} mb={6}>Cumulative net value</Text>
          <CumulativeChart results={r} />
          <Table mt="xs" fz="xs" verticalSpacing={2}>
            <Table.Thead><Table.Tr><Table.Th>Year</Table.Th><Table.Th ta="right">Benefits</Table.Th><Table.Th ta="right">Costs</Table.Th><Table.Th ta="right">Cumulative</Table.Th></Table.Tr></Table.Thead>
            <Table.Tbody>
              {r.years.map((y) => (
                <Table.Tr key={y.year}><Table.Td>{y.year}</Table.Td><Table.Td ta="right">{formatMoney(y.benefits, c)}</Table.Td><Table.Td ta="right">{formatMoney(y.costs, c)}</Table.Td><Table.Td ta="right">{formatMoney(y.cumulative, c)}</Table.Td></Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Grid.Col>
      </Grid>

      <Stack gap="xs">
        <Group justify="space-between">
          <Text fw={650}>Assumptions</Text>
          {narrow && <Button variant="subtle" size="xs" onClick={assumptionsToggle.toggle} aria-expanded={showAssumptions}>{showAssumptions ? 'Hide' : `Show all ${draft.assumptions.length}`}</Button>}
        </Group>
        {(!narrow || showAssumptions) && <AssumptionGroups model={draft} readOnly={!writable} onChange={change} narrow={narrow} />}
      </Stack>

      <ConfirmModal opened={regenerating} onClose={regen.close} title="Regenerate the hypothesis?" confirmLabel="Regenerate" color="brand" loading={generate.isPending}
        onConfirm={() => generate.mutate({ painIds: draft.pains.filter((p) => p.selected && !p.custom).map((p) => p.id), notes: Object.fromEntries(draft.pains.filter((p) => p.note && !p.custom).map((p) => [p.id, p.note!])) }, {
          onSuccess: () => { regen.close(); notifySuccess('Assumptions were reset to benchmarks and the account profile.', 'Regenerated'); }, onError: (e) => notifyError(e),
        })}>
        The Value Architect rebuilds the business case from the current account profile and playbook, keeping the ticked pains. Your adjusted assumptions are reset to their benchmarks. The previous run stays in the artifacts.
      </ConfirmModal>
    </Card>
  );
}

/** A headline figure: the shared KPI card in wide layouts, a compact tile in a side column. */
function Stat({ label, value, hint, testId, narrow }: { label: string; value: string; hint: string; testId: string; narrow: boolean }) {
  if (!narrow) return <KpiCard label={label} value={<span data-testid={testId}>{value}</span>} hint={hint} />;
  return (
    <Card withBorder padding="xs">
      <Text size="xs" tt="uppercase" fw={700} c="dimmed">{label}</Text>
      <Text fz={18} fw={700} data-testid={testId} title={hint}>{value}</Text>
    </Card>
  );
}
