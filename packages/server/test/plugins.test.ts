/**
 * Plugin composition: every manifest is validated, collisions and incompatible or missing
 * dependencies refuse the start with a message naming the plugins involved, so does a procedure
 * naming a permission its plugin (or the platform) does not declare, the start order
 * honours `dependsOn`, and a refused server leaves no database connection behind.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { integer, pgTable, serial, text } from 'drizzle-orm/pg-core';
import postgres from 'postgres';
import { z } from 'zod';
import {
  coreVersion,
  createRouter,
  definePlugin,
  defineServerPlugin,
  permittedProcedure,
  publicProcedure,
  scopedProcedure,
  scopedSubscription,
  type PluginManifestInput,
  type ServerPlugin,
  type ServerPluginParts,
} from '@sifa/core';
import { orgColumns } from '@sifa/core/db';
import { composePlugins, createSifaServer, PluginCompositionError, type DatabaseConfig } from '@sifa/server';
import { caseworkPlugin } from './fixtures/casework/plugin.js';
import { adminUrl, createTestDatabase, engine, memoryLogger, startTestServer } from '@sifa/server/testing';

const title = (en: string) => ({ zh: en, en });

/** A small plugin; `extra` overrides manifest fields. */
function plugin(id: string, extra: Partial<PluginManifestInput> = {}, parts: ServerPluginParts = {}): ServerPlugin {
  return defineServerPlugin(definePlugin({ id, version: '1.0.0', core: '^0.1.0', title: title(`Plugin ${id}`), ...extra }), parts);
}

/** The composition error thrown by `work` (fails the test when it does not throw one). */
function compositionErrorOf(work: () => unknown): PluginCompositionError {
  try {
    work();
  } catch (error) {
    expect(error).toBeInstanceOf(PluginCompositionError);
    return error as PluginCompositionError;
  }
  throw new Error('Expected a PluginCompositionError, but composition succeeded');
}

const compose = (...plugins: ServerPlugin[]) => composePlugins(plugins);

const temps: string[] = [];
function tempDir() {
  const dir = mkdtempSync(join(tmpdir(), 'sifa-plugins-'));
  temps.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

/** Writes a drizzle-kit style migrations folder: `{ '0000_tag': 'SQL' }`. */
function migrationsFolder(files: Record<string, string>): string {
  const dir = tempDir();
  mkdirSync(join(dir, 'meta'));
  const entries = Object.keys(files).map((tag, idx) => ({ idx, version: '7', when: 1795712770959 + idx, tag, breakpoints: true }));
  writeFileSync(join(dir, 'meta', '_journal.json'), JSON.stringify({ version: '7', dialect: 'postgresql', entries }));
  for (const [tag, text] of Object.entries(files)) writeFileSync(join(dir, `${tag}.sql`), text);
  return dir;
}

describe('collisions', () => {
  it('refuses two plugins with the same id, naming both', () => {
    const a = plugin('alpha', { version: '1.0.0', title: title('Alpha One') });
    const b = plugin('alpha', { version: '2.0.0', title: title('Alpha Two') });
    const err = compositionErrorOf(() => compose(a, b));
    expect(err.code).toBe('PLUGIN_CONFLICT');
    expect(err.message).toContain('Two plugins have the id "alpha"');
    // Both plugins are told apart: by version and by title.
    expect(err.message).toContain('1.0.0');
    expect(err.message).toContain('2.0.0');
    expect(err.message).toContain('Alpha One');
    expect(err.message).toContain('Alpha Two');
  });

  it('refuses the same plugin listed twice', () => {
    const a = plugin('alpha');
    const err = compositionErrorOf(() => compose(a, a));
    expect(err.code).toBe('PLUGIN_CONFLICT');
    expect(err.message).toBe('Plugin "alpha" is listed twice. List it once.');
  });

  it('refuses a plugin that takes the id of the built-in platform plugin', async () => {
    const db = await createTestDatabase();
    try {
      const err = await createSifaServer({ database: db.handle, plugins: [plugin('platform')], logger: memoryLogger().logger }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(PluginCompositionError);
      expect((err as PluginCompositionError).code).toBe('PLUGIN_CONFLICT');
      expect((err as PluginCompositionError).message).toContain('"platform"');
    } finally {
      await db.drop();
    }
  });

  it('refuses the same table name in two plugins, naming both', () => {
    const clash = pgTable('casework_cases', { id: serial('id').primaryKey() });
    const err = compositionErrorOf(() => compose(caseworkPlugin, plugin('beta', {}, { tables: [clash] })));
    expect(err.code).toBe('PLUGIN_CONFLICT');
    expect(err.message).toBe('Plugins "casework" and "beta" both declare the table "casework_cases". Rename it in one of them.');
  });

  it('refuses a plugin table that takes the name of a platform table', async () => {
    const users = pgTable('users', { id: serial('id').primaryKey() });
    const db = await createTestDatabase();
    try {
      const err = await createSifaServer({ database: db.handle, plugins: [plugin('beta', {}, { tables: [users] })], logger: memoryLogger().logger }).then(
        () => null,
        (e: unknown) => e as PluginCompositionError,
      );
      expect(err?.code).toBe('PLUGIN_CONFLICT');
      expect(err?.message).toContain('"platform" and "beta"');
      expect(err?.message).toContain('"users"');
    } finally {
      await db.drop();
    }
  });

  // Permission names, metric codes and diary item codes must start with "<own id>.", so two
  // plugins with different ids can never share one: a second plugin claiming the first's name is
  // refused as invalid, and a name listed twice is refused as a conflict.
  const permission = (name: string) => ({ name, title: title(name), roles: [] });
  const metric = (code: string) => ({ code, title: title(code), unit: title('x') });
  const diaryItem = (code: string) => ({
    code,
    title: title(code),
    part: 'daily' as const,
    fields: { note: { kind: 'text' as const, title: title('note') } },
  });

  it.each<[string, string, Partial<PluginManifestInput>]>([
    ['permission', 'permissions.0.name', { permissions: [permission('alpha.read')] }],
    ['metric', 'contributes.metrics.0.code', { contributes: { metrics: [metric('alpha.count')] } }],
    ['diary item', 'contributes.diaryItems.0.code', { contributes: { diaryItems: [diaryItem('alpha.visit')] } }],
  ])('refuses a second plugin declaring the first one’s %s, naming both', (_kind, path, manifest) => {
    const alpha = plugin('alpha', manifest);
    const beta = plugin('beta', manifest);
    expect(() => compose(alpha)).not.toThrow();
    const err = compositionErrorOf(() => compose(alpha, beta));
    expect(err.code).toBe('PLUGIN_INVALID');
    expect(err.message).toContain('Plugin "beta"');
    expect(err.message).toContain(path);
    expect(err.message).toMatch(/"alpha\.[a-z]+" must start with "beta\."/);
  });

  it.each<[string, string, Partial<PluginManifestInput>]>([
    ['permission', 'alpha.read', { permissions: [permission('alpha.read'), permission('alpha.read')] }],
    ['metric', 'alpha.count', { contributes: { metrics: [metric('alpha.count'), metric('alpha.count')] } }],
    ['diary item', 'alpha.visit', { contributes: { diaryItems: [diaryItem('alpha.visit'), diaryItem('alpha.visit')] } }],
  ])('refuses a %s declared twice', (kind, name, manifest) => {
    const err = compositionErrorOf(() => compose(plugin('alpha', manifest)));
    expect(err.code).toBe('PLUGIN_CONFLICT');
    expect(err.message).toBe(`Plugin "alpha" declares the ${kind} "${name}" twice.`);
  });

  it('refuses the same table listed twice by one plugin', () => {
    const t = pgTable('alpha_things', { id: serial('id').primaryKey() });
    const err = compositionErrorOf(() => compose(plugin('alpha', {}, { tables: [t, t] })));
    expect(err.code).toBe('PLUGIN_CONFLICT');
    expect(err.message).toContain('"alpha_things" twice');
  });
});

describe('compatibility and validity', () => {
  it('refuses a plugin built for another core, showing both versions', () => {
    const err = compositionErrorOf(() => compose(plugin('future', { version: '3.1.0', core: '^2.0.0' })));
    expect(err.code).toBe('PLUGIN_INCOMPATIBLE');
    expect(err.message).toContain('"future" 3.1.0');
    expect(err.message).toContain('^2.0.0');
    expect(err.message).toContain(`@sifa/core ${coreVersion}`);
  });

  it('accepts a range the running core satisfies', () => {
    expect(() => compose(plugin('alpha', { core: `>=${coreVersion} <1.0.0` }))).not.toThrow();
  });

  it('refuses a core range that is not semver', () => {
    const err = compositionErrorOf(() => compose(plugin('alpha', { core: 'latest-and-greatest' })));
    expect(err.code).toBe('PLUGIN_INVALID');
    expect(err.message).toContain('latest-and-greatest');
  });

  it('refuses a bad plugin id with the field path and a readable message', () => {
    const err = compositionErrorOf(() => compose(plugin('Bad_Id')));
    expect(err.code).toBe('PLUGIN_INVALID');
    expect(err.message).toContain('Plugin "Bad_Id" has an invalid manifest');
    expect(err.message).toContain('  - id: A plugin id is 2–40 characters');
    // The catalog key is rendered, never shown raw.
    expect(err.message).not.toContain('§');
  });

  it('refuses a permission not prefixed with the plugin id, with the field path', () => {
    const err = compositionErrorOf(() => compose(plugin('alpha', { permissions: [{ name: 'read.all', title: title('Read') }] })));
    expect(err.code).toBe('PLUGIN_INVALID');
    expect(err.message).toContain('  - permissions.0.name: "read.all" must start with "alpha."');
  });

  it('names a plugin without a usable id by its position', () => {
    const err = compositionErrorOf(() => compose(plugin('alpha'), { manifest: { version: '1.0.0' } } as unknown as ServerPlugin));
    expect(err.code).toBe('PLUGIN_INVALID');
    expect(err.message).toContain('Plugin #2 has an invalid manifest');
    expect(err.message).toContain('  - id:');
  });

  it('refuses something in "tables" that is not a drizzle table', () => {
    const err = compositionErrorOf(() => compose(plugin('alpha', {}, { tables: [{ name: 'alpha_things' }] })));
    expect(err.code).toBe('PLUGIN_INVALID');
    expect(err.message).toContain('not a drizzle table');
  });

  it('refuses an org-owned table without a row-level security policy', () => {
    const bare = pgTable('alpha_cases', { id: serial('id').primaryKey(), ...orgColumns(), title: text('title') });
    const err = compositionErrorOf(() => compose(plugin('alpha', {}, { tables: [bare] })));
    expect(err.code).toBe('PLUGIN_INVALID');
    expect(err.message).toContain('"alpha"');
    expect(err.message).toContain('"alpha_cases"');
    expect(err.message).toContain("orgScopePolicy('alpha_cases')");
  });

  it('refuses a diary item feeding a metric nobody declares', () => {
    const err = compositionErrorOf(() =>
      compose(
        plugin('alpha', {
          contributes: {
            diaryItems: [{ code: 'alpha.visit', title: title('Visit'), part: 'daily', fields: { n: { kind: 'count', title: title('n'), metric: 'alpha.missing' } } }],
          },
        }),
      ),
    );
    expect(err.code).toBe('PLUGIN_INVALID');
    expect(err.message).toContain('"alpha.missing"');
  });

  it('fills manifest defaults', () => {
    const composed = compose(plugin('alpha'));
    expect(composed.plugins.find((p) => p.manifest.id === 'alpha')!.manifest).toMatchObject({
      dependsOn: [],
      permissions: [],
      contributes: { metrics: [], diaryItems: [], documentTemplates: [], entryPoints: [], entryPointGroups: [] },
    });
  });
});

describe('dashboard entry points (contributes.entryPoints)', () => {
  const metric = (code: string) => ({ code, title: title(code), unit: title('n') });
  const entry = (id: string, metrics: string[], group = 'alpha-work') => ({ id, group, title: title(id), metrics, combine: 'each' as const, chart: 'bar' as const });
  /** Alpha owns metric alpha.cases and the group alpha-work; `entryPoints` as given. */
  const alpha = (entryPoints: ReturnType<typeof entry>[] = [entry('cases', ['alpha.cases'])]) =>
    plugin('alpha', { contributes: { metrics: [metric('alpha.cases')], entryPointGroups: [{ id: 'alpha-work', title: title('Alpha work') }], entryPoints } });

  it('composes them in start order, each with its plugin, with the groups', () => {
    const beta = plugin('beta', { dependsOn: ['alpha'], contributes: { metrics: [metric('beta.visits')], entryPoints: [entry('visits', ['beta.visits', 'alpha.cases'])] } });
    const { catalog } = compose(beta, alpha());
    expect(catalog.entryPoints.map((e) => [e.plugin, e.id, e.group])).toEqual([
      ['alpha', 'cases', 'alpha-work'],
      ['beta', 'visits', 'alpha-work'],
    ]);
    expect(catalog.entryPointGroups).toEqual([{ id: 'alpha-work', title: title('Alpha work'), plugin: 'alpha' }]);
  });

  it('refuses an entry point id declared by two plugins, naming both', () => {
    const beta = plugin('beta', { contributes: { metrics: [metric('beta.visits')], entryPoints: [entry('cases', ['beta.visits'])] } });
    const err = compositionErrorOf(() => compose(alpha(), beta));
    expect(err.code).toBe('PLUGIN_CONFLICT');
    expect(err.message).toBe('Plugins "alpha" and "beta" both declare the entry point "cases". Rename it in one of them.');
  });

  it('refuses a group id declared by two plugins, naming both', () => {
    const beta = plugin('beta', { contributes: { entryPointGroups: [{ id: 'alpha-work', title: title('Again') }] } });
    expect(compositionErrorOf(() => compose(alpha(), beta)).message).toBe('Plugins "alpha" and "beta" both declare the entry point group "alpha-work". Rename it in one of them.');
  });

  it('refuses an entry point showing a metric no installed plugin declares, naming plugin, entry point and metric', async () => {
    const expected = 'Plugin "alpha": entry point "mixed" shows metric "gamma.cases", which no installed plugin declares.';
    const err = compositionErrorOf(() => compose(alpha([entry('mixed', ['alpha.cases', 'gamma.cases'])])));
    expect(err.code).toBe('PLUGIN_INVALID');
    expect(err.message).toBe(expected);
    const db = await createTestDatabase();
    try {
      await expect(createSifaServer({ database: db.handle, plugins: [alpha([entry('mixed', ['alpha.cases', 'gamma.cases'])])], logger: memoryLogger().logger })).rejects.toThrow(expected);
    } finally {
      await db.drop();
    }
  });

  it('refuses an entry point listed under a group no installed plugin declares', () => {
    const err = compositionErrorOf(() => compose(alpha([entry('cases', ['alpha.cases'], 'sports')])));
    expect(err.message).toBe('Plugin "alpha": entry point "cases" is listed under group "sports", which no installed plugin declares (contributes.entryPointGroups).');
  });

  it('D1: refuses a ratio whose numerator is not declared a part (cohortOf) of its denominator, and a cohort of an undeclared metric', () => {
    const ratio = (metrics: string[]) => ({ ...entry('rate', metrics), combine: 'ratio' as const, figureTitle: title('Rate') });
    type Metrics = NonNullable<NonNullable<PluginManifestInput['contributes']>['metrics']>;
    type Entries = NonNullable<NonNullable<PluginManifestInput['contributes']>['entryPoints']>;
    const withMetrics = (metrics: Metrics, entryPoints: Entries) =>
      plugin('alpha', { contributes: { metrics, entryPointGroups: [{ id: 'alpha-work', title: title('Alpha work') }], entryPoints } });
    const loose = compositionErrorOf(() => compose(withMetrics([metric('alpha.cases'), metric('alpha.agreements')], [ratio(['alpha.agreements', 'alpha.cases'])])));
    expect(loose.code).toBe('PLUGIN_INVALID');
    expect(loose.message).toBe(
      'Plugin "alpha": ratio entry point "rate" divides "alpha.agreements" by "alpha.cases", but "alpha.agreements" is not declared a cohort of "alpha.cases" (cohortOf: the same records, counted on the same day), so the rate could exceed 100 %.',
    );
    const cohort = { ...metric('alpha.agreements'), cohortOf: 'alpha.cases' };
    expect(compose(withMetrics([metric('alpha.cases'), cohort], [ratio(['alpha.agreements', 'alpha.cases'])])).catalog.entryPoints.map((e) => e.id)).toEqual(['rate']);
    const maxed = compositionErrorOf(() => compose(withMetrics([{ ...metric('alpha.cases'), aggregation: 'max' as const }, cohort], [ratio(['alpha.agreements', 'alpha.cases'])])));
    expect(maxed.message).toContain('must both add up');
    const orphan = compositionErrorOf(() => compose(withMetrics([{ ...metric('alpha.agreements'), cohortOf: 'gamma.cases' }], [])));
    expect(orphan.message).toBe('Plugin "alpha": metric "alpha.agreements" is declared a cohort of "gamma.cases", which no installed plugin declares.');
  });

  it('refuses a malformed entry point with the field path', () => {
    const err = compositionErrorOf(() => compose(alpha([{ ...entry('rate', ['alpha.cases']), combine: 'ratio' as never }])));
    expect(err.code).toBe('PLUGIN_INVALID');
    expect(err.message).toContain('contributes.entryPoints.0.metrics: A ratio entry point has exactly two metrics');
  });
});

describe('dependencies', () => {
  it('refuses a missing dependency, naming both plugins', () => {
    const err = compositionErrorOf(() => compose(plugin('alpha', { dependsOn: ['ghost'] })));
    expect(err.code).toBe('PLUGIN_DEPENDENCY');
    expect(err.message).toContain('Plugin "alpha" depends on plugin "ghost", which is not installed');
  });

  it('refuses a cycle, showing it', () => {
    const err = compositionErrorOf(() =>
      compose(plugin('alpha', { dependsOn: ['beta'] }), plugin('beta', { dependsOn: ['gamma'] }), plugin('gamma', { dependsOn: ['alpha'] })),
    );
    expect(err.code).toBe('PLUGIN_DEPENDENCY');
    expect(err.message).toContain('alpha → beta → gamma → alpha');
  });

  it('refuses a plugin depending on itself', () => {
    const err = compositionErrorOf(() => compose(plugin('alpha', { dependsOn: ['alpha'] })));
    expect(err.code).toBe('PLUGIN_DEPENDENCY');
    expect(err.message).toContain('alpha → alpha');
  });

  it('starts every plugin after the plugins it depends on', () => {
    const composed = compose(
      plugin('delta', { dependsOn: ['beta', 'gamma'] }),
      plugin('gamma', { dependsOn: ['alpha'] }),
      plugin('alpha'),
      plugin('beta', { dependsOn: ['alpha'] }),
    );
    const order = composed.plugins.map((p) => p.manifest.id);
    // composePlugins takes the list as given (createSifaServer puts the platform first).
    const before = (a: string, b: string) => expect(order.indexOf(a)).toBeLessThan(order.indexOf(b));
    before('alpha', 'beta');
    before('alpha', 'gamma');
    before('beta', 'delta');
    before('gamma', 'delta');
    expect(order).toHaveLength(4);
  });

  it('applies migrations in start order (a dependent table references its dependency)', async () => {
    const notes = pgTable('casework_notes', { id: serial('id').primaryKey(), caseId: integer('case_id').notNull(), note: text('note').notNull() });
    const folder = migrationsFolder({
      '0000_notes': 'CREATE TABLE "casework_notes" ("id" serial PRIMARY KEY NOT NULL, "case_id" integer NOT NULL REFERENCES "casework_cases"("id"), "note" text NOT NULL);',
    });
    const notesPlugin = plugin('notes', { dependsOn: ['casework'] }, { tables: [notes], migrationsFolder: folder });
    const db = await createTestDatabase();
    try {
      // Listed before its dependency on purpose.
      const server = await createSifaServer({ database: db.handle, plugins: [notesPlugin, caseworkPlugin], logger: memoryLogger().logger });
      expect(server.composition.plugins.map((p) => p.manifest.id)).toEqual(['platform', 'casework', 'notes']);
      const applied = server.migrations!.applied;
      expect(applied.indexOf('casework/0000_casework')).toBeGreaterThan(applied.indexOf('platform/0002_platform_security'));
      expect(applied.indexOf('notes/0000_notes')).toBeGreaterThan(applied.indexOf('casework/0000_casework'));
      await server.close();
    } finally {
      await db.drop();
    }
  });
});

describe('a started plugin', () => {
  const hello = defineServerPlugin(definePlugin({ id: 'hello', version: '0.2.0', core: '^0.1.0', title: title('Hello') }), {
    router: createRouter({
      greet: publicProcedure.input(z.object({ name: z.string() })).query(({ input }) => ({ greeting: `Hello, ${input.name}` })),
    }),
  });

  it('is reachable through the typed client under its id, with its migrations applied', async () => {
    const t = await startTestServer({ plugins: [caseworkPlugin, hello] as const });
    try {
      const anon = await t.client();
      expect(await anon.hello.greet.query({ name: 'Sifa' })).toEqual({ greeting: 'Hello, Sifa' });
      const xitun = await t.client('xitun');
      const { id } = await xitun.casework.open.mutate({ orgCode: '150402001', title: 'Via plugin', openedOn: '2026-05-01', people: 1 });
      expect((await xitun.casework.list.query({})).map((r) => r.id)).toEqual([id]);

      const db = t.server.database.db;
      const exists = await db.execute(sql`SELECT to_regclass('public.casework_cases')::text AS name`);
      const rows = (Array.isArray(exists) ? exists : (exists as { rows: unknown[] }).rows) as { name: string | null }[];
      expect(rows[0]!.name).toBe('casework_cases');
      expect(t.server.migrations!.applied).toContain('casework/0000_casework');
      expect(t.server.composition.plugins.map((p) => p.manifest.id)).toEqual(['platform', 'casework', 'hello']);
    } finally {
      await t.close();
    }
  });
});

describe('permissions named by procedures', () => {
  const permissions = [{ name: 'alpha.read', title: title('Read') }];
  /** A plugin whose nested procedure checks `permission` (a typo, another plugin's, the platform's). */
  const checking = (permission: string, kind: 'query' | 'subscription' | 'permitted' = 'query') =>
    plugin('alpha', { permissions }, {
      router: createRouter({
        items: createRouter({
          list:
            kind === 'query'
              ? scopedProcedure(permission).query(() => [])
              : kind === 'permitted'
                ? permittedProcedure(permission).query(() => [])
                : scopedSubscription(permission).subscription(async function* () {
                    yield 1;
                  }),
        }),
      }),
    });

  it('refuses a misspelt permission at start-up, naming the plugin, the procedure and the permission', async () => {
    const expected =
      'Plugin "alpha": procedure "alpha.items.list" names the permission "alpha.raed", which is not declared. Declare it in the plugin\'s manifest (permissions) or correct the name.';
    const err = compositionErrorOf(() => compose(checking('alpha.raed')));
    expect(err.code).toBe('PLUGIN_INVALID');
    expect(err.message).toBe(expected);
    expect(compositionErrorOf(() => compose(checking('alpha.raed', 'subscription'))).message).toBe(expected);
    expect(compositionErrorOf(() => compose(checking('alpha.raed', 'permitted'))).message).toBe(expected);
    const db = await createTestDatabase();
    try {
      await expect(createSifaServer({ database: db.handle, plugins: [checking('alpha.raed')], logger: memoryLogger().logger })).rejects.toThrow(expected);
    } finally {
      await db.drop();
    }
  });

  it('refuses another plugin\'s permission, naming both plugins', () => {
    const beta = plugin('beta', { permissions: [{ name: 'beta.read', title: title('Read') }] });
    const err = compositionErrorOf(() => compose(beta, checking('beta.read')));
    expect(err.message).toBe('Plugin "alpha": procedure "alpha.items.list" names the permission "beta.read" of plugin "beta"; a plugin may name only its own permissions and the platform\'s.');
  });

  it('accepts its own permissions and the platform\'s', async () => {
    expect(() => compose(checking('alpha.read'))).not.toThrow();
    const db = await createTestDatabase();
    try {
      const server = await createSifaServer({ database: db.handle, plugins: [checking('platform.facts.read')], logger: memoryLogger().logger });
      await server.close();
    } finally {
      await db.drop();
    }
  });
});

describe('a refused server', () => {
  const broken = () =>
    plugin('broken', {}, { migrationsFolder: migrationsFolder({ '0000_broken': 'CREATE TABLE broken_things (id int);\n--> statement-breakpoint\nSELECT * FROM no_such_table;' }) });

  it('leaves a handle it was given open and usable (composition refused)', async () => {
    const db = await createTestDatabase();
    try {
      await expect(createSifaServer({ database: db.handle, plugins: [plugin('alpha', { core: '^2.0.0' })], logger: memoryLogger().logger })).rejects.toThrow(
        PluginCompositionError,
      );
      const r = await db.handle.db.execute(sql`SELECT 1 AS one`);
      expect(((Array.isArray(r) ? r : (r as { rows: unknown[] }).rows) as { one: number }[])[0]!.one).toBe(1);
    } finally {
      await db.drop();
    }
  });

  it('leaves a handle it was given open and usable (migration refused)', async () => {
    const db = await createTestDatabase();
    try {
      await expect(createSifaServer({ database: db.handle, plugins: [broken()], logger: memoryLogger().logger })).rejects.toThrow();
      const r = await db.handle.db.execute(sql`SELECT to_regclass('public.broken_things')::text AS name`);
      expect(((Array.isArray(r) ? r : (r as { rows: unknown[] }).rows) as { name: string | null }[])[0]!.name).toBeNull();
    } finally {
      await db.drop();
    }
  });

  it.each(['composition', 'migration'] as const)('closes the database it opened itself (%s refused)', async (stage) => {
    const plugins = stage === 'composition' ? [plugin('alpha', { core: '^2.0.0' })] : [broken()];
    if (engine === 'pglite') {
      const dataDir = tempDir();
      await expect(createSifaServer({ database: { engine: 'pglite', dataDir }, plugins, logger: memoryLogger().logger })).rejects.toThrow();
      // The folder is free again: a new server opens it, migrates and closes it.
      const server = await createSifaServer({ database: { engine: 'pglite', dataDir }, logger: memoryLogger().logger });
      expect(server.migrations!.applied.length).toBeGreaterThan(0);
      await server.close();
      return;
    }
    const name = `sifa_test_${randomBytes(6).toString('hex')}`;
    const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
    try {
      await admin.unsafe(`CREATE DATABASE ${name}`);
      const config: DatabaseConfig = { engine: 'postgres', url: adminUrl.replace(/\/[^/]*$/, `/${name}`) };
      await expect(createSifaServer({ database: config, plugins, logger: memoryLogger().logger })).rejects.toThrow();
      const open = await admin`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = ${name}`;
      expect(open[0]!.n).toBe(0);
      // Without FORCE: fails if any connection were left open.
      await admin.unsafe(`DROP DATABASE ${name}`);
    } finally {
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {});
      await admin.end();
    }
    // Two starts on a new database, one of them migrating it from nothing: past 30 s on a loaded machine.
  }, 120_000);
});
