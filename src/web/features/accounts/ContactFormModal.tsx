import { Alert, Button, Checkbox, Group, Modal, MultiSelect, SimpleGrid, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { canSee, defaultAudience, type Audience } from '../../../core/access/audience';
import { CONTACT_ROLES, contactCreateSchema } from '../../../core/accounts/schemas';
import { useUser } from '../../lib/auth';
import { ApiError } from '../../lib/api';
import { focusFirstInvalid, handleFormError, notifySuccess } from '../../lib/errors';
import { humanize } from '../../lib/format';
import type { ContactRole } from '../../lib/types';
import type { Contact } from './hooks';
import { AudienceSelect } from './AudienceSelect';
import { useSaveContact } from './hooks';

interface Values {
  firstName: string; lastName: string; title: string; email: string; phone: string; roles: ContactRole[]; isPrimary: boolean; rolesAudience: Audience;
}
const FIELDS = ['firstName', 'lastName', 'title', 'email', 'phone', 'roles', 'isPrimary', 'rolesAudience'] as const;
const orNull = (s: string) => (s.trim() ? s.trim() : null);

function toPayload(v: Values) {
  return { firstName: v.firstName.trim(), lastName: v.lastName.trim(), title: orNull(v.title), email: orNull(v.email), phone: orNull(v.phone), roles: v.roles, isPrimary: v.isPrimary, rolesAudience: v.rolesAudience };
}

export function ContactFormModal({ accountId, contact, opened, onClose }: { accountId: string; contact?: Contact; opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} size="lg" title={<Title order={3}>{contact ? 'Edit contact' : 'Add contact'}</Title>}>
      {opened && <ContactForm accountId={accountId} contact={contact} onDone={onClose} />}
    </Modal>
  );
}

function ContactForm({ accountId, contact, onDone }: { accountId: string; contact?: Contact; onDone: () => void }) {
  const save = useSaveContact(accountId);
  const user = useUser();
  const [conflict, setConflict] = useState(false);
  const form = useForm<Values>({
    initialValues: {
      firstName: contact?.firstName ?? '', lastName: contact?.lastName ?? '', title: contact?.title ?? '',
      email: contact?.email ?? '', phone: contact?.phone ?? '', roles: contact?.roles ?? [], isPrimary: contact?.isPrimary ?? false,
      rolesAudience: contact?.rolesAudience ?? defaultAudience(user),
    },
    validate: (v) => {
      const r = contactCreateSchema.safeParse(toPayload(v));
      if (r.success) return {};
      return Object.fromEntries(r.error.issues.map((i) => [String(i.path[0]), i.path[0] === 'email' ? 'Enter a valid email address' : i.message]));
    },
  });
  const onError = handleFormError(form, FIELDS);
  const submit = form.onSubmit((v) => {
    const payload = toPayload(v);
    save.mutate(contact ? { id: contact.id, ...payload, version: contact.version } : payload, {
      onSuccess: () => { notifySuccess(contact ? 'Contact updated.' : 'Contact added.'); onDone(); },
      onError: (e) => { if (e instanceof ApiError && e.isVersionConflict) setConflict(true); onError(e); },
    });
 }, focusFirstInvalid);
  return (
    <form onSubmit={submit} noValidate>
      {conflict && <Alert color="orange" mb="md" title="Someone else changed this contact">Close this form and open it again to edit the latest version.</Alert>}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label="First name" withAsterisk data-autofocus {...form.getInputProps('firstName')} />
        <TextInput label="Last name" withAsterisk {...form.getInputProps('lastName')} />
        <TextInput label="Title" {...form.getInputProps('title')} />
        <TextInput label="Email" type="email" {...form.getInputProps('email')} />
        <TextInput label="Phone" type="tel" {...form.getInputProps('phone')} />
        <MultiSelect label="Roles" data={CONTACT_ROLES.map((r) => ({ value: r, label: humanize(r) }))} clearable {...form.getInputProps('roles')} />
        {canSee(user, form.values.rolesAudience) && (
          <AudienceSelect label="Roles visible to" w={220} value={form.values.rolesAudience} onChange={(a) => form.setFieldValue('rolesAudience', a)} />
        )}
      </SimpleGrid>
      <Checkbox mt="md" label="Primary contact" {...form.getInputProps('isPrimary', { type: 'checkbox' })} />
      <Group justify="flex-end" mt="xl">
        <Button variant="default" onClick={onDone}>Cancel</Button>
        <Button type="submit" loading={save.isPending}>{contact ? 'Save contact' : 'Add contact'}</Button>
      </Group>
    </form>
  );
}
