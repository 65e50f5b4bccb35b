/**
 * @sifa/plugin-legality-review/ui: the plugin's widgets (Lit elements on @sifa/components). Importing this
 * entry defines every element; `@sifa/plugin-legality-review/ui/<name>` defines one. The script-tag bundle
 * finds them through package.json `sifa.elements`: once the plugin is installed on a Sifa server,
 * `<sifa-legality-review-list>` is embeddable with its /embed.js.
 */
import './legality-review-list/define.js';

export { SifaLegalityReviewList } from './legality-review-list/sifa-legality-review-list.js';
