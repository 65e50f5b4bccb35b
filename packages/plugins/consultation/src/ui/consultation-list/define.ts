/** Registers <sifa-consultation-list> (side effect): import this file, or load the script-tag bundle. */
import { SifaConsultationList } from './sifa-consultation-list.js';

export { SifaConsultationList };

if (!customElements.get('sifa-consultation-list')) customElements.define('sifa-consultation-list', SifaConsultationList);

declare global {
  interface HTMLElementTagNameMap {
    'sifa-consultation-list': SifaConsultationList;
  }
}
