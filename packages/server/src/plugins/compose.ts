/**
 * Validates and composes the plugins a server is started with: every manifest parsed with zod,
 * the core range checked, collisions of ids, permission names, tables, metrics, diary item
 * codes, entry points, entry point groups, case types and derived diary items refused with both
 * plugins named, a permission a plugin names (route, procedure, case type) that it (or the
 * platform) does not declare refused, a metric or group an entry point names that no plugin
 * declares refused, a case type's document template or fact metric that nothing installed
 * provides refused, and a start order that honours `dependsOn`.
 */
import semver from 'semver';
import { Cron } from 'croner';
import { getTableName, isTable, type Table } from 'drizzle-orm';
import {
  catalogMessage,
  coreVersion,
  createRouter,
  pluginManifestSchema,
  ratioCohortProblem,
  roles,
  type AnyRouterRecord,
  type DeadlineSource,
  type DiaryItem,
  type DocumentTemplate,
  type EntryPointDefinition,
  type EntryPointGroupDefinition,
  type Indicator,
  type PluginJob,
  type MetricDefinition,
  type PlatformCatalog,
  type PluginManifest,
  type Role,
  type ServerPlugin,
  type CaseType,
  type CaseCheckSource,
} from '@sifa/core';
import { hasScopePolicy, isOrgOwned } from '../db/tenant-security.js';

/** The platform's own plugin: its permissions (`platform.*`) may be named by every plugin. */
const platformPluginId = 'platform';

/** A plugin that cannot be started; the message says what to change. */
export class PluginCompositionError extends Error {
  constructor(
    readonly code: 'PLUGIN_INVALID' | 'PLUGIN_CONFLICT' | 'PLUGIN_INCOMPATIBLE' | 'PLUGIN_DEPENDENCY',
    message: string,
  ) {
    super(message);
    this.name = 'PluginCompositionError';
  }
}

export interface ComposedPlugin {
  manifest: PluginManifest;
  source: ServerPlugin;
}

export interface Composition {
  /** Every diary item of every plugin, in start order, with the plugin that contributed it. */
  diaryItems: readonly (DiaryItem & { plugin: string })[];
  /** Every table of every plugin. */
  tables: readonly Table[];
  /** In start order: every plugin after the plugins it depends on. */
  plugins: ComposedPlugin[];
  metrics: ReadonlyMap<string, MetricDefinition>;
  permissionsByRole: ReadonlyMap<Role, ReadonlySet<string>>;
  /** Every permission any plugin declares (what the seed's and the jobs' system actors hold). */
  permissions: ReadonlySet<string>;
  routers: AnyRouterRecord;
  /** Scheduled jobs by full name (`<plugin id>.<name>`). */
  jobs: ReadonlyMap<string, PluginJob & { plugin: string }>;
  /** Document templates by code. */
  documentTemplates: ReadonlyMap<string, DocumentTemplate & { plugin: string }>;
  deadlineSources: readonly (DeadlineSource & { plugin: string })[];
  indicators: ReadonlyMap<string, Indicator & { plugin: string }>;
  /** Checks before case steps (`caseChecks`), each of its own plugin's case type and steps. */
  caseChecks: readonly (CaseCheckSource & { plugin: string })[];
  /** What every procedure, job and seed sees of the contributions (`ctx.catalog`, `ctx.platform.catalog`). */
  catalog: PlatformCatalog;
}

function describeIssues(error: { issues: { path: PropertyKey[]; message: string }[] }): string {
  // Catalog keys (msg('pluginId') → "§pluginId") are rendered, never shown raw.
  return error.issues.map((i) => `  - ${i.path.map(String).join('.') || '(manifest)'}: ${catalogMessage(i.message)?.en ?? i.message}`).join('\n');
}

export function composePlugins(input: readonly ServerPlugin[]): Composition {
  const parsed: ComposedPlugin[] = input.map((source, index) => {
    const result = pluginManifestSchema.safeParse(source.manifest);
    if (!result.success) {
      const name = typeof source.manifest?.id === 'string' ? `"${source.manifest.id}"` : `#${index + 1}`;
      throw new PluginCompositionError('PLUGIN_INVALID', `Plugin ${name} has an invalid manifest:\n${describeIssues(result.error)}`);
    }
    return { manifest: result.data, source };
  });

  for (const { manifest } of parsed) {
    if (!semver.validRange(manifest.core)) {
      throw new PluginCompositionError('PLUGIN_INVALID', `Plugin "${manifest.id}" declares core range "${manifest.core}", which is not a valid semver range.`);
    }
    if (!semver.satisfies(coreVersion, manifest.core, { includePrerelease: true })) {
      throw new PluginCompositionError(
        'PLUGIN_INCOMPATIBLE',
        `Plugin "${manifest.id}" ${manifest.version} needs @sifa/core ${manifest.core}, but this server runs @sifa/core ${coreVersion}. ` +
          `Upgrade the plugin to a version built for ${coreVersion}, or run a server whose core satisfies ${manifest.core}.`,
      );
    }
  }

  // One owner per name, whatever kind of name it is.
  const claim = (kind: string, owners: Map<string, string>, name: string, plugin: string) => {
    const owner = owners.get(name);
    if (owner !== undefined) {
      throw new PluginCompositionError(
        'PLUGIN_CONFLICT',
        owner === plugin
          ? `Plugin "${plugin}" declares the ${kind} "${name}" twice.`
          : `Plugins "${owner}" and "${plugin}" both declare the ${kind} "${name}". Rename it in one of them.`,
      );
    }
    owners.set(name, plugin);
  };
  const permissions = new Map<string, string>();
  const tables = new Map<string, string>();
  const metricOwners = new Map<string, string>();
  const diaryItemOwners = new Map<string, string>();
  const entryPointOwners = new Map<string, string>();
  const entryPointGroupOwners = new Map<string, string>();
  const caseTypeOwners = new Map<string, string>();
  const derivedItemOwners = new Map<string, string>();
  const metrics = new Map<string, MetricDefinition>();
  const permissionsByRole = new Map<Role, Set<string>>(roles.map((r) => [r, new Set<string>()]));

  // Two plugins with one id: tell them apart by title and version (the id names both alike).
  const byId = new Map<string, ComposedPlugin>();
  for (const plugin of parsed) {
    const { manifest } = plugin;
    const first = byId.get(manifest.id);
    if (first) {
      const describe = (m: PluginManifest) => `"${m.title.en}" ${m.version}`;
      throw new PluginCompositionError(
        'PLUGIN_CONFLICT',
        first.source === plugin.source
          ? `Plugin "${manifest.id}" is listed twice. List it once.`
          : `Two plugins have the id "${manifest.id}": ${describe(first.manifest)} and ${describe(manifest)}. Plugin ids must be unique: remove one of them.`,
      );
    }
    byId.set(manifest.id, plugin);
  }
  for (const { manifest, source } of parsed) {
    for (const p of manifest.permissions) {
      claim('permission', permissions, p.name, manifest.id);
      for (const role of p.roles) permissionsByRole.get(role)!.add(p.name);
    }
    for (const table of source.tables ?? []) {
      if (!isTable(table)) throw new PluginCompositionError('PLUGIN_INVALID', `Plugin "${manifest.id}" lists something in "tables" that is not a drizzle table.`);
      claim('table', tables, getTableName(table as Table), manifest.id);
      if (isOrgOwned(table as Table) && !hasScopePolicy(table as Table)) {
        throw new PluginCompositionError(
          'PLUGIN_INVALID',
          `Plugin "${manifest.id}": table "${getTableName(table as Table)}" has an org_path column but no row-level security policy. Add orgScopePolicy('${getTableName(table as Table)}') from @sifa/core/db to its definition.`,
        );
      }
    }
    for (const m of manifest.contributes.metrics) {
      claim('metric', metricOwners, m.code, manifest.id);
      metrics.set(m.code, m);
    }
    for (const item of manifest.contributes.diaryItems) claim('diary item', diaryItemOwners, item.code, manifest.id);
    for (const entry of manifest.contributes.entryPoints) claim('entry point', entryPointOwners, entry.id, manifest.id);
    for (const group of manifest.contributes.entryPointGroups) claim('entry point group', entryPointGroupOwners, group.id, manifest.id);
    for (const caseType of manifest.contributes.caseTypes) claim('case type', caseTypeOwners, caseType.code, manifest.id);
    for (const derived of manifest.contributes.derivedDiaryItems) claim('derived diary item', derivedItemOwners, derived.item, manifest.id);
  }
  for (const { manifest } of parsed) {
    for (const m of manifest.contributes.metrics) {
      if (m.cohortOf && !metrics.has(m.cohortOf)) {
        throw new PluginCompositionError('PLUGIN_INVALID', `Plugin "${manifest.id}": metric "${m.code}" is declared a cohort of "${m.cohortOf}", which no installed plugin declares.`);
      }
    }
    for (const item of manifest.contributes.diaryItems) {
      for (const [field, spec] of Object.entries(item.fields)) {
        if ('metric' in spec && spec.metric && !metrics.has(spec.metric)) {
          throw new PluginCompositionError('PLUGIN_INVALID', `Plugin "${manifest.id}": diary item "${item.code}" feeds field "${field}" into metric "${spec.metric}", which no plugin declares.`);
        }
      }
    }
    for (const entry of manifest.contributes.entryPoints) {
      for (const metric of entry.metrics) {
        if (!metrics.has(metric)) {
          throw new PluginCompositionError('PLUGIN_INVALID', `Plugin "${manifest.id}": entry point "${entry.id}" shows metric "${metric}", which no installed plugin declares.`);
        }
      }
      const ratio = ratioCohortProblem(entry, metrics);
      if (ratio) throw new PluginCompositionError('PLUGIN_INVALID', `Plugin "${manifest.id}": ${ratio}`);
      if (!entryPointGroupOwners.has(entry.group)) {
        throw new PluginCompositionError(
          'PLUGIN_INVALID',
          `Plugin "${manifest.id}": entry point "${entry.id}" is listed under group "${entry.group}", which no installed plugin declares (contributes.entryPointGroups).`,
        );
      }
    }
  }

  const plugins = startOrder(parsed);
  const jobs = new Map<string, PluginJob & { plugin: string }>();
  const documentTemplates = new Map<string, DocumentTemplate & { plugin: string }>();
  const deadlineSources: (DeadlineSource & { plugin: string })[] = [];
  const indicators = new Map<string, Indicator & { plugin: string }>();
  for (const { manifest, source } of plugins) {
    const id = manifest.id;
    const own = (kind: string, code: string) => {
      if (!code.startsWith(`${id}.`)) throw new PluginCompositionError('PLUGIN_INVALID', `Plugin "${id}": ${kind} "${code}" must start with "${id}.".`);
    };
    // A plugin names its own permissions and the platform's, nothing another plugin may rename.
    const ownPermission = (where: string, permission: string) => {
      const owner = permissions.get(permission);
      if (owner === id || owner === platformPluginId) return;
      throw new PluginCompositionError(
        'PLUGIN_INVALID',
        owner === undefined
          ? `Plugin "${id}": ${where} names the permission "${permission}", which is not declared. Declare it in the plugin's manifest (permissions) or correct the name.`
          : `Plugin "${id}": ${where} names the permission "${permission}" of plugin "${owner}"; a plugin may name only its own permissions and the platform's.`,
      );
    };
    for (const route of source.routes ?? []) {
      if (route?.permission !== undefined) ownPermission(`route ${String(route.method)} ${String(route.path)}`, route.permission);
    }
    // Every scopedProcedure / scopedSubscription carries its permission as meta.
    for (const [path, procedure] of Object.entries(source.router?._def.procedures ?? {})) {
      const permission = (procedure as { _def?: { meta?: { permission?: unknown } } })._def?.meta?.permission;
      if (typeof permission === 'string') ownPermission(`procedure "${id}.${path}"`, permission);
    }
    for (const job of source.jobs ?? []) {
      const name = `${id}.${job.name}`;
      if (!/^[a-z][a-z0-9-]*$/.test(job.name)) throw new PluginCompositionError('PLUGIN_INVALID', `Plugin "${id}": job name "${job.name}" must be lower-case letters, digits and "-".`);
      if (jobs.has(name)) throw new PluginCompositionError('PLUGIN_CONFLICT', `Plugin "${id}" declares job "${job.name}" twice.`);
      try {
        new Cron(job.schedule, { paused: true }).stop();
      } catch (error) {
        throw new PluginCompositionError('PLUGIN_INVALID', `Plugin "${id}": job "${job.name}" has an invalid schedule "${job.schedule}" (${error instanceof Error ? error.message : String(error)}).`);
      }
      // Reading sealed cases is declared with a reason an operator reads (`sifa jobs list`), in zh and en at least.
      const why = job.readsSealedCases;
      if (why !== undefined && !(typeof why?.reason?.zh === 'string' && why.reason.zh.trim() && typeof why.reason.en === 'string' && why.reason.en.trim())) {
        throw new PluginCompositionError('PLUGIN_INVALID', `Plugin "${id}": job "${job.name}" declares readsSealedCases without a reason (zh and en).`);
      }
      jobs.set(name, { ...job, plugin: id });
    }
    const declared = new Set(manifest.contributes.documentTemplates.map((t) => t.code));
    for (const template of source.documentTemplates ?? []) {
      own('document template', template.code);
      if (!declared.has(template.code)) {
        throw new PluginCompositionError('PLUGIN_INVALID', `Plugin "${id}": document template "${template.code}" is not listed in its manifest's contributes.documentTemplates.`);
      }
      if (documentTemplates.has(template.code)) throw new PluginCompositionError('PLUGIN_CONFLICT', `Plugin "${id}" declares document template "${template.code}" twice.`);
      documentTemplates.set(template.code, { ...template, plugin: id });
    }
    for (const code of declared) {
      if (!documentTemplates.has(code)) throw new PluginCompositionError('PLUGIN_INVALID', `Plugin "${id}": its manifest lists document template "${code}" but its server half has no template with that code.`);
    }
    for (const dl of source.deadlineSources ?? []) {
      own('deadline source', dl.code);
      if (deadlineSources.some((d) => d.code === dl.code)) throw new PluginCompositionError('PLUGIN_CONFLICT', `Plugin "${id}" declares deadline source "${dl.code}" twice.`);
      deadlineSources.push({ ...dl, plugin: id });
    }
    for (const indicator of source.indicators ?? []) {
      own('indicator', indicator.code);
      if (indicators.has(indicator.code)) throw new PluginCompositionError('PLUGIN_CONFLICT', `Plugin "${id}" declares indicator "${indicator.code}" twice.`);
      indicators.set(indicator.code, { ...indicator, plugin: id });
    }
  }
  const caseTypes = plugins.flatMap(({ manifest }) => manifest.contributes.caseTypes.map((caseType) => ({ ...caseType, plugin: manifest.id })));
  for (const caseType of caseTypes) checkCaseType(caseType, permissions, metrics, documentTemplates);
  const caseChecks: (CaseCheckSource & { plugin: string })[] = [];
  for (const { manifest, source } of plugins) {
    for (const checks of source.caseChecks ?? []) {
      const where = `Plugin "${manifest.id}": caseChecks of "${String(checks.type)}"`;
      const type = manifest.contributes.caseTypes.find((t) => t.code === checks.type);
      if (!type) throw new PluginCompositionError('PLUGIN_INVALID', `${where}: a plugin checks steps of its own case types only (contributes.caseTypes); it has none with that code.`);
      if (typeof checks.run !== 'function' || checks.transitions.length === 0) throw new PluginCompositionError('PLUGIN_INVALID', `${where}: name the steps (transitions) and give run().`);
      for (const code of checks.transitions) {
        const t = type.transitions.find((x) => x.code === code);
        if (!t) throw new PluginCompositionError('PLUGIN_INVALID', `${where}: the case type has no transition "${code}".`);
        if (t.from.length === 0) throw new PluginCompositionError('PLUGIN_INVALID', `${where}: "${code}" opens the case; checks run before the steps of an existing case.`);
      }
      caseChecks.push({ ...checks, plugin: manifest.id });
    }
  }
  const routers: AnyRouterRecord = {};
  for (const { manifest, source } of plugins) if (source.router) routers[manifest.id] = source.router;
  const diaryItems = plugins.flatMap((p) => p.manifest.contributes.diaryItems.map((item) => ({ ...item, plugin: p.manifest.id })));
  const entryPoints: (EntryPointDefinition & { plugin: string })[] = plugins.flatMap((p) => p.manifest.contributes.entryPoints.map((e) => ({ ...e, plugin: p.manifest.id })));
  const entryPointGroups: (EntryPointGroupDefinition & { plugin: string })[] = plugins.flatMap((p) => p.manifest.contributes.entryPointGroups.map((g) => ({ ...g, plugin: p.manifest.id })));
  return {
    plugins,
    metrics,
    permissionsByRole,
    permissions: new Set(plugins.flatMap((p) => p.manifest.permissions.map((x) => x.name))),
    routers,
    diaryItems,
    tables: plugins.flatMap((p) => (p.source.tables ?? []) as Table[]),
    jobs,
    documentTemplates,
    deadlineSources,
    indicators,
    caseChecks,
    catalog: {
      diaryItems,
      metrics,
      entryPoints,
      entryPointGroups,
      caseTypes,
      // A derived item no installed plugin contributes is ignored (the diary is not installed).
      derivedDiaryItems: new Map(
        plugins.flatMap((p) => p.manifest.contributes.derivedDiaryItems.filter((d) => diaryItemOwners.has(d.item)).map((d) => [d.item, { plugin: p.manifest.id, from: d.from }] as const)),
      ),
    },
  };
}

/**
 * A case type runs only with what it names: its permissions declared by its own plugin, its
 * documents' templates contributed, its facts' metrics declared (unless `ifInstalled`).
 */
function checkCaseType(
  caseType: CaseType & { plugin: string },
  permissionOwners: ReadonlyMap<string, string>,
  metrics: ReadonlyMap<string, MetricDefinition>,
  templates: ReadonlyMap<string, DocumentTemplate & { plugin: string }>,
) {
  const id = caseType.plugin;
  const where = `Plugin "${id}": case type "${caseType.code}"`;
  const ownPermission = (what: string, permission: string) => {
    const owner = permissionOwners.get(permission);
    if (owner === id) return;
    throw new PluginCompositionError(
      'PLUGIN_INVALID',
      owner === undefined
        ? `${where}: ${what} names the permission "${permission}", which is not declared. Declare it in the plugin's manifest (permissions).`
        : `${where}: ${what} names the permission "${permission}" of plugin "${owner}"; a case type names only its own plugin's permissions.`,
    );
  };
  ownPermission('readPermission', caseType.readPermission);
  for (const transition of caseType.transitions) {
    ownPermission(`transition "${transition.code}"`, transition.permission);
    if (transition.document !== undefined && !templates.has(transition.document)) {
      throw new PluginCompositionError(
        'PLUGIN_INVALID',
        `${where}: transition "${transition.code}" issues the document template "${transition.document}", which no installed plugin contributes (documentTemplates).`,
      );
    }
    for (const fact of transition.facts) {
      if (!fact.ifInstalled && !metrics.has(fact.metric)) {
        throw new PluginCompositionError(
          'PLUGIN_INVALID',
          `${where}: transition "${transition.code}" records the metric "${fact.metric}", which no installed plugin declares. Declare it (contributes.metrics), or mark the fact ifInstalled: true when it feeds another plugin's metric only where that plugin is installed.`,
        );
      }
    }
  }
}

function startOrder(plugins: ComposedPlugin[]): ComposedPlugin[] {
  const byId = new Map(plugins.map((p) => [p.manifest.id, p]));
  const ordered: ComposedPlugin[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (plugin: ComposedPlugin, chain: string[]) => {
    const id = plugin.manifest.id;
    if (state.get(id) === 'done') return;
    if (state.get(id) === 'visiting') {
      throw new PluginCompositionError('PLUGIN_DEPENDENCY', `Plugins depend on each other in a cycle: ${[...chain, id].join(' → ')}.`);
    }
    state.set(id, 'visiting');
    for (const dep of plugin.manifest.dependsOn) {
      const target = byId.get(dep);
      if (!target) throw new PluginCompositionError('PLUGIN_DEPENDENCY', `Plugin "${id}" depends on plugin "${dep}", which is not installed. Add it to the server's plugins.`);
      visit(target, [...chain, id]);
    }
    state.set(id, 'done');
    ordered.push(plugin);
  };
  for (const p of plugins) visit(p, []);
  return ordered;
}

/** The merged router type of a fixed list of plugins, for `import type` by clients. */
export function buildAppRouter(composition: Composition) {
  return createRouter(composition.routers);
}
