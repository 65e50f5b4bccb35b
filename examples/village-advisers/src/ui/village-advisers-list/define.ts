/** Registers <sifa-village-advisers-list> (side effect): import this file, or load the script-tag bundle. */
import { SifaVillageAdvisersList } from './sifa-village-advisers-list.js';

export { SifaVillageAdvisersList };

if (!customElements.get('sifa-village-advisers-list')) customElements.define('sifa-village-advisers-list', SifaVillageAdvisersList);

declare global {
  interface HTMLElementTagNameMap {
    'sifa-village-advisers-list': SifaVillageAdvisersList;
  }
}
