/**
 * @sifa/plugin-warnings/ui: the warnings plugin's widgets (Lit elements on @sifa/components).
 * Importing this entry defines every element; `@sifa/plugin-warnings/ui/<name>` defines one.
 * The script-tag bundle finds them through package.json `sifa.elements`.
 */
import './warnings/define.js';

export { SifaWarnings, type WarningSelectDetail, type WarningChangedDetail, type WarningsEvaluatedDetail } from './warnings/sifa-warnings.js';
