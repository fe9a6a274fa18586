// Prev/Next over keyset pages plus a page-size select. The caller keeps the stack of cursors (useCursorStack).
import { Button, Group, Select, Text } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { IconChevronLeft, IconChevronRight } from './Icons';

/** A stack of cursors: [undefined, c1, c2…]; the last is the current page. Reset whenever `resetKey` changes. */
export function useCursorStack(resetKey: string) {
  const storageKey = `vg:cursors:${resetKey}`;
  const [stack, setStack] = useState<(string | undefined)[]>(() => {
    try { const s = sessionStorage.getItem(storageKey); return s ? (JSON.parse(s) as (string | null)[]).map((c) => c ?? undefined) : [undefined]; } catch { return [undefined]; }
  });
  const [key, setKey] = useState(resetKey);
  if (key !== resetKey) { setKey(resetKey); setStack([undefined]); }
  useEffect(() => {
    try { sessionStorage.setItem(storageKey, JSON.stringify(stack.map((c) => c ?? null))); } catch { /* private mode */ }
  }, [stack, storageKey]);
  const current = stack[stack.length - 1];
  const next = useCallback((cursor: string) => setStack((s) => [...s, cursor]), []);
  const prev = useCallback(() => setStack((s) => (s.length > 1 ? s.slice(0, -1) : s)), []);
  return { cursor: current, page: stack.length, next, prev, hasPrev: stack.length > 1 };
}

export function CursorPager({ page, pageSize, shown, hasPrev, nextCursor, onPrev, onNext, onPageSize, loading, label = 'rows', total }: {
  page: number; pageSize: number; shown: number; hasPrev: boolean; nextCursor: string | null | undefined;
  onPrev: () => void; onNext: (cursor: string) => void; onPageSize: (n: number) => void; loading?: boolean; label?: string;
  /** How many rows the whole list has, when the API counts them ("1–25 of 240 accounts"). */
  total?: { count: number; exact: boolean };
}) {
  const from = shown === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = (page - 1) * pageSize + shown;
  const of = total ? ` of ${total.exact ? '' : 'about '}${total.count.toLocaleString('en-US')} ${label}` : '';
  return (
    <Group justify="space-between" mt="md" wrap="wrap" gap="sm">
      <Group gap="xs">
        <Text size="sm" c="dimmed" id="page-size-label">Rows per page</Text>
        <Select aria-labelledby="page-size-label" w={84} size="xs" allowDeselect={false} value={String(pageSize)}
          data={['25', '50', '100']} onChange={(v) => v && onPageSize(Number(v))} />
      </Group>
      <Group gap="xs">
        <Text size="sm" c="dimmed" aria-live="polite" data-testid="pager-status">{shown === 0 ? `No ${label}` : `${from}–${to}${of} · page ${page}`}</Text>
        <Button variant="default" size="xs" leftSection={<IconChevronLeft size={14} />} disabled={!hasPrev || loading} onClick={onPrev}>Previous</Button>
        <Button variant="default" size="xs" rightSection={<IconChevronRight size={14} />} disabled={!nextCursor || loading}
          onClick={() => nextCursor && onNext(nextCursor)}>Next</Button>
      </Group>
    </Group>
  );
}
