// Contact and enrichment fields (004 §1.3): firmographic, technographic, infrastructure, compliance, initiatives.
import { Button, Card, Group, NumberInput, Select, SimpleGrid, TagsInput, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect } from 'react';
import { REGIONS } from '../../../core/accounts/schemas';
import { client, ok, type BodyOf } from '../../lib/api';
import { handleFormError, notifySuccess } from '../../lib/errors';
import { useLeadMutation, type Lead } from './hooks';

const TEXT = ['firstName', 'lastName', 'email', 'phone', 'title', 'companyName', 'domain', 'country', 'industry'] as const;
const NUMS = ['employees', 'servers', 'cloudResources', 'networkDevices', 'cmdbAccuracyPercent'] as const;
const LISTS = ['techStack', 'monitoringTools', 'complianceFrameworks', 'recentInitiatives'] as const;
type Values = Record<(typeof TEXT)[number], string> & Record<(typeof NUMS)[number], number | ''> & Record<(typeof LISTS)[number], string[]>
  & { region: string | null; hasCmdb: string | null; notes: string };

const toValues = (l: Lead): Values => ({
  ...Object.fromEntries(TEXT.map((k) => [k, l[k] ?? ''])), ...Object.fromEntries(NUMS.map((k) => [k, l[k] ?? ''])),
  ...Object.fromEntries(LISTS.map((k) => [k, l[k]])), region: l.region, hasCmdb: l.hasCmdb === null ? null : String(l.hasCmdb), notes: l.notes ?? '',
} as Values);

export function EnrichmentForm({ lead, readOnly }: { lead: Lead; readOnly: boolean }) {
  const form = useForm<Values>({ initialValues: toValues(lead) });
  useEffect(() => { form.setValues(toValues(lead)); form.resetDirty(toValues(lead)); }, [lead.id, lead.version]);
  const save = useLeadMutation(lead.id, (patch: Omit<BodyOf<'/leads/{id}', 'patch'>, 'version'>) => ok(client.PATCH('/leads/{id}', { params: { path: { id: lead.id } }, body: { version: lead.version, ...patch } })));
  const submit = form.onSubmit((v) => {
    const before = toValues(lead);
    const patch: Record<string, unknown> = {};
    for (const k of TEXT) if (v[k] !== before[k]) patch[k] = v[k].trim() || null;
    for (const k of NUMS) if (v[k] !== before[k]) patch[k] = v[k] === '' ? null : v[k];
    for (const k of LISTS) if (JSON.stringify(v[k]) !== JSON.stringify(before[k])) patch[k] = v[k];
    if (v.region !== before.region) patch.region = v.region;
    if (v.hasCmdb !== before.hasCmdb) patch.hasCmdb = v.hasCmdb === null ? null : v.hasCmdb === 'true';
    if (v.notes !== before.notes) patch.notes = v.notes || null;
    if (Object.keys(patch).length === 0) return;
    save.mutate(patch, { onSuccess: () => notifySuccess('Saved; the lead was re-scored.'), onError: handleFormError(form, Object.keys(patch)) });
  });
  const p = (k: keyof Values) => ({ ...form.getInputProps(k), disabled: readOnly });
  return (
    <Card p="md" data-testid="enrichment-form">
      <form onSubmit={submit} noValidate>
        <Title order={4} mb="xs">Profile and enrichment</Title>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
          <TextInput label="First name" {...p('firstName')} />
          <TextInput label="Last name" {...p('lastName')} />
          <TextInput label="Job title" {...p('title')} />
          <TextInput label="Email" {...p('email')} />
          <TextInput label="Phone" {...p('phone')} />
          <TextInput label="Company" {...p('companyName')} />
          <TextInput label="Domain" {...p('domain')} />
          <TextInput label="Country (ISO)" maxLength={2} {...p('country')} />
          <Select label="Region" clearable data={[...REGIONS]} {...p('region')} />
          <TextInput label="Industry" {...p('industry')} />
          <NumberInput label="Employees" min={0} thousandSeparator="," {...p('employees')} />
          <NumberInput label="Servers" min={0} thousandSeparator="," {...p('servers')} />
          <NumberInput label="Cloud resources" min={0} thousandSeparator="," {...p('cloudResources')} />
          <NumberInput label="Network devices" min={0} thousandSeparator="," {...p('networkDevices')} />
          <Select label="Has a CMDB" clearable data={[{ value: 'true', label: 'Yes' }, { value: 'false', label: 'No' }]} {...p('hasCmdb')} />
          <NumberInput label="CMDB accuracy (%)" min={0} max={100} {...p('cmdbAccuracyPercent')} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" mt="sm">
          <TagsInput label="Technology stack" placeholder="ServiceNow, …" {...p('techStack')} />
          <TagsInput label="Monitoring tools" {...p('monitoringTools')} />
          <TagsInput label="Compliance frameworks" {...p('complianceFrameworks')} />
          <TagsInput label="Recent initiatives" {...p('recentInitiatives')} />
        </SimpleGrid>
        <Textarea label="Notes" mt="sm" autosize minRows={2} {...p('notes')} />
        {!readOnly && <Group justify="flex-end" mt="sm"><Button type="submit" loading={save.isPending} disabled={!form.isDirty()}>Save profile</Button></Group>}
      </form>
    </Card>
  );
}
