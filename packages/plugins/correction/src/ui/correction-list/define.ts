/** Registers <sifa-correction-list> (side effect): import this file, or load the script-tag bundle. */
import { SifaCorrectionList } from './sifa-correction-list.js';

export { SifaCorrectionList };

if (!customElements.get('sifa-correction-list')) customElements.define('sifa-correction-list', SifaCorrectionList);

declare global {
  interface HTMLElementTagNameMap {
    'sifa-correction-list': SifaCorrectionList;
  }
}
