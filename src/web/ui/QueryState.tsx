// Loading, error and empty states shared by every page.
import { Alert, Button, Center, Group, Loader, Skeleton, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { errorMessage } from '../lib/errors';
import { IconAlert } from './Icons';

export function PageLoader({ label = 'Loading…' }: { label?: string }) {
  return (
    <Center py={80} aria-live="polite">
      <Stack align="center" gap="xs"><Loader /><Text size="sm" c="dimmed">{label}</Text></Stack>
    </Center>
  );
}

export function BlockSkeleton({ rows = 5 }: { rows?: number }) {
  return <Stack gap="xs" aria-busy="true" aria-label="Loading">{Array.from({ length: rows }, (_, i) => <Skeleton key={i} h={28} />)}</Stack>;
}

export function ErrorAlert({ error, onRetry, title = 'Could not load this' }: { error: unknown; onRetry?: () => void; title?: string }) {
  return (
    <Alert color="red" variant="light" title={title} icon={<IconAlert />} role="alert">
      <Group justify="space-between" gap="sm">
        <Text size="sm">{errorMessage(error)}</Text>
        {onRetry && <Button size="xs" variant="white" color="red" onClick={onRetry}>Try again</Button>}
      </Group>
    </Alert>
  );
}

export function Empty({ title, children, icon }: { title: string; children?: ReactNode; icon?: ReactNode }) {
  return (
    <Center py="xl">
      <Stack align="center" gap={6} maw={420} ta="center">
        {icon && <Text c="dimmed">{icon}</Text>}
        <Text fw={600}>{title}</Text>
        {children && <Text size="sm" c="dimmed">{children}</Text>}
      </Stack>
    </Center>
  );
}
