// Control characters in text from outside. PostgreSQL cannot store NUL in text or jsonb at all, and no field of
// ours means to carry the other control characters (Unicode category Cc), so input holding one is refused where it
// enters — request edge, CSV row — naming the field. Tab, line feed and carriage return stay allowed: free text
// has them.
import { issuePath } from './errors';

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const CONTROL_ALL = new RegExp(CONTROL.source, 'g');

export const CONTROL_CHAR_MESSAGE = 'must not contain control characters (tab, line feed and carriage return are allowed)';

export const hasControlChar = (s: string) => CONTROL.test(s);

/** The text with each control character shown as U+FFFD, to echo a refused value back safely. */
export const visibleControlChars = (s: string) => s.replace(CONTROL_ALL, '\uFFFD');

type Node = { v: unknown; key: string | number; up: Node | null };
const pathOf = (n: Node) => { const at: (string | number)[] = []; for (let x: Node | null = n; x?.up; x = x.up) at.push(x.key); return issuePath(at.reverse()); };

/**
 * Dotted paths ('contacts.0.name') of the strings and object keys in a parsed JSON value that have one, at most
 * `max`. Walks with its own stack and parent links: a body nested a million levels deep must neither overflow the
 * call stack nor copy its path at every level.
 */
export function controlCharPaths(value: unknown, max = 50): string[] {
  const out: string[] = [];
  const stack: Node[] = [{ v: value, key: '', up: null }];
  while (stack.length && out.length < max) {
    const n = stack.pop()!;
    if (typeof n.v === 'string') {
      if (CONTROL.test(n.v)) out.push(pathOf(n));
    } else if (n.v && typeof n.v === 'object') {
      const entries: [string | number, unknown][] = Array.isArray(n.v) ? n.v.map((x, i) => [i, x]) : Object.entries(n.v);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, v] = entries[i];
        if (typeof key === 'string' && CONTROL.test(key)) out.push(pathOf({ v, key, up: n }));
        else stack.push({ v, key, up: n });
      }
    }
  }
  return out;
}

/**
 * Cheap first look at a JSON text: false means no string in it can hold a control character (they travel escaped,
 * as \u0000–\u001f, \b or \f, or raw for DEL and C1). True may be a false alarm (an escaped backslash before
 * "u0001"); parse and use controlCharPaths then.
 */
export function jsonMayHaveControlChar(text: string): boolean {
  // eslint-disable-next-line no-control-regex -- as above
  return /\\(?:u00(?:0[0-8bcef]|1[0-9a-f]|7f|[89][0-9a-f])|[bf])|[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/i.test(text);
}
