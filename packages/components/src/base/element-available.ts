/**
 * Whether a `sifa-*` element a widget shows inside its shadow root can be used: it is defined
 * already (the host imported it, e.g. `@sifa/plugin-warnings/ui`), or the script-tag loader
 * (`window.SifaKit`, present on pages that use embed.js) loads it now — the loader's observer
 * does not look into shadow roots, so a widget has to ask. False, never an error, when neither
 * can define it (not imported, no loader, or an element the server's bundle does not offer).
 * Widgets of @sifa/components never import a plugin's elements themselves.
 */
export async function elementAvailable(tag: string): Promise<boolean> {
  if (customElements.get(tag)) return true;
  // Typed here: the loader's global declaration (loader/embed.ts) is not part of the elements' build.
  const kit = (window as Window & { SifaKit?: { load(tag: string): Promise<unknown> } }).SifaKit;
  if (!kit) return false;
  try {
    await kit.load(tag);
  } catch {
    return false;
  }
  return customElements.get(tag) !== undefined;
}
