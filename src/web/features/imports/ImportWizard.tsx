// The import wizard: choose kind and file → mapping preview → progress → result with the per-row errors.
import { Alert, Anchor, Button, Card, FileInput, Group, Progress, SegmentedControl, Select, SimpleGrid, Stack, Stepper, Table, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { KIND_LABELS, type ImportKind, type ImportMapping } from '../../../core/imports';
import { notifyError } from '../../lib/errors';
import { formatNumber } from '../../lib/format';
import { KpiCard } from '../../ui/KpiCard';
import { ErrorAlert } from '../../ui/QueryState';
import { useImportErrors, useImportJob, usePreview, useStartImport, useTemplates, useUpload, type Preview } from './hooks';
import { MappingStep } from './MappingStep';

const KINDS: ImportKind[] = ['deals', 'companies', 'contacts', 'leads'];
const WHERE: Record<ImportKind, { to: string; label: string }> = {
  deals: { to: '/pipeline', label: 'Open the pipeline' }, companies: { to: '/accounts', label: 'Open accounts' },
  contacts: { to: '/accounts', label: 'Open accounts' }, leads: { to: '/leads', label: 'Open the lead inbox' },
};

export function ImportWizard() {
  const [step, setStep] = useState(0);
  const [kind, setKind] = useState<ImportKind>('deals');
  const [file, setFile] = useState<File | null>(null);
  const [templateId, setTemplateId] = useState<string | null>(null);
  const [uploadId, setUploadId] = useState<string | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [mapping, setMapping] = useState<ImportMapping | null>(null);
  const [templateName, setTemplateName] = useState('');
  const [jobId, setJobId] = useState<string | null>(null);
  const templates = useTemplates(kind);
  const upload = useUpload();
  const previewer = usePreview();
  const start = useStartImport();
  const job = useImportJob(jobId);
  const finished = !!job.data && ['completed', 'failed', 'interrupted'].includes(job.data.status);
  const errors = useImportErrors(jobId, finished && (job.data?.rowsFailed ?? 0) > 0);

  // Re-preview 300 ms after the last mapping change (the first preview comes with the upload).
  const [debounced] = useDebouncedValue(mapping, 300);
  const previewed = useRef<string>('');
  useEffect(() => {
    if (!uploadId || !debounced) return;
    const key = JSON.stringify(debounced);
    if (key === previewed.current) return;
    previewed.current = key;
    previewer.mutate({ uploadId, kind, mapping: debounced }, { onSuccess: setPreview, onError: (e) => notifyError(e, 'Preview failed') });
  }, [debounced, uploadId]);
  const qc = useQueryClient();
  useEffect(() => {
    if (!finished) return;
    qc.invalidateQueries({ queryKey: ['imports', 'list'] });
    if (step === 2) setStep(3);
  }, [finished, step]);

  const doUpload = async () => {
    if (!file) return;
    try {
      let p: Preview = await upload.mutateAsync({ file, kind });
      const id = (p as Preview & { uploadId: string }).uploadId;
      if (templateId) p = await previewer.mutateAsync({ uploadId: id, kind, templateId });
      previewed.current = JSON.stringify(p.mapping);
      setUploadId(id); setPreview(p); setMapping(p.mapping); setStep(1);
    } catch (e) { notifyError(e, 'Upload failed'); }
  };

  const doStart = async () => {
    if (!uploadId || !mapping) return;
    try {
      const j = await start.mutateAsync({ uploadId, kind, mapping, saveAsTemplate: templateName.trim() || undefined });
      setJobId(j.id); setStep(2);
    } catch (e) { notifyError(e, 'The import could not start'); }
  };

  const reset = () => { setStep(0); setFile(null); setUploadId(null); setPreview(null); setMapping(null); setJobId(null); setTemplateName(''); };
  const j = job.data;
  const ready = !!preview && preview.mappingErrors.length === 0 && !previewer.isPending;

  return (
    <Card p="lg" data-testid="import-wizard">
      <Stepper active={step} size="sm" mb="lg" allowNextStepsSelect={false} onStepClick={(s) => { if (s < step && step < 2) setStep(s); }}>
        <Stepper.Step label="File" description="What and from where" />
        <Stepper.Step label="Mapping" description="Columns and values" />
        <Stepper.Step label="Import" description="Progress" />
        <Stepper.Step label="Result" description="Counts and errors" />
      </Stepper>

      {step === 0 && (
        <Stack gap="md" maw={560}>
          <div>
            <Text size="sm" fw={500} mb={4} id="import-kind-label">What does the file hold?</Text>
            <SegmentedControl aria-labelledby="import-kind-label" value={kind} onChange={(v) => { setKind(v as ImportKind); setTemplateId(null); }}
              data={KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] }))} />
          </div>
          <FileInput label="CSV file" placeholder="Choose a .csv file" accept=".csv,text/csv" clearable value={file} onChange={setFile}
            description="HubSpot exports (labels or internal property names) map themselves." data-testid="import-file" />
          {(templates.data?.items.length ?? 0) > 0 && (
            <Select label="Mapping template" placeholder="Detect from the headers" clearable value={templateId} onChange={setTemplateId}
              data={templates.data!.items.map((t) => ({ value: t.id, label: t.name }))} />
          )}
          <Group><Button onClick={doUpload} disabled={!file} loading={upload.isPending || previewer.isPending}>Upload and preview</Button></Group>
        </Stack>
      )}

      {step === 1 && preview && mapping && (
        <Stack gap="md">
          <Text size="sm" c="dimmed">{file?.name} · {preview.headers.length} columns · delimiter “{preview.delimiter === '\t' ? 'tab' : preview.delimiter}”</Text>
          <MappingStep preview={preview} mapping={mapping} onChange={setMapping} templateName={templateName} onTemplateName={setTemplateName} />
          <Group justify="space-between">
            <Button variant="default" onClick={() => setStep(0)}>Back</Button>
            <Button onClick={doStart} disabled={!ready} loading={start.isPending}>Start import</Button>
          </Group>
        </Stack>
      )}

      {step >= 2 && j && (
        <Stack gap="xs" mb="md">
          <Group justify="space-between">
            <Text fw={600}>{j.fileName}</Text>
            <Text size="sm" c="dimmed" data-testid="import-status">{j.status === 'completed' ? 'Completed' : j.status === 'running' ? 'Importing…' : j.status}</Text>
          </Group>
          <Progress.Root size={22} aria-label="Import progress">
            <Progress.Section value={j.percent} color={j.status === 'failed' ? 'red' : 'brand'} striped={!finished} animated={!finished}
              role="progressbar" aria-valuenow={j.percent} aria-valuemin={0} aria-valuemax={100} data-testid="import-progress">
              <Progress.Label>{j.percent} %</Progress.Label>
            </Progress.Section>
          </Progress.Root>
          <Text size="sm" c="dimmed">
            {formatNumber(j.rowsDone)} of {j.rowsTotal !== null ? formatNumber(j.rowsTotal) : `about ${formatNumber(j.estimatedTotalRows)}`} rows
            {j.rowsPerSecond ? ` · ${formatNumber(j.rowsPerSecond)} rows/s` : ''}
          </Text>
          {j.error && <Alert color="red" title="The import stopped">{j.error}</Alert>}
        </Stack>
      )}
      {step === 2 && !j && job.error && <ErrorAlert error={job.error} />}

      {step === 3 && j && (
        <Stack gap="md">
          <SimpleGrid cols={{ base: 2, md: 4 }}>
            <KpiCard label="Rows read" value={formatNumber(j.rowsDone)} testId="result-rows" />
            <KpiCard label="New" value={formatNumber(j.rowsInserted)} color="teal" testId="result-inserted" />
            <KpiCard label="Updated" value={formatNumber(j.rowsUpdated)} testId="result-updated" />
            <KpiCard label="Not imported" value={formatNumber(j.rowsFailed)} color="red" testId="result-failed" />
          </SimpleGrid>
          {j.rowsFailed > 0 && (
            <div>
              <Group justify="space-between" mb="xs">
                <Text fw={600}>Rows not imported</Text>
                <Anchor href={`/api/imports/${j.id}/errors.csv`} download>Download the error report (CSV)</Anchor>
              </Group>
              <Table withTableBorder striped fz="sm" data-testid="import-errors">
                <Table.Thead><Table.Tr><Table.Th>Line</Table.Th><Table.Th>Column</Table.Th><Table.Th>Value</Table.Th><Table.Th>Reason</Table.Th></Table.Tr></Table.Thead>
                <Table.Tbody>
                  {(errors.data?.items ?? []).map((e, i) => (
                    <Table.Tr key={i}><Table.Td>{e.line}</Table.Td><Table.Td>{e.column ?? '—'}</Table.Td><Table.Td>{e.value || '—'}</Table.Td><Table.Td>{e.message}</Table.Td></Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </div>
          )}
          <Group>
            <Button onClick={reset}>Import another file</Button>
            <Button component={Link} to={WHERE[j.kind].to} variant="default">{WHERE[j.kind].label}</Button>
            {j.kind === 'deals' && <Button component={Link} to="/sales/dashboard" variant="default">Sales dashboard</Button>}
          </Group>
        </Stack>
      )}
    </Card>
  );
}
