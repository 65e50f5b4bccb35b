// Asset imports resolved by Vite (tests, Storybook) and by build/asset-imports.mjs (the
// script-tag bundle): the worker as a file of its own (its URL), maplibre's CSS as text.
declare module 'maplibre-gl/dist/maplibre-gl-worker.mjs?url' {
  const url: string;
  export default url;
}
declare module 'maplibre-gl/dist/maplibre-gl.css?inline' {
  const css: string;
  export default css;
}
