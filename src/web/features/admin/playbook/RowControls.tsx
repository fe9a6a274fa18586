// Move up / move down / remove buttons for a row of a playbook list, and the list operations they perform.
import { ActionIcon, Group } from '@mantine/core';
import { IconChevronDown, IconTrash } from '../../../ui/Icons';

export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  const copy = [...list];
  const [item] = copy.splice(from, 1);
  copy.splice(to, 0, item);
  return copy;
}

export function RowControls({ index, count, canRemove, onMove, onRemove, name }: {
  index: number; count: number; canRemove: boolean; name: string;
  onMove: (to: number) => void; onRemove: () => void;
}) {
  return (
    <Group gap={2} wrap="nowrap" justify="flex-end">
      {/* Native titles, not tooltip components: a long list has hundreds of these buttons. */}
      <ActionIcon size="sm" variant="subtle" color="gray" disabled={index === 0} onClick={() => onMove(index - 1)} aria-label={`Move ${name} up`} title="Move up">
        <IconChevronDown size={15} style={{ transform: 'rotate(180deg)' }} />
      </ActionIcon>
      <ActionIcon size="sm" variant="subtle" color="gray" disabled={index === count - 1} onClick={() => onMove(index + 1)} aria-label={`Move ${name} down`} title="Move down">
        <IconChevronDown size={15} />
      </ActionIcon>
      <ActionIcon size="sm" variant="subtle" color="red" disabled={!canRemove} onClick={onRemove} aria-label={`Remove ${name}`}
        title={canRemove ? 'Remove' : 'The list needs at least this many rows'}>
        <IconTrash size={15} />
      </ActionIcon>
    </Group>
  );
}
