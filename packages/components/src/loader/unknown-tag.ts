/**
 * What to tell a page that uses an element of a plugin the Sifa server does not have installed:
 * one console warning per tag that names the plugin. A chunk of its own: the loader imports it
 * only when a page has such a tag (installed.ts).
 */
const warned = new Set<string>();

export function unknownTagMessage(tag: string, plugin: string | undefined, server: string): string {
  return `[sifa] <${tag}> needs the plugin "${plugin ?? '?'}", which the Sifa server at ${server} does not have installed: add it to the server's configuration (plugins), or remove the element from the page.`;
}

/** Warns once per tag; `loaderUrl`: embed.js's URL (its origin is the server's). */
export function warnUnknownTag(tag: string, plugin: string | undefined, loaderUrl: string): void {
  if (warned.has(tag)) return;
  warned.add(tag);
  console.warn(unknownTagMessage(tag, plugin, new URL(loaderUrl).origin));
}
