/**
 * The page of the legal-map timing benchmark: the script-tag bundle on the Sifa origin (strict
 * CSP), one <sifa-legal-map>, and a host script (a file, no inline script) that records, against
 * the navigation start, when the first institution appears in the list and when the map fires
 * `sifa-map-ready` (maplibre idle with the counties and institutions drawn).
 */
export const pageHtml = (key: string) => `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>legal map bench</title>
<link rel="icon" href="data:,">
<script type="module" src="/embed.js" data-sifa-key="${key}"></script>
<script type="module" src="/timing.js"></script>
</head>
<body><sifa-legal-map></sifa-legal-map></body>
</html>
`;

export const timingJs = `window.__timing = {};
document.addEventListener('sifa-map-ready', () => (window.__timing.mapReady = performance.now()));
const watch = () => {
  const root = document.querySelector('sifa-legal-map')?.shadowRoot;
  if (root && root.querySelector('[role="option"]')) window.__timing.listShown = performance.now();
  else requestAnimationFrame(watch);
};
requestAnimationFrame(watch);
`;
