/**
 * Browser-test commands: functions that run in Node and that tests in the browser call through
 * `commands` from `vitest/browser` (mint an embed token, stop and restart a Sifa server
 * mid-sync, count diary rows in its database, list the elements the build finds).
 *
 * Loaded by vitest.config.ts itself, so this file imports only types from global-setup.ts (the
 * servers live there and are found on `globalThis`, see there why); build/elements.mjs is plain
 * Node code without state.
 */
import type { BrowserCommand, BrowserCommandContext } from 'vitest/node';
import { relative } from 'node:path';
import type { EntryCount, MintRequest, PublishedTestTour, TestServers, TestTourSpec } from './global-setup.ts';
import { findElements, repoDir } from '../build/elements.mjs';

const testServersKey = Symbol.for('sifa.components.test-servers');

/** The servers of the calling test's project (each browser project's global set-up starts its own). */
function servers(context: BrowserCommandContext): TestServers {
  const found = ((globalThis as Record<symbol, unknown>)[testServersKey] as Map<string, TestServers> | undefined)?.get(context.project.name);
  if (!found) throw new Error(`No Sifa test servers for the project ${context.project.name}: packages/components/test/global-setup.ts did not run for it.`);
  return found;
}

/** Which server a command is for: 'main' (shared by every file, never stopped) unless named. */
interface On {
  server?: string;
}

export interface SifaTestCommands {
  /** Starts (first time: creates) a server; resolves with its base URL. */
  startServer(options?: On): Promise<string>;
  /** Stops a server; in-flight requests finish, new connections are refused. */
  stopServer(options?: On): Promise<void>;
  /** Creates (once per origin) a secret and a publishable key whose allowed origins list `origin`. */
  allowOrigin(options: On & { origin: string }): Promise<{ publishableKey: string }>;
  /** An embed token from the server's mint API called with the secret key (as a host backend does). */
  mintToken(options: On & MintRequest): Promise<{ token: string; expiresAt: string }>;
  /** Diary rows of `orgCode`, straight from the database. */
  countEntries(options: On & { orgCode: string }): Promise<EntryCount>;
  /** Moves the server's clock by `offsetMs` from real time (0 puts it back). */
  setServerClock(options: On & { offsetMs: number }): Promise<void>;
  /** Runs a plugin's scheduled job now for the instant `at` (ISO), as `sifa jobs run` does. */
  runJob(options: On & { name: string; at: string }): Promise<{ status: string; summary: string | null; counts: Record<string, number> }>;
  /** Sends an in-app notification to the users of `orgCode` (as a plugin procedure would). */
  notify(options: On & { orgCode: string; title: string; severity?: 'info' | 'warning' | 'urgent' }): Promise<{ id: string }>;
  /** A tour with two published versions of generated panoramas (see TestSifaServer.publishTestTour). */
  publishTestTour(options: On & { origin: string; orgCode: string; spec?: TestTourSpec }): Promise<PublishedTestTour>;
  /**
   * The custom elements the script-tag build finds (build/elements.mjs: the SDK's own and every
   * workspace plugin's `sifa.elements`), with their define modules as paths from the repository
   * root (what the test page imports), and the repository root (where test output goes).
   */
  sifaElements(): Promise<{ repoDir: string; elements: { tag: string; name: string; plugin: string | null; define: string }[] }>;
}

// BrowserCommands is declared in vitest/internal/browser (re-exported by vitest/browser).
declare module 'vitest/internal/browser' {
  interface BrowserCommands extends SifaTestCommands {}
}

type Commands = { [K in keyof SifaTestCommands]: BrowserCommand<Parameters<SifaTestCommands[K]>> };

export const commands: Commands = {
  startServer: async (context, options) => (await servers(context).get(options?.server)).start(),
  stopServer: async (context, options) => (await servers(context).get(options?.server)).stop(),
  allowOrigin: async (context, { server, origin }) => (await servers(context).get(server)).allowOrigin(origin),
  mintToken: async (context, { server, ...request }) => (await servers(context).get(server)).mint(request),
  countEntries: async (context, { server, orgCode }) => (await servers(context).get(server)).countEntries(orgCode),
  setServerClock: async (context, { server, offsetMs }) => (await servers(context).get(server)).setClockOffset(offsetMs),
  runJob: async (context, { server, name, at }) => (await servers(context).get(server)).runJob(name, at),
  notify: async (context, { server, ...request }) => (await servers(context).get(server)).notify(request),
  publishTestTour: async (context, { server, ...request }) => (await servers(context).get(server)).publishTestTour(request),
  sifaElements: async () => ({
    repoDir,
    elements: findElements().map((e) => ({ tag: e.tag, name: e.name, plugin: e.plugin, define: relative(repoDir, e.define).split('\\').join('/') })),
  }),
};
