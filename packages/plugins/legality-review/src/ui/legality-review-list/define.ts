/** Registers <sifa-legality-review-list> (side effect): import this file, or load the script-tag bundle. */
import { SifaLegalityReviewList } from './sifa-legality-review-list.js';

export { SifaLegalityReviewList };

if (!customElements.get('sifa-legality-review-list')) customElements.define('sifa-legality-review-list', SifaLegalityReviewList);

declare global {
  interface HTMLElementTagNameMap {
    'sifa-legality-review-list': SifaLegalityReviewList;
  }
}
