import { Group, Text } from '@mantine/core';

/** The Valuegraph mark: a rising value line through graph nodes. */
export function LogoMark({ size = 28 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="8" fill="#0f6f72" />
      <path d="M7 22 L13 16 L18 19 L25 10" fill="none" stroke="#cfeceb" strokeWidth="2.4" strokeLinecap="round" strokeLinejoin="round" />
      <circle cx="7" cy="22" r="2.4" fill="#fff" /><circle cx="13" cy="16" r="2.4" fill="#fff" />
      <circle cx="18" cy="19" r="2.4" fill="#fff" /><circle cx="25" cy="10" r="2.8" fill="#e8a33d" />
    </svg>
  );
}

export function Logo({ size = 28 }: { size?: number }) {
  return (
    <Group gap={8} wrap="nowrap">
      <LogoMark size={size} />
      <Text fw={750} fz={size * 0.68} lh={1} c="var(--mantine-color-text)" style={{ letterSpacing: '-0.01em' }}>Valuegraph</Text>
    </Group>
  );
}
