/**
 * Links built from attributes or data, checked where they are rendered: every widget that binds
 * an href from a link template (`tour-href`, `detail-href`, `source-href` …) or from data goes
 * through `linkHref`, and the VR viewer mounts a hotspot's widget with `safeWidgetAttributes`.
 * The check is core's `safeHref` (https:, http: or relative after the browser's own URL parsing),
 * the same one the schemas apply when such values are stored: data stored before a rule was
 * tightened, or written by something else, is checked again here (issue 20 F1:
 * `java<TAB>script:` in a hotspot's `tour-href`). An address refused gives no link at all; the
 * widget shows its text or a button instead.
 */
import { isEventHandlerAttributeName, isUrlValuedAttributeName, safeHref } from '@sifa/core';

/**
 * The href for a link template with its `{name}` placeholders filled in (each value URI-encoded),
 * or null when there is no template or the result is not an http(s) or relative address.
 */
export function linkHref(template: string | null | undefined, values: Readonly<Record<string, string>> = {}): string | null {
  if (!template) return null;
  let href = template;
  for (const [name, value] of Object.entries(values)) href = href.replaceAll(`{${name}}`, encodeURIComponent(value));
  return safeHref(href);
}

const attributeName = /^[a-z][a-z0-9-]*$/;

/**
 * The attributes of a widget mounted from data that may be set: names of lower-case letters,
 * digits and "-", never an event handler (`on…`), and an address-valued one (a name ending in
 * `href`, `src`, `url`, `uri`, `link` or `action`) only with an https:, http: or relative value.
 * The rest is dropped, so the widget renders as if the attribute were absent.
 */
export function safeWidgetAttributes(attributes: Readonly<Record<string, string>>): [name: string, value: string][] {
  const kept: [string, string][] = [];
  for (const [name, value] of Object.entries(attributes)) {
    if (typeof value !== 'string' || !attributeName.test(name) || isEventHandlerAttributeName(name)) continue;
    if (isUrlValuedAttributeName(name)) {
      const href = safeHref(value);
      if (href !== null) kept.push([name, href]);
    } else {
      kept.push([name, value]);
    }
  }
  return kept;
}
