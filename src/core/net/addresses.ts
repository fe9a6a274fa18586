// What kind of network an IP address belongs to, so outgoing requests on a user's behalf (webhooks) reach only the
// public internet. IPv4 is read in every form the C resolver and URL parsers accept (2130706433, 0x7f.1,
// 017700000001, 127.1), because each of them connects to 127.0.0.1. Ranges: IANA special-purpose registries
// (RFC 6890 and successors) plus the cloud metadata endpoints.

export type AddressClass =
  | 'public' | 'unspecified' | 'loopback' | 'private' | 'shared' | 'link-local' | 'metadata' | 'unique-local'
  | 'multicast' | 'broadcast' | 'documentation' | 'reserved' | 'ipv4-mapped';

export interface Ip { family: 4 | 6; bytes: number[] }

/** One part of a classic IPv4 address: decimal, octal (leading 0) or hex (0x). */
function ipv4Part(s: string): number | null {
  if (/^0x[0-9a-f]*$/i.test(s)) return s.length === 2 ? 0 : parseInt(s.slice(2), 16);
  if (/^0[0-7]*$/.test(s)) return parseInt(s, 8);
  if (/^[1-9]\d*$/.test(s)) return Number(s);
  return null;
}

/** IPv4 in inet_aton forms: a, a.b (8.24 bits), a.b.c (8.8.16), a.b.c.d; each part decimal, octal or hex. */
export function parseIPv4(text: string): Ip | null {
  const parts = text.replace(/\.$/, '').split('.');
  if (parts.length > 4 || parts.some((p) => p.length === 0 || p.length > 34)) return null;
  const nums = parts.map(ipv4Part);
  if (nums.some((n) => n === null || !Number.isFinite(n))) return null;
  const last = nums.pop()!;
  if (nums.some((n) => n! > 255) || last >= 2 ** (8 * (4 - nums.length))) return null;
  const value = nums.reduce((acc: number, n, i) => acc + n! * 2 ** (8 * (3 - i)), 0) + last;
  return { family: 4, bytes: [value >>> 24, (value >>> 16) & 255, (value >>> 8) & 255, value & 255] };
}

/** IPv6 text (with or without brackets and zone), including an embedded dotted IPv4 tail. */
export function parseIPv6(text: string): Ip | null {
  let s = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
  s = s.replace(/%[\w.-]+$/, '');
  if (!s.includes(':') || !/^[0-9a-f:.]+$/i.test(s)) return null;
  let tail: number[] = [];
  const lastColon = s.lastIndexOf(':');
  if (s.slice(lastColon + 1).includes('.')) {
    const v4 = /^\d{1,3}(\.\d{1,3}){3}$/.test(s.slice(lastColon + 1)) ? parseIPv4(s.slice(lastColon + 1)) : null;
    if (!v4) return null;
    tail = v4.bytes;
    s = `${s.slice(0, lastColon + 1)}0:0`; // placeholder groups, replaced below
  }
  const halves = s.split('::');
  if (halves.length > 2) return null;
  const groups = (h: string) => (h === '' ? [] : h.split(':'));
  const head = groups(halves[0]);
  const rest = halves.length === 2 ? groups(halves[1]) : [];
  const missing = 8 - head.length - rest.length;
  if ((halves.length === 2 && missing < 1) || (halves.length === 1 && missing !== 0)) return null;
  const all = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...rest];
  if (all.some((g) => !/^[0-9a-f]{1,4}$/i.test(g))) return null;
  const bytes = all.flatMap((g) => { const n = parseInt(g, 16); return [n >> 8, n & 255]; });
  if (tail.length) bytes.splice(12, 4, ...tail);
  return { family: 6, bytes };
}

export function parseIp(text: string): Ip | null {
  return parseIPv6(text) ?? parseIPv4(text.trim().toLowerCase());
}

type Range = [bytes: number[], prefix: number, cls: AddressClass];
const V4: Range[] = [
  [[169, 254, 169, 254], 32, 'metadata'], // AWS, GCP, Azure, OpenStack instance metadata
  [[168, 63, 129, 16], 32, 'metadata'], // Azure platform endpoint
  [[100, 100, 100, 200], 32, 'metadata'], // Alibaba Cloud
  [[0, 0, 0, 0], 8, 'unspecified'],
  [[10, 0, 0, 0], 8, 'private'],
  [[100, 64, 0, 0], 10, 'shared'], // carrier-grade NAT, RFC 6598
  [[127, 0, 0, 0], 8, 'loopback'],
  [[169, 254, 0, 0], 16, 'link-local'],
  [[172, 16, 0, 0], 12, 'private'],
  [[192, 0, 0, 0], 24, 'reserved'], // IETF protocol assignments
  [[192, 0, 2, 0], 24, 'documentation'],
  [[192, 88, 99, 0], 24, 'reserved'], // 6to4 relay anycast
  [[192, 168, 0, 0], 16, 'private'],
  [[198, 18, 0, 0], 15, 'reserved'], // benchmarking
  [[198, 51, 100, 0], 24, 'documentation'],
  [[203, 0, 113, 0], 24, 'documentation'],
  [[224, 0, 0, 0], 4, 'multicast'],
  [[255, 255, 255, 255], 32, 'broadcast'],
  [[240, 0, 0, 0], 4, 'reserved'],
];
const V6: Range[] = [
  [[0xfd, 0x00, 0x0e, 0xc2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x02, 0x54], 128, 'metadata'], // AWS IPv6 metadata, fd00:ec2::254
  [[], 127, 'unspecified'], // :: and ::1 are told apart below
  [[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff], 96, 'ipv4-mapped'],
  [[0, 0x64, 0xff, 0x9b, 0, 1], 48, 'reserved'], // local-use NAT64
  [[0x20, 0x01, 0x00, 0x00], 23, 'reserved'], // IETF protocol assignments, Teredo
  [[0x20, 0x01, 0x0d, 0xb8], 32, 'documentation'],
  [[0x3f, 0xff], 20, 'documentation'],
  [[0xfc], 7, 'unique-local'],
  [[0xfe, 0x80], 10, 'link-local'],
  [[0xfe, 0xc0], 10, 'private'], // deprecated site-local
  [[0xff], 8, 'multicast'],
];

function inRange(bytes: number[], [base, prefix]: Range): boolean {
  for (let bit = 0; bit < prefix; bit += 8) {
    const mask = prefix - bit >= 8 ? 0xff : (0xff << (8 - (prefix - bit))) & 0xff;
    if (((bytes[bit / 8] ?? 0) & mask) !== ((base[bit / 8] ?? 0) & mask)) return false;
  }
  return true;
}

export function classifyIp(ip: Ip): AddressClass {
  const b = ip.bytes;
  if (ip.family === 4) return V4.find((r) => inRange(b, r))?.[2] ?? 'public';
  const hit = V6.find((r) => inRange(b, r))?.[2];
  if (hit === 'unspecified') return b[15] === 1 ? 'loopback' : 'unspecified'; // ::/127 is :: and ::1
  if (hit) return hit;
  // IPv4 carried inside IPv6 goes where its IPv4 address goes: NAT64 (64:ff9b::/96) and 6to4 (2002::/16).
  if (inRange(b, [[0, 0x64, 0xff, 0x9b], 96, 'public'])) return classifyIp({ family: 4, bytes: b.slice(12) });
  if (b[0] === 0x20 && b[1] === 0x02) return classifyIp({ family: 4, bytes: b.slice(2, 6) });
  if (b[0] === 0 && b.slice(0, 12).every((x) => x === 0)) return 'reserved'; // IPv4-compatible (deprecated)
  // Only 2000::/3 is allocated for global unicast; everything else is reserved by IANA.
  return (b[0] & 0xe0) === 0x20 ? 'public' : 'reserved';
}

/** The class of an IP literal in any accepted form, or null when the text is not an IP address (a host name). */
export function classifyAddress(text: string): AddressClass | null {
  const ip = parseIp(text);
  return ip ? classifyIp(ip) : null;
}

/** Names that always mean this machine (RFC 6761), whatever the resolver says. */
export function isLocalName(host: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  return h === 'localhost' || h.endsWith('.localhost') || h === 'localhost.localdomain';
}

/** Why a URL host is not a public destination, or null when it is (or is a name that must be resolved first). */
export function refusedHost(host: string): string | null {
  if (isLocalName(host)) return `${host} is this machine`;
  const cls = classifyAddress(host);
  return cls && cls !== 'public' ? `${host} is a ${cls} address` : null;
}
