// The active playbook for hot read paths (board, lists): the ~60 KB body is fetched and parsed only when its version
// changes; each call still asks the database for the latest version number, so a playbook edit applies at once.
import { desc } from 'drizzle-orm';
import type { Playbook } from '../../../core/playbook';
import type { Database } from '../../db/client';
import { playbooks } from '../../db/schema';
import { currentPlaybook } from '../platform/playbook.service';

const cache = new WeakMap<Database, { version: number; playbook: Playbook }>();

export async function readPlaybook(database: Database): Promise<Playbook> {
  const [row] = await database.db.select({ version: playbooks.version }).from(playbooks).orderBy(desc(playbooks.version)).limit(1);
  const hit = cache.get(database);
  if (hit && row && hit.version === row.version) return hit.playbook;
  const fresh = await currentPlaybook(database.db);
  cache.set(database, { version: fresh.version, playbook: fresh.playbook });
  return fresh.playbook;
}
