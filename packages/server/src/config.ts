/**
 * Configuration from the environment, validated once. Every setting has a safe default so
 * `sifa start` works on a bare machine (embedded PGlite under .sifa/data).
 */
import { z } from 'zod';
import type { DatabaseConfig } from './db/engine.js';

const int = (fallback: number, min: number, max: number) => z.coerce.number().int().min(min).max(max).default(fallback);

export const envSchema = z.object({
  PORT: int(3000, 0, 65535),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres:// or postgresql://')
    .optional(),
  SIFA_DATA_DIR: z.string().min(1).default('.sifa/data'),
  SIFA_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SIFA_MAX_BODY_BYTES: int(1_048_576, 1024, 64 * 1_048_576),
  SIFA_MAX_BATCH_SIZE: int(20, 1, 500),
  /**
   * The origins browsers load this server's own pages from, comma-separated
   * (`https://sifa.example.gov.cn`): requests from them are same-origin. Unset: the listening address.
   */
  SIFA_PUBLIC_ORIGINS: z
    .string()
    .default('')
    .transform((v) => v.split(',').map((o) => o.trim()).filter(Boolean))
    .refine((list) => list.every((o) => /^https?:\/\/[^/?#@\s*]+\/?$/i.test(o)), 'SIFA_PUBLIC_ORIGINS must list origins (scheme://host[:port], no path, no wildcard), comma-separated'),
  SIFA_SESSION_IDLE_MINUTES: int(30, 1, 24 * 60),
  SIFA_SESSION_MAX_HOURS: int(12, 1, 24 * 7),
  SIFA_MAX_FAILED_LOGINS: int(5, 1, 100),
  /** The first sign-in back-off after SIFA_MAX_FAILED_LOGINS failures; it doubles each time up to SIFA_MAX_BACKOFF_MINUTES. */
  SIFA_BACKOFF_MINUTES: int(1, 1, 24 * 60),
  SIFA_MAX_BACKOFF_MINUTES: int(15, 1, 7 * 24 * 60),
  /** Sign-in attempts per client address: a burst, then so many a minute (raise both for many users behind one NAT address). */
  SIFA_SIGN_IN_BURST_PER_CLIENT: int(30, 1, 100_000),
  SIFA_SIGN_INS_PER_CLIENT_PER_MINUTE: int(10, 1, 100_000),
  /** Requests a minute per API key (publishable or secret), a burst of as many; 0: no limit. */
  SIFA_KEY_REQUESTS_PER_MINUTE: int(3000, 0, 1_000_000),
  /** Behind one reverse proxy: take the client's address from X-Forwarded-For's last hop (per-client limits). */
  SIFA_TRUST_PROXY: z.stringbool().default(false),
  /**
   * Start the server's clock at this instant (ISO 8601 with an offset, e.g. 2027-01-04T09:00:00+08:00);
   * it runs on from there. For demos, training and tests: "this year" of the demo seed, deadlines,
   * reminders and jobs all follow it. Unset: the real time.
   */
  /**
   * The key of the personal data of cases (AES-256-GCM): the base64 of 32 random bytes
   * (`openssl rand -base64 32`). Required with DATABASE_URL when a case type is installed; without
   * it, embedded PGlite keeps a generated key in SIFA_DATA_DIR/field-key.
   */
  SIFA_FIELD_KEY: z
    .string()
    .trim()
    .refine((v) => Buffer.from(v, 'base64').length === 32 && Buffer.from(v, 'base64').toString('base64') === v, 'SIFA_FIELD_KEY must be the base64 of 32 random bytes (e.g. `openssl rand -base64 32`)')
    .optional(),
  SIFA_NOW: z.iso.datetime({ offset: true, message: 'SIFA_NOW must be an ISO 8601 instant with an offset, e.g. 2027-01-04T09:00:00+08:00' }).optional(),
});
export type SifaEnv = z.infer<typeof envSchema>;

export function readEnv(env: NodeJS.ProcessEnv = process.env): SifaEnv {
  const result = envSchema.safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration in the environment:\n${lines.join('\n')}`);
  }
  return result.data;
}

export function databaseConfigOf(env: SifaEnv): DatabaseConfig {
  return env.DATABASE_URL ? { engine: 'postgres', url: env.DATABASE_URL } : { engine: 'pglite', dataDir: env.SIFA_DATA_DIR };
}

/**
 * The server's clock: real time, or, with SIFA_NOW, a clock that starts at that instant when this
 * is called and runs at real speed.
 */
export function clockOf(env: SifaEnv, realNow: () => number = Date.now): () => Date {
  if (!env.SIFA_NOW) return () => new Date(realNow());
  const offset = Date.parse(env.SIFA_NOW) - realNow();
  return () => new Date(realNow() + offset);
}
