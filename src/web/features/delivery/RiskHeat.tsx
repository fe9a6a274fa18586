// Open risks on an impact × probability grid (3 × 3): each cell counts the risks there, coloured from green (low ×
// low) to red (high × high). Clicking a cell filters the list beside it.
import { Box, Text, Tooltip, UnstyledButton } from '@mantine/core';
import type { Level, Risk } from './hooks';

const LEVELS: Level[] = ['low', 'medium', 'high'];
const SCORE: Record<Level, number> = { low: 1, medium: 2, high: 3 };
const HEAT = ['#d3f9d8', '#fff3bf', '#ffd8a8', '#ffc9c9', '#ff8787'];

export const riskScore = (r: Pick<Risk, 'impact' | 'probability'>) => SCORE[r.impact] * SCORE[r.probability];
const heat = (i: Level, p: Level) => HEAT[Math.min(4, Math.floor((SCORE[i] * SCORE[p] - 1) / 2))];

export function RiskHeat({ risks, selected, onSelect }: {
  risks: Pick<Risk, 'impact' | 'probability' | 'status' | 'title'>[]; selected?: { impact: Level; probability: Level } | null;
  onSelect?: (cell: { impact: Level; probability: Level } | null) => void;
}) {
  const open = risks.filter((r) => r.status !== 'closed');
  const cell = 64;
  return (
    <Box data-testid="risk-heat" style={{ display: 'grid', gridTemplateColumns: `72px repeat(3, ${cell}px)`, gap: 4, alignItems: 'center' }} role="table" aria-label="Open risks by impact and probability">
      {[...LEVELS].reverse().map((impact) => (
        <Box key={impact} style={{ display: 'contents' }} role="row">
          <Text size="xs" c="dimmed" ta="right" pr={6} role="rowheader">{impact === 'high' ? 'High impact' : impact === 'medium' ? 'Medium' : 'Low'}</Text>
          {LEVELS.map((probability) => {
            const here = open.filter((r) => r.impact === impact && r.probability === probability);
            const active = selected?.impact === impact && selected?.probability === probability;
            return (
              <Tooltip key={probability} label={here.length ? here.map((r) => r.title).join(' · ') : 'No open risks'} multiline maw={320} withArrow>
                <UnstyledButton role="cell" aria-label={`${impact} impact, ${probability} probability: ${here.length} open risks`} data-testid={`risk-cell-${impact}-${probability}`}
                  onClick={() => onSelect?.(active ? null : { impact, probability })}
                  style={{ height: cell * 0.72, borderRadius: 6, background: heat(impact, probability), outline: active ? '2px solid #1c7ed6' : undefined, display: 'flex', alignItems: 'center', justifyContent: 'center', opacity: here.length ? 1 : 0.55 }}>
                  <Text fw={700} size="lg" c="dark.7">{here.length || ''}</Text>
                </UnstyledButton>
              </Tooltip>
            );
          })}
        </Box>
      ))}
      <span />
      {LEVELS.map((p) => <Text key={p} size="xs" c="dimmed" ta="center">{p === 'low' ? 'Low' : p === 'medium' ? 'Medium' : 'High'}</Text>)}
      <span />
      <Text size="xs" c="dimmed" ta="center" style={{ gridColumn: 'span 3' }}>Probability →</Text>
    </Box>
  );
}
