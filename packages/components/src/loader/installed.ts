/**
 * Which elements a page may load from this bundle. The bundle carries the elements of every
 * plugin it was built with; the Sifa server that serves `embed.js` writes over the marker below
 * the elements whose plugin it does not have installed, as `tag:plugin` pairs (it reads each
 * element's plugin from `elements.json` beside embed.js, written by the build). Served from
 * anywhere else (a CDN, a static copy) the marker stays and every element is offered. Such an
 * element on a page gets one console warning naming the plugin to install (unknown-tag.ts, a
 * chunk loaded only then) instead of its code.
 */
import type { ElementLoaders } from './loader.js';

// The build checks that embed.js contains this string exactly once (build/embed-config.mjs).
const marker: string = '__SIFA_UNAVAILABLE_ELEMENTS__';

/** The loaders a page gets: the bundle's, with each unavailable element's replaced by its warning. */
export function offeredElements(loaders: ElementLoaders, url: string, unavailable: string = marker): ElementLoaders {
  const offered: Record<string, () => Promise<unknown>> = { ...loaders };
  for (const [tag, plugin] of unavailable.split(',').map((pair) => pair.split(':'))) {
    // (The bare marker and an empty list have no `tag:plugin` pair.)
    if (tag && plugin) offered[tag] = () => import('./unknown-tag.js').then((m) => m.warnUnknownTag(tag, plugin, url));
  }
  return offered;
}
