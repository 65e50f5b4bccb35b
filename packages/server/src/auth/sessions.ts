/**
 * Sign-in, sessions and lockout. Tokens are 256-bit random strings handed to the client once;
 * only their SHA-256 is stored. A session expires after an idle period and at an absolute
 * limit; repeated wrong passwords lock the account for a while (等保 level-3 basics). Sign-in
 * attempts, good and bad, go to the audit log.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { and, eq, gt, sql } from 'drizzle-orm';
import { SifaError, type Actor, type Role, type SifaDb } from '@sifa/core';
import { orgs, sessions, users } from '../db/schema.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { appendAudit } from '../audit/log.js';

export interface AuthPolicy {
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  maxFailedLogins: number;
  lockMinutes: number;
}

export const defaultAuthPolicy: AuthPolicy = {
  sessionIdleMinutes: 30,
  sessionMaxHours: 12,
  maxFailedLogins: 5,
  lockMinutes: 15,
};

export interface LoginResult {
  token: string;
  expiresAt: string;
  user: { id: string; username: string; displayName: string; role: Role; orgCode: string };
}

const tokenHashOf = (token: string) => createHash('sha256').update(token).digest('hex');

// A real scrypt hash to compare against when the user does not exist, so the response time
// does not reveal which user names exist.
const dummyHash = hashPassword('not-a-real-password-Aa1!');

export class AuthService {
  constructor(
    private readonly db: SifaDb,
    private readonly policy: AuthPolicy,
    private readonly permissionsOf: (role: Role) => ReadonlySet<string>,
    private readonly now: () => Date,
  ) {}

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

  async login(username: string, password: string): Promise<LoginResult> {
    const now = this.now();
    const [row] = await this.db
      .select({ user: users, orgPath: orgs.path })
      .from(users)
      .innerJoin(orgs, eq(orgs.code, users.orgCode))
      .where(eq(users.username, username));
    if (!row) {
      await verifyPassword(password, await dummyHash);
      await appendAudit(this.db, { actorId: `anonymous:${username.slice(0, 64)}`, actorRole: 'anonymous', action: 'auth.login.failed', scopePath: '/' });
      throw new SifaError('INVALID_CREDENTIALS');
    }
    const { user, orgPath } = row;
    const audit = (action: string) => appendAudit(this.db, { actorId: user.id, actorRole: user.role, action, scopePath: orgPath });
    if (user.lockedUntil && user.lockedUntil > now) {
      await audit('auth.login.locked');
      throw new SifaError('ACCOUNT_LOCKED', { details: { lockedUntil: user.lockedUntil.toISOString() } });
    }
    if (!(await verifyPassword(password, user.passwordHash))) {
      // Counted in one statement, so failures arriving at the same time are all counted (a
      // read-then-write count let parallel guesses bypass the lockout).
      const lockedUntil = new Date(now.getTime() + this.policy.lockMinutes * 60_000);
      const reachesLimit = sql`${users.failedAttempts} + 1 >= ${this.policy.maxFailedLogins}`;
      const [updated] = await this.db
        .update(users)
        .set({
          failedAttempts: sql`CASE WHEN ${reachesLimit} THEN 0 ELSE ${users.failedAttempts} + 1 END`,
          lockedUntil: sql`CASE WHEN ${reachesLimit} THEN ${lockedUntil.toISOString()}::timestamptz ELSE ${users.lockedUntil} END`,
        })
        .where(eq(users.id, user.id))
        .returning({ failedAttempts: users.failedAttempts, lockedUntil: users.lockedUntil });
      const lock = updated?.failedAttempts === 0 && updated.lockedUntil?.getTime() === lockedUntil.getTime();
      await audit(lock ? 'auth.login.lockout' : 'auth.login.failed');
      if (lock) throw new SifaError('ACCOUNT_LOCKED', { details: { lockMinutes: this.policy.lockMinutes } });
      // Same answer as for an unknown user name, so answers do not reveal which accounts exist.
      throw new SifaError('INVALID_CREDENTIALS');
    }
    await this.db.update(users).set({ failedAttempts: 0, lockedUntil: null }).where(eq(users.id, user.id));
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

  async logout(token: string): Promise<void> {
    await this.db.delete(sessions).where(eq(sessions.tokenHash, tokenHashOf(token)));
  }

  /** The actor behind a bearer token; TOKEN_EXPIRED or UNAUTHENTICATED when it is not valid. */
  async resolve(token: string): Promise<Actor> {
    const now = this.now();
    const [row] = await this.db
      .select({ session: sessions, user: users, orgPath: orgs.path })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .innerJoin(orgs, eq(orgs.code, users.orgCode))
      .where(eq(sessions.tokenHash, tokenHashOf(token)));
    if (!row) throw new SifaError('UNAUTHENTICATED', { message: { zh: '登录凭证无效，请重新登录。', en: 'The sign-in token is not valid. Please sign in again.' } });
    if (row.session.expiresAt <= now) {
      await this.db.delete(sessions).where(eq(sessions.tokenHash, row.session.tokenHash));
      throw new SifaError('TOKEN_EXPIRED');
    }
    // Slide the idle window, at most once a minute per session to keep reads cheap.
    if (now.getTime() - row.session.lastSeenAt.getTime() > 60_000) {
      await this.db
        .update(sessions)
        .set({ lastSeenAt: now, expiresAt: this.expiry(row.session.createdAt, now) })
        .where(and(eq(sessions.tokenHash, row.session.tokenHash), gt(sessions.expiresAt, now)));
    }
    const { user } = row;
    return {
      userId: user.id,
      username: user.username,
      displayName: user.displayName,
      role: user.role,
      scope: { orgCode: user.orgCode, orgPath: row.orgPath },
      permissions: this.permissionsOf(user.role),
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
