/**
 * @chifeng-justice/plugin-village-advisers/ui: the plugin's widgets (Lit elements on @sifa/components). Importing this
 * entry defines every element; `@chifeng-justice/plugin-village-advisers/ui/<name>` defines one. The script-tag bundle
 * finds them through package.json `sifa.elements`: once the plugin is installed on a Sifa server,
 * `<sifa-village-advisers-list>` is embeddable with its /embed.js.
 */
import './village-advisers-list/define.js';

export { SifaVillageAdvisersList } from './village-advisers-list/sifa-village-advisers-list.js';
