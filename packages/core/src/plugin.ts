/**
 * The plugin contract. Every business module — the project's own and third parties' — is a
 * plugin: a manifest (common to browser and server) plus an optional server half (router,
 * tables, migrations, seed). The server validates every manifest with zod at start-up and
 * refuses to start on collisions or an incompatible core range.
 */
import { z } from 'zod';
import { msg } from './messages.js';
import type { AnyRouter } from '@trpc/server';
import type { Locale, LocalizedText } from './locale.js';
import type { Actor, Role } from './access.js';
import type { ApiKeyIdentity, PlatformCatalog, PlatformServices, ScopedServices } from './trpc.js';
import { sifaErrorCodes, type SifaError, type SifaErrorCode } from './errors.js';
import type { PluginErrorDeclaration } from './plugin-errors.js';
import { localizedTextSchema } from './locale-schema.js';
import { permissionNameSchema, roleSchema } from './access.js';
import { metricDefinitionSchema } from './facts.js';
import { diaryItemSchema } from './diary-items.js';
import { entryPointDefinitionSchema, entryPointGroupSchema } from './entry-points.js';
import { caseTypeSchema, type CaseCheckSource } from './casework.js';
import type { PluginJob } from './jobs.js';
import type { DocumentTemplate } from './documents.js';
import type { DeadlineSource, Indicator } from './deadlines.js';
import type { CalendarChangeContext } from './calendar-api.js';

export const pluginIdSchema = z
  .string()
  .regex(/^[a-z][a-z0-9-]{1,39}$/, msg('pluginId'));

const semverSchema = z
  .string()
  .regex(/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/, msg('semver'));

const contributionCode = z.string().regex(/^[a-z][a-z0-9-]*\.[a-z0-9][a-z0-9.-]*$/, msg('contributionCode'));

const namedContribution = z.object({ code: contributionCode, title: localizedTextSchema });

const declarableCodes = (Object.keys(sifaErrorCodes) as SifaErrorCode[]).filter((code) => code !== 'INTERNAL') as [Exclude<SifaErrorCode, 'INTERNAL'>, ...Exclude<SifaErrorCode, 'INTERNAL'>[]];

/** A declared error (`errors` of the manifest): its code, and the shape of its details as a zod schema. */
const errorDeclarationSchema = z.object({
  code: z.enum(declarableCodes),
  details: z.custom<PluginErrorDeclaration['details']>((value) => value instanceof z.core.$ZodType, 'Expected a zod schema of the details, e.g. z.object({ planId: z.string() })'),
});

export const pluginManifestSchema = z
  .object({
    id: pluginIdSchema,
    version: semverSchema,
    /** Range of @sifa/core versions the plugin was built for, e.g. "^0.1.0". */
    core: z.string().min(1),
    title: localizedTextSchema,
    description: localizedTextSchema.optional(),
    /** Plugins that must start first (their tables, metrics or services are used). */
    dependsOn: z.array(pluginIdSchema).default([]),
    permissions: z
      .array(
        z.object({
          name: permissionNameSchema,
          title: localizedTextSchema,
          /** Roles granted this permission by default. */
          roles: z.array(roleSchema).default([]),
        }),
      )
      .default([]),
    /**
     * Errors whose details callers see typed (`pluginError()` throws them, `isPluginError()`
     * narrows them): name (camelCase) → code and the details' zod schema.
     */
    errors: z.record(z.string(), errorDeclarationSchema).default({}),
    contributes: z
      .object({
        metrics: z.array(metricDefinitionSchema).default([]),
        diaryItems: z.array(diaryItemSchema).default([]),
        documentTemplates: z.array(namedContribution).default([]),
        /** Dashboard entry points over this plugin's metrics (ids unique across plugins). */
        entryPoints: z.array(entryPointDefinitionSchema).default([]),
        /** Groups entry points are listed under, in dashboard order (ids unique across plugins). */
        entryPointGroups: z.array(entryPointGroupSchema).default([]),
        /** Case types run by the platform's casework engine (`casework.ts`). */
        caseTypes: z.array(caseTypeSchema).default([]),
        /**
         * Diary items whose numbers this plugin's records produce (its case types record the item's
         * metrics): the diary shows them read-only, "from case files", and refuses typed values.
         * Ignored when no installed plugin contributes the item.
         */
        derivedDiaryItems: z.array(z.object({ item: contributionCode, from: localizedTextSchema })).default([]),
      })
      .default({ metrics: [], diaryItems: [], documentTemplates: [], entryPoints: [], entryPointGroups: [], caseTypes: [], derivedDiaryItems: [] }),
  })
  .superRefine((manifest, ctx) => {
    const own = (code: string) => code.startsWith(`${manifest.id}.`);
    manifest.permissions.forEach((p, i) => {
      if (!own(p.name)) ctx.addIssue({ code: 'custom', path: ['permissions', i, 'name'], message: `"${p.name}" must start with "${manifest.id}."` });
    });
    for (const name of Object.keys(manifest.errors)) {
      if (!/^[a-z][A-Za-z0-9]{0,59}$/.test(name)) ctx.addIssue({ code: 'custom', path: ['errors', name], message: `An error name is camelCase letters and digits, e.g. revisionConflict; "${name}" is not.` });
    }
    for (const key of ['metrics', 'diaryItems', 'documentTemplates', 'caseTypes'] as const) {
      manifest.contributes[key].forEach((c, i) => {
        if (!own(c.code)) ctx.addIssue({ code: 'custom', path: ['contributes', key, i, 'code'], message: `"${c.code}" must start with "${manifest.id}."` });
      });
    }
  });

export type PluginManifestInput = z.input<typeof pluginManifestSchema>;
export type PluginManifest = z.output<typeof pluginManifestSchema>;

/**
 * Declares a plugin's common half. Typed here, validated (with defaults filled) when the server
 * starts, so a third party gets editor help and the same checks as a built-in module.
 */
export function definePlugin<const T extends PluginManifestInput>(manifest: T): T {
  return manifest;
}

/** What a plugin's seed step receives: run work inside the whole tree's scope. */
/** What a seed hook may hand to the seeds of plugins that start after it (demo links between plugins). */
export type SeedExports = Readonly<Record<string, unknown>>;

export interface PluginSeedContext {
  /** The org codes the demo seed created, root first. */
  orgCodes: readonly string[];
  log(message: string): void;
  /**
   * What the seed of plugin `pluginId` returned, when that plugin is installed and seeded before
   * this one (start order); undefined otherwise. Untyped across plugins: validate before use.
   * This is how demo content links across plugins (an office's institution → its VR tour)
   * without one plugin reading another's tables.
   */
  seeded(pluginId: string): SeedExports | undefined;
  /**
   * Runs `work` in one transaction scoped to `orgCode`'s subtree (row-level security applies),
   * as the platform's seed actor; audit entries name the actor `seed`. Seeds must be idempotent.
   */
  runScoped<T>(orgCode: string, work: (scoped: ScopedServices) => Promise<T>): Promise<T>;
  /**
   * The user accounts of exactly `orgCode` (the demo accounts among them), demo accounts first,
   * then by username: whom to make responsible for a case the seed opens, since a sealed case
   * (`privacy.sealedWhen`) is visible to its responsible staff only. Ids and usernames, no more.
   */
  staffOf(orgCode: string): Promise<{ id: string; username: string; role: Role; demo: boolean }[]>;
  /**
   * Runs one of this plugin's own jobs (`name`, without the plugin id) now, as if the clock read
   * `at`, exactly as its schedule would (its declared access included; recorded in the job history
   * as a manual run): demo history such as the daily figures of days gone by.
   */
  runJob(name: string, at: Date): Promise<void>;
  now(): Date;
  /** What the installed plugins contributed (metric titles and units, diary items). */
  catalog: PlatformCatalog;
}

/**
 * HTTP routes beyond tRPC (binary uploads, files), mounted at `/plugins/<plugin id><path>`.
 * Core stays isomorphic: a handler receives and returns web-standard `Request` / `Response`
 * objects (Node ≥ 18, browsers, workers), typed here by the minimal subset the server relies on
 * so that core needs neither DOM nor Node type libraries.
 */
export interface RouteRequest {
  readonly method: string;
  /** Absolute URL of the request (query string included). */
  readonly url: string;
  readonly headers: { get(name: string): string | null };
  /** The whole body, already read within the route's `maxBodyBytes`. */
  arrayBuffer(): Promise<ArrayBuffer>;
}

export interface RouteResponse {
  readonly status: number;
  readonly headers: { forEach(callback: (value: string, name: string) => void): void };
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** What a route handler gets besides the request: the caller, resolved exactly as for tRPC. */
export interface PluginRouteContext {
  requestId: string;
  locale: Locale;
  /** The signed-in user or embed-token holder; null for anonymous routes and anonymous callers. */
  actor: Actor | null;
  /** A verified API key (publishable `x-sifa-key`, or a secret key as bearer), or null. */
  apiKey: ApiKeyIdentity | null;
  /** Why a presented bearer token was rejected, when it was (throw it where sign-in is required). */
  authError?: SifaError | undefined;
  /** The client's network address as for tRPC (`SifaContext.clientAddress`), for per-client limits; null for anonymous routes or when unknown. */
  clientAddress?: string | null | undefined;
  /** Named segments of the route's path (`:name`). */
  params: Readonly<Record<string, string>>;
  /** `runScoped` (a route's `permission` is checked before; any other check is the handler's), `runPublicRead`, `now`. */
  platform: Pick<PlatformServices, 'runScoped' | 'runPublicRead' | 'now' | 'changes'>;
}

interface PluginRouteBase {
  /** HEAD is answered by GET routes (without the body). */
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Below `/plugins/<plugin id>`: literal segments and `:name` segments, e.g. `/images/:file`. */
  path: string;
  /** Largest accepted body, enforced while it streams in (413 PAYLOAD_TOO_LARGE); default 1 MiB. */
  maxBodyBytes?: number;
  /** The message of that 413 (default: the generic one), e.g. what the largest file may be. */
  tooLargeMessage?: LocalizedText;
  /**
   * The whole body must arrive within this many ms (and never slower than 1 KiB/s over 5 s), else
   * 408 REQUEST_TIMEOUT and the connection is closed. Default: `maxBodyBytes` at 1 Mbit/s, at least 30 s.
   */
  bodyTimeoutMs?: number;
}

/** A route whose handler decides who may call it (or an anonymous one). */
export interface OpenPluginRoute extends PluginRouteBase {
  permission?: undefined;
  /**
   * No credentials are looked at (no actor, no Origin check): for public files that pages on
   * any origin load, e.g. content-addressed images. Default false.
   */
  anonymous?: boolean;
  /** Throw a SifaError to answer with the same error JSON as tRPC (`{ error: { message, code, data } }`). */
  handler(request: RouteRequest, ctx: PluginRouteContext): Promise<RouteResponse>;
}

/**
 * A route for signed-in callers holding `permission`: the platform answers UNAUTHENTICATED (401)
 * or FORBIDDEN (403) before the body is read and before the handler runs, so the handler gets the actor.
 */
export interface PermittedPluginRoute extends PluginRouteBase {
  /** Declared by this plugin (or, `platform.*`, by the platform). */
  permission: string;
  anonymous?: false;
  /** Throw a SifaError to answer with the same error JSON as tRPC (`{ error: { message, code, data } }`). */
  handler(request: RouteRequest, ctx: PluginRouteContext & { actor: Actor }): Promise<RouteResponse>;
}

export type PluginRoute = OpenPluginRoute | PermittedPluginRoute;

/** The server half of a plugin. Tables are drizzle tables (typed loosely to keep core free of drizzle). */
export interface ServerPluginParts<TRouter extends AnyRouter = AnyRouter> {
  router?: TRouter;
  /** Drizzle tables the plugin owns; names must be unique across all plugins. */
  tables?: readonly object[];
  /** Absolute path of the folder of drizzle-kit generated SQL migrations (with meta/_journal.json). */
  migrationsFolder?: string;
  /** Demo content, idempotent; may return exports for the seeds of plugins that start later. */
  seed?: (ctx: PluginSeedContext) => Promise<void | SeedExports>;
  /** HTTP routes under `/plugins/<plugin id>/`, for what tRPC's JSON cannot carry (binary uploads, files). */
  routes?: readonly PluginRoute[];
  /** Scheduled jobs (reminders, escalation, evaluations); names unique within the plugin. */
  jobs?: readonly PluginJob[];
  /** Document templates; each code must be listed in the manifest's `contributes.documentTemplates`. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  documentTemplates?: readonly DocumentTemplate<any>[];
  /** Due dates of this plugin's records, for early warnings. */
  deadlineSources?: readonly DeadlineSource[];
  /** Values this plugin computes per org and period (a score), for other plugins. */
  indicators?: readonly Indicator[];
  /**
   * Checks the casework engine runs before steps of this plugin's case types (`casework.ts`
   * `CaseCheckSource`): shown on the step's form (`cases.checks`), and inside `transition` a
   * check in state 'attention' needs a reason in the input's `overrides`, recorded with the step;
   * one in state 'blocked' refuses the step (no reason overrides it).
   */
  caseChecks?: readonly CaseCheckSource[];
  /**
   * Called in the transaction of a calendar import (holidays of a year added or corrected), after
   * the new version is written: recompute what depends on working days (open plans re-split).
   * Throwing rolls the import back. On a dry run, report without writing.
   */
  onCalendarChange?: (ctx: CalendarChangeContext) => Promise<{ summary: LocalizedText; counts: Record<string, number> } | void>;
}

export interface ServerPlugin<TId extends string = string, TRouter extends AnyRouter = AnyRouter> extends ServerPluginParts<TRouter> {
  manifest: PluginManifestInput & { id: TId };
}

/** Joins a plugin's manifest with its server half. */
export function defineServerPlugin<const TManifest extends PluginManifestInput, TRouter extends AnyRouter = AnyRouter>(
  manifest: TManifest,
  parts: ServerPluginParts<TRouter>,
): ServerPlugin<TManifest['id'], TRouter> {
  return { manifest, ...parts } as ServerPlugin<TManifest['id'], TRouter>;
}

export type { LocalizedText };
