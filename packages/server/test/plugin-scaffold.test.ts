/**
 * `sifa plugin new` as a function (createPluginPackage), in a small copy of the workspace's
 * registration files: what it writes and registers, that registering is idempotent, and that an
 * invalid or taken id, an existing folder or a folder outside the workspace is refused before
 * anything is written. (plugin-new.test.ts proves that what it writes works: its tests pass.)
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPluginPackage, PluginScaffoldError } from '@sifa/server';
import { runCli } from '@sifa/server/testing';
import { applyGuide } from './guide.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
let root: string;

/** The files `sifa plugin new` reads and edits, copied from this repository. */
function miniWorkspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sifa-scaffold-'));
  for (const file of ['package.json', 'pnpm-workspace.yaml', 'sifa.config.mjs', 'vitest.config.ts', 'packages/tsconfig.build.json', 'packages/components/package.json', 'packages/plugins/plans/package.json']) {
    mkdirSync(join(dir, file, '..'), { recursive: true });
    cpSync(join(repoRoot, file), join(dir, file));
  }
  return dir;
}

const read = (file: string) => readFileSync(join(root, file), 'utf8');
/** A tsconfig (JSON with // comments on their own lines). */
const tsconfig = (path: string) => JSON.parse(readFileSync(path, 'utf8').replace(/^\s*\/\/.*$/gm, ''));
const filesBelow = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesBelow(join(dir, e.name)).map((f) => `${e.name}/${f}`) : [e.name]));

beforeEach(() => {
  root = miniWorkspace();
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('sifa plugin new', () => {
  it('writes the package from the template, every placeholder filled, and registers it', async () => {
    const before = { config: read('sifa.config.mjs'), build: read('packages/tsconfig.build.json') };
    const result = await createPluginPackage({ id: 'legal-aid', root, titleZh: '法律援助', titleEn: 'Legal aid', now: new Date('2026-05-01T00:00:00Z') });
    expect(result.packageName).toBe('@sifa/plugin-legal-aid');
    expect(result.dir).toBe(join(root, 'packages/plugins/legal-aid'));
    expect(result.files).toEqual(
      expect.arrayContaining([
        'package.json',
        'drizzle.config.ts',
        'src/index.ts',
        'src/server/schema.ts',
        'migrations/0000_legal_aid.sql',
        'migrations/meta/_journal.json',
        'test/server/legal-aid.test.ts',
        'test/server/isolation.test.ts',
        'src/ui/index.ts',
        'src/ui/legal-aid-list/sifa-legal-aid-list.ts',
        'src/ui/legal-aid-list/sifa-legal-aid-list.test.ts',
        'src/ui/legal-aid-list/sifa-legal-aid-list.stories.ts',
      ]),
    );
    expect(filesBelow(result.dir).sort()).toEqual(result.files);
    for (const file of result.files) expect(readFileSync(join(result.dir, file), 'utf8'), file).not.toMatch(/\{\{|\}\}/);

    const pkg = JSON.parse(readFileSync(join(result.dir, 'package.json'), 'utf8'));
    expect(pkg).toMatchObject({ name: '@sifa/plugin-legal-aid', dependencies: { '@sifa/core': 'workspace:*' }, devDependencies: { vitest: expect.stringMatching(/^\d/) } });
    const index = readFileSync(join(result.dir, 'src/index.ts'), 'utf8');
    expect(index).toContain("id: 'legal-aid'");
    expect(index).toContain("title: { zh: '法律援助', en: 'Legal aid' }");
    expect(index).toContain('export type LegalAidApi = ApiOf<LegalAidRouter, \'legal-aid\'>;');
    expect(readFileSync(join(result.dir, 'src/server/schema.ts'), 'utf8')).toContain("'legal_aid_records'");
    expect(readFileSync(join(result.dir, 'migrations/0000_legal_aid.sql'), 'utf8')).toContain('CREATE POLICY "legal_aid_records_org_scope" ON "legal_aid_records"');
    expect(JSON.parse(readFileSync(join(result.dir, 'migrations/meta/_journal.json'), 'utf8')).entries).toEqual([
      { idx: 0, version: '7', when: Date.parse('2026-05-01T00:00:00Z'), tag: '0000_legal_aid', breakpoints: true },
    ]);
    expect(readFileSync(join(result.dir, 'test/server/legal-aid.test.ts'), 'utf8')).toContain("await xitun['legal-aid'].create.mutate(");
    expect(tsconfig(join(result.dir, 'tsconfig.lib.json')).extends).toBe('../../../tsconfig.base.json');
    expect(tsconfig(join(result.dir, 'tsconfig.ui.json')).references).toEqual([{ path: './tsconfig.lib.json' }, { path: '../../../packages/components/tsconfig.build.json' }]);
    expect(pkg.sifa).toEqual({ plugin: 'legal-aid', elements: 'src/ui' });
    expect(pkg.exports['./ui/legal-aid-list']).toEqual({ 'sifa-source': './src/ui/legal-aid-list/define.ts', types: './dist/ui/legal-aid-list/define.d.ts', default: './dist/ui/legal-aid-list/define.js' });
    expect(readFileSync(join(result.dir, 'src/ui/legal-aid-list/define.ts'), 'utf8')).toContain("customElements.define('sifa-legal-aid-list', SifaLegalAidList);");

    expect(result.registered).toEqual(['packages/tsconfig.build.json', 'package.json', 'sifa.config.mjs']);
    expect(JSON.parse(read('packages/tsconfig.build.json')).references).toContainEqual({ path: './plugins/legal-aid' });
    expect(JSON.parse(read('package.json')).devDependencies['@sifa/plugin-legal-aid']).toBe('workspace:*');
    const config = read('sifa.config.mjs');
    expect(config).toContain("import { createLegalAidPlugin } from '@sifa/plugin-legal-aid/server';\n");
    expect(config).toMatch(/plugins: \[createDiaryPlugin\(\), .*createStatisticsPlugin\(\), .*createLegalAidPlugin\(\)\],/);
    // Nothing else of the files changed.
    expect(config.replace("import { createLegalAidPlugin } from '@sifa/plugin-legal-aid/server';\n", '').replace(', createLegalAidPlugin()', '')).toBe(before.config);
    expect(`${JSON.stringify({ ...JSON.parse(read('packages/tsconfig.build.json')), references: JSON.parse(before.build).references }, null, 2)}\n`).toBe(before.build);
  });

  it('registers once: entries already there (a plugin folder deleted and made again) are left alone', async () => {
    const build = JSON.parse(read('packages/tsconfig.build.json'));
    build.references.push({ path: './plugins/dispute' });
    writeFileSync(join(root, 'packages/tsconfig.build.json'), `${JSON.stringify(build, null, 2)}\n`);
    const pkg = JSON.parse(read('package.json'));
    pkg.devDependencies['@sifa/plugin-dispute'] = 'workspace:*';
    writeFileSync(join(root, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
    const before = { build: read('packages/tsconfig.build.json'), pkg: read('package.json') };

    const result = await createPluginPackage({ id: 'dispute', root });
    expect(result.registered).toEqual(['sifa.config.mjs']);
    expect(result.alreadyRegistered).toEqual(['packages/tsconfig.build.json', 'package.json']);
    expect(read('packages/tsconfig.build.json')).toBe(before.build);
    expect(read('package.json')).toBe(before.pkg);
    expect(read('sifa.config.mjs').match(/createDisputePlugin\(\)/g)).toHaveLength(1);
    // Default titles: the id in words.
    expect(readFileSync(join(result.dir, 'src/index.ts'), 'utf8')).toContain("title: { zh: 'Dispute', en: 'Dispute' }");

    // Made again after the folder went: the config names it already, so it is refused.
    rmSync(result.dir, { recursive: true });
    await expect(createPluginPackage({ id: 'dispute', root })).rejects.toThrow('sifa.config.mjs already imports @sifa/plugin-dispute/server');
  });

  it('writes into another folder of the workspace with --dir, with paths that fit it', async () => {
    const result = await createPluginPackage({ id: 'bureau-visits', root, dir: join(root, 'examples/bureau-visits') });
    expect(result.dir).toBe(join(root, 'examples/bureau-visits'));
    expect(tsconfig(join(result.dir, 'tsconfig.lib.json'))).toMatchObject({ extends: '../../tsconfig.base.json', references: [{ path: '../../packages/core' }] });
    expect(JSON.parse(read('packages/tsconfig.build.json')).references).toContainEqual({ path: '../examples/bureau-visits' });
    // examples/* is in the workspace and in the test projects: nothing left to do by hand.
    expect(result.notes).toEqual([]);
    // A folder neither knows: the command says so.
    const elsewhere = await createPluginPackage({ id: 'office-visits', root, dir: join(root, 'modules/office-visits') });
    expect(elsewhere.notes).toEqual([
      'modules/office-visits is not covered by pnpm-workspace.yaml: add its folder there, or pnpm will not link it.',
      'The test projects of vitest.config.ts do not look in modules/*: add modules/office-visits/test/server and modules/office-visits/src/ui to their include to run its tests with the suite.',
    ]);
  });

  it.each([
    ['Dispute', 'not a valid plugin id'],
    ['1st', 'not a valid plugin id'],
    ['m', 'not a valid plugin id'],
    ['medi_ation', 'not a valid plugin id'],
    ['platform', 'reserved for the platform'],
    ['dispute-', 'may not end with "-"'],
    ['legal--aid', 'may not end with "-" or hold "--"'],
  ])('refuses the id %s, writing nothing', async (id, message) => {
    const before = read('sifa.config.mjs');
    await expect(createPluginPackage({ id, root })).rejects.toThrow(message);
    expect(existsSync(join(root, 'packages/plugins', id))).toBe(false);
    expect(read('sifa.config.mjs')).toBe(before);
  });

  it('refuses a folder that exists, an id the workspace has, a folder outside it and a bad title, writing nothing', async () => {
    mkdirSync(join(root, 'packages/plugins/dispute'), { recursive: true });
    writeFileSync(join(root, 'packages/plugins/dispute/notes.txt'), 'mine');
    await expect(createPluginPackage({ id: 'dispute', root })).rejects.toThrow('packages/plugins/dispute already exists; choose another id or --dir (nothing was written).');
    expect(readdirSync(join(root, 'packages/plugins/dispute'))).toEqual(['notes.txt']);

    // The plans plugin's package is in the workspace: its id is taken even in another folder.
    await expect(createPluginPackage({ id: 'plans', root, dir: join(root, 'examples/plans') })).rejects.toThrow(
      'The workspace already has @sifa/plugin-plans (packages/plugins/plans); choose another id (nothing was written).',
    );
    // A package of another scope that carries the plugin id (package.json "sifa": { "plugin" }).
    mkdirSync(join(root, 'examples/bureau-visits'), { recursive: true });
    writeFileSync(join(root, 'examples/bureau-visits/package.json'), JSON.stringify({ name: '@bureau/plugin-visits', sifa: { plugin: 'visits' } }));
    await expect(createPluginPackage({ id: 'visits', root })).rejects.toThrow(
      'The workspace already has the plugin "visits" (@bureau/plugin-visits, examples/bureau-visits); choose another id (nothing was written).',
    );
    rmSync(join(root, 'examples'), { recursive: true });
    await expect(createPluginPackage({ id: 'visits', root, dir: join(tmpdir(), 'elsewhere') })).rejects.toThrow(/must be inside the workspace/);
    await expect(createPluginPackage({ id: 'visits', root, titleZh: '走"访' })).rejects.toThrow('--title must be 1–40 characters without double quotes');
    await expect(createPluginPackage({ id: 'visits', root: join(root, 'packages') })).rejects.toThrow(PluginScaffoldError);
    expect(existsSync(join(root, 'packages/plugins/visits'))).toBe(false);
    expect(existsSync(join(root, 'examples'))).toBe(false);
    expect(JSON.parse(read('package.json')).devDependencies).not.toHaveProperty('@sifa/plugin-visits');
  });

  it('runs as `sifa plugin new` and says what to do next; refuses with exit 1', async () => {
    const created = await runCli(['plugin', 'new', 'visits', '--title', '走访', '--title-en', "Officers' visits"], {}, { cwd: root });
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout).toContain('Created @sifa/plugin-visits in packages/plugins/visits (');
    expect(created.stdout).toContain('Registered it in packages/tsconfig.build.json, package.json, sifa.config.mjs.');
    expect(created.stdout).toContain('pnpm install');
    // An apostrophe is written ’, so the title fits any string it goes into.
    expect(readFileSync(join(root, 'packages/plugins/visits/src/index.ts'), 'utf8')).toContain("title: { zh: '走访', en: 'Officers’ visits' }");

    const again = await runCli(['plugin', 'new', 'visits'], {}, { cwd: root });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('packages/plugins/visits already exists');
    const bad = await runCli(['plugin', 'new', 'Visits'], {}, { cwd: root });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('"Visits" is not a valid plugin id');
  }, 60_000);

  it('makes the plugin docs/plugins.md quotes, and the guide\'s walk-through applies to it', async () => {
    const guide = readFileSync(join(repoRoot, 'docs/plugins.md'), 'utf8');
    const result = await createPluginPackage({ id: 'dispute', root, titleZh: '矛盾纠纷', titleEn: 'Disputes' });
    const sources = result.files.filter((f) => f.endsWith('.ts')).map((f) => readFileSync(join(result.dir, f), 'utf8'));
    // Every ```ts block that names no file is a quote of what `sifa plugin new dispute` writes.
    const quotes = [...guide.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((m) => m[1]!).filter((block) => !block.startsWith('// packages/'));
    expect(quotes.length).toBeGreaterThanOrEqual(4);
    for (const quote of quotes) expect(sources.some((source) => source.includes(quote.trimEnd())), `not in the generated plugin:\n${quote}`).toBe(true);
    // Every step of the walk-through applies exactly where it says (plugin-new.test.ts compiles and tests the result).
    const edits = applyGuide(root, guide);
    expect(edits.length).toBeGreaterThanOrEqual(20);
    expect(existsSync(join(result.dir, 'src/workflow.ts'))).toBe(true);
    expect(readFileSync(join(result.dir, 'src/index.ts'), 'utf8')).toContain("entryPointGroups: [{ id: 'dispute-register'");
    expect(readFileSync(join(result.dir, 'src/server/schema.ts'), 'utf8')).toContain("status: text('status', { enum: recordStates }).notNull().default('open'),");
  });
});
