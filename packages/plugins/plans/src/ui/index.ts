/**
 * @sifa/plugin-plans/ui: the plans plugin's widgets (Lit elements on @sifa/components).
 * Importing this entry defines every element; `@sifa/plugin-plans/ui/<name>` defines one.
 * The script-tag bundle finds them through package.json `sifa.elements`.
 */
import './plan-board/define.js';

export { SifaPlanBoard, type PlanCheckedDetail } from './plan-board/sifa-plan-board.js';
