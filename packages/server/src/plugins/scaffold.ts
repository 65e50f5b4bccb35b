/**
 * `sifa plugin new <id>`: writes a working plugin package from the template folder
 * (`packages/server/plugin-template/`, real files with `{{token}}` placeholders, rendered by plain
 * substitution) and registers it in the workspace: the TypeScript build references
 * (`packages/tsconfig.build.json`), the root package.json's devDependencies and the plugins of
 * `sifa.config.mjs`. Refuses an invalid id, an id already taken and a folder that exists, before
 * writing anything; the registration edits are idempotent.
 *
 * The template's first migration is drizzle-kit's output for the template's table (the proof test
 * checks that `db:generate` on a new plugin finds nothing to generate), renamed per plugin, with
 * a fresh snapshot id and timestamp as drizzle-kit would write them.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { coreVersion, pluginIdSchema } from '@sifa/core';

/** Where the template lives: beside src/ and dist/ in the @sifa/server package. */
export const pluginTemplateFolder = fileURLToPath(new URL('../../plugin-template/', import.meta.url));

/** Ids a plugin may not take: the platform's own procedures and routes live under `platform`. */
const reservedIds = new Set(['platform']);

export class PluginScaffoldError extends Error {
  override name = 'PluginScaffoldError';
}

export interface NewPluginOptions {
  id: string;
  /** The repository (workspace) root: the folder with pnpm-workspace.yaml. */
  root: string;
  /** The plugin's folder; default `<root>/packages/plugins/<id>`. Must be inside `root`. */
  dir?: string | undefined;
  /** Chinese title (default: the English one). */
  titleZh?: string | undefined;
  /** English title (default: the id in words, "Legal aid" for legal-aid). */
  titleEn?: string | undefined;
  /** Time of the migration's journal entry (default now); tests pass a fixed one. */
  now?: Date | undefined;
}

export interface NewPluginResult {
  /** Absolute folder of the new package. */
  dir: string;
  packageName: string;
  /** Files written, relative to `dir`. */
  files: string[];
  /** Workspace files changed (relative to the root), and which were already registered. */
  registered: string[];
  alreadyRegistered: string[];
  /** Things the author has to do by hand. */
  notes: string[];
}

/** The names derived from a plugin id, as the template's tokens use them. */
export function namesOf(id: string) {
  const words = id.split('-').filter(Boolean);
  const pascal = words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
  return {
    id,
    /** `legalAid`: variables (`legalAidManifest`). */
    name: pascal[0]!.toLowerCase() + pascal.slice(1),
    /** `LegalAid`: types and factories (`createLegalAidPlugin`). */
    Name: pascal,
    /** `legal_aid`: SQL names (`legal_aid_records`). */
    table: words.join('_'),
    /** How a client reaches the router: `.mediation`, or `['legal-aid']` for an id with a hyphen. */
    idAccess: /^[a-z][a-z0-9]*$/.test(id) ? `.${id}` : `['${id}']`,
    /** "Legal aid". */
    words: words.map((w, i) => (i === 0 ? w[0]!.toUpperCase() + w.slice(1) : w)).join(' '),
  };
}

const titlePattern = /^[^"`\\<>{}\p{Cc}]{1,40}$/u;

/**
 * A title goes into TypeScript and JSON strings as it is: 1–40 characters without double quotes,
 * backquotes, backslashes, <, >, { or }; an apostrophe is written as ’ (People’s mediation).
 */
function checkTitle(title: string, option: string): string {
  const trimmed = title.trim().replaceAll("'", '’');
  if (!titlePattern.test(trimmed)) {
    throw new PluginScaffoldError(`${option} must be 1–40 characters without double quotes, backquotes, backslashes, <, >, { or }: "${title}".`);
  }
  return trimmed;
}

/** Refuses an id the manifest would refuse (or one that is reserved), saying why. */
export function validatePluginId(id: string): void {
  const parsed = pluginIdSchema.safeParse(id);
  if (!parsed.success) {
    throw new PluginScaffoldError(
      `"${id}" is not a valid plugin id: 2–40 characters, lower-case letters, digits and "-", starting with a letter (e.g. mediation, legal-aid).`,
    );
  }
  if (reservedIds.has(id)) throw new PluginScaffoldError(`"${id}" is reserved for the platform; choose another plugin id.`);
  if (id.endsWith('-') || id.includes('--')) throw new PluginScaffoldError(`"${id}": a plugin id may not end with "-" or hold "--" (its names would not read well).`);
}

interface WorkspacePackage {
  name: string;
  /** `sifa.plugin` of its package.json: the plugin id it carries, when it says. */
  plugin: string | null;
  folder: string;
}

/** Packages of the workspace (package.json files below `packages/` and `examples/`, two levels deep). */
function workspacePackages(root: string): WorkspacePackage[] {
  const found: WorkspacePackage[] = [];
  const visit = (dir: string, depth: number) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (!entry.isDirectory() || entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      const folder = join(dir, entry.name);
      const file = join(folder, 'package.json');
      if (existsSync(file)) {
        try {
          const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; sifa?: { plugin?: string } };
          found.push({ name: pkg.name ?? '', plugin: pkg.sifa?.plugin ?? null, folder });
        } catch {
          /* not ours to judge */
        }
      }
      if (depth > 0) visit(folder, depth - 1);
    }
  };
  visit(join(root, 'packages'), 1);
  visit(join(root, 'examples'), 1);
  return found;
}

/** Does a pnpm-workspace.yaml `packages:` glob (`packages/*`, `examples/**`) cover `folder`? */
function inWorkspace(root: string, folder: string): boolean {
  const file = join(root, 'pnpm-workspace.yaml');
  if (!existsSync(file)) return false;
  const globs = [...readFileSync(file, 'utf8').matchAll(/^\s*-\s*['"]?([^'"\s#]+)['"]?\s*$/gm)].map((m) => m[1]!);
  const path = relative(root, folder).split(sep).join('/');
  return globs.some((glob) => {
    const pattern = glob.replace(/[.+^$()|[\]\\]/g, '\\$&').replace(/\*\*/g, '\u0000').replace(/\*/g, '[^/]+').replace(/\u0000/g, '.+');
    return new RegExp(`^${pattern}$`).test(path);
  });
}

/** Versions of third-party packages, as this repository pins them (server, then components). */
function versionLookup(root: string): (name: string) => string {
  const manifests = [fileURLToPath(new URL('../../package.json', import.meta.url)), join(root, 'packages', 'components', 'package.json')]
    .filter((f) => existsSync(f))
    .map((f) => JSON.parse(readFileSync(f, 'utf8')) as Record<string, Record<string, string> | undefined>);
  return (name) => {
    for (const m of manifests) {
      for (const field of ['dependencies', 'devDependencies', 'peerDependencies']) {
        const v = m[field]?.[name];
        if (v && !v.startsWith('workspace:')) return v;
      }
    }
    throw new PluginScaffoldError(`The plugin template names ${name}, which neither @sifa/server nor @sifa/components depends on.`);
  };
}

/** Replaces every `{{token}}`; an unknown token is a template bug and stops the run. */
function render(text: string, tokens: Record<string, string>, version: (name: string) => string, where: string): string {
  return text.replace(/\{\{([\w@/.:-]+)\}\}/g, (_, token: string) => {
    if (token.startsWith('version:')) return version(token.slice('version:'.length));
    const value = tokens[token];
    if (value === undefined) throw new PluginScaffoldError(`Unknown template token {{${token}}} in ${where}.`);
    return value;
  });
}

function templateFiles(dir: string, base = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    return e.isDirectory() ? templateFiles(path, base) : [relative(base, path)];
  });
}

const posix = (path: string) => path.split(sep).join('/');

/** Writes the plugin package and registers it; see the module comment. */
export async function createPluginPackage(options: NewPluginOptions): Promise<NewPluginResult> {
  const { id } = options;
  validatePluginId(id);
  const root = resolve(options.root);
  if (!existsSync(join(root, 'pnpm-workspace.yaml'))) {
    throw new PluginScaffoldError(`${root} is not the root of a Sifa Kit workspace (no pnpm-workspace.yaml); run \`sifa plugin new\` there.`);
  }
  const dir = resolve(root, options.dir ?? join('packages', 'plugins', id));
  const inside = relative(root, dir);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) {
    throw new PluginScaffoldError(`The plugin's folder ${dir} must be inside the workspace ${root}.`);
  }
  const names = namesOf(id);
  const packageName = `@sifa/plugin-${id}`;
  if (existsSync(dir) && (!statSync(dir).isDirectory() || readdirSync(dir).length > 0)) {
    throw new PluginScaffoldError(`${posix(inside)} already exists; choose another id or --dir (nothing was written).`);
  }
  const packages = workspacePackages(root);
  const taken = packages.find((p) => p.name === packageName);
  if (taken) throw new PluginScaffoldError(`The workspace already has ${packageName} (${posix(relative(root, taken.folder))}); choose another id (nothing was written).`);
  const sameId = packages.find((p) => p.plugin === id);
  if (sameId) throw new PluginScaffoldError(`The workspace already has the plugin "${id}" (${sameId.name}, ${posix(relative(root, sameId.folder))}); choose another id (nothing was written).`);
  const configFile = join(root, 'sifa.config.mjs');
  if (existsSync(configFile) && readFileSync(configFile, 'utf8').includes(`'${packageName}/server'`)) {
    throw new PluginScaffoldError(`sifa.config.mjs already imports ${packageName}/server; remove it or choose another id (nothing was written).`);
  }

  const titleEn = checkTitle(options.titleEn ?? names.words, '--title-en');
  const titleZh = checkTitle(options.titleZh ?? titleEn, '--title');
  const tokens: Record<string, string> = {
    ...names,
    titleZh,
    titleEn,
    coreRange: `^${coreVersion}`,
    sifaVersion: 'workspace:*',
    root: posix(relative(dir, root)) || '.',
    when: String((options.now ?? new Date()).getTime()),
    snapshotId: randomUUID(),
  };
  const version = versionLookup(root);

  // Render everything before writing anything: a template error leaves no half-written folder.
  const rendered = templateFiles(pluginTemplateFolder).map((file) => {
    const target = render(posix(file), tokens, version, `the path ${posix(file)}`);
    return { target, text: render(readFileSync(join(pluginTemplateFolder, file), 'utf8'), tokens, version, posix(file)) };
  });
  for (const file of rendered) {
    await mkdir(dirname(join(dir, file.target)), { recursive: true });
    await writeFile(join(dir, file.target), file.text);
  }

  const registered: string[] = [];
  const alreadyRegistered: string[] = [];
  const note = (file: string, changed: boolean) => (changed ? registered : alreadyRegistered).push(file);
  const notes: string[] = [];

  // 1. The TypeScript build (`pnpm build`, `pnpm typecheck`).
  const buildFile = join(root, 'packages', 'tsconfig.build.json');
  if (existsSync(buildFile)) {
    const build = JSON.parse(await readFile(buildFile, 'utf8')) as { references?: { path: string }[] };
    build.references ??= [];
    const reference = posix(relative(dirname(buildFile), dir));
    const path = reference.startsWith('.') ? reference : `./${reference}`;
    const has = build.references.some((r) => r.path.replace(/\/$/, '') === path);
    if (!has) {
      build.references.push({ path });
      await writeFile(buildFile, `${JSON.stringify(build, null, 2)}\n`);
    }
    note('packages/tsconfig.build.json', !has);
  } else notes.push('No packages/tsconfig.build.json: add the new tsconfig.json to your TypeScript build yourself.');

  // 2. The root package.json, so the server (and sifa.config.mjs) can import the package.
  const rootPackageFile = join(root, 'package.json');
  const rootPackage = JSON.parse(await readFile(rootPackageFile, 'utf8')) as { devDependencies?: Record<string, string> };
  const devDependencies = rootPackage.devDependencies ?? {};
  const hasDependency = packageName in devDependencies;
  if (!hasDependency) {
    devDependencies[packageName] = 'workspace:*';
    rootPackage.devDependencies = Object.fromEntries(Object.entries(devDependencies).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    await writeFile(rootPackageFile, `${JSON.stringify(rootPackage, null, 2)}\n`);
  }
  note('package.json', !hasDependency);

  // 3. The plugins the server starts with.
  if (existsSync(configFile)) {
    const factory = `create${names.Name}Plugin`;
    const changed = await registerInConfig(configFile, packageName, factory);
    note('sifa.config.mjs', changed);
  } else notes.push(`No sifa.config.mjs: list create${names.Name}Plugin() (from ${packageName}/server) in your server's plugins.`);

  if (!inWorkspace(root, dir)) notes.push(`${posix(inside)} is not covered by pnpm-workspace.yaml: add its folder there, or pnpm will not link it.`);
  const vitestConfig = join(root, 'vitest.config.ts');
  const parent = posix(dirname(inside));
  if (existsSync(vitestConfig) && !readFileSync(vitestConfig, 'utf8').includes(`'${parent}/*/test/server/`)) {
    notes.push(`The test projects of vitest.config.ts do not look in ${parent}/*: add ${posix(inside)}/test/server and ${posix(inside)}/src/ui to their include to run its tests with the suite.`);
  }
  return { dir, packageName, files: rendered.map((f) => f.target).sort(), registered, alreadyRegistered, notes };
}

/**
 * Adds `import { factory } from '<package>/server'` after the config's last import and
 * `factory()` at the end of its `plugins: [ … ]` list. Returns false when both are there.
 */
async function registerInConfig(file: string, packageName: string, factory: string): Promise<boolean> {
  let text = await readFile(file, 'utf8');
  const importLine = `import { ${factory} } from '${packageName}/server';`;
  let changed = false;
  if (!text.includes(importLine)) {
    const imports = [...text.matchAll(/^import .*;$/gm)];
    const last = imports[imports.length - 1];
    const at = last ? last.index + last[0].length + 1 : 0;
    text = `${text.slice(0, at)}${importLine}\n${text.slice(at)}`;
    changed = true;
  }
  if (!new RegExp(`\\b${factory}\\(`).test(text.replace(importLine, ''))) {
    const list = /plugins:\s*\[/.exec(text);
    if (!list) throw new PluginScaffoldError(`sifa.config.mjs has no \`plugins: [\` list; add ${factory}() to the server's plugins yourself.`);
    // The list's closing bracket: the first `]` at depth 0 after the opening one.
    let depth = 0;
    let end = -1;
    for (let i = list.index + list[0].length; i < text.length; i++) {
      const c = text[i];
      if (c === '[' || c === '(' || c === '{') depth++;
      else if (c === ')' || c === '}') depth--;
      else if (c === ']') {
        if (depth === 0) {
          end = i;
          break;
        }
        depth--;
      }
    }
    if (end < 0) throw new PluginScaffoldError(`sifa.config.mjs: the plugins list does not close; add ${factory}() yourself.`);
    const before = text.slice(0, end).replace(/\s*$/, '');
    const separator = before.endsWith('[') ? '' : before.endsWith(',') ? ' ' : ', ';
    text = `${before}${separator}${factory}()${text.slice(before.length, end).includes('\n') ? text.slice(before.length, end) : ''}${text.slice(end)}`;
    changed = true;
  }
  if (changed) await writeFile(file, text);
  return changed;
}
