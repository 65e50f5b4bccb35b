/** Registers <sifa-legal-map> (side effect): import this file, or load the script-tag bundle. */
import { SifaLegalMap, type MapClickDetail, type MapReadyDetail, type MapSelectDetail, type MapTourDetail } from './sifa-legal-map.js';

export { SifaLegalMap };
export type { MapSelectDetail, MapReadyDetail, MapTourDetail, MapClickDetail };

if (!customElements.get('sifa-legal-map')) customElements.define('sifa-legal-map', SifaLegalMap);

declare global {
  interface HTMLElementTagNameMap {
    'sifa-legal-map': SifaLegalMap;
  }
  interface HTMLElementEventMap {
    'sifa-map-select': CustomEvent<MapSelectDetail>;
    'sifa-map-ready': CustomEvent<MapReadyDetail>;
    'sifa-map-tour': CustomEvent<MapTourDetail>;
    'sifa-map-click': CustomEvent<MapClickDetail>;
  }
}
