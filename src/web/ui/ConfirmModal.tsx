import { Button, Group, Modal, Text } from '@mantine/core';
import type { ReactNode } from 'react';

export function ConfirmModal({ opened, onClose, onConfirm, title, children, confirmLabel = 'Delete', loading, color = 'red' }: {
  opened: boolean; onClose: () => void; onConfirm: () => void; title: string; children: ReactNode;
  confirmLabel?: string; loading?: boolean; color?: string;
}) {
  return (
    <Modal opened={opened} onClose={onClose} title={<Text fw={650}>{title}</Text>} size="sm">
      <Text size="sm">{children}</Text>
      <Group justify="flex-end" mt="lg">
        <Button variant="default" onClick={onClose}>Cancel</Button>
        <Button color={color} onClick={onConfirm} loading={loading} data-autofocus>{confirmLabel}</Button>
      </Group>
    </Modal>
  );
}
