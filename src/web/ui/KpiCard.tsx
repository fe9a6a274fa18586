import { Card, Group, Stack, Text, ThemeIcon } from '@mantine/core';
import type { ReactNode } from 'react';

export function KpiCard({ label, value, hint, icon, color = 'brand', testId }: {
  label: string; value: ReactNode; hint?: ReactNode; icon?: ReactNode; color?: string; testId?: string;
}) {
  return (
    <Card data-testid={testId}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={4}>
          <Text size="xs" tt="uppercase" fw={700} c="dimmed" style={{ letterSpacing: '0.04em' }}>{label}</Text>
          <Text fz={28} fw={700} lh={1.15}>{value}</Text>
          {hint && <Text size="sm" c="dimmed">{hint}</Text>}
        </Stack>
        {icon && <ThemeIcon size={42} radius="md" variant="light" color={color}>{icon}</ThemeIcon>}
      </Group>
    </Card>
  );
}
