/**
 * @sifa/plugin-mediation/ui: the plugin's widgets (Lit elements on @sifa/components). Importing this
 * entry defines every element; `@sifa/plugin-mediation/ui/<name>` defines one. The script-tag bundle
 * finds them through package.json `sifa.elements`: once the plugin is installed on a Sifa server,
 * `<sifa-mediation-list>` is embeddable with its /embed.js.
 */
import './mediation-list/define.js';

export { SifaMediationList } from './mediation-list/sifa-mediation-list.js';
