// The project plan as a hand-drawn SVG timeline: phases (bands), tasks as bars (colour by status, baseline as a thin
// grey bar beneath when the task moved), finish-to-start dependencies as arrows, milestones as diamonds (hollow at the
// planned date when the forecast moved), the today line and the baseline vs forecast end. Tasks of one activity run
// one after another, so by default an activity is one row ("compact"); "every task" gives each task its own row.
import { Box, Group, SegmentedControl, Text, useComputedColorScheme } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { addDays, daysBetween, todayUtc } from '../../../core/delivery/dates';
import { formatDate } from '../../lib/format';
import type { Gantt } from './hooks';

type GTask = Gantt['tasks'][number];
type Row =
  | { kind: 'phase'; id: string; label: string; start: string; end: string }
  | { kind: 'lane'; id: string; label: string; tasks: GTask[] }
  | { kind: 'milestone'; id: string; label: string; m: Gantt['milestones'][number] };

const LABEL_W = 250;
const ROW_H = 26;
const HEAD_H = 58;
const BAR_H = 14;
/** Room right of the last day for the forecast-end label. */
const RIGHT_PAD = 96;
const STATUS_FILL: Record<string, string> = { todo: '#74a9e8', in_progress: '#2563eb', blocked: '#e03131', done: '#0f9f8f' };
const MS_FILL: Record<string, string> = { pending: '#868e96', submitted: '#f59f00', accepted: '#0f9f8f', rejected: '#e03131' };

/** Greedy interval packing: tasks that overlap in time go to separate lanes. */
function pack(tasks: GTask[]): GTask[][] {
  const lanes: GTask[][] = [];
  for (const t of [...tasks].sort((a, b) => a.startDate.localeCompare(b.startDate) || a.position - b.position)) {
    const lane = lanes.find((l) => l[l.length - 1].endDate < t.startDate);
    if (lane) lane.push(t); else lanes.push([t]);
  }
  return lanes;
}

function buildRows(g: Gantt, compact: boolean): Row[] {
  const rows: Row[] = [];
  const phases = [...g.phases].sort((a, b) => a.position - b.position);
  const addTasks = (tasks: GTask[], prefix: string) => {
    if (!compact) {
      for (const t of [...tasks].sort((a, b) => a.startDate.localeCompare(b.startDate) || a.position - b.position)) rows.push({ kind: 'lane', id: t.id, label: t.title, tasks: [t] });
      return;
    }
    const groups = new Map<string, GTask[]>();
    for (const t of tasks) {
      const key = t.kind === 'plan' ? (t.activity ?? t.title) : t.title;
      groups.set(key, [...(groups.get(key) ?? []), t]);
    }
    for (const [label, list] of groups) pack(list).forEach((lane, i) => rows.push({ kind: 'lane', id: `${prefix}:${label}:${i}`, label: i === 0 ? label : '', tasks: lane }));
  };
  for (const p of phases) {
    rows.push({ kind: 'phase', id: p.id, label: p.name, start: p.startDate, end: p.endDate });
    addTasks(g.tasks.filter((t) => t.phaseId === p.id), p.id);
    for (const m of g.milestones.filter((x) => x.phaseKey === p.key)) rows.push({ kind: 'milestone', id: m.id, label: m.name, m });
  }
  const loose = g.tasks.filter((t) => !t.phaseId || !phases.some((p) => p.id === t.phaseId));
  const looseMs = g.milestones.filter((m) => !phases.some((p) => p.key === m.phaseKey));
  if (loose.length || looseMs.length) {
    rows.push({ kind: 'phase', id: 'other', label: 'Added work', start: '', end: '' });
    addTasks(loose, 'other');
    for (const m of looseMs) rows.push({ kind: 'milestone', id: m.id, label: m.name, m });
  }
  return rows;
}

export function GanttChart({ gantt, onTaskClick }: { gantt: Gantt; onTaskClick?: (taskId: string) => void }) {
  const dark = useComputedColorScheme('light') === 'dark';
  const [mode, setMode] = useState<'compact' | 'tasks'>('compact');
  const { ref, width } = useElementSize();
  const today = todayUtc();
  const rows = useMemo(() => buildRows(gantt, mode === 'compact'), [gantt, mode]);

  const p = gantt.project;
  const dates = [p.startDate, p.baselineEndDate, p.forecastEndDate, ...gantt.tasks.flatMap((t) => [t.startDate, t.endDate, t.baselineStartDate ?? t.startDate, t.baselineEndDate ?? t.endDate]),
    ...gantt.milestones.flatMap((m) => [m.plannedDate, m.forecastDate])].sort();
  let from = addDays(dates[0], -3);
  let to = addDays(dates[dates.length - 1], 7);
  // Today is shown when it is near the plan (a plan far in the past or future would be squeezed otherwise).
  if (today < from && daysBetween(today, from) <= 30) from = addDays(today, -3);
  if (today > to && daysBetween(to, today) <= 30) to = addDays(today, 3);
  const days = daysBetween(from, to) + 1;
  const chartW = Math.max(400, (width || 1000) - LABEL_W - RIGHT_PAD - 2);
  const pxDay = Math.max(6, chartW / days);
  const svgW = LABEL_W + days * pxDay + RIGHT_PAD;
  const svgH = HEAD_H + rows.length * ROW_H + 8;
  const x = (d: string) => LABEL_W + daysBetween(from, d) * pxDay;
  const xEnd = (d: string) => x(d) + pxDay;
  const c = dark
    ? { text: '#c9c9c9', dim: '#909296', grid: '#2c2e33', band: '#25262b', phase: '#5c5f66', line: '#5c5f66' }
    : { text: '#212529', dim: '#868e96', grid: '#eef0f2', band: '#f8f9fa', phase: '#495057', line: '#adb5bd' };

  const pos = new Map<string, { x1: number; x2: number; y: number }>();
  rows.forEach((r, i) => {
    if (r.kind !== 'lane') return;
    const y = HEAD_H + i * ROW_H + ROW_H / 2;
    for (const t of r.tasks) pos.set(t.id, { x1: x(t.startDate), x2: xEnd(t.endDate), y });
  });
  const rowOf = new Map<string, number>();
  rows.forEach((r, i) => { if (r.kind === 'lane') for (const t of r.tasks) rowOf.set(t.id, i); });

  const weeks: string[] = [];
  for (let d = p.startDate; d <= to; d = addDays(d, 7)) if (d >= from) weeks.push(d);
  const weekNo = (d: string) => Math.floor(daysBetween(p.startDate, d) / 7) + 1;
  // Marker lines carry their label on the header's third line; `side` keeps two close labels apart.
  const vline = (d: string, color: string, label: string, testId: string, dash = '4 3', side: 'left' | 'right' = 'right') => (d >= from && d <= to ? (
    <g data-testid={testId}>
      <line x1={x(d) + pxDay / 2} x2={x(d) + pxDay / 2} y1={HEAD_H - 14} y2={svgH} stroke={color} strokeWidth={1.5} strokeDasharray={dash} />
      <text x={x(d) + pxDay / 2 + (side === 'right' ? 3 : -3)} y={HEAD_H - 6} fontSize={10} fill={color} fontWeight={600} textAnchor={side === 'right' ? 'start' : 'end'}>{label}</text>
    </g>
  ) : null);
  const slip = daysBetween(p.baselineEndDate, p.forecastEndDate);

  return (
    <Box>
      <Group justify="space-between" mb="xs" wrap="wrap">
        <Group gap="md" wrap="wrap">
          <Legend color={STATUS_FILL.todo} label="To do" /><Legend color={STATUS_FILL.in_progress} label="In progress" />
          <Legend color={STATUS_FILL.blocked} label="Blocked" /><Legend color={STATUS_FILL.done} label="Done" />
          <Legend color="#adb5bd" label="Baseline" thin /><Legend color={MS_FILL.accepted} label="Milestone" diamond />
        </Group>
        <SegmentedControl size="xs" value={mode} onChange={(v) => setMode(v as 'compact' | 'tasks')}
          data={[{ value: 'compact', label: 'By activity' }, { value: 'tasks', label: 'Every task' }]} />
      </Group>
      <Box ref={ref} style={{ overflowX: 'auto', border: `1px solid ${c.grid}`, borderRadius: 8 }}>
        <svg width={svgW} height={svgH} role="img" data-testid="gantt" fontFamily="inherit"
          aria-label={`Plan of ${p.name}: ${gantt.phases.length} phases, ${gantt.tasks.length} tasks, ${gantt.milestones.length} milestones; starts ${p.startDate}, baseline end ${p.baselineEndDate}, forecast end ${p.forecastEndDate}${slip ? ` (${slip > 0 ? '+' : ''}${slip} days)` : ''}`}>
          <defs>
            <marker id="gantt-arrow" viewBox="0 0 8 8" refX={7} refY={4} markerWidth={6} markerHeight={6} orient="auto-start-reverse">
              <path d="M0,0 L8,4 L0,8 z" fill={c.line} />
            </marker>
          </defs>
          {rows.map((r, i) => r.kind === 'phase' && <rect key={`band-${r.id}`} x={0} y={HEAD_H + i * ROW_H} width={svgW} height={ROW_H} fill={c.band} />)}
          {weeks.map((w) => (
            <g key={w}>
              <line x1={x(w)} x2={x(w)} y1={HEAD_H - 4} y2={svgH} stroke={c.grid} />
              <text x={x(w) + 3} y={16} fontSize={11} fontWeight={600} fill={c.text}>W{weekNo(w)}</text>
              {pxDay * 7 >= 44 && <text x={x(w) + 3} y={30} fontSize={10} fill={c.dim}>{formatDate(w).replace(/ \d{4}$/, '')}</text>}
            </g>
          ))}
          <line x1={LABEL_W} x2={LABEL_W} y1={0} y2={svgH} stroke={c.grid} />
          {/* dependencies under the bars */}
          <g data-testid="gantt-dependencies">
            {gantt.dependencies.map((d) => {
              const a = pos.get(d.dependsOnId), b = pos.get(d.taskId);
              if (!a || !b || rowOf.get(d.dependsOnId) === rowOf.get(d.taskId)) return null;
              const mid = a.x2 + 5;
              const path = b.x1 - 4 >= mid
                ? `M${a.x2},${a.y} H${mid} V${b.y} H${b.x1 - 1}`
                : `M${a.x2},${a.y} H${mid} V${(a.y + b.y) / 2} H${b.x1 - 8} V${b.y} H${b.x1 - 1}`;
              return <path key={`${d.dependsOnId}-${d.taskId}`} d={path} fill="none" stroke={c.line} strokeWidth={1} markerEnd="url(#gantt-arrow)" opacity={0.8} />;
            })}
          </g>
          {rows.map((r, i) => {
            const top = HEAD_H + i * ROW_H;
            const cy = top + ROW_H / 2;
            const label = (
              <text x={r.kind === 'phase' ? 8 : 20} y={cy + 4} fontSize={r.kind === 'phase' ? 12 : 11.5} fontWeight={r.kind === 'phase' ? 700 : 400}
                fill={r.kind === 'milestone' ? c.phase : c.text}>
                {truncate(r.kind === 'milestone' ? `◆ ${r.label}` : r.label, r.kind === 'phase' ? 34 : 36)}
              </text>
            );
            if (r.kind === 'phase') {
              return (
                <g key={r.id} data-testid={`gantt-phase-${r.id}`}>
                  {label}
                  {r.start && <rect x={x(r.start)} y={cy - 4} width={xEnd(r.end) - x(r.start)} height={8} rx={2} fill={c.phase} opacity={0.85}><title>{`${r.label}: ${formatDate(r.start)} – ${formatDate(r.end)}`}</title></rect>}
                </g>
              );
            }
            if (r.kind === 'milestone') {
              const m = r.m;
              const moved = m.plannedDate !== m.forecastDate;
              const mx = x(m.forecastDate) + pxDay / 2;
              return (
                <g key={r.id} data-testid={`gantt-milestone-${m.key}`} data-status={m.status}>
                  {label}
                  {moved && <path d={diamond(x(m.plannedDate) + pxDay / 2, cy, 6)} fill="none" stroke={c.dim} strokeWidth={1.2}><title>{`Planned ${formatDate(m.plannedDate)}`}</title></path>}
                  <path d={diamond(mx, cy, 7)} fill={MS_FILL[m.status] ?? '#868e96'} stroke="#fff" strokeWidth={1}>
                    <title>{`${m.name} (${m.status}) — forecast ${formatDate(m.forecastDate)}${moved ? `, planned ${formatDate(m.plannedDate)}` : ''}${m.paymentPercent ? `; ${m.paymentPercent} % of the fee` : ''}`}</title>
                  </path>
                  <text x={mx + 10} y={cy + 4} fontSize={10.5} fill={c.dim}>{formatDate(m.forecastDate).replace(/ \d{4}$/, '')}{m.paymentPercent ? ` · ${m.paymentPercent} %` : ''}</text>
                </g>
              );
            }
            return (
              <g key={r.id}>
                {label}
                {r.tasks.map((t) => {
                  const x1 = x(t.startDate), w = Math.max(3, xEnd(t.endDate) - x1 - 1);
                  const moved = t.baselineStartDate && t.baselineEndDate && (t.baselineStartDate !== t.startDate || t.baselineEndDate !== t.endDate);
                  return (
                    <g key={t.id} data-testid={`gantt-task-${t.id}`} style={{ cursor: onTaskClick ? 'pointer' : undefined }} onClick={() => onTaskClick?.(t.id)}>
                      {moved && <rect x={x(t.baselineStartDate!)} y={cy + BAR_H / 2 - 1} width={Math.max(3, xEnd(t.baselineEndDate!) - x(t.baselineStartDate!) - 1)} height={4} rx={1} fill="#adb5bd" />}
                      <rect x={x1} y={cy - BAR_H / 2 - (moved ? 2 : 0)} width={w} height={BAR_H} rx={3} fill={STATUS_FILL[t.status] ?? '#74a9e8'}
                        stroke={t.kind === 'course_correction' ? '#e8590c' : 'none'} strokeWidth={t.kind === 'course_correction' ? 2 : 0}>
                        <title>{`${t.title} (${t.status.replace('_', ' ')}): ${formatDate(t.startDate)} – ${formatDate(t.endDate)}, ${t.estimateHours} h${moved ? `; baseline ${formatDate(t.baselineStartDate)} – ${formatDate(t.baselineEndDate)}` : ''}`}</title>
                      </rect>
                      {mode === 'tasks' || w > t.title.length * 6 ? (w > 40 && <text x={x1 + 4} y={cy + 3.5} fontSize={10} fill="#fff" pointerEvents="none">{truncate(t.title, Math.floor(w / 6))}</text>) : null}
                    </g>
                  );
                })}
              </g>
            );
          })}
          {vline(p.baselineEndDate, c.dim, 'Baseline end', 'gantt-baseline-end', '4 3', slip > 0 ? 'left' : 'right')}
          {p.forecastEndDate !== p.baselineEndDate && vline(p.forecastEndDate, '#e8590c', `Forecast end (${slip > 0 ? '+' : ''}${slip} d)`, 'gantt-forecast-end', '4 3', slip > 0 ? 'right' : 'left')}
          {vline(today, '#e03131', 'Today', 'gantt-today', '0')}
        </svg>
      </Box>
      <Text size="xs" c="dimmed" mt={4}>Click a bar to edit the task. Arrows are finish-to-start dependencies; hollow diamonds mark a milestone's planned date when its forecast moved.</Text>
    </Box>
  );
}

const diamond = (cx: number, cy: number, r: number) => `M${cx},${cy - r} L${cx + r},${cy} L${cx},${cy + r} L${cx - r},${cy} Z`;
const truncate = (s: string, n: number) => (s.length > n ? `${s.slice(0, Math.max(1, n - 1))}…` : s);

function Legend({ color, label, thin, diamond: d }: { color: string; label: string; thin?: boolean; diamond?: boolean }) {
  return (
    <Group gap={4} wrap="nowrap">
      <svg width={14} height={12} aria-hidden="true">
        {d ? <path d={diamond(7, 6, 5)} fill={color} /> : <rect x={0} y={thin ? 5 : 1} width={14} height={thin ? 3 : 10} rx={2} fill={color} />}
      </svg>
      <Text size="xs" c="dimmed">{label}</Text>
    </Group>
  );
}
