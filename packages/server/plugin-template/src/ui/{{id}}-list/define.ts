/** Registers <sifa-{{id}}-list> (side effect): import this file, or load the script-tag bundle. */
import { Sifa{{Name}}List } from './sifa-{{id}}-list.js';

export { Sifa{{Name}}List };

if (!customElements.get('sifa-{{id}}-list')) customElements.define('sifa-{{id}}-list', Sifa{{Name}}List);

declare global {
  interface HTMLElementTagNameMap {
    'sifa-{{id}}-list': Sifa{{Name}}List;
  }
}
