// What a request carries through the stack: dependencies, the request id, and the authenticated actor.
import type { Logger } from 'pino';
import type { Role } from '../../core/access/roles';
import type { Config } from '../config';
import type { Database } from '../db/client';
import type { Jobs } from '../jobs/jobs';

export interface Deps {
  config: Config;
  database: Database;
  log: Logger;
  jobs: Jobs;
}

export interface Actor {
  id: string;
  email: string;
  name: string;
  role: Role;
  partnerId: string | null;
  accountId: string | null;
  via: 'session' | 'token' | 'system';
  /** Token scopes; null for sessions (a session has its role's full permissions). */
  scopes: string[] | null;
  sessionId?: string;
  csrfToken?: string;
}

/** What every service use case receives. */
export interface Ctx {
  deps: Deps;
  actor: Actor;
  requestId: string;
}

export type AppEnv = {
  Variables: {
    deps: Deps;
    requestId: string;
    log: Logger;
    actor?: Actor;
  };
};

export const SYSTEM_ACTOR: Actor = {
  id: '00000000-0000-0000-0000-000000000000', email: 'system@valuegraph.local', name: 'Valuegraph', role: 'admin',
  partnerId: null, accountId: null, via: 'system', scopes: null,
};

export function systemCtx(deps: Deps, requestId = 'system'): Ctx {
  return { deps, actor: SYSTEM_ACTOR, requestId };
}
