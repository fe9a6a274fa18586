// The only reader of process.env. Parsed once with zod; a bad value fails boot with a readable list.
import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { z } from 'zod';

const bool = z.enum(['0', '1', 'true', 'false']).transform((v) => v === '1' || v === 'true');

// `10.0.0.1`, `10.0.0.0/8`, `fd00::/8`: the peers whose X-Forwarded-For is believed.
const ipOrCidr = z.string().refine((v) => {
  const [ip, bits, ...rest] = v.split('/');
  const family = isIP(ip);
  return family !== 0 && !rest.length && (bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128)));
}, 'must be an IP address or CIDR range');
const ipList = z.string().transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean)).pipe(z.array(ipOrCidr));

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL').optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  VALUEGRAPH_DATA_DIR: z.string().default('.valuegraph/data'),
  VALUEGRAPH_DEMO: bool.optional(),
  VALUEGRAPH_WORKERS: bool.default(true),
  VALUEGRAPH_PUBLIC_URL: z.string().url().optional(),
  VALUEGRAPH_SECURE_COOKIES: bool.default(false),
  VALUEGRAPH_SESSION_HOURS: z.coerce.number().positive().default(12),
  VALUEGRAPH_BODY_LIMIT_BYTES: z.coerce.number().int().positive().default(1024 * 1024),
  VALUEGRAPH_AUDIT_RETENTION_DAYS: z.coerce.number().int().min(180).default(365),
  VALUEGRAPH_RESTORE_WINDOW_DAYS: z.coerce.number().int().min(1).default(90),
  VALUEGRAPH_WEBHOOK_ALLOW_PRIVATE: bool.default(false),
  VALUEGRAPH_TRUSTED_PROXIES: ipList.default([]),
  VALUEGRAPH_LOGIN_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).max(1000).default(5),
  VALUEGRAPH_LOGIN_FAILURES_PER_IP: z.coerce.number().int().min(1).max(100_000).default(100),
  VALUEGRAPH_LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).max(720).default(15),
  VALUEGRAPH_CHECK_RESPONSES: bool.optional(),
  VALUEGRAPH_RATE_LIMITS: bool.default(true),
  VALUEGRAPH_RATE_LIMIT_BURST: z.coerce.number().int().min(1).optional(),
  VALUEGRAPH_RATE_LIMIT_BURST_SECONDS: z.coerce.number().int().min(1).max(3600).default(10),
  VALUEGRAPH_RATE_LIMIT_DAILY: z.coerce.number().int().min(1).optional(),
  VALUEGRAPH_RATE_LIMIT_ANONYMOUS_BURST: z.coerce.number().int().min(1).optional(),
  VALUEGRAPH_RATE_LIMIT_ANONYMOUS_DAILY: z.coerce.number().int().min(1).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NODE_ENV: z.string().default('development'),
});

export type Config = {
  port: number;
  host: string;
  databaseUrl?: string;
  poolSize: number;
  dataDir: string;
  /** Load the demo dataset into an empty embedded database. */
  demo: boolean;
  /** Run job workers and timers inside this process. */
  workers: boolean;
  publicUrl?: string;
  secureCookies: boolean;
  sessionHours: number;
  bodyLimitBytes: number;
  auditRetentionDays: number;
  restoreWindowDays: number;
  /** Webhooks may reach loopback, private, link-local and other non-public addresses (off: they are refused). */
  webhookAllowPrivate: boolean;
  /** Reverse proxies (IPs, CIDRs) whose X-Forwarded-For names the client; none by default. */
  trustedProxies: string[];
  /** Failed sign-ins allowed per account and per client IP within `minutes`; then that key waits `minutes`. */
  loginThrottle: { perAccount: number; perIp: number; minutes: number };
  /**
   * Requests per caller (API token, signed-in user, or client IP when anonymous): `burst` per `burstSeconds` and
   * `daily` per UTC day, counted across all server processes (http/rate-limit.ts). Off: no counting, no headers.
   */
  rateLimits: { enabled: boolean; burst: number; burstSeconds: number; daily: number; anonymousBurst: number; anonymousDaily: number };
  logLevel: string;
  /** Check every response against its documented schema; a mismatch becomes a 500 naming the field (on in tests). */
  checkResponses: boolean;
};

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  // An empty variable means "not set" (as in `DATABASE_URL= npm start`).
  const parsed = envSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    poolSize: e.DATABASE_POOL_SIZE,
    dataDir: resolve(e.VALUEGRAPH_DATA_DIR),
    // Demo data is on by default only for the embedded database: a PostgreSQL deployment opts in.
    demo: e.VALUEGRAPH_DEMO ?? !e.DATABASE_URL,
    workers: e.VALUEGRAPH_WORKERS,
    publicUrl: e.VALUEGRAPH_PUBLIC_URL,
    secureCookies: e.VALUEGRAPH_SECURE_COOKIES,
    sessionHours: e.VALUEGRAPH_SESSION_HOURS,
    bodyLimitBytes: e.VALUEGRAPH_BODY_LIMIT_BYTES,
    auditRetentionDays: e.VALUEGRAPH_AUDIT_RETENTION_DAYS,
    restoreWindowDays: e.VALUEGRAPH_RESTORE_WINDOW_DAYS,
    webhookAllowPrivate: e.VALUEGRAPH_WEBHOOK_ALLOW_PRIVATE,
    trustedProxies: e.VALUEGRAPH_TRUSTED_PROXIES,
    loginThrottle: {
      perAccount: e.VALUEGRAPH_LOGIN_FAILURES_PER_ACCOUNT, perIp: e.VALUEGRAPH_LOGIN_FAILURES_PER_IP, minutes: e.VALUEGRAPH_LOGIN_LOCK_MINUTES,
    },
    // Defaults in the range of HubSpot's published private-app limits (100–190 per 10 s, 250,000+ per day). Tests
    // drive one user far faster than a person or integration would, so there the defaults are high (counting and
    // headers stay on); a test of the limits sets its own.
    rateLimits: {
      enabled: e.VALUEGRAPH_RATE_LIMITS,
      burst: e.VALUEGRAPH_RATE_LIMIT_BURST ?? (e.NODE_ENV === 'test' ? 1_000_000 : 150),
      burstSeconds: e.VALUEGRAPH_RATE_LIMIT_BURST_SECONDS,
      daily: e.VALUEGRAPH_RATE_LIMIT_DAILY ?? (e.NODE_ENV === 'test' ? 100_000_000 : 250_000),
      anonymousBurst: e.VALUEGRAPH_RATE_LIMIT_ANONYMOUS_BURST ?? (e.NODE_ENV === 'test' ? 1_000_000 : 50),
      anonymousDaily: e.VALUEGRAPH_RATE_LIMIT_ANONYMOUS_DAILY ?? (e.NODE_ENV === 'test' ? 100_000_000 : 10_000),
    },
    checkResponses: e.VALUEGRAPH_CHECK_RESPONSES ?? e.NODE_ENV === 'test',
    logLevel: e.NODE_ENV === 'test' && !env.LOG_LEVEL ? 'silent' : e.LOG_LEVEL,
    ...overrides,
  };
}
