// Users and teams from a CRM's user list: name, e-mail, role, manager, team and territories. Passwords are never
// imported: a new user is created inactive without one (they cannot sign in) and owns the records imported for them;
// an admin activates them with a password in the admin pages. Matched by e-mail, so a re-import updates.
import { sql } from 'drizzle-orm';
import { INTERNAL_ROLES } from '../../../core/access/roles';
import { reportKey } from '../../../core/imports';
import type { Tx } from '../../db/client';
import { arrayLiteral, unnestRows, type Column } from '../../db/columns';
import { emit } from '../../jobs/events';
import { audit } from '../platform/audit';
import { forgetActors } from '../platform/auth.service';
import { route, type BatchResult, type BatchRow, type WriterContext } from './imports.batch';
import { rowsOf, type LineError } from './imports.repo';

type UserRow = BatchRow & { id: string };
const SEP = '\u001f';
const internal = new Set<string>(INTERNAL_ROLES);

const columns: Column<UserRow>[] = [
  { name: 'id', type: 'uuid', value: (r) => r.id }, { name: 'line', type: 'int', value: (r) => r.line },
  { name: 'email', type: 'text', value: (r) => r.row.email }, { name: 'name', type: 'text', value: (r) => r.row.name },
  { name: 'role', type: 'text', value: (r) => r.row.role }, { name: 'team', type: 'text', value: (r) => r.row.team },
  { name: 'manager', type: 'text', value: (r) => r.row.manager },
  // Territories go up as one text per row (no array type in the column form), split again in SQL.
  { name: 'territories', type: 'text', value: (r) => (r.row.territory ? (r.row.territory as string[]).join(SEP) : null) },
];

export async function writeUsers(tx: Tx, w: WriterContext, rows: BatchRow[]): Promise<BatchResult> {
  const existing = await rowsOf<{ id: string; e: string; role: string; name: string; team: string | null }>(tx, sql`
    SELECT id, lower(email) AS e, role, name, team FROM users
    WHERE deleted_at IS NULL AND lower(email) = ANY(${arrayLiteral(rows.map((r) => r.row.email), true)}::text[])`);
  const byEmail = new Map(existing.map((u) => [u.e, u]));
  const natural = new Map<string, string>();
  for (const r of rows) { const u = byEmail.get(r.row.email); if (u) natural.set(r.row.key, u.id); }
  const { inserts, updates, errors } = await route(tx, 'users', w.jobId, rows, natural);
  const warnings: LineError[] = [];
  const warn = (r: BatchRow, field: string, value: string | null, message: string) =>
    warnings.push({ line: r.line, key: reportKey(r.row.ref, r.line), level: 'warning', field, column: null, value, message });

  // A re-import may change roles, but never the importer's own (no locking oneself out), nor a partner's or a
  // customer's (their access hangs on a partner or an account, set in the admin pages).
  const actorId = w.ctx.actor.via === 'system' ? null : w.ctx.actor.id;
  const changedRole: string[] = [];
  for (const r of updates) {
    const before = byEmail.get(r.row.email)!;
    if (before.role === r.row.role) continue;
    if (r.id === actorId || !internal.has(before.role)) {
      warn(r, 'role', r.row.role, `Role not changed: ${r.id === actorId ? 'your own role stays' : `a ${before.role} user's role is changed in the admin pages`}`);
      r.row.role = before.role;
    } else changedRole.push(r.id);
  }

  if (inserts.length) {
    await tx.execute(sql`
      INSERT INTO users (id, email, name, role, password_hash, active, team, created_at, updated_at)
      SELECT x.id, x.email, x.name, x.role, NULL, false, x.team, now(), now() FROM ${unnestRows(columns, inserts)}`);
  }
  if (updates.length) {
    await tx.execute(sql`
      UPDATE users u SET name = x.name, role = x.role, team = coalesce(x.team, u.team), version = u.version + 1, updated_at = now()
      FROM ${unnestRows(columns, updates)} WHERE u.id = x.id`);
  }
  if (changedRole.length) {
    // A role change takes effect now, not at the next sign-in (as in the admin pages).
    await tx.execute(sql`DELETE FROM sessions WHERE user_id = ANY(${arrayLiteral(changedRole, false)}::uuid[])`);
    forgetActors();
  }
  const written = [...inserts, ...updates];
  const withTerritory = written.filter((r) => r.row.territory);
  if (withTerritory.length) {
    await tx.execute(sql`
      INSERT INTO sales_profiles (user_id, territories)
      SELECT x.id, string_to_array(x.territories, ${SEP}) FROM ${unnestRows(columns, withTerritory)}
      ON CONFLICT (user_id) DO UPDATE SET territories = EXCLUDED.territories, version = sales_profiles.version + 1, updated_at = now()`);
  }
  await setManagers(tx, written, warn);
  for (const r of inserts) {
    const after = { email: r.row.email, name: r.row.name, role: r.row.role, team: r.row.team, active: false, importJobId: w.jobId };
    await audit(w.ctx, tx, { action: 'user.create', entityType: 'user', entityId: r.id, after });
    await emit(w.ctx, tx, { type: 'user.created', entityType: 'user', entityId: r.id, payload: { email: r.row.email, role: r.row.role } });
  }
  for (const r of updates) {
    const b = byEmail.get(r.row.email)!;
    await audit(w.ctx, tx, {
      action: 'user.update', entityType: 'user', entityId: r.id,
      before: { name: b.name, role: b.role, team: b.team }, after: { name: r.row.name, role: r.row.role, team: r.row.team ?? b.team, importJobId: w.jobId },
    });
  }
  return { inserted: inserts.length, updated: updates.length, errors, warnings };
}

/**
 * Managers by e-mail, else by name, among all users (this file's included, so a team sheet lists people in any
 * order within a batch). A manager nobody matches is a warning; the user is imported without one.
 */
async function setManagers(tx: Tx, rows: UserRow[], warn: (r: BatchRow, field: string, value: string | null, message: string) => void) {
  const managed = rows.filter((r) => r.row.manager);
  if (!managed.length) return;
  const set = await rowsOf<{ line: number }>(tx, sql`
    WITH x AS (SELECT * FROM ${unnestRows(columns, managed)}),
    m AS (
      SELECT DISTINCT ON (x.line) x.line, x.id, u.id AS manager_id FROM x
      JOIN users u ON u.deleted_at IS NULL AND u.id <> x.id AND (lower(u.email) = lower(x.manager) OR lower(u.name) = lower(x.manager))
      ORDER BY x.line, (lower(u.email) = lower(x.manager)) DESC, u.created_at, u.id)
    UPDATE users u SET manager_id = m.manager_id FROM m WHERE u.id = m.id RETURNING m.line`);
  const done = new Set(set.map((s) => s.line));
  for (const r of managed) {
    if (!done.has(r.line)) warn(r, 'manager', r.row.manager, `Manager "${r.row.manager}" matches no user: imported without a manager`);
  }
}
