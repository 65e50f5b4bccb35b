/**
 * @sifa/plugin-consultation/ui: the plugin's widgets (Lit elements on @sifa/components). Importing this
 * entry defines every element; `@sifa/plugin-consultation/ui/<name>` defines one. The script-tag bundle
 * finds them through package.json `sifa.elements`: once the plugin is installed on a Sifa server,
 * `<sifa-consultation-list>` is embeddable with its /embed.js.
 */
import './consultation-list/define.js';

export { SifaConsultationList } from './consultation-list/sifa-consultation-list.js';
