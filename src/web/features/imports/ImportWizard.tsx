// The import wizard: choose kind and file → mapping preview (with warnings) → owners (when the file has them) →
// progress → result with the rows not imported and the rows imported with warnings.
import { Alert, Button, Card, FileInput, Group, Progress, SegmentedControl, Select, Stack, Stepper, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { IMPORT_KINDS, KIND_LABELS, type ImportKind, type ImportMapping } from '../../../core/imports';
import { useAuth } from '../../lib/auth';
import { notifyError } from '../../lib/errors';
import { formatNumber } from '../../lib/format';
import { ErrorAlert } from '../../ui/QueryState';
import { useImportJob, usePreview, useStartImport, useTemplates, useUpload, type Preview } from './hooks';
import { ImportResult } from './ImportResult';
import { MappingStep } from './MappingStep';
import { OwnersStep } from './OwnersStep';

type Step = 'file' | 'mapping' | 'owners' | 'import' | 'result';
const STEP_LABELS: Record<Step, [string, string]> = {
  file: ['File', 'What and from where'], mapping: ['Mapping', 'Columns and values'], owners: ['Owners', 'Who owns the rows'],
  import: ['Import', 'Progress'], result: ['Result', 'Counts, errors, warnings'],
};

export function ImportWizard() {
  const { user } = useAuth();
  // Users are created by admins only (the API refuses others).
  const kinds = IMPORT_KINDS.filter((k) => k !== 'users' || user?.role === 'admin');
  const [step, setStep] = useState<Step>('file');
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
  // The owner step appears when owner values match no user (and stays once any is mapped, while the user maps them).
  const ownerStep = !!preview && (preview.owners.some((o) => o.how === 'unmatched') || Object.keys(mapping?.owners ?? {}).length > 0);
  const steps: Step[] = ['file', 'mapping', ...(ownerStep ? ['owners' as const] : []), 'import', 'result'];
  const next = (s: Step) => steps[steps.indexOf(s) + 1];

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
    if (step === 'import') setStep('result');
  }, [finished, step]);

  const doUpload = async () => {
    if (!file) return;
    try {
      let p: Preview = await upload.mutateAsync({ file, kind });
      const id = (p as Preview & { uploadId: string }).uploadId;
      if (templateId) p = await previewer.mutateAsync({ uploadId: id, kind, templateId });
      previewed.current = JSON.stringify(p.mapping);
      setUploadId(id); setPreview(p); setMapping(p.mapping); setStep('mapping');
    } catch (e) { notifyError(e, 'Upload failed'); }
  };

  const doStart = async () => {
    if (!uploadId || !mapping) return;
    try {
      const j = await start.mutateAsync({ uploadId, kind, mapping, saveAsTemplate: templateName.trim() || undefined });
      setJobId(j.id); setStep('import');
    } catch (e) { notifyError(e, 'The import could not start'); }
  };

  const reset = () => { setStep('file'); setFile(null); setUploadId(null); setPreview(null); setMapping(null); setJobId(null); setTemplateName(''); };
  const j = job.data;
  const ready = !!preview && preview.mappingErrors.length === 0 && !previewer.isPending;

  return (
    <Card p="lg" data-testid="import-wizard">
      <Stepper active={steps.indexOf(step)} size="sm" mb="lg" allowNextStepsSelect={false}
        onStepClick={(i) => { if (i < steps.indexOf(step) && steps.indexOf(step) < steps.indexOf('import')) setStep(steps[i]); }}>
        {steps.map((s) => <Stepper.Step key={s} label={STEP_LABELS[s][0]} description={STEP_LABELS[s][1]} />)}
      </Stepper>

      {step === 'file' && (
        <Stack gap="md" maw={560}>
          <div>
            <Text size="sm" fw={500} mb={4} id="import-kind-label">What does the file hold?</Text>
            <SegmentedControl aria-labelledby="import-kind-label" value={kind} onChange={(v) => { setKind(v as ImportKind); setTemplateId(null); }}
              data={kinds.map((k) => ({ value: k, label: KIND_LABELS[k] }))} />
          </div>
          <FileInput label="CSV file" placeholder="Choose a .csv file" accept=".csv,text/csv" clearable value={file} onChange={setFile}
            description={kind === 'users'
              ? 'Name, email, role, manager, team, territory. New users are created inactive without a password: activate them in Users.'
              : 'HubSpot, Salesforce and Pipedrive exports (labels or internal property names) map themselves.'} data-testid="import-file" />
          {(templates.data?.items.length ?? 0) > 0 && (
            <Select label="Mapping template" placeholder="Detect from the headers" clearable value={templateId} onChange={setTemplateId}
              data={templates.data!.items.map((t) => ({ value: t.id, label: t.name }))} />
          )}
          <Group><Button onClick={doUpload} disabled={!file} loading={upload.isPending || previewer.isPending}>Upload and preview</Button></Group>
        </Stack>
      )}

      {step === 'mapping' && preview && mapping && (
        <Stack gap="md">
          <Text size="sm" c="dimmed">{file?.name} · {preview.headers.length} columns · delimiter “{preview.delimiter === '\t' ? 'tab' : preview.delimiter}”</Text>
          <MappingStep preview={preview} mapping={mapping} onChange={setMapping} templateName={templateName} onTemplateName={setTemplateName} />
          <Group justify="space-between">
            <Button variant="default" onClick={() => setStep('file')}>Back</Button>
            {next('mapping') === 'owners'
              ? <Button onClick={() => setStep('owners')} disabled={!ready}>Next: owners</Button>
              : <Button onClick={doStart} disabled={!ready} loading={start.isPending}>Start import</Button>}
          </Group>
        </Stack>
      )}

      {step === 'owners' && preview && mapping && (
        <Stack gap="md">
          <OwnersStep preview={preview} mapping={mapping} onChange={setMapping} />
          <Group justify="space-between">
            <Button variant="default" onClick={() => setStep('mapping')}>Back</Button>
            <Button onClick={doStart} disabled={!ready} loading={start.isPending}>Start import</Button>
          </Group>
        </Stack>
      )}

      {(step === 'import' || step === 'result') && j && (
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
      {step === 'import' && !j && job.error && <ErrorAlert error={job.error} />}

      {step === 'result' && j && <ImportResult job={j} onReset={reset} />}
    </Card>
  );
}
