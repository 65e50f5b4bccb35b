// supercluster (with kdbush) alone: what main-thread clustering adds to the renderer, for the
// bundle benchmark (maplibre's own GeoJSON clustering adds no bytes but draws counts as symbol
// text, which needs glyphs from a server). Not a bench dependency: the components package's copy.
export { default } from '../../packages/components/node_modules/supercluster/index.js';
