/**
 * Minifies the CSS of Lit's `css` tagged templates in our sources: comments out, whitespace runs
 * to one space, no space around `{ } ; ,` or after `:` (a colon is never followed by a space in a
 * selector, so `a :hover` keeps its meaning). Only the literal parts change; `${…}` interpolations
 * (tokens through `unsafeCSS`) are left as they are. terser leaves template text alone, and the
 * widgets' styles are a good part of each first load.
 */
import MagicString from 'magic-string';

/** @param {string} text */
export function minifyCss(text) {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,])\s*/g, '$1')
    .replace(/:\s+/g, ':')
    .replace(/;}/g, '}')
    .trim();
}

/**
 * @param {{ include: (id: string) => boolean }} options which module ids to minify
 * @returns {import('rollup').Plugin}
 */
export function cssLiterals(options) {
  return {
    name: 'sifa-css-literals',
    transform(code, id) {
      if (!options.include(id) || !code.includes('css`')) return null;
      const ast = /** @type {any} */ (this.parse(code));
      const s = new MagicString(code);
      let changed = false;
      const visit = (node) => {
        if (!node || typeof node.type !== 'string') return;
        if (node.type === 'TaggedTemplateExpression' && node.tag.type === 'Identifier' && node.tag.name === 'css') {
          for (const quasi of node.quasi.quasis) {
            const raw = code.slice(quasi.start, quasi.end);
            // Keep a separating space where a literal part meets an interpolation.
            const min = minifyCss(raw);
            const lead = /^\s/.test(raw) && quasi !== node.quasi.quasis[0] ? ' ' : '';
            const trail = /\s$/.test(raw) && quasi !== node.quasi.quasis.at(-1) ? ' ' : '';
            const next = `${lead}${min}${trail}`;
            if (next !== raw) {
              s.overwrite(quasi.start, quasi.end, next || (quasi.start === quasi.end ? '' : ' '));
              changed = true;
            }
          }
        }
        for (const [key, value] of Object.entries(node)) {
          if (key === 'start' || key === 'end' || key === 'type') continue;
          if (Array.isArray(value)) value.forEach(visit);
          else if (value && typeof value === 'object') visit(value);
        }
      };
      visit(ast);
      return changed ? { code: s.toString(), map: s.generateMap({ hires: true }) } : null;
    },
  };
}
