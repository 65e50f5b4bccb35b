// <sifa-vr-viewer> as a page loads it without the script-tag loader: the element (its renderer chunk is imported lazily).
// A .js entry (no DOM types in the bench's type-check); rollup's resolver finds define.ts.
export { SifaVrViewer } from '../../packages/components/src/vr-viewer/define';
