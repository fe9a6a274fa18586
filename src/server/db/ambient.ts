// Ambient transactions. While a transaction is open, every database access made inside it — the drizzle handle
// `database.db`, the raw `query`, pg-boss's `runner`, a nested `transaction()` — goes through that transaction, found
// through AsyncLocalStorage instead of being passed down. Two reasons:
// - PGlite rule 2: inside a transaction the outer handle deadlocks on PGlite's single connection. With the
//   transaction ambient, code that reaches for `deps.database` inside one cannot take the outer handle by mistake.
// - A request-wide transaction (idempotent POSTs, see http/middleware.ts) spans services that open their own:
//   their `transaction()` becomes a savepoint of it, so the change and the stored response commit together.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { PgTransactionConfig } from 'drizzle-orm/pg-core';
import type { Tx } from './client';

/** What drizzle and pg-boss use of a driver: a pg Pool or PoolClient, a PGlite or one of its transactions. */
export interface DriverClient {
  query(...args: any[]): Promise<any>;
  exec?(text: string): Promise<any>;
}

interface Frame {
  owner: object;
  parent: Frame | undefined;
  /** Cleared when the transaction ends: work it left running (an unawaited promise) falls back to the outer handle. */
  open: boolean;
  tx(): Promise<Tx>;
  /**
   * Nested transactions of one frame run one at a time: savepoints are named by depth, and two at the same depth on
   * one connection would interleave (PGlite serialises parallel transactions the same way).
   */
  serial<T>(fn: () => Promise<T>): Promise<T>;
}

const frames = new AsyncLocalStorage<Frame>();
const ROLLBACK = Symbol('rollback');

function serialQueue(): Frame['serial'] {
  let tail: Promise<unknown> = Promise.resolve();
  return (fn) => {
    const run = tail.then(fn);
    tail = run.catch(() => {});
    return run;
  };
}

/** The driver client of a drizzle transaction (savepoints share their outer transaction's client). */
export function clientOf(tx: Tx): DriverClient {
  return (tx as unknown as { session: { client: DriverClient } }).session.client;
}

/**
 * A transaction that begins at the first database access inside `run` (or at `tx()`), so work before it — a CSV
 * streaming to disk, a password hash — holds no connection (PGlite has only one). `begin` runs first in it.
 */
export interface DeferredTransaction {
  run<T>(fn: () => Promise<T>): Promise<T>;
  /** The transaction, begun now if nothing inside `run` has touched the database yet. Rejects if `begin` threw. */
  tx(): Promise<Tx>;
  /** Commits (rejects when COMMIT fails) or rolls back. Call exactly once, after `run`. */
  end(commit: boolean): Promise<void>;
}

export class Ambient {
  /**
   * @param owner the pool or PGlite queries go to outside a transaction
   * @param begin opens a transaction on the outer handle (drizzle's `transaction`)
   */
  constructor(
    private readonly owner: DriverClient,
    private readonly begin: <T>(fn: (tx: Tx) => Promise<T>, config?: PgTransactionConfig) => Promise<T>,
  ) {}

  /** The innermost open transaction of this database around the caller. */
  private frame(): Frame | undefined {
    for (let f = frames.getStore(); f; f = f.parent) if (f.open && f.owner === this.owner) return f;
    return undefined;
  }

  /** The client of the caller's transaction, or undefined outside one. */
  async txClient(): Promise<DriverClient | undefined> {
    const f = this.frame();
    return f ? clientOf(await f.tx()) : undefined;
  }

  /** For drizzle: sends each query to the caller's transaction, or to the pool / PGlite outside one. */
  readonly client: DriverClient = {
    query: async (...args: unknown[]) => ((await this.txClient()) ?? this.owner).query(...args),
  };

  /** A transaction; inside another one of this database, a savepoint of it. */
  transaction = async <T>(fn: (tx: Tx) => Promise<T>, config?: PgTransactionConfig): Promise<T> => {
    const outer = this.frame();
    if (!outer) return this.begin((tx) => this.within(tx, frames.getStore(), fn), config);
    const tx = await outer.tx();
    return outer.serial(() => tx.transaction((sp) => this.within(sp as Tx, outer, fn)));
  };

  private async within<T>(tx: Tx, parent: Frame | undefined, fn: (tx: Tx) => Promise<T>): Promise<T> {
    const frame: Frame = { owner: this.owner, parent, open: true, tx: () => Promise.resolve(tx), serial: serialQueue() };
    try {
      return await frames.run(frame, () => fn(tx));
    } finally {
      frame.open = false;
    }
  }

  deferred(begin: (tx: Tx) => Promise<void>): DeferredTransaction {
    if (this.frame()) throw new Error('A deferred transaction cannot start inside another transaction.');
    let started: Promise<Tx> | undefined;
    let settle: ((commit: boolean) => void) | undefined;
    let done: Promise<void> = Promise.resolve();
    const start = () => new Promise<Tx>((resolve, reject) => {
      let begun = false;
      // Outside the frame: `begin` must not see the transaction it is beginning as ambient.
      done = frames.exit(() => this.begin(async (tx) => {
        await begin(tx);
        begun = true;
        const commit = await new Promise<boolean>((r) => { settle = r; resolve(tx); });
        if (!commit) throw ROLLBACK;
      })).then(() => {}, (e: unknown) => {
        if (!begun) reject(e);
        else if (e !== ROLLBACK) throw e;
      });
    });
    const frame: Frame = { owner: this.owner, parent: undefined, open: true, tx: () => (started ??= start()), serial: serialQueue() };
    return {
      run: (fn) => frames.run(frame, fn),
      tx: frame.tx,
      end: async (commit) => {
        frame.open = false;
        if (!started || !(await started.then(() => true, () => false))) return;
        settle!(commit);
        if (commit) await done;
        else await done.catch(() => {}); // a failed ROLLBACK leaves nothing behind: the connection is gone
      },
    };
  }
}
