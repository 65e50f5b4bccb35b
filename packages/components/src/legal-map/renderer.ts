/**
 * The map itself, loaded lazily (a chunk of its own with maplibre-gl, supercluster and
 * maplibre's CSS) once a <sifa-legal-map> with WebGL is on the page. The element shell and its
 * list work before this arrives and without it.
 *
 * - maplibre's worker is a file of the bundle (build/asset-imports.mjs), set with setWorkerUrl
 *   beside this chunk: same origin as the chunk, so `worker-src 'self'` (or script-src) allows it.
 * - maplibre's CSS is adopted into the shadow root as a constructable stylesheet (no <style>
 *   element, nothing inline: allowed by `style-src 'self'`).
 * - Institutions, clusters and county labels are HTML overlays positioned with map.project():
 *   text in a symbol layer would need glyph PBFs from a server, which an offline map has not; the
 *   browser's own fonts (Chinese, Mongolian) render HTML labels correctly, vertical Mongolian too.
 * - Clustering: supercluster on the main thread (synchronous getClusters for the visible extent
 *   and zoom, ~2 KiB gz with kdbush), because the cluster counts must be HTML too; maplibre's
 *   GeoJSON clustering lives in the worker and answers asynchronously, made for symbol layers.
 */
import { Map as MapLibreMap, LngLatBounds, setWorkerUrl, type StyleSpecification, type MapMouseEvent } from 'maplibre-gl';
import Supercluster from 'supercluster';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import maplibreCss from 'maplibre-gl/dist/maplibre-gl.css?inline';
import type { LngLat, RegionCollection, RegionFeature } from '@sifa/core';
import { buildStyle, overlay, regionSourceId, type StyleColors, type StyleOptions } from './style.js';

/** One institution as the map draws it (position in WGS-84; the renderer shifts it for the base map). */
export interface MapPoint {
  id: string;
  position: LngLat;
  color: string;
  name: string;
}

export interface RendererOptions {
  container: HTMLElement;
  /** The element's shadow root: maplibre's stylesheet is adopted there. */
  root: ShadowRoot;
  /** What to build the inline style from (style.ts), or a vector style URL to which the overlay is added. */
  style: StyleOptions | string;
  colors: StyleColors;
  /**
   * WGS-84 → the base map's CRS and back (geo.ts, passed in rather than imported: a chunk
   * importing from the element's chunk would turn it into a shared chunk without its facade).
   */
  toMap(point: LngLat): LngLat;
  fromMap(point: LngLat): LngLat;
  /** Where maplibre's worker is served (default: the bundle's own copy). */
  workerUrl?: string | undefined;
  clusterLabel(count: number): string;
  onSelect(id: string): void;
  /** A click on the map outside the markers, shifted back to WGS-84. */
  onMapClick?: ((at: LngLat) => void) | undefined;
}

export interface Renderer {
  readonly map: MapLibreMap;
  /** Resolves when the style and the first data are drawn (maplibre `idle`). */
  idle(): Promise<void>;
  setPoints(points: MapPoint[]): void;
  setRegions(regions: RegionCollection | null, label: (feature: RegionFeature) => { text: string; lang?: string | undefined }): void;
  /** Marks `id` selected; with `reveal`, moves the map so it is visible (zooming out of any cluster). */
  select(id: string | null, reveal: boolean): void;
  /** Centres the map on a WGS-84 point. */
  show(position: LngLat, zoom?: number): void;
  /** The overlay elements (markers and clusters) currently shown, for tests. */
  markers(): HTMLElement[];
  resize(): void;
  destroy(): void;
}

let sheet: CSSStyleSheet | null = null;
function adoptCss(root: ShadowRoot): void {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(maplibreCss);
  }
  if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}

/** Shifts every coordinate of the region outlines (WGS-84) to the base map's CRS. */
function shiftRegions(regions: RegionCollection, toMap: (p: LngLat) => LngLat): RegionCollection {
  const ring = (r: LngLat[]) => r.map(toMap);
  return {
    ...regions,
    features: regions.features.map((f) => ({
      ...f,
      geometry: {
        type: f.geometry.type,
        coordinates: f.geometry.type === 'Polygon' ? (f.geometry.coordinates as LngLat[][]).map(ring) : (f.geometry.coordinates as LngLat[][][]).map((p) => p.map(ring)),
      },
    })),
  };
}

const chifeng = new LngLatBounds([116.3, 41.3], [121.0, 45.4]);

export async function createRenderer(options: RendererOptions): Promise<Renderer> {
  setWorkerUrl(options.workerUrl ?? workerUrl);
  adoptCss(options.root);
  const { container, toMap } = options;
  const style = typeof options.style === 'string' ? options.style : buildStyle(options.style);
  const map = new MapLibreMap({
    container,
    style: style as StyleSpecification | string,
    bounds: chifeng,
    fitBoundsOptions: { padding: 16 },
    attributionControl: typeof style === 'string' || Object.values(style.sources).some((s) => s['type'] === 'raster') ? { compact: true } : false,
    // The list is the keyboard and screen-reader twin: the canvas takes no tab stop of its own.
    keyboard: false,
    dragRotate: false,
    pitchWithRotate: false,
    touchPitch: false,
    maxPitch: 0,
    renderWorldCopies: false,
    // Readable in tests (pixel checks) and for print; a small cost for a map of this size.
    canvasContextAttributes: { preserveDrawingBuffer: true, antialias: false },
  });
  map.getCanvas().setAttribute('tabindex', '-1');
  map.getCanvas().setAttribute('aria-hidden', 'true');

  const layer = document.createElement('div');
  layer.className = 'overlay';
  container.append(layer);
  const labelLayer = document.createElement('div');
  labelLayer.className = 'overlay labels';
  layer.before(labelLayer);

  let points: MapPoint[] = [];
  let byId = new Map<string, MapPoint>();
  let selected: string | null = null;
  let index: Supercluster<{ id: string }, Record<string, never>> | null = null;
  let regions: RegionCollection | null = null;
  let regionLabels: { el: HTMLElement; at: LngLat }[] = [];
  let shown: { el: HTMLElement; at: LngLat }[] = [];
  let styleReady = false;
  let destroyed = false;

  const loaded = new Promise<void>((resolve, reject) => {
    map.once('load', () => resolve());
    map.once('error', (e) => (styleReady ? undefined : reject(e.error ?? new Error('map error'))));
  });

  const position = () => {
    for (const { el, at } of [...shown, ...regionLabels]) {
      const p = map.project(at);
      el.style.transform = `translate(${p.x.toFixed(1)}px, ${p.y.toFixed(1)}px)`;
    }
  };

  const rebuildIndex = () => {
    // The selected institution never hides in a cluster: it is left out of the index and drawn alone.
    index = new Supercluster({ radius: 48, maxZoom: 14 });
    index.load(
      points
        .filter((p) => p.id !== selected)
        .map((p) => ({ type: 'Feature', properties: { id: p.id }, geometry: { type: 'Point', coordinates: toMap(p.position) } })),
    );
  };

  const draw = () => {
    if (destroyed || !index) return;
    const b = map.getBounds();
    const zoom = Math.round(map.getZoom());
    const items = index.getClusters([b.getWest() - 1, b.getSouth() - 1, b.getEast() + 1, b.getNorth() + 1], zoom);
    const next: typeof shown = [];
    const frag = document.createDocumentFragment();
    for (const item of items) {
      const at = item.geometry.coordinates as LngLat;
      const props = item.properties as { cluster?: boolean; cluster_id?: number; point_count?: number; id?: string };
      const el = document.createElement('div');
      // Pointer targets only: the list offers every institution to keyboards and screen readers.
      el.setAttribute('aria-hidden', 'true');
      if (props.cluster) {
        el.className = 'cluster';
        el.textContent = String(props.point_count);
        el.title = options.clusterLabel(props.point_count ?? 0);
        el.dataset['count'] = String(props.point_count);
        const clusterId = props.cluster_id!;
        el.addEventListener('click', () => {
          const target = Math.min(index!.getClusterExpansionZoom(clusterId), 16);
          map.easeTo({ center: at, zoom: target, duration: 250 });
        });
      } else {
        const point = byId.get(props.id!)!;
        el.className = 'marker';
        el.dataset['id'] = point.id;
        el.title = point.name;
        el.style.setProperty('--marker-color', point.color);
        el.addEventListener('click', () => options.onSelect(point.id));
      }
      next.push({ el, at });
      frag.append(el);
    }
    if (selected && byId.has(selected)) {
      const point = byId.get(selected)!;
      const el = document.createElement('div');
      el.setAttribute('aria-hidden', 'true');
      el.className = 'marker selected';
      el.dataset['id'] = point.id;
      el.title = point.name;
      el.style.setProperty('--marker-color', point.color);
      next.push({ el, at: toMap(point.position) });
      frag.append(el);
    }
    layer.replaceChildren(frag);
    shown = next;
    position();
  };

  const drawRegions = () => {
    if (!styleReady) return;
    const source = map.getSource(regionSourceId) as { setData(d: unknown): void } | undefined;
    source?.setData(regions ?? { type: 'FeatureCollection', features: [] });
  };

  map.on('move', position);
  map.on('moveend', draw);
  map.on('resize', position);

  // Clicks report the WGS-84 point (shifted back from the base map's CRS).
  map.on('click', (e: MapMouseEvent) => options.onMapClick?.(options.fromMap([e.lngLat.lng, e.lngLat.lat])));

  const onStyle = () => {
    if (typeof style === 'string' && !map.getSource(regionSourceId)) {
      const own = overlay({ regions: null, colors: options.colors, basemap: 'style' });
      for (const [id, source] of Object.entries(own.sources)) map.addSource(id, source as never);
      for (const l of own.layers) map.addLayer(l as never);
    }
    styleReady = true;
    drawRegions();
    draw();
  };
  if (map.isStyleLoaded()) onStyle();
  else map.once('style.load', onStyle);

  await loaded;

  return {
    map,
    idle: () =>
      new Promise<void>((resolve) => {
        if (map.loaded() && !map.isMoving()) map.once('idle', () => resolve()), map.triggerRepaint();
        else map.once('idle', () => resolve());
      }),
    setPoints(next) {
      points = next;
      byId = new Map(next.map((p) => [p.id, p]));
      rebuildIndex();
      draw();
    },
    setRegions(next, label) {
      regions = next ? shiftRegions(next, toMap) : null;
      drawRegions();
      const frag = document.createDocumentFragment();
      regionLabels = (regions?.features ?? []).map((f) => {
        const el = document.createElement('div');
        el.className = 'region-label';
        el.setAttribute('aria-hidden', 'true');
        const { text, lang } = label(f);
        el.textContent = text;
        if (lang) el.lang = lang;
        frag.append(el);
        return { el, at: toMap(f.properties.label) };
      });
      labelLayer.replaceChildren(frag);
      position();
    },
    select(id, reveal) {
      selected = id;
      rebuildIndex();
      draw();
      const point = id ? byId.get(id) : undefined;
      if (point && reveal) {
        map.easeTo({ center: toMap(point.position), zoom: Math.max(map.getZoom(), 10), duration: 250 });
      }
    },
    show(at, zoom) {
      map.easeTo({ center: toMap(at), zoom: zoom ?? Math.max(map.getZoom(), 9), duration: 250 });
    },
    markers: () => shown.map((s) => s.el),
    resize: () => map.resize(),
    destroy() {
      destroyed = true;
      map.remove();
      layer.remove();
      labelLayer.remove();
    },
  };
}
