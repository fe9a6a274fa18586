// Create a user, or edit one: name, role, active, partner/account link, password reset.
import { Alert, Button, Group, Modal, PasswordInput, Select, SimpleGrid, Switch, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { ROLE_LABELS, ROLES, type Role } from '../../../core/access/roles';
import { ApiError } from '../../lib/api';
import { useUser } from '../../lib/auth';
import { usePartners } from '../../lib/directory';
import { focusFirstInvalid, handleFormError, notifySuccess } from '../../lib/errors';
import type { User, UserUpdate } from './hooks';
import { AccountPicker } from '../accounts/AccountPicker';
import { useSaveUser } from './hooks';

interface Values { email: string; name: string; role: Role; password: string; partnerId: string | null; accountId: string | null; active: boolean }
const FIELDS = ['email', 'name', 'role', 'password', 'partnerId', 'accountId', 'active'] as const;

export function UserFormModal({ user, opened, onClose }: { user?: User; opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} size="lg" title={<Title order={3}>{user ? `Edit ${user.name}` : 'New user'}</Title>}>
      {opened && <UserForm user={user} onDone={onClose} />}
    </Modal>
  );
}

function UserForm({ user, onDone }: { user?: User; onDone: () => void }) {
  const me = useUser();
  const save = useSaveUser();
  const partners = usePartners();
  const [conflict, setConflict] = useState(false);
  const self = user?.id === me.id;
  const form = useForm<Values>({
    initialValues: {
      email: user?.email ?? '', name: user?.name ?? '', role: user?.role ?? 'sales', password: '',
      partnerId: user?.partnerId ?? null, accountId: user?.accountId ?? null, active: user?.active ?? true,
    },
    validate: {
      email: (v) => (user || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.trim()) ? null : 'Enter a valid email address'),
      name: (v) => (v.trim() ? null : 'Enter a name'),
      password: (v) => ((!user || v) && v.length < 12 ? 'At least 12 characters' : null),
      partnerId: (v, all) => (all.role === 'partner' && !v ? 'A partner user needs a partner' : null),
      accountId: (v, all) => (all.role === 'customer' && !v ? 'A customer user needs an account' : null),
    },
  });
  const onError = handleFormError(form, FIELDS);
  const role = form.values.role;

  const submit = form.onSubmit((v) => {
    const scope = { partnerId: v.role === 'partner' ? v.partnerId : null, accountId: v.role === 'customer' ? v.accountId : null };
    const handlers = {
      onSuccess: () => { notifySuccess(user ? 'User updated. Changed access applies immediately.' : `${v.name} can now sign in.`, user ? undefined : 'User created'); onDone(); },
      onError: (e: Error) => { if (e instanceof ApiError && e.isVersionConflict) setConflict(true); onError(e); },
    };
    if (!user) {
      save.mutate({ email: v.email.trim(), name: v.name.trim(), role: v.role, password: v.password, ...scope }, handlers);
      return;
    }
    const body: UserUpdate = { version: user.version };
    if (v.name.trim() !== user.name) body.name = v.name.trim();
    if (v.role !== user.role) body.role = v.role;
    if (v.active !== user.active) body.active = v.active;
    if (scope.partnerId !== user.partnerId) body.partnerId = scope.partnerId;
    if (scope.accountId !== user.accountId) body.accountId = scope.accountId;
    if (v.password) body.password = v.password;
    save.mutate({ id: user.id, ...body }, handlers);
 }, focusFirstInvalid);

  return (
    <form onSubmit={submit} noValidate>
      {conflict && <Alert color="orange" mb="md" title="Someone else changed this user">Close the form and open it again to edit the latest version.</Alert>}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label="Name" withAsterisk data-autofocus {...form.getInputProps('name')} />
        <TextInput label="Email" type="email" withAsterisk={!user} disabled={!!user} {...form.getInputProps('email')} />
        <Select label="Role" allowDeselect={false} disabled={self} description={self ? 'You cannot change your own role' : undefined}
          data={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))} {...form.getInputProps('role')} />
        <PasswordInput label={user ? 'New password' : 'Password'} description={user ? 'Leave empty to keep the current password; setting one signs the user out' : 'At least 12 characters'}
          withAsterisk={!user} autoComplete="new-password" {...form.getInputProps('password')} />
        {role === 'partner' && (
          <Select label="Partner" withAsterisk searchable data={partners.partners.map((p) => ({ value: p.id, label: p.name }))} {...form.getInputProps('partnerId')} />
        )}
        {role === 'customer' && (
          <AccountPicker label="Account" withAsterisk placeholder="Search accounts" value={form.values.accountId}
            onChange={(id) => form.setFieldValue('accountId', id)} error={form.errors.accountId} />
        )}
      </SimpleGrid>
      {user && (
        <Switch mt="lg" label="Active" description="Inactive users cannot sign in; their sessions end at once." disabled={self}
          {...form.getInputProps('active', { type: 'checkbox' })} />
      )}
      {(role === 'partner' || role === 'customer') && (
        <Text size="xs" c="dimmed" mt="md">{role === 'partner' ? 'Partner users see only the accounts of their partner.' : 'Customer users see only their own account, read-only.'}</Text>
      )}
      <Group justify="flex-end" mt="xl">
        <Button variant="default" onClick={onDone}>Cancel</Button>
        <Button type="submit" loading={save.isPending}>{user ? 'Save user' : 'Create user'}</Button>
      </Group>
    </form>
  );
}
