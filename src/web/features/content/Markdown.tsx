// A small, safe Markdown subset for content bodies: paragraphs, "-" lists, **bold** and *italic*. Renders React
// elements only (no HTML injection).
import { List, Text } from '@mantine/core';
import type { ReactNode } from 'react';

function inline(s: string): ReactNode[] {
  const out: ReactNode[] = [];
  const re = /\*\*([^*]+)\*\*|\*([^*]+)\*/g;
  let last = 0, m: RegExpExecArray | null, k = 0;
  while ((m = re.exec(s))) {
    if (m.index > last) out.push(s.slice(last, m.index));
    out.push(m[1] ? <strong key={k++}>{m[1]}</strong> : <em key={k++}>{m[2]}</em>);
    last = re.lastIndex;
  }
  if (last < s.length) out.push(s.slice(last));
  return out;
}

export function Markdown({ text, size = 'sm' }: { text: string; size?: 'xs' | 'sm' | 'md' }) {
  const blocks = text.split(/\n\s*\n/);
  return (
    <>
      {blocks.map((b, i) => {
        const lines = b.split('\n').filter((l) => l.trim());
        if (lines.length && lines.every((l) => /^\s*[-*]\s+/.test(l))) {
          return <List key={i} size={size} mb="xs" spacing={2}>{lines.map((l, j) => <List.Item key={j}>{inline(l.replace(/^\s*[-*]\s+/, ''))}</List.Item>)}</List>;
        }
        return <Text key={i} size={size} mb="xs">{inline(lines.join(' '))}</Text>;
      })}
    </>
  );
}
