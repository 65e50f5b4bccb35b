/**
 * The visual review: every custom element the repository ships (what the script-tag build finds:
 * the SDK's own folders and every plugin's `sifa.elements`, build/elements.mjs) rendered with the
 * demo data of the test servers in zh-CN, en and mn-Mong, in the four themes, at 1400 and 390 px,
 * checked for what a person would notice and a machine can measure:
 * - overflow: the page never scrolls sideways; nothing runs past the widget's box unless a scroll
 *   container of the widget holds it (Mongolian is vertical: the widget may scroll itself
 *   sideways, the page may not); popups stay on the screen (test-utils/layout.ts `layoutReport`);
 * - clipped text: text cut by its box or by an ancestor hiding overflow, text running out of its
 *   box, fields and choices showing part of their text;
 * - untranslated text: Chinese characters in the English and Mongolian renderings, in text and in
 *   the attributes a person sees or hears, outside data the widgets mark lang="zh-CN" (and the
 *   data slots a recipe names);
 * - keyboard: every element a person can Tab to is reached by Tab, focus never lands on something
 *   invisible nor gets trapped, and each stop shows a focus ring (outline or box-shadow differing
 *   from the element's unfocused state, on it or on a parent within two levels);
 * - axe: all rules once per language and width (light theme), colour contrast in every theme.
 * Each case saves a screenshot of the widget to .sifa/visual/<element>/<lang>-<theme>-<width>.png
 * (git-ignored): look at them when a widget changes.
 *
 * Cost: one render per element, language and width; the theme switches at run time (an attribute,
 * CSS only). Not date-sensitive: left out of the pinned-clock reruns (scripts/pinned-clocks-list.mjs).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands, page, userEvent } from 'vitest/browser';
import type { Locale, OrgNode } from '@sifa/core';
import { SifaClient } from '../client/client.js';
import { configureSifa, themes, type SifaTheme } from '../config/config.js';
import { connectTestServer, eventually, uniqueId } from '../test-utils/test-server.js';
import { axeViolations, describeViolations } from '../test-utils/axe.js';
import { chineseOutsideDeep, composedChildren, composedClosest, composedParent, deepActiveElement, layoutReport, pathOf, ringStyle, tabbables } from '../test-utils/layout.js';
import { tokenValue } from '../theme/tokens.js';
import { knownDefect, recipeElement, recipes, type Recipe } from './recipes.js';

const languages: Locale[] = ['zh-CN', 'en', 'mn-Mong'];
const widths = [
  { width: 1400, height: 900 },
  { width: 390, height: 844 },
];

const { repoDir, elements } = await commands.sifaElements();

/**
 * Names of the org tree (city, counties, offices) that have no form in a language: shown in
 * Chinese there, they are names, not untranslated UI, wherever a sentence quotes them.
 */
async function orgNamesWithout(): Promise<Record<'en' | 'mn-Mong', string[]>> {
  const connection = await connectTestServer({ orgCode: '1504', userId: uniqueId('visual-orgs'), role: 'city_admin' });
  const client = new SifaClient(connection.config);
  const all: OrgNode[] = [];
  let level: OrgNode[] = await client.query<OrgCalls, 'platform.org.children'>('platform.org.children', {});
  while (level.length > 0) {
    all.push(...level);
    level = (await Promise.all(level.filter((o) => o.level !== 'office').map((o) => client.query<OrgCalls, 'platform.org.children'>('platform.org.children', { code: o.code })))).flat();
  }
  return { en: all.filter((o) => !o.name.en).map((o) => o.name.zh), 'mn-Mong': all.filter((o) => !o.name.mn).map((o) => o.name.zh) };
}
type OrgCalls = { 'platform.org.children': { type: 'query'; input: { code?: string }; output: OrgNode[] } };
const orgNames = await orgNamesWithout();
/** Screenshots by recipe: `.sifa/visual/cases/…`, a further recipe of an element `.sifa/visual/cases-correction.case/…`. */
const shotPath = (key: string, lang: Locale, theme: SifaTheme, width: number) => `${repoDir}/.sifa/visual/${key.replace(/^sifa-/, '').replace(/\s+/g, '-')}/${lang}-${theme}-${width}.png`;

interface Mounted {
  el: HTMLElement;
  root: ShadowRoot;
  before: HTMLButtonElement;
  after: HTMLButtonElement;
}

async function mount(tag: string, define: string, recipe: Recipe, lang: Locale): Promise<Mounted> {
  await import(/* @vite-ignore */ `/${define}`);
  const identity = recipe.identity;
  const connection = await connectTestServer({
    orgCode: identity === 'public' ? '150402001' : identity.orgCode,
    userId: uniqueId('visual'),
    ...(identity === 'public' ? {} : { role: identity.role }),
    ...(recipe.server ? { server: recipe.server } : {}),
  });
  configureSifa(
    identity === 'public'
      ? { endpoint: connection.endpoint, publishableKey: connection.config.publishableKey, getToken: undefined, tokenUrl: undefined, locale: undefined, theme: undefined }
      : { ...connection.config, tokenUrl: undefined, locale: undefined, theme: undefined },
  );
  const attributes = typeof recipe.attributes === 'function' ? await recipe.attributes(connection) : recipe.attributes;
  // Tab starts before the widget and must come out after it.
  const before = sentinel('before');
  const after = sentinel('after');
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  el.setAttribute('lang', lang);
  el.setAttribute('theme', 'light');
  document.body.append(before, el, after);
  const root = await eventually(() => el.shadowRoot, { what: `<${tag}> to render` });
  await eventually(() => recipe.ready(root, el), { what: `<${tag}> to show its data`, timeoutMs: 30_000 });
  await settle(el);
  if (recipe.open) {
    await recipe.open(root);
    await settle(el);
  }
  return { el, root, before, after };
}

function sentinel(name: string): HTMLButtonElement {
  const button = document.createElement('button');
  button.textContent = name;
  button.dataset['visualSentinel'] = name;
  // Out of the layout and out of sight; still a Tab stop.
  button.style.cssText = 'position: fixed; top: 0; left: 0; width: 1px; height: 1px; opacity: 0; overflow: hidden;';
  return button;
}

const frame = () => new Promise((r) => requestAnimationFrame(() => r(null)));

/** Rendered, and its size unchanged over two frames (charts and maps follow their box). */
async function settle(el: HTMLElement): Promise<void> {
  await (el as HTMLElement & { updateComplete?: Promise<unknown> }).updateComplete;
  let last = '';
  // (A map or a chart following its box settles in a few frames; one still moving after that is
  // shown as it is.)
  for (let i = 0; i < 4; i++) {
    await frame();
    await frame();
    const r = el.getBoundingClientRect();
    const now = `${r.width}x${r.height}/${el.scrollWidth}x${el.scrollHeight}`;
    if (now === last) break;
    last = now;
    await (el as HTMLElement & { updateComplete?: Promise<unknown> }).updateComplete;
  }
  await document.fonts.ready;
}

/**
 * A screenshot of the whole widget: the test page paints only what is inside its window, so the
 * window grows to the widget's height for the picture (up to 6,000 px) and is put back after.
 * (A layout sized in vh would change with it: the checks run at the case's own size.)
 */
async function screenshotWhole(el: HTMLElement, path: string, size: { width: number; height: number }): Promise<void> {
  const tall = Math.min(6000, Math.ceil(el.getBoundingClientRect().bottom + window.scrollY));
  if (tall > size.height) {
    await page.viewport(size.width, tall);
    await settle(el);
  }
  try {
    await page.elementLocator(el).screenshot({ path, save: true });
  } finally {
    if (tall > size.height) {
      await page.viewport(size.width, size.height);
      await settle(el);
    }
  }
}

/**
 * Tabs from before the widget until focus leaves it: the stops, what was never reached, stops on
 * nothing visible, stops without a focus ring, a trap.
 */
async function keyboardReview(m: Mounted): Promise<{ unreached: string[]; invisible: string[]; noRing: string[]; trapped: string[]; stops: Element[] }> {
  const candidates = tabbables(m.el);
  m.before.focus();
  const rest = restingLook(m, candidates);
  const reached = new Set<Element>();
  const invisible: string[] = [];
  const noRing: string[] = [];
  const trapped: string[] = [];
  const limit = candidates.length * 2 + 20;
  let stops = 0;
  for (;;) {
    await userEvent.keyboard('{Tab}');
    const active = deepActiveElement();
    if (active === m.after || !active || !m.el.contains(composedHost(active))) break;
    if (++stops > limit) {
      trapped.push(`focus still inside after ${limit} Tab presses (last at ${pathOf(active)})`);
      break;
    }
    if (reached.has(active)) continue;
    reached.add(active);
    const r = active.getBoundingClientRect();
    const cs = getComputedStyle(active);
    if (r.width < 2 || r.height < 2 || cs.visibility !== 'visible' || (Number(cs.opacity) === 0 && !overVisibleLabel(active))) invisible.push(pathOf(active));
    if (!ringShown(m, active, rest)) noRing.push(`${pathOf(active)} (${ringStyle(active).key})`);
  }
  const unreached = candidates.filter((c) => !reached.has(c) && !sameRadioGroupReached(c, reached)).map((c) => pathOf(c));
  return { unreached, invisible, noRing, trapped, stops: [...reached] };
}

/**
 * A transparent file input laid over its own label styled as a button (base/file-pick.styles.ts):
 * the focused control a person sees is the label, which shows the ring.
 */
function overVisibleLabel(e: Element): boolean {
  if (!(e instanceof HTMLInputElement) || e.type !== 'file' || !e.labels) return false;
  return [...e.labels].some((l) => {
    const r = l.getBoundingClientRect();
    const cs = getComputedStyle(l);
    return r.width >= 2 && r.height >= 2 && cs.visibility === 'visible' && Number(cs.opacity) > 0;
  });
}

/** The unfocused look of each element and its two parents (focus must be elsewhere). */
function restingLook(m: Mounted, elements: Element[]): Map<Element, string> {
  const rest = new Map<Element, string>();
  for (const c of elements) {
    for (let e: Element | null = c, i = 0; e && i < 3 && e !== m.el; e = composedParent(e), i++) if (!rest.has(e)) rest.set(e, ringStyle(e).key);
  }
  return rest;
}

/** A ring is drawn on the focused element or a parent within two levels, and it differs from its unfocused look. */
function ringShown(m: Mounted, active: Element, rest: Map<Element, string>): boolean {
  for (let e: Element | null = active, i = 0; e && i < 3 && e !== m.el; e = composedParent(e), i++) {
    const now = ringStyle(e);
    // (An element rendered anew since the snapshot counts as unfocused without a ring.)
    if (now.drawn && now.key !== (rest.get(e) ?? '')) return true;
  }
  return false;
}

/**
 * The focus rings of `stops` in the current theme: one real Tab (the browser then shows
 * :focus-visible for focus moved by script too), then each stop focused in turn.
 */
async function focusRings(m: Mounted, stops: Element[]): Promise<string[]> {
  const shown = stops.filter((s): s is HTMLElement => s.isConnected && (s instanceof HTMLElement || s instanceof SVGElement));
  m.before.focus();
  const rest = restingLook(m, shown);
  await userEvent.keyboard('{Tab}');
  const missing: string[] = [];
  for (const stop of shown) {
    stop.focus();
    if (deepActiveElement() !== stop) continue;
    if (!ringShown(m, stop, rest)) missing.push(`${pathOf(stop)} (${ringStyle(stop).key})`);
  }
  m.before.focus();
  return missing;
}

/** The top-level element `e` sits in (its outermost shadow host in the page). */
function composedHost(e: Element): Element {
  let at = e;
  for (let root = at.getRootNode(); root instanceof ShadowRoot; root = at.getRootNode()) at = root.host;
  return at;
}

/** One radio of a group is a Tab stop; the others are reached with the arrow keys. */
function sameRadioGroupReached(c: Element, reached: Set<Element>): boolean {
  if (!(c instanceof HTMLInputElement) || c.type !== 'radio' || !c.name) return false;
  return [...reached].some((r) => r instanceof HTMLInputElement && r.type === 'radio' && r.name === c.name && r.form === c.form && r.getRootNode() === c.getRootNode());
}

/**
 * Elements that look clickable (pointer cursor) that no key reaches: not a Tab stop, not inside
 * one, not holding one (a wrapper of a control), not the label of one, not an item of a roving
 * group (tabindex -1 beside a tabindex 0 sibling, or inside a composite widget: the arrow keys
 * reach it), and not what the recipe names as reachable another way.
 */
function pointerOnly(host: Element, stops: Set<Element>, exempt: string | undefined): string[] {
  const found: string[] = [];
  const composite = '[role="listbox"], [role="grid"], [role="tree"], [role="treegrid"], [role="toolbar"], [role="menu"], [role="menubar"], [role="radiogroup"], [role="tablist"]';
  const holdsStop = (e: Element) => [...stops].some((s) => s !== e && e.contains(s));
  const roving = (e: Element) =>
    e.hasAttribute('tabindex') && ((composedParent(e) && [...composedParent(e)!.children].some((c) => stops.has(c))) || composedClosest(e, composite) !== null);
  const visit = (e: Element, inside: boolean) => {
    const cs = getComputedStyle(e);
    if (cs.display === 'none') return;
    const here = inside || stops.has(e);
    if (!here && cs.cursor === 'pointer' && e !== host && cs.visibility === 'visible') {
      const parent = composedParent(e);
      const parentPointer = parent && parent !== host && getComputedStyle(parent).cursor === 'pointer';
      const r = e.getBoundingClientRect();
      const label = e instanceof HTMLLabelElement && e.control !== null && (stops.has(e.control) || sameRadioGroupReached(e.control, stops));
      if (!parentPointer && r.width > 0 && r.height > 0 && !label && !holdsStop(e) && !roving(e) && !(exempt && composedClosest(e, exempt))) found.push(pathOf(e));
    }
    for (const child of composedChildren(e)) visit(child, here);
  };
  visit(host, false);
  return found.slice(0, 10);
}

function scrollToStart(e: Element): void {
  if (e.scrollLeft !== 0) e.scrollLeft = 0;
  if (e.scrollTop !== 0) e.scrollTop = 0;
  for (const child of composedChildren(e)) scrollToStart(child);
}

/** A soft check: `found` must be empty; the message lists what was found (one line each). */
function none(found: string[], what: string): void {
  expect.soft(found, found.length > 0 ? `${what}:\n  ${found.join('\n  ')}\n` : what).toEqual([]);
}

const timings = new Map<string, number>();
afterAll(() => console.info('[visual review] cumulative ms', Object.fromEntries([...timings].map(([k, v]) => [k, Math.round(v)]))));

const recipeEntries = Object.entries(recipes);
const missing = elements.filter((e) => !recipeEntries.some(([key, r]) => recipeElement(key, r) === e.tag)).map((e) => e.tag);

describe('visual review', () => {
  it('has a render recipe for every element the build finds, and no recipe for an element it does not', () => {
    expect(elements.length).toBeGreaterThan(0);
    expect(missing, 'elements without a recipe in visual-review/recipes.ts').toEqual([]);
    expect(recipeEntries.filter(([key, r]) => !elements.some((e) => e.tag === recipeElement(key, r))).map(([key]) => key)).toEqual([]);
  });

  for (const element of elements) {
    for (const [key, recipe] of recipeEntries.filter(([k, r]) => recipeElement(k, r) === element.tag)) {
      // `<sifa-cases>`, a further recipe `<sifa-cases> correction.case`.
      const name = key === element.tag ? `<${element.tag}>` : `<${element.tag}> ${key.slice(element.tag.length).trim()}`;
      describe(name, () => {
        if (recipe.prepare) {
          beforeAll(async () => {
            // (Other test files count what the shared server holds: the review writes only to its own.)
            if (!recipe.server || recipe.server === 'main') throw new Error(`${name}: a recipe that prepares content needs a server of its own`);
            await recipe.prepare!(recipe.server);
          }, 60_000);
        }
        for (const { width, height } of widths) {
          for (const lang of languages) {
            describe(`${lang} at ${width} px`, () => {
              let m: Mounted | null = null;
              /** The elements Tab stopped on (in the first theme). */
              let stops: Element[] | null = null;
              beforeAll(async () => {
                document.documentElement.lang = '';
                await page.viewport(width, height);
                m = await mount(element.tag, element.define, recipe, lang);
              }, 60_000);
              afterAll(() => {
                document.body.replaceChildren();
                document.body.style.background = '';
                m = null;
              });

              for (const theme of themes) {
                const known = knownDefect(recipe, lang, width, theme);
                (known ? it.fails : it)(known ? `${theme} (known defect: ${known.why})` : theme, async () => {
                  if (!m) throw new Error('not rendered');
                  let t0 = performance.now();
                  const lap = (name: string) => {
                    const now = performance.now();
                    timings.set(name, (timings.get(name) ?? 0) + now - t0);
                    t0 = now;
                  };
                  m.el.setAttribute('theme', theme);
                  // The host page in the same theme (a dark portal has a dark page): widgets that leave
                  // their background to the page (a form field) are read against it.
                  document.body.style.background = tokenValue(theme, '--sifa-color-surface');
                  await settle(m.el);
                  lap('settle');
                  // As a person first sees it: the page and the widget's scroll boxes at their start
                  // (the keyboard review of the theme before scrolled them).
                  scrollToStart(m.el);
                  window.scrollTo(0, 0);
                  await screenshotWhole(m.el, shotPath(key, lang, theme, width), { width, height });

                  lap('screenshot');
                  const layout = layoutReport(m.el);
                  none(layout.overflow, 'overflow (widget or page)');
                  none(layout.clipped, 'text clipped or spilling');
                  if (lang !== 'zh-CN') {
                    const data = recipe.data ? `[lang^="zh"], ${recipe.data}` : '[lang^="zh"]';
                    none(chineseOutsideDeep(m.el, data, orgNames[lang as 'en' | 'mn-Mong']), `Chinese in the ${lang} rendering outside data`);
                  }
                  lap('layout and language');
                  // Keyboard: Tab through the widget once per language and width (the order, what it
                  // reaches, traps and invisible stops do not change with the colours); the focus
                  // rings in every theme, on the stops Tab reached.
                  if (!stops) {
                    const keys = await keyboardReview(m);
                    stops = keys.stops;
                    none(keys.trapped, 'focus trapped');
                    none(keys.unreached, 'Tab stops never reached by Tab');
                    none(keys.invisible, 'Tab lands on something not visible');
                    none(keys.noRing, 'Tab stops without a visible focus ring');
                    none(pointerOnly(m.el, new Set(tabbables(m.el)), recipe.keyboardElsewhere), 'clickable-looking elements no key reaches');
                  } else {
                    none(await focusRings(m, stops), 'Tab stops without a visible focus ring');
                  }
                  lap('keyboard');
                  m.before.focus();
                  // axe: every rule once per language and width; colour contrast in the dark and
                  // high-contrast themes (elderly has light's colours with darker muted text and
                  // larger type: no contrast it could lose).
                  if (theme !== 'elderly') {
                    const violations = await axeViolations(m.el, theme === 'light' ? {} : { rules: ['color-contrast'] });
                    none(describeViolations(violations).slice(0, 20), 'axe');
                  }
                  lap('axe');
                });
              }
            });
          }
        }
      });
    }
  }
});
