// The text of a PDF written by pdfkit, page by page, without a system tool: inflates the page content streams, maps
// each embedded font's glyph ids back to characters through its ToUnicode CMap (pdfkit's standard fonts are
// WinAnsi bytes) and joins the strings of each text object. Enough for pdfkit's own output, not a general PDF reader.
import { inflateSync } from 'node:zlib';

interface PdfObject { dict: string; stream: Buffer | null }

function parseObjects(buf: Buffer): Map<number, PdfObject> {
  const src = buf.toString('latin1');
  const objects = new Map<number, PdfObject>();
  const head = /(\d+) 0 obj\s*/g;
  let m: RegExpExecArray | null;
  while ((m = head.exec(src))) {
    const start = head.lastIndex;
    const end = src.indexOf('endobj', start);
    if (end < 0) break;
    let body = src.slice(start, end);
    let stream: Buffer | null = null;
    const s = body.indexOf('stream');
    if (s >= 0 && /\/Length (\d+)/.test(body.slice(0, s))) {
      const length = Number(/\/Length (\d+)/.exec(body.slice(0, s))![1]);
      const from = start + s + 'stream'.length + (src[start + s + 6] === '\r' ? 2 : 1);
      const raw = buf.subarray(from, from + length);
      body = body.slice(0, s);
      stream = /\/Filter\s*\/FlateDecode/.test(body) ? inflateSync(raw) : raw;
      head.lastIndex = src.indexOf('endobj', from + length);
    } else {
      head.lastIndex = end;
    }
    objects.set(Number(m[1]), { dict: body, stream });
  }
  return objects;
}

/** glyph id → text, from a ToUnicode CMap (bfrange with arrays or a start value, and bfchar). */
function parseCmap(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  // A ligature maps to several code points: <0066 0069> is "fi".
  const hex = (h: string) => String.fromCodePoint(...(h.replace(/\s+/g, '').match(/.{4}/g) ?? []).map((x) => parseInt(x, 16)));
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const line of block[1].matchAll(/<([0-9a-f]+)>\s*<([0-9a-f]+)>\s*(\[[^\]]*\]|<[0-9a-f]+>)/gi)) {
      const lo = parseInt(line[1], 16);
      const hi = parseInt(line[2], 16);
      if (line[3].startsWith('[')) [...line[3].matchAll(/<([0-9a-f\s]+)>/gi)].forEach((v, i) => map.set(lo + i, hex(v[1])));
      else for (let g = lo; g <= hi; g++) map.set(g, String.fromCodePoint(parseInt(line[3].slice(1, -1), 16) + g - lo));
    }
  }
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const line of block[1].matchAll(/<([0-9a-f]+)>\s*<([0-9a-f\s]+)>/gi)) map.set(parseInt(line[1], 16), hex(line[2]));
  }
  return map;
}

// WinAnsi bytes 0x80–0x9f that differ from Latin-1.
const WIN_ANSI: Record<number, string> = { 0x80: '€', 0x85: '…', 0x91: '‘', 0x92: '’', 0x93: '“', 0x94: '”', 0x95: '•', 0x96: '–', 0x97: '—' };

/** The text of each page, in page order; each text object (one line of a paragraph, one table cell) on its own line. */
export function pdfPages(buf: Buffer): string[] {
  const objects = parseObjects(buf);
  const ref = (dict: string, key: string) => { const r = new RegExp(`/${key} (\\d+) 0 R`).exec(dict); return r ? Number(r[1]) : null; };
  // Font resource names (/F1 …) are unique in a pdfkit document: name → decoder.
  const fonts = new Map<string, (hex: string) => string>();
  for (const o of objects.values()) {
    const block = /\/Font\s*<<([^>]*)>>/.exec(o.dict);
    if (!block) continue;
    for (const [, name, id] of block[1].matchAll(/\/(\S+) (\d+) 0 R/g)) {
      const font = objects.get(Number(id))!.dict;
      const cmapId = ref(font, 'ToUnicode');
      if (cmapId !== null) {
        const cmap = parseCmap(objects.get(cmapId)!.stream!.toString('latin1'));
        fonts.set(name, (h) => (h.match(/.{4}/g) ?? []).map((g) => cmap.get(parseInt(g, 16)) ?? '').join(''));
      } else {
        fonts.set(name, (h) => (h.match(/.{2}/g) ?? []).map((b) => { const c = parseInt(b, 16); return WIN_ANSI[c] ?? String.fromCharCode(c); }).join(''));
      }
    }
  }
  const root = [...objects.values()].find((o) => /\/Type \/Pages/.test(o.dict))!;
  const kids = [...(/\/Kids \[([^\]]*)\]/.exec(root.dict)?.[1] ?? '').matchAll(/(\d+) 0 R/g)].map((k) => Number(k[1]));
  return kids.map((pageId) => {
    const content = objects.get(ref(objects.get(pageId)!.dict, 'Contents')!)!.stream!.toString('latin1');
    const lines: string[] = [];
    for (const bt of content.matchAll(/BT([\s\S]*?)ET/g)) {
      let font: ((h: string) => string) | undefined;
      let line = '';
      for (const op of bt[1].matchAll(/\/(\S+) [\d.]+ Tf|\[([^\]]*)\]\s*TJ|<([0-9a-f]*)>\s*Tj/gi)) {
        if (op[1]) font = fonts.get(op[1]);
        else if (font) line += [...(op[2] ?? `<${op[3]}>`).matchAll(/<([0-9a-f]*)>/gi)].map((s) => font!(s[1])).join('');
      }
      lines.push(line);
    }
    return lines.join('\n');
  });
}

/** The whole document's text. */
export const pdfText = (buf: Buffer) => pdfPages(buf).join('\n\f\n');
