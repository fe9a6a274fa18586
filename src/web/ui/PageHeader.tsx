import { Anchor, Breadcrumbs, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

interface Crumb { label: string; to?: string }

export function PageHeader({ title, description, actions, crumbs, children }: {
  title: ReactNode; description?: ReactNode; actions?: ReactNode; crumbs?: Crumb[]; children?: ReactNode;
}) {
  return (
    <Stack gap={6} mb="lg">
      {crumbs && crumbs.length > 0 && (
        <Breadcrumbs separator="›" fz="sm">
          {crumbs.map((c) => (c.to
            ? <Anchor key={c.label} component={Link} to={c.to} size="sm">{c.label}</Anchor>
            : <Text key={c.label} size="sm" c="dimmed">{c.label}</Text>))}
        </Breadcrumbs>
      )}
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <Stack gap={4} style={{ minWidth: 0, flex: 1 }}>
          <Title order={1}>{title}</Title>
          {description && <Text c="dimmed" size="sm">{description}</Text>}
          {children}
        </Stack>
        {actions && <Group gap="xs">{actions}</Group>}
      </Group>
    </Stack>
  );
}
