// Durable jobs on the application's own database through pg-boss. Job kinds are id + zod payload + handler;
// handlers must be idempotent (delivery is at-least-once). Sending inside a transaction enqueues through it — the one
// passed, or else the caller's ambient one (a request-wide transaction), so the job commits or rolls back with it.
import { randomUUID } from 'node:crypto';
import PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import type { z } from 'zod';
import { txRunner, type Database, type Executor, type Tx } from '../db/client';
import type { Deps } from '../http/env';

export interface JobKind<S extends z.ZodType = z.ZodType> {
  name: string;
  payload: S;
  handle(deps: Deps, data: z.infer<S>, meta: { id: string; retryCount: number }): Promise<void>;
  queue?: Partial<Pick<PgBoss.Queue, 'retryLimit' | 'retryDelay' | 'retryBackoff' | 'expireInSeconds'>>;
  /** How often an idle worker polls; timers use a short interval for punctuality. */
  pollingIntervalSeconds?: number;
  batchSize?: number;
  /** Cron schedule (UTC) for maintenance kinds. */
  cron?: string;
}

export const defineJob = <S extends z.ZodType>(kind: JobKind<S>): JobKind<S> => kind;

export interface SendOptions { startAfter?: Date; singletonKey?: string; retryLimit?: number }

export class Jobs {
  private readonly kinds = new Map<string, JobKind>();
  private working = false;

  constructor(readonly boss: PgBoss, private readonly log: Logger, private readonly database: Database) {}

  static create(database: Database, log: Logger, databaseUrl?: string): Jobs {
    const common = { schema: 'pgboss', application_name: 'valuegraph' } as const;
    const boss = databaseUrl
      ? new PgBoss({ ...common, connectionString: databaseUrl, max: 4 })
      : new PgBoss({ ...common, db: database.runner as PgBoss.Db });
    boss.on('error', (e) => log.error({ err: e }, 'job queue error'));
    return new Jobs(boss, log, database);
  }

  async start(kinds: JobKind[]): Promise<void> {
    await this.boss.start();
    for (const kind of kinds) {
      this.kinds.set(kind.name, kind);
      await this.boss.createQueue(kind.name, {
        name: kind.name, retryLimit: 5, retryDelay: 5, retryBackoff: true, expireInSeconds: 15 * 60, ...kind.queue,
      });
    }
  }

  /** Enqueue a job. Pass the open transaction to make the job commit or roll back with the change. */
  async send<S extends z.ZodType>(exec: Executor | null, kind: JobKind<S> | string, data: z.infer<S>, opts: SendOptions = {}): Promise<string> {
    const name = typeof kind === 'string' ? kind : kind.name;
    const k = this.kinds.get(name);
    if (!k) throw new Error(`Unknown job kind ${name}`);
    const payload = k.payload.parse(data);
    const id = await this.boss.send(name, payload as object, { ...opts, db: this.runner(exec) });
    if (!id) throw new Error(`Job ${name} was not enqueued`);
    return id;
  }

  /** Enqueue many jobs of one kind in one statement (ids are made here so callers can link rows to them). */
  async sendMany<S extends z.ZodType>(exec: Executor | null, kind: JobKind<S>, items: { data: z.infer<S>; startAfter?: Date }[]): Promise<string[]> {
    if (items.length === 0) return [];
    const k = this.kinds.get(kind.name);
    if (!k) throw new Error(`Unknown job kind ${kind.name}`);
    const jobs = items.map((it) => ({ id: randomUUID(), name: kind.name, data: k.payload.parse(it.data) as object, startAfter: it.startAfter }));
    await this.boss.insert(jobs, { db: this.runner(exec) });
    return jobs.map((j) => j.id);
  }

  /** The transaction passed, else the database's ambient runner (the caller's transaction, if any). */
  private runner(exec: Executor | null): PgBoss.Db {
    return (exec && 'rollback' in exec ? txRunner(exec as Tx) : this.database.runner) as PgBoss.Db;
  }

  /** Start polling for every registered kind (server in embedded mode, or `valuegraph worker`). */
  async work(deps: Deps): Promise<void> {
    if (this.working) return;
    this.working = true;
    for (const kind of this.kinds.values()) {
      await this.boss.work(kind.name, {
        pollingIntervalSeconds: kind.pollingIntervalSeconds ?? 1, batchSize: kind.batchSize ?? 20, includeMetadata: true,
      }, async (jobs) => {
        // Each job of a batch settles on its own: one failure retries only that job.
        await Promise.all(jobs.map(async (job) => {
          try {
            const data = kind.payload.parse(job.data);
            await kind.handle(deps, data, { id: job.id, retryCount: job.retryCount });
          } catch (err) {
            this.log.warn({ err, job: kind.name, id: job.id }, 'job failed; it will be retried');
            await this.boss.fail(kind.name, job.id, { message: String((err as Error)?.message ?? err) });
          }
        }));
      });
      if (kind.cron) await this.boss.schedule(kind.name, kind.cron, {});
    }
  }

  async stop(): Promise<void> {
    await this.boss.stop({ graceful: true, wait: true, timeout: 10_000 }).catch(() => {});
  }
}
