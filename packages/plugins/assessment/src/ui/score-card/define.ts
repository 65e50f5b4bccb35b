/** Registers <sifa-score-card> (side effect): import this file, or load the script-tag bundle. */
import { SifaScoreCard, type ScoreDrillDetail, type ScoreSourceDetail } from './sifa-score-card.js';

export { SifaScoreCard };
export type { ScoreDrillDetail, ScoreSourceDetail };

if (!customElements.get('sifa-score-card')) customElements.define('sifa-score-card', SifaScoreCard);

declare global {
  interface HTMLElementTagNameMap {
    'sifa-score-card': SifaScoreCard;
  }
  interface HTMLElementEventMap {
    'sifa-score-drill': CustomEvent<ScoreDrillDetail>;
    'sifa-score-source': CustomEvent<ScoreSourceDetail>;
  }
}
