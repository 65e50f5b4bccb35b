/**
 * @sifa/plugin-{{id}}/ui: the plugin's widgets (Lit elements on @sifa/components). Importing this
 * entry defines every element; `@sifa/plugin-{{id}}/ui/<name>` defines one. The script-tag bundle
 * finds them through package.json `sifa.elements`: once the plugin is installed on a Sifa server,
 * `<sifa-{{id}}-list>` is embeddable with its /embed.js.
 */
import './{{id}}-list/define.js';

export { Sifa{{Name}}List } from './{{id}}-list/sifa-{{id}}-list.js';
