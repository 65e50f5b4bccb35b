/**
 * Embed tokens: short-lived JWTs (HS256) a host site's backend mints with its secret key for one
 * of its users, one role and one org inside the key's subtree (like embedded-analytics guest
 * tokens). The private widget sends it as a bearer token and asks the host page for a new one
 * before it expires; the server never refreshes it.
 *
 * The signing key is 32 random bytes generated once per database (`sifa_settings`), so tokens
 * survive restarts and every server process on one database accepts them. A token also dies with
 * its secret key: each use checks that the key (its `kid`) is still active.
 */
import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { SignJWT, errors as joseErrors, jwtVerify, type JWTPayload } from 'jose';
import { roles, SifaError, isWithinScope, type Actor, type ApiKeyIdentity, type Locale, type OrgLevel, type Role, type SifaDb } from '@sifa/core';
import { orgs, roleDefinitions, sifaSettings } from '../db/schema.js';
import { appendAudit, digestOf } from '../audit/log.js';
import type { ApiKeyService } from './keys.js';
import { LookupCache } from './cache.js';

export const embedIssuer = 'sifa';
export const embedAudience = 'sifa-embed';
export const minEmbedTtlSeconds = 60;
export const maxEmbedTtlSeconds = 3600;
export const defaultEmbedTtlSeconds = 600;
const signingKeySetting = 'embed.signing-key';

/** The org level each role works at: an embed token's role must fit its org. */
export const roleLevel: Record<Role, OrgLevel> = { city_admin: 'city', county_admin: 'county', office_staff: 'office' };

const levelZh: Record<OrgLevel, string> = { region: '省', city: '市', county: '县', office: '乡镇', village: '村' };

export interface MintInput {
  user: { id: string; displayName: string };
  role: Role;
  orgCode: string;
  /** A department role (defined at the org or above it, with `role` as its base) whose permissions the token carries instead of the role's defaults. */
  department?: { key: string; orgCode: string } | undefined;
  ttlSeconds?: number;
}

type RoleRow = typeof roleDefinitions.$inferSelect;

export interface MintedToken {
  token: string;
  expiresAt: string;
}

/** Result of checking a presented embed token; `key` is set whenever the token is authentic and its key active. */
export type EmbedVerification =
  | { actor: Actor; key: ApiKeyIdentity; error?: undefined }
  | { actor: null; key: ApiKeyIdentity | null; error: SifaError };

interface EmbedClaims extends JWTPayload {
  name?: unknown;
  role?: unknown;
  org?: unknown;
  kid?: unknown;
  /** The department role's id (`roles.id`), when minted with one. */
  dep?: unknown;
}

/** A bearer token shaped like a JWT (three dot-separated parts); session tokens have no dot. */
export const looksLikeJwt = (token: string) => token.indexOf('.') > 0;

const invalidToken = () =>
  new SifaError('UNAUTHENTICATED', {
    message: { zh: '嵌入令牌无效，请刷新页面。', en: 'The embed token is not valid. Reload the page to get a new one.' },
    details: { reason: 'embed-token' },
  });

const expiredToken = () =>
  new SifaError('TOKEN_EXPIRED', {
    message: { zh: '嵌入令牌已过期，请重新获取。', en: 'The embed token has expired. Get a new one from the host site.' },
    details: { reason: 'embed-token' },
  });

export class EmbedTokenService {
  private signingKey: Promise<Uint8Array> | null = null;
  private readonly orgCache: LookupCache<{ path: string; level: OrgLevel } | null>;
  private readonly roleCache: LookupCache<RoleRow | null>;

  constructor(
    private readonly db: SifaDb,
    private readonly keys: ApiKeyService,
    private readonly permissionsOf: (role: Role, department?: readonly string[]) => ReadonlySet<string>,
    private readonly now: () => Date,
    cacheMs = 10_000,
  ) {
    this.orgCache = new LookupCache(cacheMs);
    // A role's change reaches the tokens carrying it within cacheMs; a removed role ends them.
    this.roleCache = new LookupCache(cacheMs);
  }

  /** Mints a token for `apiKey` (a verified secret key); audited. */
  async mint(apiKey: ApiKeyIdentity, input: MintInput, locale: Locale = 'en'): Promise<MintedToken> {
    const org = await this.org(input.orgCode);
    if (!org) throw new SifaError('NOT_FOUND', { message: { zh: `没有代码为 ${input.orgCode} 的单位。`, en: `There is no organisation with code ${input.orgCode}.` }, details: { orgCode: input.orgCode } });
    if (!isWithinScope(org.path, apiKey.orgPath)) {
      throw new SifaError('OUT_OF_SCOPE', {
        message: { zh: `单位 ${input.orgCode} 不在此密钥的服务范围内。`, en: `Organisation ${input.orgCode} is outside the subtree this key serves.` },
        details: { orgCode: input.orgCode },
      });
    }
    if (roleLevel[input.role] !== org.level) {
      throw new SifaError('VALIDATION_FAILED', {
        issues: [
          {
            path: 'role',
            message:
              locale === 'en'
                ? `The role ${input.role} works at ${roleLevel[input.role]} level, but ${input.orgCode} is at ${org.level} level.`
                : `角色 ${input.role} 对应${levelZh[roleLevel[input.role]]}级单位，而 ${input.orgCode} 是${levelZh[org.level]}级单位。`,
          },
        ],
        details: { role: input.role, orgLevel: org.level },
      });
    }
    const department = input.department ? await this.departmentFor(apiKey, input, org.path, locale) : null;
    const ttl = input.ttlSeconds ?? defaultEmbedTtlSeconds;
    if (!Number.isInteger(ttl) || ttl < minEmbedTtlSeconds || ttl > maxEmbedTtlSeconds) {
      throw new SifaError('VALIDATION_FAILED', {
        issues: [{ path: 'ttlSeconds', message: locale === 'en' ? `Between ${minEmbedTtlSeconds} and ${maxEmbedTtlSeconds} seconds.` : `应在 ${minEmbedTtlSeconds} 至 ${maxEmbedTtlSeconds} 秒之间。` }],
      });
    }
    const iat = Math.floor(this.now().getTime() / 1000);
    const exp = iat + ttl;
    const token = await new SignJWT({ name: input.user.displayName, role: input.role, org: input.orgCode, kid: apiKey.id, ...(department ? { dep: department.id } : {}) })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuer(embedIssuer)
      .setAudience(embedAudience)
      .setSubject(input.user.id)
      .setIssuedAt(iat)
      .setExpirationTime(exp)
      .sign(await this.key());
    const expiresAt = new Date(exp * 1000).toISOString();
    await appendAudit(this.db, {
      actorId: `apikey:${apiKey.id}`,
      actorRole: 'api_key',
      action: 'platform.embed.mint',
      scopePath: org.path,
      entity: 'embed_token',
      entityId: `embed:${apiKey.id}:${input.user.id}`,
      afterDigest: digestOf({ user: input.user, role: input.role, orgCode: input.orgCode, ...(department ? { department: department.id } : {}), expiresAt }),
    });
    return { token, expiresAt };
  }

  /** Checks a presented token: signature, issuer, audience, expiry (by the server's clock), key still active. */
  async verify(token: string): Promise<EmbedVerification> {
    let claims: EmbedClaims;
    let expired = false;
    try {
      ({ payload: claims } = await jwtVerify<EmbedClaims>(token, await this.key(), {
        algorithms: ['HS256'],
        issuer: embedIssuer,
        audience: embedAudience,
        currentDate: this.now(),
        requiredClaims: ['sub', 'iat', 'exp'],
      }));
    } catch (error) {
      // jose checks the signature before the claims: an expired token here is an authentic one.
      if (!(error instanceof joseErrors.JWTExpired)) return { actor: null, key: null, error: invalidToken() };
      claims = error.payload as EmbedClaims;
      expired = true;
    }
    const { sub, name, role, org, kid, dep } = claims;
    if (typeof kid !== 'string' || typeof sub !== 'string' || typeof name !== 'string' || typeof org !== 'string' || !roles.includes(role as Role) || (dep !== undefined && typeof dep !== 'string')) {
      return { actor: null, key: null, error: invalidToken() };
    }
    const key = await this.keys.activeSecret(kid);
    if (!key) return { actor: null, key: null, error: invalidToken() };
    if (expired) return { actor: null, key, error: expiredToken() };
    const node = await this.org(org);
    if (!node || !isWithinScope(node.path, key.orgPath)) return { actor: null, key, error: invalidToken() };
    // A department role removed (or changed to another base) since: the token no longer stands.
    const department = typeof dep === 'string' ? await this.role(dep) : null;
    if (typeof dep === 'string' && (!department || department.base !== role)) return { actor: null, key, error: invalidToken() };
    return {
      key,
      actor: {
        userId: `embed:${kid}:${sub}`,
        username: sub,
        displayName: name,
        role: role as Role,
        ...(department
          ? { department: { key: department.key, orgCode: department.orgCode, name: { zh: department.nameZh, en: department.nameEn, ...(department.nameMn ? { mn: department.nameMn } : {}) } } }
          : {}),
        scope: { orgCode: org, orgPath: node.path },
        permissions: department ? this.permissionsOf(department.base, department.permissions) : this.permissionsOf(role as Role),
        via: 'embed-token',
      },
    };
  }

  /** The HS256 key: generated once per database, then read back (one winner when servers race). */
  private key(): Promise<Uint8Array> {
    if (!this.signingKey) {
      const loading = (async () => {
        await this.db
          .insert(sifaSettings)
          .values({ key: signingKeySetting, value: randomBytes(32).toString('base64url') })
          .onConflictDoNothing();
        const [row] = await this.db.select().from(sifaSettings).where(eq(sifaSettings.key, signingKeySetting));
        return new Uint8Array(Buffer.from(row!.value, 'base64url'));
      })();
      this.signingKey = loading;
      loading.catch(() => {
        if (this.signingKey === loading) this.signingKey = null;
      });
    }
    return this.signingKey;
  }

  /**
   * The department role a token is minted with: defined at the token's org or above it, within
   * the key's subtree or above it (as an administrator of the key's org could assign it), with
   * the token's role as its base.
   */
  private async departmentFor(apiKey: ApiKeyIdentity, input: MintInput, orgPath: string, locale: Locale): Promise<RoleRow> {
    const wanted = input.department!;
    const [row] = await this.db
      .select()
      .from(roleDefinitions)
      .where(and(eq(roleDefinitions.orgCode, wanted.orgCode), eq(roleDefinitions.key, wanted.key)));
    if (!row || !isWithinScope(orgPath, row.scopePath) || !(isWithinScope(row.scopePath, apiKey.orgPath) || isWithinScope(apiKey.orgPath, row.scopePath))) {
      throw new SifaError('NOT_FOUND', {
        message: { zh: `没有单位 ${input.orgCode} 可用的角色“${wanted.key}”（${wanted.orgCode}）。`, en: `No role "${wanted.key}" of ${wanted.orgCode} that ${input.orgCode} may hold.` },
        details: { key: wanted.key, orgCode: wanted.orgCode },
      });
    }
    if (row.base !== input.role) {
      throw new SifaError('VALIDATION_FAILED', {
        issues: [{ path: 'role', message: locale === 'en' ? `The role "${row.key}" stands on ${row.base}: mint with role ${row.base}.` : `角色“${row.nameZh}”的基础角色是 ${row.base}，请以 ${row.base} 签发。` }],
        details: { key: row.key, base: row.base },
      });
    }
    return row;
  }

  private role(id: string): Promise<RoleRow | null> {
    return this.roleCache.get(id, () =>
      this.db
        .select()
        .from(roleDefinitions)
        .where(eq(roleDefinitions.id, id))
        .then(([row]) => row ?? null),
    );
  }

  /** Path and level of an org (the tree changes rarely: cached briefly). */
  private org(code: string): Promise<{ path: string; level: OrgLevel } | null> {
    return this.orgCache.get(code, () =>
      this.db
        .select({ path: orgs.path, level: orgs.level })
        .from(orgs)
        .where(eq(orgs.code, code))
        .then(([row]) => row ?? null),
    );
  }

}
