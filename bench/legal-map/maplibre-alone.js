// maplibre-gl alone, as much of it as <sifa-legal-map>'s renderer uses, for the bundle benchmark
// (bundled by the same rollup plugins as the widgets: bench/legal-map.bench.ts).
export { Map, LngLatBounds, setWorkerUrl } from 'maplibre-gl';
