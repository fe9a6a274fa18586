import { ActionIcon, Avatar, Box, Group, Menu, Text, Tooltip, UnstyledButton, useComputedColorScheme, useMantineColorScheme } from '@mantine/core';
import { ROLE_LABELS } from '../../../core/access/roles';
import { useLogout } from '../../lib/auth';
import { notifyError } from '../../lib/errors';
import { initials } from '../../lib/format';
import { isInternal } from '../../lib/permissions';
import type { Schema } from '../../lib/api';
import { IconBook, IconChevronDown, IconLogout, IconMoon, IconSun } from '../../ui/Icons';

type SessionUser = Schema<'SessionUser'>;

export function UserMenu({ user }: { user: SessionUser }) {
  const logout = useLogout();
  const { setColorScheme } = useMantineColorScheme();
  const scheme = useComputedColorScheme('light');
  // The shell redirects to the sign-in page as soon as the session is gone.
  const signOut = () => logout.mutate(undefined, {
    onError: (e) => { if ((e as { status?: number }).status !== 401) notifyError(e, 'Signed out on this device'); },
  });
  return (
    <Group gap={6} wrap="nowrap">
      <Tooltip label={scheme === 'dark' ? 'Light mode' : 'Dark mode'}>
        <ActionIcon variant="subtle" color="gray" size="lg" onClick={() => setColorScheme(scheme === 'dark' ? 'light' : 'dark')}
          aria-label={scheme === 'dark' ? 'Switch to light mode' : 'Switch to dark mode'}>
          {scheme === 'dark' ? <IconSun /> : <IconMoon />}
        </ActionIcon>
      </Tooltip>
      <Menu position="bottom-end" width={240} shadow="md">
        <Menu.Target>
          <UnstyledButton aria-label={`Account menu for ${user.name}`} data-testid="user-menu" px={6} py={4} style={{ borderRadius: 'var(--mantine-radius-md)' }}>
            <Group gap={8} wrap="nowrap">
              <Avatar color="brand" radius="xl" size={32}>{initials(user.name)}</Avatar>
              <div className="vg-user-name">
                <Text size="sm" fw={600} lh={1.2}>{user.name}</Text>
                <Text size="xs" c="dimmed" lh={1.2}>{ROLE_LABELS[user.role]}</Text>
              </div>
              <IconChevronDown size={14} />
            </Group>
          </UnstyledButton>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>Signed in as</Menu.Label>
          <Box px="sm" pb="xs">
            <Text size="sm" fw={600}>{user.name}</Text>
            <Text size="xs" c="dimmed">{user.email}</Text>
            <Text size="xs" c="dimmed">{ROLE_LABELS[user.role]}</Text>
          </Box>
          <Menu.Divider />
          {isInternal(user.role) && <Menu.Item component="a" href="/api/docs" target="_blank" rel="noopener" leftSection={<IconBook size={16} />}>API reference</Menu.Item>}
          <Menu.Item color="red" leftSection={<IconLogout size={16} />} onClick={signOut}>Sign out</Menu.Item>
        </Menu.Dropdown>
      </Menu>
    </Group>
  );
}
