/**
 * Starts fetching an element's chunks in parallel (`<link rel="modulepreload">`) before its
 * define module imports them one after the other. The build fills in `deps`: the files the
 * define module needs beyond what the loader already loaded (build/elements.mjs).
 */
const preloaded = new Set<string>();

export function preload(base: string, deps: readonly string[], load: () => Promise<unknown>): Promise<unknown> {
  for (const dep of deps) {
    const href = new URL(dep, base).href;
    if (preloaded.has(href)) continue;
    preloaded.add(href);
    const link = document.createElement('link');
    link.rel = 'modulepreload';
    link.href = href;
    document.head.append(link);
  }
  return load();
}
