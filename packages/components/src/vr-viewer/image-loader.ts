/**
 * Panorama bytes and pixels: `fetchPanorama` reads the response as a stream and reports bytes
 * received (the progress bar of the scene being loaded), `decodePanorama` turns the bytes into
 * an ImageBitmap off the main thread, DOWNSCALED to fit the GPU's MAX_TEXTURE_SIZE (a 2:1 image
 * wider than the limit is resized, never split into tiles).
 */

/** A panorama that could not be fetched or decoded (`status` 0: network or decoding). */
export class ImageLoadError extends Error {
  constructor(
    readonly url: string,
    readonly status: number,
  ) {
    super(`panorama ${url} could not be loaded${status ? ` (HTTP ${status})` : ''}`);
    this.name = 'ImageLoadError';
  }
}

export type ProgressListener = (loaded: number, total: number) => void;

/** The image's bytes, with progress as they arrive (`total` from Content-Length, else `expected`). */
export async function fetchPanorama(url: string, options: { onProgress?: ProgressListener; signal?: AbortSignal; expectedBytes?: number } = {}): Promise<Blob> {
  let res: Response;
  try {
    res = await fetch(url, { credentials: 'omit', ...(options.signal ? { signal: options.signal } : {}) });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw new ImageLoadError(url, 0);
  }
  if (!res.ok) throw new ImageLoadError(url, res.status);
  const type = res.headers.get('content-type') ?? 'image/jpeg';
  const total = Number(res.headers.get('content-length')) || options.expectedBytes || 0;
  if (!res.body || !options.onProgress) return res.blob();
  const reader = res.body.getReader();
  const parts: Uint8Array<ArrayBuffer>[] = [];
  let loaded = 0;
  options.onProgress(0, total);
  for (;;) {
    let step: ReadableStreamReadResult<Uint8Array<ArrayBuffer>>;
    try {
      step = await reader.read();
    } catch (error) {
      if (options.signal?.aborted) throw error;
      throw new ImageLoadError(url, 0);
    }
    if (step.done) break;
    parts.push(step.value);
    loaded += step.value.byteLength;
    options.onProgress(loaded, Math.max(total, loaded));
  }
  return new Blob(parts, { type });
}

/** Decodes `blob`; an image wider than `maxWidth` (or taller than maxWidth / 2) is downscaled to fit. */
export async function decodePanorama(blob: Blob, maxWidth: number, url = ''): Promise<ImageBitmap> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(blob, { premultiplyAlpha: 'none' });
  } catch {
    throw new ImageLoadError(url, 0);
  }
  const scale = Math.min(1, maxWidth / bitmap.width, maxWidth / bitmap.height);
  if (scale >= 1) return bitmap;
  const resized = await createImageBitmap(bitmap, { resizeWidth: Math.floor(bitmap.width * scale), resizeHeight: Math.floor(bitmap.height * scale), resizeQuality: 'high', premultiplyAlpha: 'none' });
  bitmap.close();
  return resized;
}

interface CacheEntry {
  blob: Promise<Blob>;
  loaded: number;
  total: number;
  listeners: Set<ProgressListener>;
}

/** Bytes of the panoramas fetched lately (current scene, preloaded neighbours), newest last. */
const cache = new Map<string, CacheEntry>();
const cacheSize = 8;

/**
 * `fetchPanorama` once per URL for every viewer on the page: preloading a linked scene and then
 * entering it share one download, whose progress the entering viewer then shows. A failed
 * download is forgotten (tried again next time).
 */
export function cachedPanorama(url: string, options: { onProgress?: ProgressListener; expectedBytes?: number } = {}): Promise<Blob> {
  let entry = cache.get(url);
  if (entry) {
    cache.delete(url);
    cache.set(url, entry);
  } else {
    const created: CacheEntry = { blob: null as never, loaded: 0, total: options.expectedBytes ?? 0, listeners: new Set() };
    created.blob = fetchPanorama(url, {
      ...(options.expectedBytes ? { expectedBytes: options.expectedBytes } : {}),
      onProgress: (loaded, total) => {
        created.loaded = loaded;
        created.total = total;
        for (const listener of created.listeners) listener(loaded, total);
      },
    });
    created.blob.then(
      () => created.listeners.clear(),
      () => cache.get(url) === created && cache.delete(url),
    );
    cache.set(url, created);
    while (cache.size > cacheSize) cache.delete(cache.keys().next().value!);
    entry = created;
  }
  const listener = options.onProgress;
  if (listener) {
    entry.listeners.add(listener);
    listener(entry.loaded, entry.total);
    void entry.blob.finally(() => entry.listeners.delete(listener)).catch(() => undefined);
  }
  return entry.blob;
}
