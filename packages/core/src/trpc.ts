/**
 * The shared tRPC instance every router (the platform's and every plugin's) is built on: the
 * request context, the base procedures and the error shape. The db handle arrives through the
 * context, never from a module singleton; scoping happens once, in `scopedProcedure`.
 */
import { initTRPC, type AnyRouter } from '@trpc/server';
import type { z } from 'zod';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { Actor, Scope } from './access.js';
import type { FactsService, MetricDefinition } from './facts.js';
import type { DiaryItem } from './diary-items.js';
import type { EntryPointDefinition, EntryPointGroupDefinition } from './entry-points.js';
import { pickText, type Locale, type LocalizedText } from './locale.js';
import type { CaseType, CasesService } from './casework.js';
import type { OrgLevel, OrgNode } from './org.js';
import type { NotificationsService } from './notifications.js';
import type { DocumentsService } from './documents.js';
import type { SignalsService } from './deadlines.js';
import type { WorkingCalendar } from './calendar.js';
import { SifaError, toSifaError, type FieldIssue, type SifaErrorCode } from './errors.js';
import { fieldIssuesOf } from './validation.js';
import { catalogMessage } from './messages.js';
import { unstorableTextError } from './text.js';

/** A drizzle database or transaction over either engine (PGlite or postgres.js). */
export type SifaDb = PgDatabase<PgQueryResultHKT, Record<string, never>>;

export interface AuditEntryInput {
  /** What happened, e.g. `diary.entry.create`; defaults to the procedure path. */
  action?: string;
  orgCode: string;
  entity?: string;
  entityId?: string;
  /** Values before and after the change; only their digests are stored. */
  before?: unknown;
  after?: unknown;
  /**
   * For a table that carries a row hash (`row_hash`, set by the trigger sifa_row_hash): the row's
   * hash after the change (from `.returning()`), or `'-'` when the change deleted it. `sifa audit
   * verify` checks every such row against its last entry.
   */
  rowHash?: string;
  /**
   * The entry concerns a sealed record (a sealed case, or a record that follows one: its plan,
   * tasks, evaluations): audited like any other, but sent to no webhook — integrators are not its
   * responsible staff, and an event would name the record and its office to them.
   */
  sealed?: boolean;
}

export interface AuditWriter {
  record(entry: AuditEntryInput): Promise<void>;
  /** Entries recorded in this transaction so far (a service that audits itself, e.g. `cases`, counts too). */
  entries?(): number;
}

/** Org lookups limited to the caller's subtree. */
export interface OrgDirectory {
  /** The node, or OUT_OF_SCOPE / NOT_FOUND. */
  get(code: string): Promise<OrgNode>;
  /** Its open sub-units (closed ones only through `get`, for their history). */
  children(code: string): Promise<OrgNode[]>;
  /** Everything open below `code` (optionally one level: all offices of a county), in path order; one query. */
  descendants(code: string, level?: OrgLevel): Promise<OrgNode[]>;
}

/** What a scoped procedure gets on top of the request context. */
export interface ScopedServices {
  /** A transaction in which row-level security limits every row to the caller's subtree. */
  db: SifaDb;
  facts: FactsService;
  audit: AuditWriter;
  orgs: OrgDirectory;
  /** In-app notifications and outer channels (delivered after the transaction commits). */
  notifications: NotificationsService;
  /** Official documents from contributed templates, numbered and stored with their data. */
  documents: DocumentsService;
  /** Deadlines and indicators other plugins contribute. */
  signals: SignalsService;
  /** The actor the transaction runs for (a user, or a job's / the seed's system actor). */
  actor: Actor;
  /** Runs `callback` after the transaction commits (never when it rolls back). */
  afterCommit(callback: () => void | Promise<void>): void;
  /** What the installed plugins contributed (metrics with their aggregation, diary items). */
  catalog: PlatformCatalog;
  /** The server's clock (tests pass a controllable one). */
  now(): Date;
  /**
   * The working-day calendar (holidays, 调休) as it was when the transaction began: every year at
   * its newest version. A stored result's own versions: `calendar.asOf(recorded)`.
   */
  calendar: WorkingCalendar;
  /** The casework engine: cases of every installed case type (`casework.ts`). */
  cases: CasesService;
  /**
   * Sensitive personal data a plugin keeps in its own tables (a correction person's health,
   * psychological traits, location): sealed with the server's field cipher, in the envelope case
   * files use (provider and key named), so it is never stored in the clear. `open` throws on a
   * tampered value or a key the server does not have.
   */
  personalData: PersonalDataSealer;
}

/** `ScopedServices.personalData`: text in, an opaque sealed envelope out (store it as bytea). */
export interface PersonalDataSealer {
  seal(plain: string): Uint8Array;
  open(sealed: Uint8Array): string;
}

/**
 * What all installed plugins contributed (in start order, each with the plugin that contributed
 * it), for plugins that serve catalogues: the diary's items, the dashboard's entry points.
 */
export interface PlatformCatalog {
  diaryItems: readonly (DiaryItem & { plugin: string })[];
  metrics: ReadonlyMap<string, MetricDefinition>;
  entryPoints: readonly (EntryPointDefinition & { plugin: string })[];
  entryPointGroups: readonly (EntryPointGroupDefinition & { plugin: string })[];
  caseTypes: readonly (CaseType & { plugin: string })[];
  /** Diary item code → the plugin whose records produce it and how the diary says so. */
  derivedDiaryItems: ReadonlyMap<string, { plugin: string; from: LocalizedText }>;
}

/** An API key presented with the request (publishable: `x-sifa-key`; secret: bearer, for minting embed tokens). */
export interface ApiKeyIdentity {
  id: string;
  kind: 'publishable' | 'secret';
  orgCode: string;
  orgPath: string;
  allowedOrigins: readonly string[];
  /** Publishable keys: the public forms (case types) it may submit; null: every public form. */
  publicForms?: readonly string[] | null;
}

/** What a public-read procedure gets: a READ ONLY transaction limited to one subtree. */
export interface PublicReadServices {
  db: SifaDb;
  orgs: OrgDirectory;
}

/**
 * What wakes subscriptions: after a commit, code announces that `topic` changed at an org path;
 * waiting subscribers whose scope contains that path (or lies below it) wake and re-read through
 * their own scoped transaction. Carries no data. Across server instances on PostgreSQL.
 */
export interface ChangeFeed {
  publish(topic: string, orgPath: string): void;
  /** Resolves true on a change, false when `signal` aborts or `timeoutMs` (default 25 s) passes. */
  next(topic: string, scopePath: string, options?: { signal?: AbortSignal | undefined; timeoutMs?: number }): Promise<boolean>;
}

/** A wait for a change, registered when it is made (see `listenForChange`). */
export interface ChangeWait {
  /** True on a change since the wait was made, false on `signal`, `close()` or the timeout. */
  readonly changed: Promise<boolean>;
  /** Stops waiting (an iteration that did not need the wait); idempotent. */
  close(): void;
}

/**
 * Listen before reading: a subscription starts waiting for `topic` at `scopePath` before it
 * reads, so a change committed while the read runs (after its snapshot) wakes the wait at once
 * instead of being announced to nobody and seen only at the next poll. Close the wait when the
 * iteration ends (`finally`), whether or not it was awaited.
 */
export function listenForChange(changes: ChangeFeed, topic: string, scopePath: string, options: { signal?: AbortSignal | undefined; timeoutMs?: number } = {}): ChangeWait {
  const wake = new AbortController();
  const stop = () => wake.abort();
  options.signal?.addEventListener('abort', stop, { once: true });
  if (options.signal?.aborted) wake.abort();
  const changed = changes.next(topic, scopePath, { signal: wake.signal, ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}) });
  return {
    changed,
    close() {
      wake.abort();
      options.signal?.removeEventListener('abort', stop);
    },
  };
}

/** Services the server puts into every request context. */
export interface PlatformServices {
  /** Change announcements for subscriptions (publish after commit: `scoped.afterCommit`). */
  changes: ChangeFeed;
  catalog: PlatformCatalog;
  /** Runs `work` in one transaction scoped to `actor`'s subtree; rolls back when it throws. */
  runScoped<T>(actor: Actor, work: (scoped: ScopedServices) => Promise<T>): Promise<T>;
  /** Runs `work` in one READ ONLY transaction under row-level security for `scope`'s subtree. */
  runPublicRead<T>(scope: Scope, work: (services: PublicReadServices) => Promise<T>): Promise<T>;
  /** Unscoped handle for public reference data (the org tree); never for org-owned rows. */
  referenceDb: SifaDb;
  now(): Date;
  /** The live working-day calendar (replaced, never changed, when an administrator imports a year). */
  readonly calendar: WorkingCalendar;
}

export interface SifaContext {
  requestId: string;
  locale: Locale;
  actor: Actor | null;
  platform: PlatformServices;
  /** The API key the request presented, once verified (and its origin checked), or null. */
  apiKey: ApiKeyIdentity | null;
  /** The bearer token the request presented (to sign out), or null. */
  bearerToken: string | null;
  /** The Origin header of a browser request, for publishable-key checks; null for server-to-server calls. */
  origin: string | null;
  /** The client's network address (the socket's peer; the first X-Forwarded-For hop behind a trusted proxy), for per-client limits; null when unknown. */
  clientAddress?: string | null;
  /** Set by the server's auth step when a presented token was rejected; thrown where sign-in is required. */
  authError?: SifaError | undefined;
}

export interface SifaErrorData {
  code: string;
  sifaCode: SifaErrorCode;
  httpStatus: number;
  path: string | null;
  issues: FieldIssue[];
  details: Record<string, string | number | boolean | null>;
  /** A plugin's declared error (`plans.revisionConflict`), whose `details` have its declared shape (`isPluginError`); null otherwise. */
  pluginError: string | null;
  requestId: string | null;
}

/** What a procedure declares about itself, read at composition (the permission it checks). */
export interface SifaProcedureMeta {
  /** Set by `permittedProcedure` / `scopedProcedure` / `scopedSubscription`: must be declared by the plugin or the platform. */
  permission?: string;
  /** Which of the builders below made the procedure (who may call it): the OpenAPI document says so. */
  access?: 'public' | 'signed-in' | 'permitted' | 'scoped' | 'public-read';
  /**
   * The shape of the result, for the OpenAPI document, where the procedure has no `.output()`
   * (which would validate every answer: too dear for large results). The server's OpenAPI test
   * checks real answers against it.
   */
  result?: z.ZodType;
}

const t = initTRPC.context<SifaContext>().meta<SifaProcedureMeta>().create({
  // Procedures only ever run on the server; browsers load this module (through the package
  // index) but never call it, and bundles drop it (sideEffects: false).
  isServer: true,
  isDev: false,
  errorFormatter({ shape, error, ctx, path }) {
    const locale = ctx?.locale ?? 'zh-CN';
    const sifa = toSifaError(error, (cause) => fieldIssuesOf(cause, locale));
    const data: SifaErrorData = {
      code: shape.data.code,
      sifaCode: sifa.sifaCode,
      httpStatus: sifa.httpStatus,
      path: path ?? null,
      // A service without the caller's locale (the casework engine) names catalog messages (`msg()`): rendered here.
      issues: sifa.issues.map((issue) => {
        const text = catalogMessage(issue.message);
        return text ? { ...issue, message: pickText(text, locale) } : issue;
      }),
      details: sifa.details,
      pluginError: sifa.pluginError ?? null,
      requestId: ctx?.requestId ?? null,
    };
    return { message: sifa.messageFor(locale), code: shape.code, data };
  },
});

/** A record of routers keyed by plugin id, as the server merges them. */
export type AnyRouterRecord = Record<string, AnyRouter>;

export const createRouter = t.router;
export const mergeRouters = t.mergeRouters;
export const createMiddleware = t.middleware;

/**
 * Before anything else (sign-in, permission, input parsing), every procedure's raw input is
 * walked once for U+0000 and lone surrogates, which PostgreSQL cannot store: VALIDATION_FAILED
 * naming the field, instead of a failed statement. Every procedure kind below builds on it, so
 * it covers every plugin's procedures, also those whose schemas use a plain `z.string()`.
 */
const refuseUnstorableText = t.middleware(async ({ ctx, getRawInput, next }) => {
  const refused = unstorableTextError(await getRawInput(), ctx.locale);
  if (refused) throw refused;
  return next();
});

/** Anyone, signed in or not. Reads only public reference data. */
export const publicProcedure = t.procedure.meta({ access: 'public' }).use(refuseUnstorableText);

/** A signed-in user or a valid embed token; a stale or forged token says so. */
export const signedInProcedure = publicProcedure.meta({ access: 'signed-in' }).use(({ ctx, next }) => {
  if (!ctx.actor) throw ctx.authError ?? new SifaError('UNAUTHENTICATED');
  return next({ ctx: { actor: ctx.actor } });
});

/** Throws FORBIDDEN, naming the permission to ask for, unless `actor` holds `permission`. */
export function requirePermission(actor: Actor, permission: string): void {
  if (actor.permissions.has(permission)) return;
  throw new SifaError('FORBIDDEN', {
    message: {
      zh: `您没有“${permission}”权限，请联系管理员开通。`,
      en: `You need the "${permission}" permission for this. Ask your administrator.`,
    },
    details: { permission },
  });
}

/**
 * A permission-checked procedure without a transaction: the platform answers UNAUTHENTICATED or
 * FORBIDDEN (naming the permission) before the body runs. For bodies that read no org-owned
 * rows (a preview computed from the calendar, a catalogue of templates) or that go through a
 * service of their own. A body that reads or writes org-owned rows uses `scopedProcedure`.
 */
export function permittedProcedure(permission: string) {
  return signedInProcedure.meta({ permission, access: 'permitted' }).use(({ ctx, next }) => {
    requirePermission(ctx.actor, permission);
    return next();
  });
}

/**
 * A permission-checked procedure whose whole body runs in one transaction scoped to the caller's
 * subtree. Mutations are audited: when the body recorded nothing itself, an entry with the
 * procedure path and the input digest is appended.
 */
export function scopedProcedure(permission: string) {
  return permittedProcedure(permission).meta({ access: 'scoped' }).use(async ({ ctx, next, type, path, getRawInput }) =>
    ctx.platform.runScoped(ctx.actor, async (scoped) => {
      let audited = false;
      const before = scoped.audit.entries?.() ?? 0;
      const audit: AuditWriter = {
        record: (entry) => {
          audited = true;
          return scoped.audit.record({ action: path, ...entry });
        },
      };
      if (type === 'mutation') await refuseClosedUnits(scoped.orgs, ctx.actor, await getRawInput());
      const result = await next({ ctx: { ...scoped, audit, scope: ctx.actor.scope satisfies Scope } });
      // Throwing rolls the transaction back; tRPC turns the error into the response.
      if (!result.ok) throw result.error;
      // A service the body called may have audited the change itself (the casework engine does).
      if (type === 'mutation' && !audited && (scoped.audit.entries?.() ?? 0) === before) {
        await scoped.audit.record({ action: path, orgCode: ctx.actor.scope.orgCode, after: await getRawInput() });
      }
      return result;
    }),
  );
}

/**
 * No new records at a closed unit (history stays readable): a mutation by an account of a closed
 * unit, or naming one as its `orgCode`, is refused before its body runs. Codes the caller may not
 * see are left to the body, which answers NOT_FOUND / OUT_OF_SCOPE as usual.
 */
async function refuseClosedUnits(orgs: OrgDirectory, actor: Actor, raw: unknown): Promise<void> {
  const named = typeof raw === 'object' && raw !== null ? (raw as { orgCode?: unknown }).orgCode : undefined;
  const codes = [actor.scope.orgCode, ...(typeof named === 'string' && named !== actor.scope.orgCode ? [named] : [])];
  for (const code of codes) {
    const node = await orgs.get(code).catch(() => null);
    if (node?.closed) throw closedUnitError(node);
  }
}

/** CONFLICT naming a closed unit, when it closed and where its work went (merged units). */
export function closedUnitError(node: OrgNode): SifaError {
  const { on, mergedInto } = node.closed ?? { on: '', mergedInto: null };
  return new SifaError('CONFLICT', {
    message: mergedInto
      ? { zh: `单位 ${node.code}（${node.name.zh}）已于 ${on} 并入 ${mergedInto}：请在 ${mergedInto} 办理。`, en: `${node.code} (${node.name.zh}) was merged into ${mergedInto} on ${on}: work there instead.` }
      : { zh: `单位 ${node.code}（${node.name.zh}）已于 ${on} 关闭，不能再新增记录。`, en: `${node.code} (${node.name.zh}) was closed on ${on}: no new records can be added there.` },
    details: { orgCode: node.code, closedOn: on, mergedInto },
  });
}

/**
 * A permission-checked subscription (server-sent events). Its generator outlives any transaction,
 * so each read goes through `ctx.platform.runScoped(ctx.actor, …)`; wait for changes with
 * `listenForChange(ctx.platform.changes, topic, ctx.actor.scope.orgPath, { signal })`, made
 * before the read and awaited after it, where `signal` is the resolver's `signal` (aborted when
 * the client goes away).
 */
export function scopedSubscription(permission: string) {
  return permittedProcedure(permission).meta({ access: 'scoped' });
}

/**
 * Public data of org-owned tables (institutions on the legal map, published VR tours): readable
 * without signing in, but only through a publishable key (`x-sifa-key`), whose org subtree limits
 * what is seen (also for a signed-in caller presenting one), or by a signed-in caller without a
 * key within their own scope. The body runs in one READ ONLY
 * transaction under the same row-level security as scoped procedures, so a public read can never
 * see another subtree nor write. Procedures still filter to what is published themselves.
 */
export const publicReadProcedure = publicProcedure.meta({ access: 'public-read' }).use(({ ctx, next }) => {
  // The key first: public data is the same for everyone on a portal, signed in or not (an office
  // user embedded on the city's portal sees the city's map, not just their office).
  let scope: Scope;
  if (ctx.apiKey?.kind === 'publishable') scope = { orgCode: ctx.apiKey.orgCode, orgPath: ctx.apiKey.orgPath };
  else if (ctx.actor) scope = ctx.actor.scope;
  else if (ctx.authError) throw ctx.authError;
  else
    throw new SifaError('UNAUTHENTICATED', {
      message: {
        zh: '公开数据需通过发布密钥（publishable key）访问：请在嵌入脚本上设置 data-sifa-key。',
        en: 'Public data is read with a publishable key: set data-sifa-key on the embed script tag.',
      },
    });
  return ctx.platform.runPublicRead(scope, async (services) => {
    const result = await next({ ctx: { ...services, scope } });
    if (!result.ok) throw result.error;
    return result;
  });
});

export type { Actor, Scope };
