// The repository side of audiences (core/access/audience.ts): every read of rows that carry an audience adds this
// condition, built from `audiencesFor(actor)`, so a partner or customer query never returns an unpublished row.
import { sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { AUDIENCES, type Audience } from '../../core/access/audience';

/** `column IN (…)` for outsiders; undefined (no condition) for staff, who see every audience. */
export function audienceIn(column: AnyColumn | SQL, audiences: readonly Audience[]): SQL | undefined {
  if (AUDIENCES.every((a) => audiences.includes(a))) return undefined;
  return sql`${column} IN (${sql.join(audiences.map((a) => sql`${a}`), sql`, `)})`;
}

/** The same as an `AND …` fragment for hand-written SQL (empty for staff). */
export function andAudienceIn(column: AnyColumn | SQL, audiences: readonly Audience[]): SQL {
  const cond = audienceIn(column, audiences);
  return cond ? sql` AND ${cond}` : sql``;
}
