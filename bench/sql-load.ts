// The raw-SQL side of a throughput comparison: N clients, each on its own connection, replay the statements one
// request of an endpoint sends (as captured by bench/lists.ts: same text, parameters, statement name and row mode)
// for D seconds, and print {"perSecond": …, "errors": …}. It runs in its own process, as the HTTP load generator does,
// so neither side shares an event loop with what it measures.
//   tsx bench/sql-load.ts <capture.json> <databaseUrl> <clients> <seconds> [named]
// `named`: the server's pool prepares repeated statements (db/statements.ts), so the replay does too.
import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { NamingClient } from '../src/server/db/statements';
import { replayConfig, type Wave } from './capture';

pg.types.setTypeParser(20, (v) => Number(v)); // as the server does (db/client.ts)

const [file, url, clientsArg, secondsArg, named] = process.argv.slice(2);
const waves = JSON.parse(await readFile(file, 'utf8')) as Wave[];
const clients = Number(clientsArg);
const ms = Number(secondsArg) * 1000;

// One connection per client, as pgbench -c N has; a wave of several statements takes several of them, as the
// endpoint's own pool does.
const pool = new pg.Pool({ connectionString: url, max: clients, ...(named === 'named' ? { Client: NamingClient } : {}) });
await Promise.all(Array.from({ length: clients }, () => pool.connect())).then((cs) => cs.forEach((c) => c.release()));

/** One simulated request after another: its waves in order, the statements of a wave at once. */
async function worker(end: number): Promise<{ done: number; errors: number }> {
  let done = 0;
  let errors = 0;
  while (performance.now() < end) {
    try {
      for (const wave of waves) await Promise.all(wave.map((q) => pool.query(replayConfig(q, pg.types))));
      done++;
    } catch {
      errors++;
    }
  }
  return { done, errors };
}

const t0 = performance.now();
const results = await Promise.all(Array.from({ length: clients }, () => worker(t0 + ms)));
const elapsed = (performance.now() - t0) / 1000;
const done = results.reduce((s, r) => s + r.done, 0);
await pool.end();
console.log(JSON.stringify({ perSecond: done / elapsed, errors: results.reduce((s, r) => s + r.errors, 0) }));
process.exit(0);
