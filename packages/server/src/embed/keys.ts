/**
 * API keys for embedding. A publishable key (`pk_<id>`) is public: it sits in the host page and
 * is only accepted from its allowed origins. A secret key (`sk_<id>_<secret>`) stays on the host
 * site's backend, which uses it to mint short-lived embed tokens; it is shown once, at creation,
 * and only the SHA-256 of its secret is stored. Both serve one org subtree.
 *
 * Lookups happen on the request path before any actor exists, through the owner connection
 * (the scoped role has no grants on api_keys), and are cached briefly: a revocation made by this
 * process applies at once, one made elsewhere (the CLI) within `cacheMs`.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { asc, eq, sql } from 'drizzle-orm';
import { SifaError, isWithinScope, type ApiKeyIdentity, type FieldIssue, type Locale, type SifaDb } from '@sifa/core';
import { apiKeys } from '../db/schema.js';
import { rowsOf } from '@sifa/core/db';
import { findOrg } from '../orgs/directory.js';
import { appendAudit, digestOf } from '../audit/log.js';
import { normalizeAllowedOrigin, originAllowedBy } from './origins.js';
import { LookupCache } from './cache.js';

export type ApiKeyKind = 'publishable' | 'secret';
type ApiKeyRow = typeof apiKeys.$inferSelect;

/** What `platform.keys.list` and `sifa keys list` show: never a secret. */
export interface ApiKeySummary {
  id: string;
  kind: ApiKeyKind;
  label: string;
  orgCode: string;
  allowedOrigins: string[];
  /** The public forms it may submit (null: every one). */
  publicForms: string[] | null;
  /** The full key for publishable keys (public anyway); for secret keys only its recognisable start. */
  display: string;
  createdBy: string;
  createdAt: string;
  revokedAt: string | null;
}

export interface CreatedApiKey extends ApiKeySummary {
  /** The key string, shown this once (the secret of a secret key cannot be recovered later). */
  key: string;
}

/** Who asks: the signed-in administrator (limited to `withinPath`) or the owner (CLI: no limit). */
export interface KeyManager {
  actorId: string;
  actorRole: string;
  /** The caller's subtree; null for the owner. */
  withinPath: string | null;
  locale?: Locale;
}

const idAlphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const idLength = 20;
const publishablePattern = /^pk_([0-9A-Za-z]{20})$/;
const secretPattern = /^sk_([0-9A-Za-z]{20})_([A-Za-z0-9_-]{43})$/;
export const maxOriginsPerKey = 20;

/** 20 base62 characters (≈119 bits), drawn without modulo bias. */
export function newKeyId(): string {
  let id = '';
  while (id.length < idLength) {
    for (const byte of randomBytes(32)) {
      if (byte >= 248) continue; // 248 = 4 × 62
      id += idAlphabet[byte % 62];
      if (id.length === idLength) break;
    }
  }
  return id;
}

const sha256Hex = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * True for a string shaped like a secret key. The whole shape, not just the `sk_` prefix: a
 * session token (43 base64url characters) starts with `sk_` once in 262 144.
 */
export const looksLikeSecretKey = (token: string) => secretPattern.test(token);

const invalidKey = (kind: ApiKeyKind) =>
  new SifaError('UNAUTHENTICATED', {
    message:
      kind === 'publishable'
        ? { zh: '网站密钥无效或已被吊销，请联系管理员。', en: 'The publishable key is not valid or was revoked. Ask your administrator for a current key.' }
        : { zh: '密钥无效或已被吊销。', en: 'The secret key is not valid or was revoked.' },
    details: { keyKind: kind },
  });

const text = (locale: Locale | undefined, zh: string, en: string) => (locale === 'en' ? en : zh);

/** Validates and normalises the allowed origins of a key; VALIDATION_FAILED names each bad one. */
export function validateOrigins(kind: ApiKeyKind, origins: readonly string[], locale?: Locale): string[] {
  const issues: FieldIssue[] = [];
  const normalised: string[] = [];
  origins.forEach((value, index) => {
    const origin = normalizeAllowedOrigin(value);
    if (origin === null && value.includes('*')) {
      issues.push({
        path: `allowedOrigins.${index}`,
        message: text(
          locale,
          `“${value.slice(0, 100)}”不是可用的通配来源：通配符只能代替最前面的一级域名，如 https://*.example.gov.cn（匹配 https://a.example.gov.cn，不匹配 https://a.b.example.gov.cn）。`,
          `"${value.slice(0, 100)}" is not a usable wildcard origin: "*" may stand only for the first label of a host, e.g. https://*.example.gov.cn (matching https://a.example.gov.cn, not https://a.b.example.gov.cn).`,
        ),
      });
    } else if (origin === null) {
      issues.push({
        path: `allowedOrigins.${index}`,
        message: text(
          locale,
          `“${value.slice(0, 100)}”不是有效的来源：应为“协议://主机[:端口]”，如 https://portal.example.gov.cn，不含路径。`,
          `"${value.slice(0, 100)}" is not an origin: write scheme://host[:port], e.g. https://portal.example.gov.cn, without a path.`,
        ),
      });
    } else if (!normalised.includes(origin)) normalised.push(origin);
  });
  if (kind === 'publishable' && origins.length === 0) {
    issues.push({ path: 'allowedOrigins', message: text(locale, '网站密钥至少需要一个允许的来源。', 'A publishable key needs at least one allowed origin.') });
  }
  if (normalised.length > maxOriginsPerKey) {
    issues.push({ path: 'allowedOrigins', message: text(locale, `最多 ${maxOriginsPerKey} 个来源。`, `At most ${maxOriginsPerKey} origins.`) });
  }
  if (issues.length > 0) throw new SifaError('VALIDATION_FAILED', { issues });
  return normalised;
}

const identityOf = (row: ApiKeyRow): ApiKeyIdentity => ({
  id: row.id,
  kind: row.kind,
  orgCode: row.orgCode,
  orgPath: row.scopePath,
  allowedOrigins: row.allowedOrigins,
  publicForms: row.publicForms,
});

const summaryOf = (row: ApiKeyRow): ApiKeySummary => ({
  id: row.id,
  kind: row.kind,
  label: row.label,
  orgCode: row.orgCode,
  allowedOrigins: row.allowedOrigins,
  publicForms: row.publicForms,
  display: row.kind === 'publishable' ? `pk_${row.id}` : `sk_${row.id}_…`,
  createdBy: row.createdBy,
  createdAt: row.createdAt.toISOString(),
  revokedAt: row.revokedAt?.toISOString() ?? null,
});

export interface ApiKeyServiceOptions {
  /** How long a key or the allowed-origin set is trusted without asking the database (ms, ≤ 30 s). */
  cacheMs?: number;
}

export class ApiKeyService {
  private readonly cacheMs: number;
  private readonly rows: LookupCache<ApiKeyRow | null>;
  private origins: { until: number; set: Promise<ReadonlySet<string>> } | null = null;

  constructor(
    private readonly db: SifaDb,
    private readonly now: () => Date,
    options: ApiKeyServiceOptions = {},
  ) {
    this.cacheMs = Math.min(options.cacheMs ?? 10_000, 30_000);
    this.rows = new LookupCache(this.cacheMs);
  }

  async create(manager: KeyManager, input: { kind: ApiKeyKind; label?: string; orgCode: string; allowedOrigins: readonly string[]; publicForms?: readonly string[] | null }): Promise<CreatedApiKey> {
    const origins = validateOrigins(input.kind, input.allowedOrigins, manager.locale);
    const org = await findOrg(this.db, input.orgCode);
    if (!org) throw new SifaError('NOT_FOUND', { message: { zh: `没有代码为 ${input.orgCode} 的单位。`, en: `There is no organisation with code ${input.orgCode}.` }, details: { orgCode: input.orgCode } });
    if (manager.withinPath !== null && !isWithinScope(org.path, manager.withinPath)) {
      throw new SifaError('OUT_OF_SCOPE', { details: { orgCode: input.orgCode } });
    }
    const id = newKeyId();
    const secret = input.kind === 'secret' ? randomBytes(32).toString('base64url') : null;
    const row = await this.db.transaction(async (tx) => {
      const [inserted] = await tx
        .insert(apiKeys)
        .values({
          id,
          kind: input.kind,
          label: input.label ?? '',
          orgCode: org.code,
          scopePath: org.path,
          allowedOrigins: origins,
          publicForms: input.kind === 'publishable' && input.publicForms ? [...new Set(input.publicForms)] : null,
          secretHash: secret === null ? null : sha256Hex(secret),
          createdBy: manager.actorId,
          createdAt: this.now(),
        })
        .returning();
      await appendAudit(tx, {
        actorId: manager.actorId,
        actorRole: manager.actorRole,
        action: 'platform.keys.create',
        scopePath: org.path,
        entity: 'api_keys',
        entityId: id,
        afterDigest: digestOf({ kind: input.kind, label: inserted!.label, orgCode: org.code, allowedOrigins: origins, publicForms: inserted!.publicForms }),
      });
      return inserted!;
    });
    this.forget(id);
    return { ...summaryOf(row), key: secret === null ? `pk_${id}` : `sk_${id}_${secret}` };
  }

  /** Keys serving `withinPath` or anything below it (every key for the owner), newest first. */
  async list(withinPath: string | null): Promise<ApiKeySummary[]> {
    const rows = await this.db
      .select()
      .from(apiKeys)
      .where(withinPath === null ? undefined : sql`${apiKeys.scopePath} LIKE ${`${withinPath}%`}`)
      .orderBy(asc(apiKeys.createdAt), asc(apiKeys.id));
    return rows.map(summaryOf);
  }

  /** Revokes a key (idempotent); its embed tokens stop working with it. */
  async revoke(manager: KeyManager, id: string): Promise<ApiKeySummary> {
    const row = await this.db.transaction(async (tx) => {
      const [existing] = await tx.select().from(apiKeys).where(eq(apiKeys.id, id)).for('update');
      if (!existing) throw new SifaError('NOT_FOUND', { message: { zh: `没有编号为 ${id.slice(0, 40)} 的密钥。`, en: `There is no key with id ${id.slice(0, 40)}.` }, details: { keyId: id.slice(0, 40) } });
      if (manager.withinPath !== null && !isWithinScope(existing.scopePath, manager.withinPath)) {
        throw new SifaError('OUT_OF_SCOPE', { details: { orgCode: existing.orgCode } });
      }
      if (existing.revokedAt) return existing;
      const [updated] = await tx.update(apiKeys).set({ revokedAt: this.now() }).where(eq(apiKeys.id, id)).returning();
      await appendAudit(tx, {
        actorId: manager.actorId,
        actorRole: manager.actorRole,
        action: 'platform.keys.revoke',
        scopePath: existing.scopePath,
        entity: 'api_keys',
        entityId: id,
        beforeDigest: digestOf({ revokedAt: null }),
        afterDigest: digestOf({ revokedAt: updated!.revokedAt }),
      });
      return updated!;
    });
    this.forget(id);
    return summaryOf(row);
  }

  /** An active (not revoked) key by id, or null; cached briefly. */
  async active(id: string): Promise<ApiKeyRow | null> {
    const row = await this.rows.get(id, () =>
      this.db
        .select()
        .from(apiKeys)
        .where(eq(apiKeys.id, id))
        .then(([r]) => r ?? null),
    );
    return row && !row.revokedAt ? row : null;
  }

  /** The identity behind an `x-sifa-key: pk_…` header; UNAUTHENTICATED when unknown or revoked. */
  async resolvePublishable(value: string): Promise<ApiKeyIdentity> {
    const id = publishablePattern.exec(value)?.[1];
    const row = id ? await this.active(id) : null;
    if (!row || row.kind !== 'publishable') throw invalidKey('publishable');
    return identityOf(row);
  }

  /** The identity behind `Authorization: Bearer sk_…`; the secret is compared in constant time. */
  async resolveSecret(value: string): Promise<ApiKeyIdentity> {
    const match = secretPattern.exec(value);
    const row = match ? await this.active(match[1]!) : null;
    if (!row || row.kind !== 'secret' || !row.secretHash) throw invalidKey('secret');
    const given = Buffer.from(sha256Hex(match![2]!), 'hex');
    const stored = Buffer.from(row.secretHash, 'hex');
    if (given.length !== stored.length || !timingSafeEqual(given, stored)) throw invalidKey('secret');
    return identityOf(row);
  }

  /** The identity of an active secret key by id (embed tokens name theirs), or null. */
  async activeSecret(id: string): Promise<ApiKeyIdentity | null> {
    const row = await this.active(id);
    return row && row.kind === 'secret' ? identityOf(row) : null;
  }

  /** True when some active key lists `origin` (decides the CORS headers; cached briefly). */
  async isOriginAllowed(origin: string): Promise<boolean> {
    const clock = performance.now();
    if (!this.origins || this.origins.until < clock) {
      const set = this.db
        .execute(sql`SELECT DISTINCT unnest(${apiKeys.allowedOrigins}) AS origin FROM ${apiKeys} WHERE ${apiKeys.revokedAt} IS NULL`)
        .then((result) => new Set(rowsOf<{ origin: string }>(result).map((r) => r.origin)) as ReadonlySet<string>);
      const entry = { until: clock + this.cacheMs, set };
      this.origins = entry;
      set.catch(() => {
        if (this.origins === entry) this.origins = null;
      });
    }
    const set = await this.origins.set;
    return set.has(origin) || originAllowedBy(set, origin);
  }

  private forget(id: string) {
    this.rows.delete(id);
    this.origins = null;
  }
}
