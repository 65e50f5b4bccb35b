/**
 * @sifa/plugin-assessment/ui: the assessment plugin's widgets (Lit elements on @sifa/components).
 * Importing this entry defines every element; `@sifa/plugin-assessment/ui/<name>` defines one.
 * The script-tag bundle finds them through package.json `sifa.elements`.
 */
import './score-card/define.js';

export { SifaScoreCard, type ScoreCardCalls, type ScoreDrillDetail, type ScoreSourceDetail } from './score-card/sifa-score-card.js';
