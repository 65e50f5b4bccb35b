/**
 * Defines `sifa-*` elements on demand: loads the define module of each known tag found in the
 * document (now or added later), once per tag, and stops watching when all are loaded. Used by
 * the script-tag loader (embed.ts) with the generated tag → module map.
 */

export type ElementLoaders = Readonly<Record<string, () => Promise<unknown>>>;

export interface ElementWatcher {
  /** Tags whose module was requested so far. */
  readonly requested: ReadonlySet<string>;
  /** Resolves when `tag`'s module has loaded (rejects if it failed). Loads it if not yet asked. */
  load(tag: string): Promise<unknown>;
  stop(): void;
}

export function watchElements(loaders: ElementLoaders, root: Document | Element = document): ElementWatcher {
  const loading = new Map<string, Promise<unknown>>();
  const waiting = new Set(Object.keys(loaders));
  let observer: MutationObserver | null = null;

  const load = (tag: string): Promise<unknown> => {
    let promise = loading.get(tag);
    if (!promise) {
      const loader = loaders[tag];
      promise = loader ? loader() : Promise.reject(new Error(`<${tag}> is not a Sifa element`));
      loading.set(tag, promise);
      waiting.delete(tag);
      promise.catch((error: unknown) => console.error(`[sifa] could not load <${tag}>:`, error));
      if (waiting.size === 0) stop();
    }
    return promise;
  };

  const scan = (node: Element | Document) => {
    if (waiting.size === 0) return;
    if (node instanceof Element && waiting.has(node.localName)) load(node.localName);
    if (waiting.size === 0) return;
    for (const el of node.querySelectorAll([...waiting].join(','))) load(el.localName);
  };

  const stop = () => {
    observer?.disconnect();
    observer = null;
  };

  if (waiting.size > 0) {
    observer = new MutationObserver((records) => {
      for (const record of records) for (const node of record.addedNodes) if (node instanceof Element) scan(node);
    });
    observer.observe(root, { childList: true, subtree: true });
    scan(root);
  }

  return {
    get requested() {
      return new Set(loading.keys());
    },
    load,
    stop,
  };
}
