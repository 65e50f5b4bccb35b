/** Registers <sifa-vr-viewer> (side effect): import this file, or load the script-tag bundle. */
import { SifaVrViewer, type VrHotspotDetail, type VrReadyDetail, type VrSceneDetail } from './sifa-vr-viewer.js';

export { SifaVrViewer };
export type { VrSceneDetail, VrHotspotDetail, VrReadyDetail };

if (!customElements.get('sifa-vr-viewer')) customElements.define('sifa-vr-viewer', SifaVrViewer);

declare global {
  interface HTMLElementTagNameMap {
    'sifa-vr-viewer': SifaVrViewer;
  }
  interface HTMLElementEventMap {
    'sifa-vr-scene': CustomEvent<VrSceneDetail>;
    'sifa-vr-hotspot': CustomEvent<VrHotspotDetail>;
    'sifa-vr-ready': CustomEvent<VrReadyDetail>;
  }
}
