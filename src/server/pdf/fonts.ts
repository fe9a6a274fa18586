// Fonts of every generated PDF (proposal, invoice, status report). A Unicode TTF renders any account name (≤, →,
// non-Latin letters); pdfkit's built-in Helvetica covers Latin only. A font package in node_modules wins over the
// operating system's fonts; without any, documents fall back to Helvetica and `winAnsi` text.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export interface PdfFonts { regular: string; bold: string; embedded: boolean }

function fontCandidates(): [string, string][] {
  const pairs: [string, string][] = [];
  try {
    const dir = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
    pairs.push([join(dir, 'DejaVuSans.ttf'), join(dir, 'DejaVuSans-Bold.ttf')]);
  } catch { /* not installed */ }
  pairs.push(
    ['/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf'],
    ['/usr/share/fonts/TTF/DejaVuSans.ttf', '/usr/share/fonts/TTF/DejaVuSans-Bold.ttf'],
    ['/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf', '/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf'],
  );
  return pairs;
}

export const HELVETICA: PdfFonts = { regular: 'Helvetica', bold: 'Helvetica-Bold', embedded: false };

let fonts: PdfFonts | null = null;
/** The first installed Unicode font pair (looked up once per process), else Helvetica. */
export function pdfFonts(): PdfFonts {
  if (!fonts) {
    const found = fontCandidates().find(([r, b]) => existsSync(r) && existsSync(b));
    fonts = found ? { regular: found[0], bold: found[1], embedded: true } : HELVETICA;
  }
  return fonts;
}

/** Without a TTF, keep to WinAnsi: spell out the few symbols we use that Helvetica lacks. */
export const winAnsi = (s: string) =>
  s.replace(/≤/g, '<=').replace(/≥/g, '>=').replace(/→/g, '->').replace(/−/g, '-').replace(/[^\n\x20-\xff–—’“”•…€]/g, '?');
