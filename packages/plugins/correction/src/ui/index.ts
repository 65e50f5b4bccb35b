/**
 * @sifa/plugin-correction/ui: the plugin's widgets (Lit elements on @sifa/components). Importing this
 * entry defines every element; `@sifa/plugin-correction/ui/<name>` defines one. The script-tag bundle
 * finds them through package.json `sifa.elements`: once the plugin is installed on a Sifa server,
 * `<sifa-correction-list>` is embeddable with its /embed.js.
 */
import './correction-list/define.js';

export { SifaCorrectionList } from './correction-list/sifa-correction-list.js';
