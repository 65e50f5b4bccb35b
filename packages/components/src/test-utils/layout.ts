/**
 * What a machine can see of a widget's layout and language, for the visual checks of every widget's
 * browser tests: elements running past the widget or the page, English words broken mid-word, and
 * Chinese text left untranslated outside data.
 */

/** Elements wider than the widget or than the page (a vertical Mongolian widget scrolls itself; the page never). */
export function overflowing(el: HTMLElement, root: ParentNode = el.shadowRoot!): string[] {
  const out: string[] = [];
  if (document.documentElement.scrollWidth > window.innerWidth) out.push(`page ${document.documentElement.scrollWidth} > ${window.innerWidth}`);
  const vertical = el.dataset['sifaLocale'] === 'mn-Mong';
  if (!vertical && el.scrollWidth > el.clientWidth + 1) out.push(`widget ${el.scrollWidth} > ${el.clientWidth}`);
  if (!vertical) {
    const host = el.getBoundingClientRect();
    for (const e of root.querySelectorAll<HTMLElement>('*')) {
      const r = e.getBoundingClientRect();
      if (r.width === 0 || getComputedStyle(e).position === 'absolute') continue;
      if (r.right > host.right + 1) out.push(`${e.localName}.${e.className} ends at ${Math.round(r.right)} > ${Math.round(host.right)}`);
    }
  }
  return out.slice(0, 10);
}

/** English words broken across lines mid-word ("reason / s:") in the elements `selector` finds: each word must sit on one line. */
export function wordsSplit(root: ParentNode, selector: string): string[] {
  const out: string[] = [];
  for (const el of root.querySelectorAll<HTMLElement>(selector)) {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const match of (node.textContent ?? '').matchAll(/[A-Za-z]{2,}[:.,]?/g)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
        if (lines.size > 1) out.push(`${el.localName}.${el.className}: ${match[0]}`);
      }
    }
  }
  return out;
}

/** Text with Chinese characters outside `data` (a selector of where server data and names may show): untranslated UI. */
export function chineseOutside(root: Node, data: string): string[] {
  const found: string[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent ?? '';
    if (!/[\u4e00-\u9fff]/.test(text)) continue;
    const parent = node.parentElement;
    if (parent?.closest(data)) continue;
    found.push(`${parent?.localName}.${parent?.className}: ${text.trim().slice(0, 40)}`);
  }
  return found;
}
