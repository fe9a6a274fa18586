// Capture a lead by hand (or refer one, for partner users). Assignment, scoring and SLA clocks happen on the server;
// the result says whether it looks like a duplicate.
import { Button, Group, Modal, NumberInput, Select, SimpleGrid, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useNavigate } from 'react-router';
import { REGIONS } from '../../../core/accounts/schemas';
import type { BodyOf } from '../../lib/api';
import { useUser } from '../../lib/auth';
import { useDirectory, userOptions } from '../../lib/directory';
import { handleFormError, notifySuccess } from '../../lib/errors';
import { isInternal } from '../../lib/permissions';
import { AccountPicker } from '../accounts/AccountPicker';
import { useCreateLead, usePlaybook } from './hooks';

interface Values {
  source: string; firstName: string; lastName: string; email: string; companyName: string; title: string; phone: string;
  country: string; region: string | null; industry: string; employees: number | ''; campaign: string; notes: string;
  ownerId: string | null; referredByAccountId: string | null;
}
const FIELDS = ['source', 'firstName', 'lastName', 'email', 'companyName', 'title', 'phone', 'country', 'region', 'industry', 'employees', 'campaign', 'notes', 'ownerId', 'referredByAccountId'];

export function NewLeadModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const user = useUser();
  return (
    <Modal opened={opened} onClose={onClose} size="lg" title={<Title order={3}>{isInternal(user.role) ? 'New lead' : 'Refer a lead'}</Title>}>
      {opened && <NewLeadForm onDone={onClose} />}
    </Modal>
  );
}

function NewLeadForm({ onDone }: { onDone: () => void }) {
  const user = useUser();
  const internal = isInternal(user.role);
  const playbook = usePlaybook();
  const directory = useDirectory();
  const navigate = useNavigate();
  const create = useCreateLead();
  const form = useForm<Values>({
    initialValues: {
      source: internal ? 'website' : 'partner_referral', firstName: '', lastName: '', email: '', companyName: '', title: '', phone: '',
      country: '', region: null, industry: '', employees: '', campaign: '', notes: '', ownerId: null, referredByAccountId: null,
    },
    validate: {
      email: (v, all) => (!v && !all.lastName && !all.companyName ? 'Give at least an email, a last name or a company' : v && !/^\S+@\S+\.\S+$/.test(v) ? 'Not an email address' : null),
      country: (v) => (v && !/^[A-Z]{2}$/.test(v) ? 'Two capital letters, e.g. DK' : null),
      referredByAccountId: (v, all) => (all.source === 'customer_referral' && !v ? 'Pick the referring customer' : null),
    },
  });
  const submit = form.onSubmit((v) => {
    const text = (s: string) => s.trim() || undefined;
    create.mutate({
      source: v.source, firstName: text(v.firstName), lastName: text(v.lastName), email: text(v.email), companyName: text(v.companyName),
      title: text(v.title), phone: text(v.phone), country: text(v.country), region: (v.region ?? undefined) as BodyOf<'/leads', 'post'>['region'], industry: text(v.industry),
      employees: v.employees === '' ? undefined : v.employees, campaign: text(v.campaign), notes: text(v.notes),
      ownerId: v.ownerId ?? undefined, referredByAccountId: v.referredByAccountId ?? undefined,
    }, {
      onSuccess: (lead) => {
        const dup = lead.possibleDuplicates.length;
        notifySuccess(dup ? `Captured; it looks like ${dup} existing lead(s) — review the duplicates panel.` : 'Lead captured, scored and assigned.', 'Lead captured');
        onDone();
        navigate(internal ? `/leads/${lead.id}` : '/leads');
      },
      onError: handleFormError(form, FIELDS),
    });
  });
  const sources = playbook.data?.leads.sources ?? [];
  return (
    <form onSubmit={submit} noValidate>
      {internal && (
        <Select label="Source" required data={sources.map((s) => ({ value: s.id, label: s.label }))} {...form.getInputProps('source')} mb="sm" allowDeselect={false} />
      )}
      <SimpleGrid cols={2} spacing="sm">
        <TextInput label="First name" {...form.getInputProps('firstName')} data-autofocus />
        <TextInput label="Last name" {...form.getInputProps('lastName')} />
        <TextInput label="Email" type="email" {...form.getInputProps('email')} />
        <TextInput label="Phone" {...form.getInputProps('phone')} />
        <TextInput label="Company" {...form.getInputProps('companyName')} />
        <TextInput label="Job title" {...form.getInputProps('title')} />
        <TextInput label="Country (ISO code)" placeholder="DK" maxLength={2} {...form.getInputProps('country')}
          onChange={(e) => form.setFieldValue('country', e.currentTarget.value.toUpperCase())} />
        <Select label="Region" clearable data={[...REGIONS]} {...form.getInputProps('region')} />
        <TextInput label="Industry" {...form.getInputProps('industry')} />
        <NumberInput label="Employees" min={0} thousandSeparator="," {...form.getInputProps('employees')} />
        {internal && <TextInput label="Campaign" {...form.getInputProps('campaign')} />}
        {internal && (
          <Select label="Owner" placeholder="Assign by the rules" clearable searchable data={userOptions(directory.users, ['sales', 'sdr', 'admin'])} {...form.getInputProps('ownerId')} />
        )}
      </SimpleGrid>
      {form.values.source === 'customer_referral' && (
        <AccountPicker label="Referred by (customer)" mt="sm" value={form.values.referredByAccountId}
          onChange={(id) => form.setFieldValue('referredByAccountId', id)} error={form.errors.referredByAccountId} />
      )}
      <Textarea label="Notes" mt="sm" autosize minRows={2} {...form.getInputProps('notes')} />
      <Group justify="flex-end" mt="lg">
        <Button variant="default" onClick={onDone}>Cancel</Button>
        <Button type="submit" loading={create.isPending}>{internal ? 'Capture lead' : 'Send referral'}</Button>
      </Group>
    </form>
  );
}
