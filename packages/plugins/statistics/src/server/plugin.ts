/**
 * The statistics plugin's server half, built only on the public plugin contract: the entry
 * points the installed plugins contribute (`ctx.catalog.entryPoints`, checked at start) or an
 * override (validated when the plugin is created), the views over the facts rollups, the records
 * behind a number, the live view (`statistics.watch`, woken by the change feed's `facts` topic)
 * and the export route. Its router is what `StatisticsApi` (the common entry) is inferred from.
 * Every number comes from `ctx.facts` under the caller's row-level security; its one table keeps
 * the month's figures as recorded for upstream reporting (monthly-report.ts: job, route, list).
 */
import {
  SifaError,
  createRouter,
  defineServerPlugin,
  entryPointDefinitionSchema,
  fieldIssuesOf,
  listenForChange,
  scopedProcedure,
  scopedSubscription,
  type EntryPointDefinition,
  type EntryPointDefinitionInput,
  type PlatformCatalog,
  type PlatformServices,
  type PluginRoute,
} from '@sifa/core';
import { fileURLToPath } from 'node:url';
import { statisticsManifest } from '../index.js';
import { monthlyReportJob, monthlyReportRoute, monthlyReports } from './monthly-report.js';
import { monthlyFigures } from './schema.js';
import { monthlyReportSummariesSchema, monthlyReportsInputSchema, statisticsEntriesInputSchema, statisticsExportQuerySchema, statisticsViewInputSchema } from '../schemas.js';
import type { EntryPointList, StatisticsEntries, StatisticsView } from '../types.js';
import { maxEntriesLimit, maxExportRecords } from '../schemas.js';
import { availableEntryPoints, computeView, listEntries, type EntryPointRegistry } from './view.js';
import { contentDisposition, exportContentTypes, exportDocument, exportFileNames, recordsDocument, toCsv, toXlsx } from './export.js';

const readPermission = 'statistics.read';
/** The change-feed topic the facts service publishes on every recorded source. */
export const factsTopic = 'facts';

export interface StatisticsPluginOptions {
  /**
   * Replaces the entry points the installed plugins contribute (`contributes.entryPoints`) with
   * this set, validated when the plugin is created. One whose metrics are not all installed is
   * left out; one naming a group no plugin declares is listed after the groups.
   */
  entryPoints?: EntryPointDefinitionInput[];
  /** After a change wakes a live view, wait this long for more before recomputing (default 250 ms). */
  coalesceMs?: number;
}

/** The registry of the installed plugins' entry points (already checked at start), in start order. */
function contributedRegistry(entries: PlatformCatalog['entryPoints']): EntryPointRegistry {
  const list: EntryPointDefinition[] = entries.map(({ plugin: _plugin, ...entry }) => entry);
  return { list, byId: new Map(list.map((e) => [e.id, e])) };
}

/** Validates entry-point definitions; throws an Error naming every problem (and duplicate ids). */
export function entryPointRegistry(definitions: readonly EntryPointDefinitionInput[]): EntryPointRegistry {
  const problems: string[] = [];
  const list: EntryPointDefinition[] = [];
  const byId = new Map<string, EntryPointDefinition>();
  definitions.forEach((definition, i) => {
    const parsed = entryPointDefinitionSchema.safeParse(definition);
    const name = typeof (definition as { id?: unknown })?.id === 'string' ? `"${(definition as { id: string }).id}"` : `#${i + 1}`;
    if (!parsed.success) {
      for (const issue of fieldIssuesOf(parsed.error, 'en') ?? []) problems.push(`entry point ${name}${issue.path ? ` (${issue.path})` : ''}: ${issue.message}`);
      return;
    }
    if (byId.has(parsed.data.id)) {
      problems.push(`entry point ${name} is defined twice: ids must be unique.`);
      return;
    }
    byId.set(parsed.data.id, parsed.data);
    list.push(parsed.data);
  });
  if (problems.length) throw new Error(`Invalid statistics entry points:\n- ${problems.join('\n- ')}`);
  return { list, byId };
}

const sleep = (ms: number, signal: AbortSignal | undefined) =>
  new Promise<void>((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });

/** A view's numbers and labels without its computation time (to yield only what changed). */
const fingerprint = (view: StatisticsView) => JSON.stringify({ ...view, computedAt: '' });

export function createStatisticsPlugin(options: StatisticsPluginOptions = {}) {
  const override = options.entryPoints ? entryPointRegistry(options.entryPoints) : null;
  // One registry per composed catalog (a plugin object may serve several servers, e.g. in tests).
  const contributed = new WeakMap<PlatformCatalog['entryPoints'], EntryPointRegistry>();
  const registryOf = (catalog: PlatformCatalog): EntryPointRegistry => {
    if (override) return override;
    let registry = contributed.get(catalog.entryPoints);
    if (!registry) contributed.set(catalog.entryPoints, (registry = contributedRegistry(catalog.entryPoints)));
    return registry;
  };
  const coalesceMs = options.coalesceMs ?? 250;

  const router = createRouter({
    /** The entry points whose metrics are all installed, and the groups' titles. */
    entryPoints: scopedProcedure(readPermission).query(({ ctx }): EntryPointList => availableEntryPoints(registryOf(ctx.catalog), ctx.catalog)),

    /** The months whose figures the `statistics.monthly-report` job recorded, for the caller's subtree (or `orgCode`'s). */
    monthlyReports: scopedProcedure(readPermission)
      .meta({ result: monthlyReportSummariesSchema })
      .input(monthlyReportsInputSchema)
      .query(({ ctx, input }) => monthlyReports(ctx, input.orgCode)),

    /** One entry point over one org subtree (the caller's by default) and one period. */
    view: scopedProcedure(readPermission)
      .input(statisticsViewInputSchema)
      .query(async ({ ctx, input }): Promise<StatisticsView> => (await computeView(ctx, registryOf(ctx.catalog), input)).view),

    /** The records behind a number (newest day first), a page at a time. */
    entries: scopedProcedure(readPermission)
      .input(statisticsEntriesInputSchema)
      .query(({ ctx, input }): Promise<StatisticsEntries> => listEntries(ctx, input)),

    /**
     * The view now, then again whenever facts of the shown subtree change (server-sent events).
     * Each read goes through the caller's own scoped transaction; a burst of changes is read
     * once (`coalesceMs` after the first), and a view whose numbers did not change is not sent.
     */
    watch: scopedSubscription(readPermission)
      .input(statisticsViewInputSchema)
      .subscription(async function* ({ ctx, input, signal }) {
        const platform: PlatformServices = ctx.platform;
        const actor = ctx.actor;
        const registry = registryOf(platform.catalog);
        // Refused here (OUT_OF_SCOPE, NOT_FOUND) before anything is sent.
        const org = await platform.runScoped(actor, (s) => s.orgs.get(input.orgCode ?? actor.scope.orgCode));
        let last = '';
        while (!signal?.aborted) {
          // Listen before reading: a change between the read and the wait is not missed.
          const wait = listenForChange(platform.changes, factsTopic, org.path, { signal });
          try {
            const { view } = await platform.runScoped(actor, (s) => computeView(s, registry, input));
            const print = fingerprint(view);
            if (print !== last) {
              last = print;
              yield view;
            }
            // Wakes on a change in (or above) the subtree; re-reads anyway every 25 s.
            if (await wait.changed) await sleep(coalesceMs, signal);
          } finally {
            wait.close();
          }
        }
      }),
  });

  /**
   * `GET /plugins/statistics/export?entry=&orgCode=&period=&compare=&format=xlsx|csv&locale=zh|en|mn&figure=&item=`:
   * what the screen shows, the view (ranked by `figure`) or, with `item`, the records behind it.
   */
  const exportRoute: PluginRoute = {
    method: 'GET',
    path: '/export',
    permission: readPermission,
    async handler(request, ctx) {
      const actor = ctx.actor;
      const params: Record<string, string> = {};
      new URL(request.url).searchParams.forEach((value, key) => {
        if (value !== '') params[key] = value;
      });
      const query = statisticsExportQuerySchema.safeParse(params);
      if (!query.success) throw new SifaError('VALIDATION_FAILED', { issues: fieldIssuesOf(query.error, ctx.locale) ?? [] });
      const { format, locale, figure, item, ...input } = query.data;
      // The same computation as the screen's, under the caller's row-level security.
      const { view, records } = await ctx.platform.runScoped(actor, async (s) => {
        const { view } = await computeView(s, registryOf(s.catalog), input);
        if (!item) return { view, records: null };
        if (!view.items.some((i) => i.metric === item)) {
          throw new SifaError('NOT_FOUND', {
            message: { zh: `数据入口“${view.entry.title.zh}”没有分项指标 ${item}。`, en: `The entry point "${view.entry.title.en}" has no item ${item}.` },
            details: { item },
          });
        }
        // Every record behind the item (up to maxExportRecords), a page of the list at a time.
        const rows: StatisticsEntries['rows'] = [];
        let total = 0;
        do {
          const page = await listEntries(s, { orgCode: view.org.code, period: view.period.period, metric: item, limit: maxEntriesLimit, offset: rows.length });
          total = page.total;
          rows.push(...page.rows);
          if (page.rows.length === 0) break;
        } while (rows.length < Math.min(total, maxExportRecords));
        return { view, records: { rows: rows.slice(0, maxExportRecords), total } };
      });
      const doc = records && item ? recordsDocument(view, item, records, locale) : exportDocument(view, locale, { rankBy: figure });
      const bytes = format === 'xlsx' ? await toXlsx(view, locale, doc) : toCsv(view, locale, doc);
      const names = exportFileNames(view, locale, format, records ? item : undefined);
      return new Response(new Uint8Array(bytes.buffer as ArrayBuffer, bytes.byteOffset, bytes.byteLength), {
        status: 200,
        headers: {
          'content-type': exportContentTypes[format],
          'content-disposition': contentDisposition(names.name, names.ascii),
          'cache-control': 'private, no-store',
          'x-content-type-options': 'nosniff',
        },
      });
    },
  };

  return defineServerPlugin(statisticsManifest, {
    router,
    routes: [exportRoute, monthlyReportRoute(readPermission)],
    jobs: [monthlyReportJob],
    tables: [monthlyFigures],
    migrationsFolder: fileURLToPath(new URL('../../migrations', import.meta.url)),
  });
}

/** The statistics router, as mounted under `statistics.` (what `StatisticsApi` is inferred from). */
export type StatisticsRouter = NonNullable<ReturnType<typeof createStatisticsPlugin>['router']>;
