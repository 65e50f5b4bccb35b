/**
 * Marks the top-level `const x = call(…)` initialisers of declarative packages (our own
 * `sideEffects: false` workspace sources, e.g. @sifa/core) as `/*#__PURE__*\/`, so a bundle that
 * uses one constant of a module does not keep every zod schema (and zod) the module builds. Such
 * modules promise that building a value has no effect besides the value (package.json
 * `sideEffects: false`); statements other than declarations are left alone.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import MagicString from 'magic-string';

/**
 * @param {{ include: (id: string) => boolean }} options which module ids to annotate
 * @returns {import('rollup').Plugin}
 */
export function pureDeclarations(options) {
  return {
    name: 'sifa-pure-declarations',
    transform(code, id) {
      if (!options.include(id)) return null;
      const ast = /** @type {any} */ (this.parse(code));
      const s = new MagicString(code);
      const positions = new Set();
      // Every call in the initialiser (not inside functions it defines): a pure call still counts
      // its arguments' effects, so `z.object({ a: z.string() })` needs both marked.
      const mark = (node) => {
        if (!node || typeof node.type !== 'string') return;
        if (/Function/.test(node.type) || node.type === 'ClassExpression') return;
        if (node.type === 'CallExpression' || node.type === 'NewExpression') positions.add(node.start);
        for (const [key, value] of Object.entries(node)) {
          if (key === 'start' || key === 'end' || key === 'type') continue;
          if (Array.isArray(value)) value.forEach(mark);
          else if (value && typeof value === 'object') mark(value);
        }
      };
      for (const node of ast.body) {
        const declaration = node.type === 'ExportNamedDeclaration' ? node.declaration : node;
        if (declaration?.type !== 'VariableDeclaration') continue;
        for (const d of declaration.declarations) mark(d.init);
      }
      for (const position of positions) s.appendLeft(position, '/*#__PURE__*/ ');
      const changed = positions.size > 0;
      return changed ? { code: s.toString(), map: s.generateMap({ hires: true, source: id }) } : null;
    },
  };
}

/**
 * True for files of workspace packages whose package.json says `"sideEffects": false`, and for
 * the files of plugin packages (`sifa.plugin`) that their `sideEffects` list does not name (it
 * names their elements' define modules, which register tags).
 */
export function inSideEffectFreeWorkspacePackage(workspaceRoot) {
  const cache = new Map();
  const packageOf = (dir) => {
    if (cache.has(dir)) return cache.get(dir);
    let result = null;
    try {
      result = { ...JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')), __dir: dir };
    } catch {
      const parent = dirname(dir);
      result = parent === dir || !parent.startsWith(workspaceRoot) ? null : packageOf(parent);
    }
    cache.set(dir, result);
    return result;
  };
  return (id) => {
    if (!id.startsWith(workspaceRoot) || id.includes('/node_modules/') || !/\.[cm]?[jt]s$/.test(id)) return false;
    const pkg = packageOf(dirname(id));
    if (pkg?.sideEffects === false) return true;
    if (!pkg?.sifa?.plugin || !Array.isArray(pkg.sideEffects)) return false;
    const dir = pkg.__dir;
    const rel = `./${id.slice(dir.length + 1)}`;
    return !pkg.sideEffects.some((/** @type {string} */ glob) => globRegExp(glob).test(rel));
  };
}

/** A package.json `sideEffects` glob (`*`, `**`) as a RegExp over `./`-relative paths. */
function globRegExp(/** @type {string} */ glob) {
  const normalized = glob.startsWith('./') ? glob : `./${glob}`;
  const source = normalized.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*\*\/|\*\*|\*/g, (m) => (m === '**/' ? '(?:.*/)?' : m === '**' ? '.*' : '[^/]*'));
  return new RegExp(`^${source}$`);
}
