// `cem analyze --litelement` (part of build:embed): custom-elements.json from the elements' JSDoc
// (@summary @fires @slot @csspart @cssprop). Every SifaElement also gets the design tokens
// (`--sifa-*`) as CSS properties, from `tokenNames` (dist/theme/tokens.js, built by tsc first),
// so the list is never written by hand.
import { tokenNames, tokenValue } from './dist/theme/tokens.js';

/** @returns {import('@custom-elements-manifest/analyzer').Plugin} */
function designTokens() {
  return {
    name: 'sifa-design-tokens',
    packageLinkPhase({ customElementsManifest }) {
      const classes = customElementsManifest.modules.flatMap((m) => (m.declarations ?? []).filter((d) => d.kind === 'class'));
      const byName = new Map(classes.map((c) => [c.name, c]));
      const isSifaElement = (c, depth = 0) => c && depth < 20 && (c.name === 'SifaElement' || isSifaElement(byName.get(c.superclass?.name), depth + 1));
      for (const c of classes) {
        if (!isSifaElement(c)) continue;
        // `emit(name, …)` in the base class reads as an event called "name": events are sifa-*.
        if (c.events) c.events = c.events.filter((e) => e.name?.startsWith('sifa-'));
        const own = new Set((c.cssProperties ?? []).map((p) => p.name));
        c.cssProperties = [
          ...(c.cssProperties ?? []),
          ...tokenNames
            .filter((name) => !own.has(name))
            .map((name) => ({ name, default: tokenValue('light', name), description: 'Design token (see the README of @sifa/components for every theme\'s value).' })),
        ];
      }
    },
  };
}

export default {
  // The SDK's elements and the workspace plugins' (their `sifa.elements` folders: src/ui).
  globs: ['src/**/*.ts', '../plugins/*/src/ui/**/*.ts', '../../examples/*/src/ui/**/*.ts'],
  exclude: ['**/*.test.ts', '**/*.stories.ts', '**/*.d.ts', 'src/loader/**', 'src/test-utils/**'],
  outdir: '.',
  litelement: true,
  packagejson: false,
  plugins: [designTokens()],
};
