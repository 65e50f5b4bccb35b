/**
 * Which elements a page may load from this bundle: the bundle carries the elements of every
 * plugin it was built with (`pluginOf`: tag → the plugin it needs on the server), and the Sifa
 * server that serves `embed.js` writes the ids of the plugins it has installed over the marker
 * below. Served from anywhere else (a CDN, a static copy) the marker stays and every element is
 * offered. A `sifa-*` tag the page uses but the server cannot serve gets one console warning that
 * names the plugin to install.
 */
import type { ElementLoaders } from './loader.js';

// The build checks that embed.js contains this string exactly once (build/embed-config.mjs).
const marker: string = '__SIFA_INSTALLED_PLUGINS__';

/** The installed plugin ids (comma-separated as the server writes them), or null when not served by a Sifa server. */
export function installedPlugins(value: string = marker): ReadonlySet<string> | null {
  return /^__SIFA_/.test(value) ? null : new Set(value.split(',').filter(Boolean));
}

export interface Availability {
  /** Tags this page may load. */
  loaders: ElementLoaders;
  /** Why any other `sifa-*` tag cannot be loaded (one line, naming the plugin when the bundle knows it). */
  explain(tag: string): string;
}

export function availableElements(
  loaders: ElementLoaders,
  pluginOf: Readonly<Record<string, string | null>>,
  installed: ReadonlySet<string> | null,
  server: string,
): Availability {
  const offered = Object.fromEntries(
    Object.entries(loaders).filter(([tag]) => {
      const plugin = pluginOf[tag] ?? null;
      return installed === null || plugin === null || installed.has(plugin);
    }),
  );
  return {
    loaders: offered,
    explain(tag) {
      const plugin = pluginOf[tag];
      if (plugin && installed && !installed.has(plugin)) {
        return `[sifa] <${tag}> needs the plugin "${plugin}", which the Sifa server at ${server} does not have installed: add it to the server's configuration (plugins), or remove the element from the page.`;
      }
      const known = installed ? [...installed].sort().join(', ') || 'none' : 'any';
      return `[sifa] <${tag}> is not an element of Sifa Kit or of the plugins installed on the Sifa server at ${server} (installed: ${known}): check the tag's spelling, or install the plugin that provides it.`;
    },
  };
}
