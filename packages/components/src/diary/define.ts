/** Registers <sifa-diary> (side effect): import this file, or load the script-tag bundle. */
import { SifaDiary, type DiaryRejectedDetail, type DiarySavedDetail, type DiarySyncedDetail } from './sifa-diary.js';

export { SifaDiary };
export type { DiarySavedDetail, DiarySyncedDetail, DiaryRejectedDetail };

if (!customElements.get('sifa-diary')) customElements.define('sifa-diary', SifaDiary);

declare global {
  interface HTMLElementTagNameMap {
    'sifa-diary': SifaDiary;
  }
  interface HTMLElementEventMap {
    'sifa-diary-saved': CustomEvent<DiarySavedDetail>;
    'sifa-diary-synced': CustomEvent<DiarySyncedDetail>;
    'sifa-diary-rejected': CustomEvent<DiaryRejectedDetail>;
  }
}
