// Create or edit an account. Edits PATCH only the changed fields with the loaded version; a stale version shows a
// banner offering to reload the latest data.
import { Alert, Button, Group, Modal, NumberInput, Select, SimpleGrid, TagsInput, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { LIFECYCLE_STAGES, REGIONS, SEGMENTS, STAGE_LABELS } from '../../../core/accounts/schemas';
import { ApiError } from '../../lib/api';
import { useUser } from '../../lib/auth';
import { useDirectory, usePartners, userOptions } from '../../lib/directory';
import { focusFirstInvalid, handleFormError, notifySuccess } from '../../lib/errors';
import { isInternal } from '../../lib/permissions';
import type { Account } from './hooks';
import { SEGMENT_LABELS } from '../../ui/Badges';
import {
  ACCOUNT_FORM_FIELDS, accountToValues, changedFields, emptyAccountValues, validateAccount, valuesToPayload,
  type AccountFormValues,
} from './account-form';
import { useCreateAccount, useUpdateAccount } from './hooks';

const TECH_SUGGESTIONS = ['ServiceNow', 'Jira Service Management', 'BMC Helix', 'Splunk', 'Datadog', 'Dynatrace', 'New Relic', 'Nagios', 'Zabbix', 'Prometheus', 'AWS', 'Azure', 'Google Cloud', 'VMware', 'Kubernetes', 'SAP', 'Oracle'];
const COMPLIANCE_SUGGESTIONS = ['ISO 27001', 'SOC 2', 'GDPR', 'HIPAA', 'PCI DSS', 'NIS2', 'DORA', 'FedRAMP', 'NIST CSF'];

function timeZones(): string[] {
  try { const z = Intl.supportedValuesOf('timeZone'); return z.includes('UTC') ? z : ['UTC', ...z]; } catch { return ['UTC']; }
}

interface Props { opened: boolean; onClose: () => void; account?: Account; onReload?: () => Promise<Account | undefined> }

export function AccountFormModal({ opened, onClose, account, onReload }: Props) {
  return (
    <Modal opened={opened} onClose={onClose} size="xl" title={<Title order={3}>{account ? `Edit ${account.name}` : 'New account'}</Title>}>
      {opened && <AccountForm account={account} onDone={onClose} onReload={onReload} />}
    </Modal>
  );
}

function AccountForm({ account, onDone, onReload }: { account?: Account; onDone: () => void; onReload?: Props['onReload'] }) {
  const user = useUser();
  const internal = isInternal(user.role);
  const navigate = useNavigate();
  const directory = useDirectory();
  const partners = usePartners();
  const [base, setBase] = useState<Account | undefined>(account);
  const [conflict, setConflict] = useState(false);
  const conflictRef = useRef<HTMLDivElement>(null);
  useEffect(() => { if (conflict) conflictRef.current?.scrollIntoView({ block: 'nearest' }); }, [conflict]);
  // New accounts start owned by their creator when the creator is an AE or a CSM.
  const initial = useMemo(() => (base ? accountToValues(base) : {
    ...emptyAccountValues(), aeId: user.role === 'sales' ? user.id : null, csmId: user.role === 'csm' ? user.id : null,
  }), [base, user.id, user.role]);
  const omit = internal ? [] : ['aeId', 'csmId', 'execSponsorId', 'partnerId'];
  const form = useForm<AccountFormValues>({ initialValues: initial, validate: (v) => validateAccount(v, omit) });
  const create = useCreateAccount();
  const update = useUpdateAccount(account?.id ?? '');
  const tzs = useMemo(timeZones, []);
  const onError = handleFormError(form, ACCOUNT_FORM_FIELDS);

  const submit = form.onSubmit((values) => {
    setConflict(false);
    if (!base) {
      const payload = valuesToPayload(values);
      for (const k of omit) delete (payload as Record<string, unknown>)[k];
      create.mutate(payload, {
        onSuccess: (a) => { notifySuccess(`${a.name} was created.`, 'Account created'); onDone(); navigate(`/accounts/${a.id}`); },
        onError,
      });
      return;
    }
    const patch = changedFields(initial, values);
    if (Object.keys(patch).length === 0) { onDone(); return; }
    update.mutate({ ...patch, version: base.version }, {
      onSuccess: () => { notifySuccess('Your changes were saved.', 'Account updated'); onDone(); },
      onError: (e) => { if (e instanceof ApiError && e.isVersionConflict) setConflict(true); onError(e); },
    });
 }, focusFirstInvalid);

  const reload = async () => {
    const latest = await onReload?.();
    if (latest) { setBase(latest); form.setInitialValues(accountToValues(latest)); form.setValues(accountToValues(latest)); form.clearErrors(); }
    setConflict(false);
  };

  const owners = userOptions(directory.users);
  const busy = create.isPending || update.isPending;
  return (
    <form onSubmit={submit} noValidate>
      {conflict && (
        <Alert color="orange" title="Someone else changed this account" mb="md" role="alert" ref={conflictRef}>
          <Text size="sm" mb="xs">Another user saved changes after you opened this form. Reload to see their version, then apply your edit again.</Text>
          <Button size="xs" color="orange" onClick={reload}>Reload latest version</Button>
        </Alert>
      )}
      <Section title="Company">
        <TextInput label="Name" required withAsterisk {...form.getInputProps('name')} data-autofocus />
        <TextInput label="Domain" placeholder="example.com" {...form.getInputProps('domain')} />
        <TextInput label="Industry" {...form.getInputProps('industry')} />
        <NumberInput label="Employees" min={0} thousandSeparator="," allowDecimal={false} {...form.getInputProps('employees')} />
        <NumberInput label="Annual revenue" min={0} thousandSeparator="," prefix="$ " allowDecimal={false} {...form.getInputProps('annualRevenue')} />
        <TextInput label="Country (ISO code)" placeholder="e.g. DK" maxLength={2} {...form.getInputProps('country')}
          onChange={(e) => form.setFieldValue('country', e.currentTarget.value.toUpperCase())} />
        <Select label="Region" placeholder="NA, LATAM, EMEA or APAC" clearable data={[...REGIONS]} {...form.getInputProps('region')} />
        <TextInput label="Territory" {...form.getInputProps('territory')} />
        <Select label="Time zone" searchable data={tzs} allowDeselect={false} {...form.getInputProps('timeZone')} />
      </Section>
      <Section title="Lifecycle and revenue">
        <Select label="Segment" allowDeselect={false} data={SEGMENTS.map((s) => ({ value: s, label: SEGMENT_LABELS[s] }))} {...form.getInputProps('segment')} />
        <Select label="Lifecycle stage" allowDeselect={false} data={LIFECYCLE_STAGES.map((s) => ({ value: s, label: STAGE_LABELS[s] }))} {...form.getInputProps('lifecycleStage')} />
        <NumberInput label="ARR" min={0} thousandSeparator="," prefix="$ " allowDecimal={false} {...form.getInputProps('arr')} />
        <TextInput label="Currency" maxLength={3} {...form.getInputProps('currency')}
          onChange={(e) => form.setFieldValue('currency', e.currentTarget.value.toUpperCase())} />
      </Section>
      {internal && (
        <Section title="Owners">
          <Select label="Account executive" searchable clearable data={userOptions(directory.users, ['sales', 'admin'])} {...form.getInputProps('aeId')} />
          <Select label="Customer success manager" searchable clearable data={userOptions(directory.users, ['csm', 'admin'])} {...form.getInputProps('csmId')} />
          <Select label="Executive sponsor" searchable clearable data={owners} {...form.getInputProps('execSponsorId')} />
          <Select label="Partner" searchable clearable data={partners.partners.map((p) => ({ value: p.id, label: p.name }))} {...form.getInputProps('partnerId')} />
        </Section>
      )}
      <Section title="Infrastructure scale">
        <NumberInput label="Servers" min={0} thousandSeparator="," allowDecimal={false} {...form.getInputProps('servers')} />
        <NumberInput label="Cloud resources" min={0} thousandSeparator="," allowDecimal={false} {...form.getInputProps('cloudResources')} />
        <NumberInput label="Network devices" min={0} thousandSeparator="," allowDecimal={false} {...form.getInputProps('networkDevices')} />
      </Section>
      <Section title="Technology and compliance" cols={2}>
        <TagsInput label="Tech stack" data={TECH_SUGGESTIONS} clearable {...form.getInputProps('techStack')} />
        <TagsInput label="Compliance frameworks" data={COMPLIANCE_SUGGESTIONS} clearable {...form.getInputProps('complianceFrameworks')} />
      </Section>
      <Textarea label="Description" autosize minRows={2} maxRows={6} mt="md" {...form.getInputProps('description')} />
      <Group justify="flex-end" mt="xl">
        <Button variant="default" onClick={onDone}>Cancel</Button>
        <Button type="submit" loading={busy}>{base ? 'Save changes' : 'Create account'}</Button>
      </Group>
    </form>
  );
}

function Section({ title, children, cols = 3 }: { title: string; children: React.ReactNode; cols?: number }) {
  return (
    <fieldset style={{ border: 0, padding: 0, margin: '0 0 var(--mantine-spacing-lg)' }}>
      <Text component="legend" size="sm" fw={700} c="brand.8" mb="xs" tt="uppercase" style={{ letterSpacing: '0.04em' }}>{title}</Text>
      <SimpleGrid cols={{ base: 1, sm: cols }} spacing="md" verticalSpacing="sm">{children}</SimpleGrid>
    </fieldset>
  );
}
