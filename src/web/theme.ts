// Valuegraph's look: a deep-teal brand palette, an indigo accent, system fonts (no web fonts: CSP and firewalls).
import { createTheme, type MantineColorsTuple } from '@mantine/core';

const brand: MantineColorsTuple = [
  '#e7f6f5', '#cfeceb', '#a0d9d6', '#6dc4c0', '#44b2ad', '#29a39e', '#14868a', '#0f6f72', '#0b5a5c', '#064245',
];
const ink: MantineColorsTuple = [
  '#eef1fb', '#dde2f3', '#b8c1e6', '#909fd9', '#6f82ce', '#5a6fc8', '#4e65c6', '#3f54ae', '#364a9c', '#2a3f8a',
];

const systemFont = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "Noto Sans", "Liberation Sans", Arial, sans-serif';

export const theme = createTheme({
  primaryColor: 'brand',
  primaryShade: { light: 7, dark: 5 },
  colors: { brand, ink },
  fontFamily: systemFont,
  fontFamilyMonospace: 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace',
  headings: { fontFamily: systemFont, fontWeight: '650', sizes: { h1: { fontSize: '1.75rem', lineHeight: '1.25' }, h2: { fontSize: '1.35rem', lineHeight: '1.3' }, h3: { fontSize: '1.1rem', lineHeight: '1.35' } } },
  defaultRadius: 'md',
  cursorType: 'pointer',
  focusRing: 'auto',
  components: {
    Card: { defaultProps: { withBorder: true, radius: 'md', padding: 'lg' } },
    Paper: { defaultProps: { radius: 'md' } },
    // A badge is a label, never a clipped one: it keeps its full width in narrow table cells and flex rows.
    Badge: { defaultProps: { radius: 'sm', variant: 'light' }, styles: { root: { minWidth: 'max-content', flexShrink: 0 } } },
    Table: { defaultProps: { verticalSpacing: 'sm', highlightOnHover: true } },
    Modal: { defaultProps: { radius: 'md', centered: true, overlayProps: { backgroundOpacity: 0.45, blur: 2 } } },
    Tooltip: { defaultProps: { withArrow: true } },
  },
});

/** Chart colours per lifecycle stage, in stage order (pre-sale → departed). */
export const STAGE_COLORS: Record<string, string> = {
  prospect: '#909fd9', implementation: '#5a6fc8', adoption: '#44b2ad', value_realization: '#14868a',
  expansion: '#0b5a5c', renewal: '#e8a33d', churned: '#c9575a',
};
export const SEGMENT_COLORS: Record<string, string> = { strategic: '#0f6f72', standard: '#909fd9' };
