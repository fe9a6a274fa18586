// Owners of imported rows: the cell as a CRM writes it (an e-mail, a name, a HubSpot owner id) resolved to one of
// our users, through the mapping's owner table first. A cell that matches nobody is never dropped silently: the
// preview lists it with its row count, and each row imported without its owner carries a warning.
import type { ImportMapping } from './mapping';

export interface UserRef { id: string; email: string; name: string }

/** How an owner cell resolved: a user it names, a user the mapping gives, left unowned on purpose, or nobody. */
export type OwnerMatch = { userId: string | null; how: 'user' | 'mapped' | 'unowned' | 'unmatched' };

const norm = (s: string) => s.trim().toLowerCase();

/** lower(e-mail), lower(id) and lower(name) → user id; a name two users share matches neither. */
export function userIndex(users: UserRef[]): Map<string, string> {
  const names = new Map<string, number>();
  for (const u of users) names.set(norm(u.name), (names.get(norm(u.name)) ?? 0) + 1);
  const index = new Map<string, string>();
  for (const u of users) {
    if (names.get(norm(u.name)) === 1) index.set(norm(u.name), u.id);
  }
  // E-mails and ids win over a name that happens to look like one.
  for (const u of users) { index.set(norm(u.id), u.id); index.set(norm(u.email), u.id); }
  return index;
}

/** The resolver of one import: owner table first (keys compared trimmed and case-insensitively), then the users. */
export function ownerResolver(owners: ImportMapping['owners'], users: UserRef[]): (cell: string) => OwnerMatch {
  const index = userIndex(users);
  const table = new Map(Object.entries(owners).map(([from, to]) => [norm(from), to]));
  return (cell) => {
    const key = norm(cell);
    if (!key) return { userId: null, how: 'unowned' };
    const mapped = table.get(key);
    if (mapped === null) return { userId: null, how: 'unowned' };
    if (mapped !== undefined) {
      const id = index.get(norm(mapped));
      return id ? { userId: id, how: 'mapped' } : { userId: null, how: 'unmatched' };
    }
    const id = index.get(key);
    return id ? { userId: id, how: 'user' } : { userId: null, how: 'unmatched' };
  };
}

export interface OwnerReportRow { value: string; count: number; userId: string | null; how: OwnerMatch['how'] }

/** Distinct owner cells with their row counts and what each resolves to: unmatched first, then by row count. */
export function ownerReport(counts: Iterable<[string, number]>, resolve: (cell: string) => OwnerMatch): OwnerReportRow[] {
  const rows: OwnerReportRow[] = [];
  for (const [value, count] of counts) {
    if (!value.trim()) continue;
    const m = resolve(value);
    rows.push({ value, count, userId: m.userId, how: m.how });
  }
  const rank = (r: OwnerReportRow) => (r.how === 'unmatched' ? 0 : 1);
  return rows.sort((a, b) => rank(a) - rank(b) || b.count - a.count || a.value.localeCompare(b.value));
}
