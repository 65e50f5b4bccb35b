/**
 * Sign-in, sessions and sign-in throttling. Tokens are 256-bit random strings handed to the client
 * once; only their SHA-256 is stored. A session expires after an idle period and at an absolute
 * limit (等保 level-3 basics). Sign-in attempts, good and bad, go to the audit log.
 *
 * Throttling, in this order (a request refused by one step never reaches the next):
 * 1. per client address: a token bucket (429 RATE_LIMITED with retryAfter), so one stranger runs
 *    dry long before it can hurt an account;
 * 2. per account name and client: each password check first claims an attempt in one
 *    conditional upsert (`sign_in_backoffs`); the claim that uses the last of `maxFailedLogins`
 *    starts a back-off (1, 2, 4 … minutes, capped) of that client for that account in the same
 *    statement, so 40 guesses at once from one client still get at most `maxFailedLogins`
 *    checks. A stranger guessing from one address backs off that address only: the user signing
 *    in from another is not held (issue 20, F6), and a client in back-off spends nothing below;
 * 3. per account name, known or not: a token bucket, the same 429 for both;
 * 4. per account, across clients (the second line, against a distributed guessing attack: many
 *    addresses, a few guesses each): `accountMaxFailedLogins` failed checks within the failure
 *    window start an account-wide back-off (doubling like the first). Only a client not yet in
 *    back-off of its own counts here, so one address can add at most `maxFailedLogins` and a
 *    single patient stranger can never hold the account as a whole.
 * A successful sign-in ends its client's back-off and the account-wide one, and their doubling.
 * Counting is by name, so an unknown name is counted exactly like a known one: an unknown name,
 * a wrong password and an account or client in back-off get the same answer
 * (INVALID_CREDENTIALS) after the same work (the same statements and one scrypt: a dummy one
 * when no real check is allowed), so answers do not tell which accounts exist or are held back.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { and, eq, gt, sql } from 'drizzle-orm';
import { SifaError, type Actor, type LocalizedText, type Role, type SifaDb } from '@sifa/core';
import { orgs, roleDefinitions, sessions, users } from '../db/schema.js';
import { rowsOf } from '@sifa/core/db';
import { hashPassword, verifyPassword } from './passwords.js';
import { appendAudit } from '../audit/log.js';
import { clientBucketOf, RateLimiter, type BucketLimit } from './rate-limit.js';

export interface AuthPolicy {
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  /** Password checks one client (an address, an IPv6 /64) gets for one account before that client backs off (parallel attempts included). */
  maxFailedLogins: number;
  /**
   * Failed checks of one account, from clients not in back-off of their own, before the whole
   * account backs off (the second line, against guesses spread over many addresses).
   */
  accountMaxFailedLogins: number;
  /** Failures older than this (since the first of a series) are forgotten, per client and account-wide. */
  failureWindowMinutes: number;
  /** The first back-off after `maxFailedLogins` failures; each next one, without a success between, lasts twice as long. */
  backoffMinutes: number;
  /** The longest back-off. */
  maxBackoffMinutes: number;
  /** Sign-in attempts per client address (an IPv6 address counts by its /64). */
  signInsPerClient: BucketLimit;
  /** Sign-in attempts per account name, whether or not the account exists. */
  signInsPerAccount: BucketLimit;
}

export const defaultAuthPolicy: AuthPolicy = {
  sessionIdleMinutes: 30,
  sessionMaxHours: 12,
  maxFailedLogins: 5,
  // Four addresses' worth of first guesses: a user mistyping at home and at the office never gets
  // near it, a guessing attack spread over many addresses does.
  accountMaxFailedLogins: 20,
  failureWindowMinutes: 15,
  backoffMinutes: 1,
  // Capped at the old fixed lock: a patient stranger who spends 5 attempts per back-off is held no
  // longer than before (and holds only its own address), while a user who mistyped waits 1 minute.
  maxBackoffMinutes: 15,
  // An office behind one address signs in a few dozen people in a morning; an attacker at
  // 20–40 attempts a second is stopped after the burst.
  signInsPerClient: { burst: 30, perMinute: 10 },
  signInsPerAccount: { burst: 10, perMinute: 2 },
};

/** Where a sign-in comes from (the address the HTTP entry resolved, trusted proxies included). */
export interface SignInOrigin {
  clientAddress?: string | null;
}

export interface LoginResult {
  token: string;
  expiresAt: string;
  user: { id: string; username: string; displayName: string; role: Role; orgCode: string };
}

const tokenHashOf = (token: string) => createHash('sha256').update(token).digest('hex');

// A real scrypt hash to compare against when no real check happens (an unknown user, an account
// in back-off), so the response time does not tell those apart from a wrong password.
const dummyHash = hashPassword('not-a-real-password-Aa1!');

/** The one answer to every refused sign-in that is not a rate limit. */
const refused = () =>
  new SifaError('INVALID_CREDENTIALS', {
    message: {
      zh: '用户名或密码不正确。连续输错多次后需等待几分钟才能再试。',
      en: 'The user name or password is not correct. After several wrong attempts, wait a few minutes before trying again.',
    },
  });

const tooManySignIns = (retryAfter: number): LocalizedText => ({
  zh: `登录尝试过于频繁，请 ${retryAfter} 秒后再试。`,
  en: `Too many sign-in attempts. Try again in ${retryAfter} seconds.`,
});

/** The `client` of the account-wide row in `sign_in_backoffs` (no client bucket is named so). */
const accountWide = '*';

/** How often (server clock) one process deletes failure rows that hold nothing any more. */
const purgeFailuresEveryMs = 10 * 60_000;

export class AuthService {
  private readonly limiter: RateLimiter;
  private lastFailurePurge = 0;

  constructor(
    private readonly db: SifaDb,
    private readonly policy: AuthPolicy,
    /** A built-in role's default permissions, or (`department` given) what a department role's list still grants. */
    private readonly permissionsOf: (role: Role, department?: readonly string[]) => ReadonlySet<string>,
    private readonly now: () => Date,
    limiter?: RateLimiter,
  ) {
    this.limiter = limiter ?? new RateLimiter(db, now);
  }

  async createUser(input: { username: string; displayName: string; password: string; role: Role; orgCode: string; isDemo?: boolean; phone?: string }): Promise<string> {
    if (input.phone !== undefined && !/^1[3-9]\d{9}$/.test(input.phone)) {
      throw new SifaError('VALIDATION_FAILED', { issues: [{ path: 'phone', message: 'a mainland mobile number of 11 digits starting with 1' }] });
    }
    const id = randomUUID();
    await this.db.insert(users).values({
      id,
      username: input.username,
      displayName: input.displayName,
      passwordHash: await hashPassword(input.password),
      role: input.role,
      orgCode: input.orgCode,
      isDemo: input.isDemo ? 1 : 0,
      phone: input.phone ?? null,
    });
    return id;
  }

  async login(username: string, password: string, from: SignInOrigin = {}): Promise<LoginResult> {
    const now = this.now();
    const client = clientBucketOf(from.clientAddress);
    await this.limiter.takeOrThrow(`sign-in:client:${client}`, this.policy.signInsPerClient, tooManySignIns);
    void this.purgeFailuresNowAndThen(now);
    const [row] = await this.db
      .select({ user: users, orgPath: orgs.path })
      .from(users)
      .innerJoin(orgs, eq(orgs.code, users.orgCode))
      .where(eq(users.username, username));
    // One audit entry per attempt, known name or not (an unknown one is always 'failed').
    const audit = (action: string) =>
      row
        ? appendAudit(this.db, { actorId: row.user.id, actorRole: row.user.role, action, scopePath: row.orgPath })
        : appendAudit(this.db, { actorId: `anonymous:${username.slice(0, 64)}`, actorRole: 'anonymous', action: 'auth.login.failed', scopePath: '/' });
    /** A refusal without a real check: the same work and answer as a wrong password. */
    const refuseUnchecked = async (): Promise<never> => {
      await verifyPassword(password, await dummyHash);
      await audit('auth.login.locked');
      throw refused();
    };

    // Claim one check for this client before making it (refused while the client or the account
    // is in back-off); the claim that uses the client's last check starts its back-off at once.
    const at = now.toISOString();
    const mine = await this.claimCheck(username, client, this.policy.maxFailedLogins, 1, at);
    if (!mine) return refuseUnchecked();
    const startedMine = mine.failures === 0;
    // Only a client that has not backed off yet counts account-wide: one address adds at most
    // maxFailedLogins there, however long it goes on.
    const counts = mine.level - (startedMine ? 1 : 0) === 0;
    await this.limiter.takeOrThrow(`sign-in:account:${username}`, this.policy.signInsPerAccount, tooManySignIns);
    const account = await this.claimCheck(username, accountWide, this.policy.accountMaxFailedLogins, counts ? 1 : 0, at);
    if (!account) return refuseUnchecked();
    const startedAccount = counts && account.failures === 0;

    if (!row) {
      await verifyPassword(password, await dummyHash);
      await audit('auth.login.failed');
      throw refused();
    }
    const { user } = row;
    if (!(await verifyPassword(password, user.passwordHash))) {
      await audit(startedMine || startedAccount ? 'auth.login.lockout' : 'auth.login.failed');
      throw refused();
    }
    // A success ends this client's back-off and the account-wide one; strangers elsewhere stay held.
    await this.db.execute(sql`DELETE FROM sign_in_backoffs WHERE username = ${username} AND client IN (${client}, ${accountWide})`);
    const token = randomBytes(32).toString('base64url');
    const expiresAt = this.expiry(now, now);
    await this.db.insert(sessions).values({ tokenHash: tokenHashOf(token), userId: user.id, createdAt: now, lastSeenAt: now, expiresAt });
    await audit('auth.login');
    return {
      token,
      expiresAt: expiresAt.toISOString(),
      user: { id: user.id, username: user.username, displayName: user.displayName, role: user.role, orgCode: user.orgCode },
    };
  }

  /**
   * Claims a password check in the row (`username`, `client`) of `sign_in_backoffs`, in one
   * statement: none while the row is in back-off (nor, for a client's row, while the account as
   * a whole is); `count` failures are added (0: the check is allowed but not counted), and the
   * claim that reaches `max` within the failure window starts the next back-off (doubling,
   * capped) and sets the count back to 0. Concurrent claims on one row wait for each other, so
   * no more than `max` pass before the back-off. Null when refused; otherwise the row after it.
   */
  private async claimCheck(username: string, client: string, max: number, count: 0 | 1, at: string): Promise<{ failures: number; level: number } | null> {
    const { backoffMinutes, maxBackoffMinutes, failureWindowMinutes } = this.policy;
    const windowStart = new Date(Date.parse(at) - failureWindowMinutes * 60_000).toISOString();
    const first = count >= max;
    const firstLock = first ? new Date(Date.parse(at) + Math.min(backoffMinutes, maxBackoffMinutes) * 60_000).toISOString() : null;
    const accountFree =
      client === accountWide
        ? sql`true`
        : sql`NOT EXISTS (SELECT 1 FROM sign_in_backoffs a WHERE a.username = ${username} AND a.client = ${accountWide} AND a.locked_until > ${at}::timestamptz)`;
    // Failures of an older series (or none since the last back-off) start a new window.
    const fresh = sql`(b.failures = 0 OR b.window_start <= ${windowStart}::timestamptz)`;
    const current = sql`(CASE WHEN ${fresh} THEN 0 ELSE b.failures END)`;
    const reaches = sql`${current} + ${count}::int >= ${max}::int`;
    const backoff = sql`least(${backoffMinutes}::float8 * power(2, least(b.level, 30)), ${maxBackoffMinutes}::float8) * interval '1 minute'`;
    const rows = rowsOf<{ failures: number; level: number }>(
      await this.db.execute(sql`INSERT INTO sign_in_backoffs AS b (username, client, failures, window_start, level, locked_until, updated_at)
        SELECT ${username}, ${client}, ${first ? 0 : count}::int, ${at}::timestamptz, ${first ? 1 : 0}::int, ${firstLock}::timestamptz, ${at}::timestamptz
        WHERE ${accountFree}
        ON CONFLICT (username, client) DO UPDATE SET
          failures = CASE WHEN ${reaches} THEN 0 ELSE ${current} + ${count}::int END,
          window_start = CASE WHEN ${fresh} THEN ${at}::timestamptz ELSE b.window_start END,
          level = CASE WHEN ${reaches} THEN b.level + 1 ELSE b.level END,
          locked_until = CASE WHEN ${reaches} THEN ${at}::timestamptz + ${backoff} ELSE b.locked_until END,
          updated_at = ${at}::timestamptz
        WHERE (b.locked_until IS NULL OR b.locked_until <= ${at}::timestamptz) AND ${accountFree}
        RETURNING failures, level`),
    );
    const claimed = rows[0];
    return claimed ? { failures: Number(claimed.failures), level: Number(claimed.level) } : null;
  }

  /**
   * Deletes failure rows that no longer hold anything: out of back-off and either idle for a day
   * (their doubling forgotten) or never backed off with their failures out of the window.
   */
  async purgeSignInFailures(now: Date = this.now()): Promise<number> {
    const at = now.toISOString();
    const dayAgo = new Date(now.getTime() - 24 * 3_600_000).toISOString();
    const windowStart = new Date(now.getTime() - this.policy.failureWindowMinutes * 60_000).toISOString();
    const rows = rowsOf<{ username: string }>(
      await this.db.execute(sql`DELETE FROM sign_in_backoffs
        WHERE (locked_until IS NULL OR locked_until <= ${at}::timestamptz)
          AND (updated_at <= ${dayAgo}::timestamptz OR (level = 0 AND window_start <= ${windowStart}::timestamptz))
        RETURNING username`),
    );
    return rows.length;
  }

  private async purgeFailuresNowAndThen(now: Date): Promise<void> {
    if (Math.abs(now.getTime() - this.lastFailurePurge) < purgeFailuresEveryMs) return;
    this.lastFailurePurge = now.getTime();
    try {
      await this.purgeSignInFailures(now);
    } catch {
      // Housekeeping only: the next sign-in tries again in a while.
    }
  }

  async logout(token: string): Promise<void> {
    await this.db.delete(sessions).where(eq(sessions.tokenHash, tokenHashOf(token)));
  }

  /**
   * The actor behind a bearer token; TOKEN_EXPIRED or UNAUTHENTICATED when it is not valid.
   * `slide: false` checks without counting as activity (an open stream's re-checks): otherwise a
   * live view left open would keep an idle session alive up to its absolute limit.
   */
  async resolve(token: string, options: { slide?: boolean } = {}): Promise<Actor> {
    const now = this.now();
    const [row] = await this.db
      .select({ session: sessions, user: users, orgPath: orgs.path, department: roleDefinitions })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .innerJoin(orgs, eq(orgs.code, users.orgCode))
      // Read on every request: a role's new permissions (or a new role) apply from the session's next request.
      .leftJoin(roleDefinitions, eq(roleDefinitions.id, users.roleId))
      .where(eq(sessions.tokenHash, tokenHashOf(token)));
    if (!row) throw new SifaError('UNAUTHENTICATED', { message: { zh: '登录凭证无效，请重新登录。', en: 'The sign-in token is not valid. Please sign in again.' } });
    if (row.session.expiresAt <= now) {
      await this.db.delete(sessions).where(eq(sessions.tokenHash, row.session.tokenHash));
      throw new SifaError('TOKEN_EXPIRED');
    }
    // Slide the idle window, at most once a minute per session to keep reads cheap.
    if (options.slide !== false && now.getTime() - row.session.lastSeenAt.getTime() > 60_000) {
      await this.db
        .update(sessions)
        .set({ lastSeenAt: now, expiresAt: this.expiry(row.session.createdAt, now) })
        .where(and(eq(sessions.tokenHash, row.session.tokenHash), gt(sessions.expiresAt, now)));
    }
    const { user } = row;
    // A department role of the user's org or above it (a user moved out of its subtree since falls back to the built-in role).
    const department = row.department && row.orgPath.startsWith(row.department.scopePath) ? row.department : null;
    return {
      userId: user.id,
      username: user.username,
      displayName: user.displayName,
      role: department?.base ?? user.role,
      ...(department
        ? { department: { key: department.key, orgCode: department.orgCode, name: { zh: department.nameZh, en: department.nameEn, ...(department.nameMn ? { mn: department.nameMn } : {}) } } }
        : {}),
      scope: { orgCode: user.orgCode, orgPath: row.orgPath },
      permissions: department ? this.permissionsOf(department.base, department.permissions) : this.permissionsOf(user.role),
      via: 'session',
    };
  }

  async purgeExpired(): Promise<number> {
    const deleted = await this.db.delete(sessions).where(sql`${sessions.expiresAt} <= ${this.now()}`).returning({ t: sessions.tokenHash });
    return deleted.length;
  }

  private expiry(createdAt: Date, now: Date): Date {
    const idle = now.getTime() + this.policy.sessionIdleMinutes * 60_000;
    const absolute = createdAt.getTime() + this.policy.sessionMaxHours * 3_600_000;
    return new Date(Math.min(idle, absolute));
  }
}
