// Pains of the seller's own, heard in discovery but not in the catalog: label, value category, annual impact and the
// share Valuegraph removes. The Architect turns each into two adjustable assumptions (impact, reduction).
import { ActionIcon, Button, Group, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '../../ui/Icons';
import { usePlaybook } from '../leads/hooks';

export interface CustomPainDraft { label: string; categoryId: string | null; annualImpact: number | string; reductionPercent: number | string }

export const emptyPain = (): CustomPainDraft => ({ label: '', categoryId: null, annualImpact: '', reductionPercent: 30 });

/** The drafts the API accepts (minor units); rows without a label are skipped. */
export function toCustomPains(rows: CustomPainDraft[]) {
  return rows.filter((p) => p.label.trim() && p.categoryId).map((p) => ({
    label: p.label.trim(), categoryId: p.categoryId!, annualImpact: Math.round(Number(p.annualImpact || 0) * 100),
    reductionPercent: Number(p.reductionPercent || 0),
  }));
}

export function CustomPainsInput({ value, onChange }: { value: CustomPainDraft[]; onChange: (v: CustomPainDraft[]) => void }) {
  const playbook = usePlaybook();
  const categories = (playbook.data?.valueRealization.kpiCategories ?? []).map((k) => ({ value: k.id, label: k.label }));
  const set = (i: number, patch: Partial<CustomPainDraft>) => onChange(value.map((p, j) => (j === i ? { ...p, ...patch } : p)));
  return (
    <Stack gap="xs" data-testid="custom-pains">
      <Text size="sm" fw={500}>Pains of your own</Text>
      {value.map((p, i) => (
        <Group key={i} gap="xs" align="flex-end" wrap="wrap">
          <TextInput label="Pain" placeholder="e.g. Duplicate licences after M&A" w={240} value={p.label} onChange={(e) => set(i, { label: e.currentTarget.value })} />
          <Select label="Value category" w={200} data={categories} value={p.categoryId} onChange={(v) => set(i, { categoryId: v })} />
          <NumberInput label="Annual impact (USD)" w={170} min={0} thousandSeparator="," value={p.annualImpact} onChange={(v) => set(i, { annualImpact: v })} />
          <NumberInput label="Reduction (%)" w={120} min={0} max={100} value={p.reductionPercent} onChange={(v) => set(i, { reductionPercent: v })} />
          <ActionIcon variant="subtle" color="gray" mb={4} aria-label={`Remove pain ${i + 1}`} onClick={() => onChange(value.filter((_, j) => j !== i))}><IconTrash size={16} /></ActionIcon>
        </Group>
      ))}
      {value.length < 10 && (
        <Group><Button variant="subtle" size="xs" leftSection={<IconPlus size={14} />} onClick={() => onChange([...value, emptyPain()])} data-testid="add-custom-pain">Add a pain</Button></Group>
      )}
    </Stack>
  );
}
