/**
 * The map style the element hands to maplibre: an offline base (a background and the county
 * polygons from `platform.org.boundaries`, no tiles, no glyphs, no sprite: nothing from the
 * internet) or a configured base map (Tianditu, any raster tile template, or a vector style URL,
 * on which the same overlay is added once it loaded). No symbol layers anywhere: text would need
 * glyph PBFs from a server, so county labels and institutions are HTML markers (renderer.ts).
 * Pure data in, plain JSON out: the tests validate it with the style spec's validator.
 */
import type { RegionCollection } from '@sifa/core';

/** Base maps by attribute value: `offline`, `tianditu-vec`, `tianditu-img`, `raster` (needs `tiles`), `style` (needs `style-url`). */
export type Basemap = 'offline' | 'tianditu-vec' | 'tianditu-img' | 'raster' | 'style';

export interface StyleColors {
  background: string;
  regionFill: string;
  regionLine: string;
  selectedFill: string;
}

export interface StyleOptions {
  basemap: Basemap;
  colors: StyleColors;
  /** Tianditu key (`tk`), the host's own. */
  tiandituKey?: string | undefined;
  /** Raster tile URL template(s) with {z}/{x}/{y} (basemap `raster`). */
  tiles?: string[] | undefined;
  /** Attribution of the raster tiles (shown in the map's attribution control). */
  attribution?: string | undefined;
  /** The county outlines (already in the base map's CRS), or null while not loaded. */
  regions: RegionCollection | null;
}

/** The minimal structural type of a maplibre StyleSpecification we build (kept local: no import of maplibre's types into the shell). */
export interface MapStyle {
  version: 8;
  sources: Record<string, Record<string, unknown>>;
  layers: Record<string, unknown>[];
  name?: string;
}

export const regionSourceId = 'sifa-regions';
export const regionLayerIds = ['sifa-region-fill', 'sifa-region-line'] as const;

/** Tianditu WMTS (web mercator "_w" sets) as raster tile templates over its eight hosts. */
export function tiandituTiles(layer: 'vec' | 'cva' | 'img' | 'cia', key: string): string[] {
  return Array.from(
    { length: 8 },
    (_, i) =>
      `https://t${i}.tianditu.gov.cn/${layer}_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=${layer}&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=${encodeURIComponent(key)}`,
  );
}

const emptyCollection = { type: 'FeatureCollection', features: [] };

/** The overlay every base map gets: county fills and borders (institutions are HTML markers). */
export function overlay(options: Pick<StyleOptions, 'regions' | 'colors' | 'basemap'>): Pick<MapStyle, 'sources' | 'layers'> {
  const onTiles = options.basemap !== 'offline';
  return {
    sources: { [regionSourceId]: { type: 'geojson', data: options.regions ?? emptyCollection, promoteId: 'code' } },
    layers: [
      {
        id: regionLayerIds[0],
        type: 'fill',
        source: regionSourceId,
        paint: {
          'fill-color': ['case', ['boolean', ['feature-state', 'selected'], false], options.colors.selectedFill, options.colors.regionFill],
          // Over imagery or a street map, the fill only tints.
          'fill-opacity': onTiles ? 0.12 : 1,
        },
      },
      {
        id: regionLayerIds[1],
        type: 'line',
        source: regionSourceId,
        paint: { 'line-color': options.colors.regionLine, 'line-width': ['interpolate', ['linear'], ['zoom'], 5, 1, 10, 2.5] },
      },
    ],
  };
}

/** The whole style for an inline base map; for `style` (a URL) the renderer loads that and adds `overlay()`. */
export function buildStyle(options: StyleOptions): MapStyle {
  const own = overlay(options);
  const sources: MapStyle['sources'] = {};
  const layers: MapStyle['layers'] = [{ id: 'sifa-background', type: 'background', paint: { 'background-color': options.colors.background } }];
  const raster = (id: string, tiles: string[], attribution?: string) => {
    sources[id] = { type: 'raster', tiles, tileSize: 256, maxzoom: 18, ...(attribution ? { attribution } : {}) };
    layers.push({ id, type: 'raster', source: id });
  };
  if (options.basemap === 'tianditu-vec' || options.basemap === 'tianditu-img') {
    const key = options.tiandituKey ?? '';
    const [base, labels] = options.basemap === 'tianditu-vec' ? (['vec', 'cva'] as const) : (['img', 'cia'] as const);
    raster(`tianditu-${base}`, tiandituTiles(base, key), '© 天地图 Tianditu');
    // Region overlay between the base and the label layer, so place names stay readable.
    Object.assign(sources, own.sources);
    layers.push(...own.layers);
    raster(`tianditu-${labels}`, tiandituTiles(labels, key));
    return { version: 8, name: 'sifa-legal-map', sources, layers };
  }
  if (options.basemap === 'raster' && options.tiles?.length) raster('sifa-raster', options.tiles, options.attribution);
  Object.assign(sources, own.sources);
  layers.push(...own.layers);
  return { version: 8, name: 'sifa-legal-map', sources, layers };
}
