#!/usr/bin/env node
/**
 * Regenerates the generated parts of packages/components/README.md (between the
 * `<!-- generated:… -->` markers): the element table from custom-elements.json and the design
 * token table from `tokenNames` / `tokenValue` (dist/theme/tokens.js). Run by build:embed after
 * `cem analyze`; never edit those parts by hand.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageDir } from '../build/elements.mjs';
import { themes } from '../dist/config/config.js';
import { tokenNames, tokenValue } from '../dist/theme/tokens.js';

const cell = (text) => String(text ?? '').replace(/\|/g, '\\|').replace(/\n+/g, ' ').trim();

function tokensTable() {
  const head = `| token | ${themes.join(' | ')} |\n| --- | ${themes.map(() => '---').join(' | ')} |`;
  const rows = tokenNames.map((name) => {
    const light = tokenValue('light', name);
    const values = themes.map((t) => (t === 'light' || tokenValue(t, name) !== light ? `\`${cell(tokenValue(t, name))}\`` : '='));
    return `| \`${name}\` | ${values.join(' | ')} |`;
  });
  return `${head}\n${rows.join('\n')}\n\n\`=\`: same as light.`;
}

/** The npm import that defines an element: `@sifa/components/<name>` or `<plugin package>/ui/<name>`. */
function importOf(/** @type {string} */ modulePath) {
  const plugin = modulePath.match(/^((?:\.\.\/)+[^/]+\/[^/]+)\/src\/ui\/([^/]+)\//);
  if (!plugin) return `@sifa/components/${modulePath.split('/')[1]}`;
  const pkg = JSON.parse(readFileSync(join(packageDir, plugin[1], 'package.json'), 'utf8'));
  return `${pkg.name}/ui/${plugin[2]}`;
}

function elementsTable() {
  const manifest = JSON.parse(readFileSync(join(packageDir, 'custom-elements.json'), 'utf8'));
  const rows = [];
  for (const mod of manifest.modules) {
    for (const d of mod.declarations ?? []) {
      if (d.kind !== 'class' || !d.tagName) continue;
      const attributes = (d.attributes ?? []).map((a) => `\`${a.name}\``).join(', ');
      const events = (d.events ?? []).filter((e) => e.name).map((e) => `\`${e.name}\``).join(', ');
      const parts = (d.cssParts ?? []).map((p) => `\`${p.name}\``).join(', ');
      rows.push(`| \`<${d.tagName}>\` | \`${importOf(mod.path)}\` | ${cell(d.summary ?? d.description)} | ${attributes} | ${events} | ${parts} |`);
    }
  }
  if (rows.length === 0) return '_No elements yet._';
  // By tag name: the manifest's module order follows the analyzer's traversal, not the folders.
  rows.sort();
  return `| element | npm import | what it is | attributes | events | parts |\n| --- | --- | --- | --- | --- | --- |\n${rows.join('\n')}`;
}

const file = join(packageDir, 'README.md');
const before = readFileSync(file, 'utf8');
let text = before;
for (const [name, content] of Object.entries({ elements: elementsTable(), tokens: tokensTable() })) {
  const pattern = new RegExp(`(<!-- generated:${name} -->)[\\s\\S]*?(<!-- /generated:${name} -->)`);
  if (!pattern.test(text)) throw new Error(`README.md lacks the <!-- generated:${name} --> … <!-- /generated:${name} --> markers`);
  text = text.replace(pattern, `$1\n${content}\n$2`);
}
if (text !== before) writeFileSync(file, text);
