/**
 * Builds the script-tag bundle once for every e2e file (real elements + the fixture elements),
 * with rollup's JS API into a temporary folder; files read it with `inject('embedBundle')`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { buildEmbed } from '../../build/embed-config.mjs';
import { elementRoots, findElements } from '../../build/elements.mjs';

export interface BundleSummary {
  dir: string;
  chunks: { fileName: string; imports: string[]; dynamicImports: string[]; isEntry: boolean; facadeModuleId: string | null }[];
  elements: { tag: string; define: string; plugin: string | null }[];
}

declare module 'vitest' {
  export interface ProvidedContext {
    embedBundle: BundleSummary;
  }
}

const fixturesDir = fileURLToPath(new URL('./fixtures/elements', import.meta.url));
let dir: string | null = null;

export async function setup(project: TestProject) {
  dir = await mkdtemp(join(tmpdir(), 'sifa-embed-'));
  // The real elements (components' and the workspace plugins') and the fixtures (no plugin needed).
  const roots = [...elementRoots(), fixturesDir];
  const output = await buildEmbed({ roots, outDir: dir, sourcemap: false });
  project.provide('embedBundle', {
    dir,
    chunks: output.flatMap((o) => (o.type === 'chunk' ? [{ fileName: o.fileName, imports: o.imports, dynamicImports: o.dynamicImports, isEntry: o.isEntry, facadeModuleId: o.facadeModuleId }] : [])),
    elements: findElements(roots).map(({ tag, define, plugin }) => ({ tag, define, plugin })),
  });
}

export async function teardown() {
  if (dir) await rm(dir, { recursive: true, force: true });
}
