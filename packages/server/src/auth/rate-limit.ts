/**
 * Token buckets in the database, so every server instance draws from the same bucket: sign-in
 * attempts per client address and per account name, requests per API key. One statement takes a
 * token: it refills the bucket by the time elapsed since its last use (on the server's clock,
 * never the database's `now()`, so tests can pin time), takes one token if there is one, and
 * says whether it did and when the next one comes. Rows are owner-only (`rate_buckets`, no grant
 * to the scoped role); a bucket untouched long enough to be full again is deleted now and then,
 * which is the same as a full one.
 */
import { createHash } from 'node:crypto';
import { isIPv4, isIPv6 } from 'node:net';
import { sql } from 'drizzle-orm';
import { SifaError, type LocalizedText, type SifaDb } from '@sifa/core';
import { rowsOf } from '@sifa/core/db';

/** A bucket of `burst` tokens that refills at `perMinute` tokens a minute. */
export interface BucketLimit {
  burst: number;
  perMinute: number;
}

export interface TakeResult {
  granted: boolean;
  /** Whole seconds until a token is there again (0 when granted). */
  retryAfter: number;
}

/** How often (server clock) one process deletes buckets that are full again. */
const purgeEveryMs = 10 * 60_000;

export class RateLimiter {
  private lastPurge = 0;
  /** The longest time any bucket seen here takes to refill completely. */
  private refillHorizonMs = 0;

  constructor(
    private readonly db: SifaDb,
    private readonly now: () => Date,
  ) {}

  /**
   * Takes one token from the bucket `key`. A refused take leaves the bucket as it was (waiting
   * callers are not pushed further back), so it is stored with the sign of "refused": a
   * negative value t means "t + 1 tokens, the last take refused", which is how one statement
   * tells a grant from a refusal without reading the row first.
   */
  async take(key: string, limit: BucketLimit): Promise<TakeResult> {
    const now = this.now();
    const burst = Math.max(1, limit.burst);
    const perSecond = Math.max(limit.perMinute, 1e-6) / 60;
    this.refillHorizonMs = Math.max(this.refillHorizonMs, (burst / perSecond) * 1000);
    const at = now.toISOString();
    // The tokens the bucket holds now: what it held (undoing the refusal mark) plus the refill.
    const refilled = sql`least(${burst}::float8, (CASE WHEN b.tokens < 0 THEN b.tokens + 1 ELSE b.tokens END)
      + greatest(0, extract(epoch from (${at}::timestamptz - b.updated_at))::float8) * ${perSecond}::float8)`;
    const rows = rowsOf<{ tokens: number }>(
      await this.db.execute(sql`INSERT INTO rate_buckets AS b (key, tokens, updated_at)
        VALUES (${key}, ${burst - 1}::float8, ${at}::timestamptz)
        ON CONFLICT (key) DO UPDATE SET
          tokens = ${refilled} - 1,
          updated_at = greatest(b.updated_at, ${at}::timestamptz)
        RETURNING tokens`),
    );
    const tokens = Number(rows[0]?.tokens ?? 0);
    void this.purgeNowAndThen(now);
    if (tokens >= 0) return { granted: true, retryAfter: 0 };
    // Refused: the bucket holds tokens + 1 (< 1); a whole token is (−tokens) / rate away.
    return { granted: false, retryAfter: Math.max(1, Math.ceil(-tokens / perSecond)) };
  }

  /** Takes a token or throws RATE_LIMITED with `retryAfter` (also sent as the Retry-After header). */
  async takeOrThrow(key: string, limit: BucketLimit, message: (retryAfter: number) => LocalizedText): Promise<void> {
    const { granted, retryAfter } = await this.take(key, limit);
    if (!granted) throw new SifaError('RATE_LIMITED', { message: message(retryAfter), details: { retryAfter } });
  }

  /** Deletes buckets that have had time to fill up again (a missing bucket is a full one). */
  async purge(now: Date = this.now()): Promise<number> {
    const before = new Date(now.getTime() - Math.max(this.refillHorizonMs, 60_000)).toISOString();
    const rows = rowsOf<{ key: string }>(await this.db.execute(sql`DELETE FROM rate_buckets WHERE updated_at < ${before}::timestamptz RETURNING key`));
    return rows.length;
  }

  private async purgeNowAndThen(now: Date): Promise<void> {
    if (Math.abs(now.getTime() - this.lastPurge) < purgeEveryMs) return;
    this.lastPurge = now.getTime();
    try {
      await this.purge(now);
    } catch {
      // Housekeeping only: the next take tries again in a while.
    }
  }
}

/**
 * The bucket name of a client address: an IPv4 address as is (IPv4-mapped IPv6 too), an IPv6
 * address by its /64 (one subscriber usually holds a whole /64, so counting single addresses
 * would give one client millions of buckets).
 */
export function clientBucketOf(address: string | null | undefined): string {
  if (!address) return 'unknown';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped && isIPv4(mapped)) return mapped;
  if (isIPv4(address)) return address;
  const bare = address.split('%', 1)[0]!;
  if (!isIPv6(bare)) return `other:${createHash('sha256').update(address).digest('hex').slice(0, 32)}`;
  const [head = '', tail = ''] = bare.split('::');
  const headParts = head ? head.split(':') : [];
  const tailParts = bare.includes('::') ? (tail ? tail.split(':') : []) : [];
  const groups = bare.includes('::') ? [...headParts, ...Array<string>(8 - headParts.length - tailParts.length).fill('0'), ...tailParts] : headParts;
  return `${groups
    .slice(0, 4)
    .map((g) => parseInt(g, 16).toString(16))
    .join(':')}::/64`;
}
