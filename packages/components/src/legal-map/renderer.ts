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
 * - County labels avoid markers, clusters and each other the way maplibre's symbol placement
 *   does (`text-allow-overlap: false`, `text-variable-anchor`, `symbol-sort-key`), done here for
 *   the HTML labels: markers are placed first, then each label, the largest county first, at the
 *   first of its anchors (below, above, right, left of its point) where it collides with nothing
 *   placed before; a label with no free anchor is hidden until the map moves or zooms. Sizes
 *   are measured in the page, so large type (the elderly theme) and vertical Mongolian count.
 * - "You are here": the position the user shared (geolocation), a marker of its own.
 */
import { Map as MapLibreMap, LngLatBounds, setWorkerUrl, type StyleSpecification, type MapMouseEvent } from 'maplibre-gl';
import Supercluster from 'supercluster';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import maplibreCss from 'maplibre-gl/dist/maplibre-gl.css?inline';
import { boundsOf } from '../base/geometry.js';
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
  /**
   * Moves the map so the selected institution's marker is visible beside what covers part of the
   * map (the details popup): `padding` in pixels from each edge of the map.
   */
  reveal(id: string, padding: { top: number; right: number; bottom: number; left: number }): void;
  /** The user's own position (WGS-84; null: not shared), drawn as a "you are here" marker titled `label`. */
  setHere(position: LngLat | null, label: string): void;
  /** The county labels currently shown (not hidden by a collision), for tests. */
  visibleLabels(): HTMLElement[];
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

/** A county's size for label priority: the area of its outline's bounding box (degrees², enough to rank). */
function extentOf(f: RegionFeature): number {
  const rings = f.geometry.type === 'Polygon' ? (f.geometry.coordinates as LngLat[][]) : (f.geometry.coordinates as LngLat[][][]).flat();
  const [x0, y0, x1, y1] = boundsOf(rings);
  return (x1 - x0) * (y1 - y0);
}

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
  /** County labels, the largest county first (their placement priority), with their measured size. */
  let regionLabels: { el: HTMLElement; at: LngLat; w: number; h: number }[] = [];
  /** Markers and clusters drawn, with half their measured size (they are centred on their point). */
  let shown: { el: HTMLElement; at: LngLat; rx: number; ry: number }[] = [];
  let here: { el: HTMLElement; at: LngLat; rx: number; ry: number } | null = null;
  let styleReady = false;
  let destroyed = false;

  const loaded = new Promise<void>((resolve, reject) => {
    map.once('load', () => resolve());
    map.once('error', (e) => (styleReady ? undefined : reject(e.error ?? new Error('map error'))));
  });

  type Box = { x0: number; y0: number; x1: number; y1: number };
  const overlaps = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
  /** Clear space kept around markers and labels (px). */
  const gap = 2;
  /** How far from its point a label may sit (px): near enough to read as the county's, inside it. */
  const anchorDistances = [8, 20, 34, 50];

  const position = () => {
    const taken: Box[] = [];
    for (const { el, at, rx, ry } of here ? [...shown, here] : shown) {
      const p = map.project(at);
      el.style.transform = `translate(${p.x.toFixed(1)}px, ${p.y.toFixed(1)}px)`;
      taken.push({ x0: p.x - rx - gap, y0: p.y - ry - gap, x1: p.x + rx + gap, y1: p.y + ry + gap });
    }
    const width = container.clientWidth;
    const height = container.clientHeight;
    for (const label of regionLabels) {
      const p = map.project(label.at);
      const { w, h } = label;
      // Variable anchors, nearest first: below the point, above, right, left, then the corners; a step further out each round.
      const anchors: [number, number][] = [];
      for (const d of anchorDistances) {
        anchors.push(
          [p.x - w / 2, p.y + d],
          [p.x - w / 2, p.y - d - h],
          [p.x + d, p.y - h / 2],
          [p.x - d - w, p.y - h / 2],
          [p.x + d * 0.7, p.y + d * 0.7],
          [p.x - d * 0.7 - w, p.y + d * 0.7],
          [p.x + d * 0.7, p.y - d * 0.7 - h],
          [p.x - d * 0.7 - w, p.y - d * 0.7 - h],
        );
      }
      let placed: Box | null = null;
      for (const [x, y] of anchors) {
        const box = { x0: x - gap, y0: y - gap, x1: x + w + gap, y1: y + h + gap };
        if (box.x0 < 0 || box.y0 < 0 || box.x1 > width || box.y1 > height) continue;
        if (taken.some((t) => overlaps(t, box))) continue;
        placed = box;
        break;
      }
      label.el.hidden = placed === null;
      if (placed) {
        taken.push(placed);
        label.el.style.transform = `translate(${(placed.x0 + gap).toFixed(1)}px, ${(placed.y0 + gap).toFixed(1)}px)`;
      }
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
      next.push({ el, at, rx: 0, ry: 0 });
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
      next.push({ el, at: toMap(point.position), rx: 0, ry: 0 });
      frag.append(el);
    }
    if (here) frag.append(here.el);
    layer.replaceChildren(frag);
    // Measured once per draw (one layout), not on every frame of a move.
    for (const s of next) {
      s.rx = s.el.offsetWidth / 2;
      s.ry = s.el.offsetHeight / 2;
    }
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
      const made = (regions?.features ?? []).map((f) => {
        const el = document.createElement('div');
        el.className = 'region-label';
        el.setAttribute('aria-hidden', 'true');
        const { text, lang } = label(f);
        el.textContent = text;
        if (lang) el.lang = lang;
        frag.append(el);
        return { el, at: toMap(f.properties.label), priority: extentOf(f), w: 0, h: 0 };
      });
      labelLayer.replaceChildren(frag);
      // Measured once in place (their font is the theme's); the largest county is placed first.
      for (const m of made) {
        m.w = m.el.offsetWidth;
        m.h = m.el.offsetHeight;
      }
      regionLabels = made.sort((a, b) => b.priority - a.priority);
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
    reveal(id, padding) {
      const point = byId.get(id);
      if (!point) return;
      const width = container.clientWidth;
      const height = container.clientHeight;
      // Never more padding than leaves room for the marker (a popup covering the whole map: its lower part).
      const fit = (a: number, b: number, size: number) => {
        const room = size - 48;
        return a + b <= room ? [a, b] : [Math.max(0, Math.min(a, room - b)), Math.max(0, Math.min(b, room))];
      };
      const [top, bottom] = fit(padding.top, padding.bottom, height);
      const [left, right] = fit(padding.left, padding.right, width);
      map.easeTo({ center: toMap(point.position), zoom: Math.max(map.getZoom(), 10), padding: { top: top!, bottom: bottom!, left: left!, right: right! }, duration: 250 });
    },
    setHere(at, label) {
      here?.el.remove();
      here = null;
      if (at) {
        const el = document.createElement('div');
        el.className = 'here';
        el.setAttribute('aria-hidden', 'true');
        el.title = label;
        el.dataset['here'] = '';
        layer.append(el);
        here = { el, at: toMap(at), rx: el.offsetWidth / 2, ry: el.offsetHeight / 2 };
      }
      position();
    },
    visibleLabels: () => regionLabels.filter((l) => !l.el.hidden).map((l) => l.el),
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
