/**
 * Composition of a server's plugins, in two steps, because the platform's services need the
 * composed plugins (templates, metrics, calendar hooks) and the platform's procedures need those
 * services:
 * 1. `declarePlugins`: every plugin validated and composed with the platform's declaration
 *    (manifest, tables, migrations). Pure, so a refused plugin stops the start before anything
 *    opens. Migrations, drift, tenant security, the runners and the jobs work from it.
 * 2. `composeWithPlatform`: once the services run, the platform's procedures join, checked by
 *    the same rules as every plugin's, and the one router and the plugin routes are built.
 */
import type { AnyRouter } from '@trpc/server';
import type { ServerPlugin } from '@sifa/core';
import type { MigrationSource } from '../db/migrate.js';
import type { DriftSource } from '../db/drift.js';
import { buildAppRouter, composePlugins, type Composition } from '../plugins/compose.js';
import { mountPluginRoutes } from '../http/plugin-routes.js';
import { platformDeclaration } from '../platform/plugin.js';

export type MountedRoutes = ReturnType<typeof mountPluginRoutes>;

/** Step 1: the plugins with the platform's declaration; throws PluginCompositionError naming what to change. */
export function declarePlugins(plugins: readonly ServerPlugin[]): Composition {
  const declared = composePlugins([platformDeclaration, ...plugins]);
  // Route declarations are refused here too, before the database opens.
  mountPluginRoutes(declared.plugins);
  return declared;
}

export interface ComposedServer {
  /** The same plugins as declared, the platform's procedures and routes included. */
  composition: Composition;
  /** Every router, the platform's under `platform`, each plugin's under its id. */
  router: AnyRouter;
  routes: MountedRoutes;
}

/** Step 2: the platform plugin (with its procedures) and the same plugins as in step 1. */
export function composeWithPlatform(platform: ServerPlugin, plugins: readonly ServerPlugin[]): ComposedServer {
  const composition = composePlugins([platform, ...plugins]);
  return { composition, router: buildAppRouter(composition), routes: mountPluginRoutes(composition.plugins) };
}

export function migrationSourcesOf(composition: Composition): MigrationSource[] {
  return composition.plugins.flatMap((p) => (p.source.migrationsFolder ? [{ source: p.manifest.id, folder: p.source.migrationsFolder }] : []));
}

export function driftSourcesOf(composition: Composition): DriftSource[] {
  return composition.plugins.map((p) => ({ source: p.manifest.id, tables: p.source.tables ?? [], migrationsFolder: p.source.migrationsFolder }));
}
