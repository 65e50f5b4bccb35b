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

// ---- the visual review (src/visual-review): the whole composed tree of a widget ----------------

type Box = { left: number; top: number; right: number; bottom: number };

const describeEl = (e: Element) => {
  const id = e.id ? `#${e.id}` : '';
  const cls = typeof e.className === 'string' && e.className.trim() ? `.${e.className.trim().split(/\s+/).slice(0, 2).join('.')}` : '';
  const part = e.getAttribute('part') ? `[part=${e.getAttribute('part')}]` : '';
  return `${e.localName}${id}${cls}${part}`;
};

/** Where `e` is, for a message: its nearest ancestors (crossing shadow roots) and itself. */
export function pathOf(e: Element, depth = 3): string {
  const names: string[] = [];
  for (let at: Element | null = e; at && names.length < depth; at = composedParent(at)) names.unshift(describeEl(at));
  return names.join(' > ');
}

/** The parent in the composed (flat) tree: a slotted element's slot, a shadow root's host. */
export function composedParent(e: Element): Element | null {
  if (e.assignedSlot) return e.assignedSlot;
  if (e.parentElement) return e.parentElement;
  const root = e.parentNode;
  return root instanceof ShadowRoot ? root.host : null;
}

/** The children of `e` as rendered: its shadow root's, a slot's assigned elements (or fallback). */
export function composedChildren(e: Element): Element[] {
  if (e.shadowRoot) return [...e.shadowRoot.children];
  if (e instanceof HTMLSlotElement) {
    const assigned = e.assignedElements({ flatten: true });
    return assigned.length > 0 ? assigned : [...e.children];
  }
  return [...e.children];
}

/** Text nodes shown in `e` itself (its own children, or a slot's assigned ones). */
function ownTextNodes(e: Element): Text[] {
  const nodes = e instanceof HTMLSlotElement && e.assignedNodes().length > 0 ? e.assignedNodes() : e.shadowRoot ? [...e.shadowRoot.childNodes] : [...e.childNodes];
  return nodes.filter((n): n is Text => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '');
}

/** `closest` across shadow roots. */
export function composedClosest(e: Element, selector: string): Element | null {
  for (let at: Element | null = e; at; at = composedParent(at)) if (at.matches(selector)) return at;
  return null;
}

const intersect = (a: Box, b: Box | null): Box => (b ? { left: Math.max(a.left, b.left), top: Math.max(a.top, b.top), right: Math.min(a.right, b.right), bottom: Math.min(a.bottom, b.bottom) } : a);
const empty = (b: Box) => b.right - b.left < 1 || b.bottom - b.top < 1;
const clientBox = (e: Element, r: DOMRect): Box => ({ left: r.left + e.clientLeft, top: r.top + e.clientTop, right: r.left + e.clientLeft + e.clientWidth, bottom: r.top + e.clientTop + e.clientHeight });
const union = (rects: Iterable<DOMRect>): Box | null => {
  let box: Box | null = null;
  for (const r of rects) {
    if (r.width === 0 && r.height === 0) continue;
    box = box ? { left: Math.min(box.left, r.left), top: Math.min(box.top, r.top), right: Math.max(box.right, r.right), bottom: Math.max(box.bottom, r.bottom) } : { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
  }
  return box;
};
const clips = (value: string) => value === 'hidden' || value === 'clip';
const scrolls = (value: string) => value === 'auto' || value === 'scroll';
/** Read out, not shown: `.sr-only` and the like (1 px boxes, clipped to nothing). */
const srOnly = (cs: CSSStyleDeclaration, r: DOMRect) => (r.width <= 1 && r.height <= 1) || cs.clipPath === 'inset(50%)' || cs.clip === 'rect(0px, 0px, 0px, 0px)' || cs.clip === 'rect(1px, 1px, 1px, 1px)';
const vertical = (cs: CSSStyleDeclaration) => cs.writingMode.startsWith('vertical') || cs.writingMode.startsWith('sideways');

let canvas: CanvasRenderingContext2D | null = null;
function textWidth(text: string, cs: CSSStyleDeclaration): number {
  canvas ??= document.createElement('canvas').getContext('2d')!;
  canvas.font = `${cs.fontStyle} ${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
  const width = canvas.measureText(text).width;
  const spacing = Number.parseFloat(cs.letterSpacing);
  return width + (Number.isFinite(spacing) ? spacing * text.length : 0);
}

export interface LayoutReport {
  /** Content past the widget's box (not inside a scroll container of the widget), or a popup past the screen, or the page scrolling sideways. */
  overflow: string[];
  /** Text cut by its own box or an ancestor that hides overflow, text spilling out of its box, a field or choice showing only part of its text. */
  clipped: string[];
}

/**
 * What a person would see of a widget's layout, measured on its whole composed tree (its shadow
 * root, nested widgets' shadow roots, slotted content):
 * - overflow: the page must never scroll sideways; an element's visible part must stay inside the
 *   widget's box unless a scroll container of the widget holds it (a vertical Mongolian widget
 *   scrolls itself sideways; a wide table may scroll in its own box); a horizontal widget must not
 *   scroll itself sideways; popups (absolute, fixed) must stay on the screen.
 * - clipped: a text container (an element with text of its own; inline elements count with their
 *   block) whose text is cut: its overflow hidden and scrollWidth/scrollHeight past its client size,
 *   or (overflow visible) its text running past its box, or an ancestor hiding overflow cutting part
 *   of the text off; inputs whose placeholder or value, and selects whose chosen option, do not fit.
 *   Scrollable boxes (overflow auto/scroll) do not clip: their content is reachable.
 */
export function layoutReport(host: HTMLElement): LayoutReport {
  const overflow: string[] = [];
  const clipped: string[] = [];
  const doc = document.documentElement;
  if (doc.scrollWidth > window.innerWidth) {
    // Which elements reach past the screen (the outermost of each branch), read-out-only ones included.
    const past: string[] = [];
    const scan = (e: Element) => {
      if (getComputedStyle(e).display === 'none') return;
      if (e.getBoundingClientRect().right > window.innerWidth + 1 && e !== document.body && e !== doc) past.push(pathOf(e));
      else for (const child of composedChildren(e)) scan(child);
    };
    for (const child of composedChildren(document.body)) scan(child);
    overflow.push(`page scrolls sideways: ${doc.scrollWidth} > ${window.innerWidth}${past.length ? ` (past the screen: ${past.slice(0, 3).join('; ')})` : ''}`);
  }
  const hostStyle = getComputedStyle(host);
  const hostRect = host.getBoundingClientRect();
  const hostBox: Box = hostRect;
  const hostVertical = host.dataset['sifaLocale'] === 'mn-Mong';
  if (!hostVertical && host.scrollWidth > host.clientWidth + 1 && !scrolls(hostStyle.overflowX)) overflow.push(`widget ${host.scrollWidth} px wide content in ${host.clientWidth} px`);
  if (!hostVertical && scrolls(hostStyle.overflowX) && host.scrollWidth > host.clientWidth + 1) overflow.push(`widget scrolls sideways: ${host.scrollWidth} > ${host.clientWidth}`);

  interface State {
    hard: Box | null; // what ancestors hiding their overflow leave visible
    view: Box | null; // … and scroll containers' scrollports
    scrollX: boolean;
    scrollY: boolean;
    positioned: boolean;
    block: { el: Element; cs: CSSStyleDeclaration; rect: DOMRect } | null;
    reported: boolean;
  }
  const visit = (e: Element, s: State) => {
    if (e instanceof HTMLStyleElement || e instanceof HTMLScriptElement || e instanceof HTMLTemplateElement) return;
    const cs = getComputedStyle(e);
    if (cs.display === 'none') return;
    const r = e.getBoundingClientRect();
    const html = e instanceof HTMLElement;
    if (html && srOnly(cs, r)) return;
    const positioned = s.positioned || cs.position === 'absolute' || cs.position === 'fixed';
    const fixed = cs.position === 'fixed';
    const hard = fixed ? null : s.hard;
    const view = fixed ? null : s.view;
    const shown = visibleBox(r, view);
    const seen = cs.visibility === 'visible' && Number(cs.opacity) > 0 && shown !== null;
    let reported = s.reported;

    // Overflow: the visible part of this element against the widget's box (or the screen, for popups).
    if (seen && !reported && r.width > 0 && r.height > 0 && e !== host) {
      if (positioned) {
        if (shown.left < -1 || shown.right > window.innerWidth + 1) {
          overflow.push(`${pathOf(e)} is off the screen: ${Math.round(shown.left)}…${Math.round(shown.right)} of 0…${window.innerWidth}`);
          reported = true;
        }
      } else {
        const past: string[] = [];
        if (!s.scrollX && shown.right > hostBox.right + 1) past.push(`right edge ${Math.round(shown.right)} > ${Math.round(hostBox.right)}`);
        if (!s.scrollX && shown.left < hostBox.left - 1) past.push(`left edge ${Math.round(shown.left)} < ${Math.round(hostBox.left)}`);
        if (!s.scrollY && shown.bottom > hostBox.bottom + 1) past.push(`bottom edge ${Math.round(shown.bottom)} > ${Math.round(hostBox.bottom)}`);
        if (!s.scrollY && shown.top < hostBox.top - 1) past.push(`top edge ${Math.round(shown.top)} < ${Math.round(hostBox.top)}`);
        if (past.length > 0) {
          overflow.push(`${pathOf(e)} runs past the widget: ${past.join(', ')}`);
          reported = true;
        }
      }
    }

    // Text: its own box, its block, the ancestors that hide overflow.
    const inline = html && (cs.display === 'inline' || cs.display === 'contents');
    const block = html && !inline ? { el: e, cs, rect: r } : s.block;
    if (seen) {
      const texts = e instanceof SVGElement ? (e instanceof SVGTextContentElement && ownTextNodes(e).length > 0 ? [e] : []) : ownTextNodes(e);
      if (texts.length > 0) {
        const label = `${pathOf(e)} "${(e.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 30)}"`;
        let text: Box | null;
        if (e instanceof SVGElement) text = r;
        else {
          const range = document.createRange();
          text = union(
            texts.flatMap((node) => {
              range.selectNodeContents(node);
              return [...range.getClientRects()];
            }),
          );
        }
        if (text) {
          const problems: string[] = [];
          // Its own (or its block's) box: cut when it hides overflow, spilling when it does not.
          // Along the line (inline axis) the text's own extent counts (1 px slack); across it
          // (block axis) the text's content area is taller than its glyphs (font ascent and
          // descent), so it may pass the box by half of what exceeds the font size (at most 0.3 em)
          // on each side before a person sees a glyph cut. Line boxes (scrollHeight) are not used
          // across lines: leading past a box is invisible.
          const fontSize = Number.parseFloat(cs.fontSize) || 14;
          const inlineVertical = vertical(cs);
          // Across the line only the em box must fit: a line's content area (ascent + descent)
          // is taller than the font size, the glyphs sit within the em box.
          const lineExtent = inlineVertical ? Math.min(text.right - text.left, fontSize * 2) : Math.min(text.bottom - text.top, fontSize * 2);
          const across = Math.max(1, (Math.min(lineExtent, fontSize * 1.6) - fontSize) / 2 + 1);
          const slack = { x: inlineVertical ? across : 1, y: inlineVertical ? 1 : across };
          const beyond = (inner: Box, outer: Box) => {
            const sides: string[] = [];
            if (inner.left < outer.left - slack.x) sides.push(`left by ${Math.round(outer.left - inner.left)} px`);
            if (inner.right > outer.right + slack.x) sides.push(`right by ${Math.round(inner.right - outer.right)} px`);
            if (inner.top < outer.top - slack.y) sides.push(`top by ${Math.round(outer.top - inner.top)} px`);
            if (inner.bottom > outer.bottom + slack.y) sides.push(`bottom by ${Math.round(inner.bottom - outer.bottom)} px`);
            return sides;
          };
          const owner = block;
          if (owner && owner.el instanceof HTMLElement && !scrolls(owner.cs.overflowX) && !scrolls(owner.cs.overflowY) && owner.el.clientWidth > 0 && owner.el.clientHeight > 0) {
            const o = owner.el;
            const cut = clips(owner.cs.overflowX) || clips(owner.cs.overflowY) || owner.cs.textOverflow === 'ellipsis';
            const sides = beyond(text, clientBox(o, owner.rect));
            if (sides.length > 0) problems.push(`${cut ? `cut by its box (scroll ${o.scrollWidth}×${o.scrollHeight}, client ${o.clientWidth}×${o.clientHeight})` : 'runs out of its box'}: ${sides.join(', ')}`);
          }
          // An ancestor hiding its overflow cuts part of it off (all of it hidden: a collapsed part, not a cut).
          if (hard) {
            const left = intersect(text, hard);
            const sides = beyond(text, hard);
            if (!empty(left) && sides.length > 0) problems.push(`partly hidden by an ancestor that hides its overflow: ${sides.join(', ')}`);
          }
          if (problems.length > 0) clipped.push(`${label}: ${problems.join('; ')}`);
        }
      }
      // Fields and choices: the text they show against their content box.
      if (e instanceof HTMLInputElement || e instanceof HTMLSelectElement || e instanceof HTMLTextAreaElement) {
        const shownText =
          e instanceof HTMLSelectElement
            ? (e.selectedOptions[0]?.textContent ?? '').trim()
            : e instanceof HTMLInputElement && ['date', 'time', 'datetime-local', 'month', 'week', 'checkbox', 'radio', 'range', 'color', 'file', 'hidden', 'button', 'submit', 'reset', 'image'].includes(e.type)
              ? ''
              : e.value || e.placeholder;
        if (shownText && !(e instanceof HTMLTextAreaElement && e.value)) {
          const lines = e instanceof HTMLTextAreaElement ? shownText.split('\n') : [shownText];
          const padding = vertical(cs) ? Number.parseFloat(cs.paddingTop) + Number.parseFloat(cs.paddingBottom) : Number.parseFloat(cs.paddingLeft) + Number.parseFloat(cs.paddingRight);
          const arrow = e instanceof HTMLSelectElement && cs.appearance !== 'none' ? 20 : 0;
          const room = (vertical(cs) ? e.clientHeight : e.clientWidth) - padding - arrow;
          const need = Math.max(...lines.map((l) => textWidth(l, cs)));
          // (A textarea wraps its placeholder: only a single word longer than the box is cut.)
          const widest = e instanceof HTMLTextAreaElement ? Math.max(...shownText.split(/\s+/).map((w) => textWidth(w, cs))) : need;
          if (room > 0 && widest > room + 1) clipped.push(`${pathOf(e)} shows "${shownText.slice(0, 40)}" cut: needs ${Math.round(widest)} px, has ${Math.round(room)} px`);
        }
      }
    }

    // What this element's overflow does to its descendants.
    let nextHard = hard;
    let nextView = view;
    let scrollX = fixed ? false : s.scrollX;
    let scrollY = fixed ? false : s.scrollY;
    {
      const inner = e instanceof SVGSVGElement ? (r as Box) : clientBox(e, r);
      const ox = cs.overflowX;
      const oy = cs.overflowY;
      if (clips(ox) || clips(oy) || (e instanceof SVGSVGElement && cs.overflow !== 'visible')) {
        const limit: Box = { left: clips(ox) ? inner.left : -Infinity, right: clips(ox) ? inner.right : Infinity, top: clips(oy) ? inner.top : -Infinity, bottom: clips(oy) ? inner.bottom : Infinity };
        nextHard = intersect(limit, nextHard);
        nextView = intersect(limit, nextView);
      }
      if (scrolls(ox) || scrolls(oy)) {
        const limit: Box = { left: scrolls(ox) ? inner.left : -Infinity, right: scrolls(ox) ? inner.right : Infinity, top: scrolls(oy) ? inner.top : -Infinity, bottom: scrolls(oy) ? inner.bottom : Infinity };
        nextView = intersect(limit, nextView);
        if (scrolls(ox)) scrollX = true;
        if (scrolls(oy)) scrollY = true;
        // What lies past a scrollport is reached by scrolling it: along its scroll axes the
        // ancestors hiding their overflow judge the scroller's own box (when it fits inside them,
        // its whole content can be scrolled into sight), not the content scrolling within it.
        if (nextHard && hard) {
          if (scrolls(oy) && r.top >= hard.top - 1 && r.bottom <= hard.bottom + 1) nextHard = { ...nextHard, top: -Infinity, bottom: Infinity };
          if (scrolls(ox) && r.left >= hard.left - 1 && r.right <= hard.right + 1) nextHard = { ...nextHard, left: -Infinity, right: Infinity };
        }
      }
    }
    // A closed <details> shows its summary only: the rest keeps a layout box nobody sees.
    const children = e instanceof HTMLDetailsElement && !e.open ? composedChildren(e).filter((c) => c.localName === 'summary') : composedChildren(e);
    for (const child of children) visit(child, { hard: nextHard, view: nextView, scrollX, scrollY, positioned, block, reported });
  };
  visit(host, { hard: null, view: null, scrollX: false, scrollY: false, positioned: false, block: null, reported: false });
  return { overflow: overflow.slice(0, 15), clipped: clipped.slice(0, 25) };
}

function visibleBox(r: DOMRect, view: Box | null): Box | null {
  const box = intersect(r, view);
  return empty(box) && !(r.width === 0 || r.height === 0) ? null : box;
}

const uiAttributes = ['placeholder', 'title', 'aria-label', 'alt', 'aria-description', 'aria-roledescription', 'aria-valuetext'];

/**
 * Chinese characters in what a widget shows or reads out (text, and the attributes a person sees
 * or hears: placeholder, title, aria-label …), across nested widgets' shadow roots, outside `data`
 * (a selector of where server data and names may be: by default what the widgets mark
 * lang="zh-CN"). Names shown as data somewhere in the widget also count as data where a
 * translated sentence quotes them ("Progress of 红山区", a marker's title): the Chinese texts
 * inside `data` (and `knownNames`, e.g. the org tree's names that have no form in the language)
 * are taken out of every other text before looking. Hidden parts (display: none)
 * are skipped; read-out-only text is not.
 */
export function chineseOutsideDeep(host: Element, data = '[lang^="zh"]', knownNames: Iterable<string> = []): string[] {
  const han = /[\u3400-\u9fff\uf900-\ufaff]/;
  const skip = (e: Element) => e instanceof HTMLStyleElement || e instanceof HTMLScriptElement || e instanceof HTMLTemplateElement || (!(e instanceof HTMLOptionElement) && getComputedStyle(e).display === 'none');
  const names = new Set<string>(knownNames);
  const collect = (e: Element, inData: boolean) => {
    if (skip(e)) return;
    const here = inData || e.matches(data);
    if (here) {
      for (const node of ownTextNodes(e)) {
        const text = (node.textContent ?? '').trim().replace(/…$/, '');
        if (text.length >= 2 && han.test(text)) names.add(text);
      }
    }
    for (const child of composedChildren(e)) collect(child, here);
  };
  collect(host, false);
  const byLength = [...names].sort((a, b) => b.length - a.length);
  const untranslated = (text: string) => {
    let rest = text;
    for (const name of byLength) if (rest.includes(name)) rest = rest.split(name).join(' ');
    return han.test(rest);
  };
  const found: string[] = [];
  const visit = (e: Element) => {
    if (skip(e) || e.matches(data)) return;
    for (const node of ownTextNodes(e)) if (untranslated(node.textContent ?? '')) found.push(`${pathOf(e)}: ${(node.textContent ?? '').trim().slice(0, 50)}`);
    for (const name of uiAttributes) {
      const value = e.getAttribute(name);
      if (value && untranslated(value)) found.push(`${pathOf(e)} [${name}]: ${value.slice(0, 50)}`);
    }
    if (e instanceof HTMLInputElement && ['button', 'submit', 'reset'].includes(e.type) && untranslated(e.value)) found.push(`${pathOf(e)} [value]: ${e.value.slice(0, 50)}`);
    for (const child of composedChildren(e)) visit(child);
  };
  visit(host);
  return found;
}

/** Elements a person reaches by Tab in `host`'s composed tree (shown, enabled, tabIndex ≥ 0), in tree order. */
export function tabbables(host: Element): HTMLElement[] {
  const found: HTMLElement[] = [];
  const visit = (e: Element) => {
    const cs = getComputedStyle(e);
    if (cs.display === 'none' || (e as HTMLElement).inert) return;
    if (e instanceof HTMLElement || e instanceof SVGElement) {
      const el = e as HTMLElement;
      const r = el.getBoundingClientRect();
      const disabled = 'disabled' in el && (el as HTMLButtonElement).disabled;
      const focusableKind = el.tabIndex >= 0 && !disabled && (el.hasAttribute('tabindex') || el.matches('a[href], button, input:not([type="hidden"]), select, textarea, summary, iframe, [contenteditable=""], [contenteditable="true"], audio[controls], video[controls]'));
      if (focusableKind && cs.visibility === 'visible' && r.width > 0 && r.height > 0 && e !== host) found.push(el);
    }
    for (const child of composedChildren(e)) visit(child);
  };
  visit(host);
  return found;
}

/** The focused element, inside shadow roots. */
export function deepActiveElement(): Element | null {
  let at = document.activeElement;
  while (at?.shadowRoot?.activeElement) at = at.shadowRoot.activeElement;
  return at;
}

/**
 * What draws a focus ring: outline (when shown) and box-shadow; for SVG marks (chart bars,
 * slices, map regions) also the stroke of the mark and of its own shapes. `drawn`: something is
 * drawn now (an outline, a shadow, a stroke).
 */
export function ringStyle(e: Element): { key: string; drawn: boolean } {
  const cs = getComputedStyle(e);
  const outline = cs.outlineStyle !== 'none' && Number.parseFloat(cs.outlineWidth) > 0 && !/rgba\(\d+, \d+, \d+, 0\)|transparent/.test(cs.outlineColor) ? `${cs.outlineStyle} ${cs.outlineWidth} ${cs.outlineColor}` : 'none';
  let key = `outline: ${outline}; box-shadow: ${cs.boxShadow}`;
  let drawn = outline !== 'none' || cs.boxShadow !== 'none';
  if (e instanceof SVGElement) {
    for (const mark of [e, ...e.querySelectorAll('*')].slice(0, 5)) {
      const m = getComputedStyle(mark);
      const stroked = m.stroke !== 'none' && Number.parseFloat(m.strokeWidth) > 0;
      key += `; stroke: ${stroked ? `${m.stroke} ${m.strokeWidth}` : 'none'}`;
      drawn ||= stroked;
    }
  }
  return { key, drawn };
}
