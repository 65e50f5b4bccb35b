/**
 * The dashboard's charts, hand-drawn SVG with Lit: a time series (lines or columns), horizontal
 * bars and a pie of the child orgs, and a choropleth of the counties (lon/lat projected here,
 * no tiles). A chunk of its own, loaded by <sifa-dashboard> after its first render (see
 * `loadCharts`), so the element's first load carries none of it.
 *
 * Charts are stateless templates: the element keeps which mark is active (roving tabindex: one
 * mark of a chart is in the tab order, arrow keys move, Enter or Space chooses) and which one
 * shows its tooltip (focus or hover), and passes both in. Sizes and positions are SVG
 * attributes, colours CSS classes: nothing is set through a style attribute (strict CSP).
 * Colour is never the only carrier: marks have text labels (aria-label, tooltip), lines have
 * distinct point shapes, and each chart has a data table beside it (the element's).
 */
import { svg, nothing, type SVGTemplateResult, type TemplateResult, html } from 'lit';
import { boundsOf } from '../base/geometry.js';
import { listKeyMove } from '../base/list-keys.js';

/** What every chart shares: how to format numbers, its id, the active and tooltip marks, and callbacks. */
export interface ChartBase {
  /** Used as `data-chart`, so the element can find a mark to focus. */
  id: string;
  /** The accessible name of the chart's group of marks. */
  title: string;
  /** Number formatting in the UI language (with the unit when it has one). */
  format(value: number | null): string;
  /** Tick labels (no unit). */
  tick(value: number): string;
  /** Index of the mark in the tab order. */
  active: number;
  /** Index of the mark whose tooltip shows, or null. */
  tip: number | null;
  /** Mongolian: the marks run along the line of text (left to right too). */
  vertical: boolean;
  /**
   * A mark got the focus (`focus`: it becomes the active one), the keyboard moved to one
   * (`move`: make it active and focus it after rendering), the pointer is over one (`hover`), or
   * left / blurred (null).
   */
  onMark(index: number | null, how: 'focus' | 'move' | 'hover'): void;
  /** Enter / Space / click on a mark; absent for charts that do not drill. */
  onChoose?: ((index: number) => void) | undefined;
  /** The hint read after a drillable mark's value ("show its offices"). */
  chooseHint?: string | undefined;
  /** "No data" in the UI language. */
  empty: string;
}

export interface SeriesChart extends ChartBase {
  kind: 'line' | 'bar';
  /** Short labels under the axis and long ones for tooltips and names, per bucket. */
  buckets: { short: string; long: string }[];
  series: { name: string; values: (number | null)[] }[];
  /** Whole numbers only: no fractional ticks. */
  integer: boolean;
}

export interface CategoryChart extends ChartBase {
  /** `choosable: false`: a mark that does not drill (a pie's "others"). */
  categories: { name: string; value: number | null; choosable?: boolean }[];
  integer: boolean;
}

/**
 * Distinct series colours (classes `c0`…`c11`, the `--sifa-dashboard-series-*` properties of the
 * styles): a pie of the 12 counties of a city has one colour per county.
 */
export const paletteSize = 12;

/**
 * The slices of a pie: every category while they fit the palette; past it the largest
 * `paletteSize - 1` and one "others" slice (null code) holding the rest, so no two slices share
 * a colour. Categories keep their order; "others" comes last.
 */
export function pieSlices<T extends { name: string; value: number | null; code: string | null }>(categories: readonly T[], others: (count: number) => string): (T | { name: string; value: number; code: null })[] {
  if (categories.length <= paletteSize) return [...categories];
  const keep = new Set(
    [...categories]
      .map((c, i) => ({ i, v: c.value ?? -Infinity }))
      .sort((a, b) => b.v - a.v || a.i - b.i)
      .slice(0, paletteSize - 1)
      .map((x) => x.i),
  );
  const rest = categories.filter((_, i) => !keep.has(i));
  return [...categories.filter((_, i) => keep.has(i)), { name: others(rest.length), value: rest.reduce((sum, c) => sum + Math.max(0, c.value ?? 0), 0), code: null }];
}

/** `text` cut to about `width` units at `size` (an ellipsis at the end), and whether it was cut. */
export function fitText(text: string, width: number, size: number): { text: string; cut: boolean } {
  if (textWidth(text, size) <= width) return { text, cut: false };
  let out = '';
  for (const ch of text) {
    if (textWidth(`${out}${ch}…`, size) > width) break;
    out += ch;
  }
  return { text: `${out}…`, cut: true };
}

export interface MapChart extends ChartBase {
  regions: { code: string; name: string; value: number | null; rings: [number, number][][]; label: [number, number] }[];
  /** The region to outline (the org drilled into), or null. */
  current: string | null;
  /** Legend heading. */
  legend: string;
  noValue: string;
}

// ---- scales ----------------------------------------------------------------------------------

/** Round tick values from `min` to at least `max` (about `count` steps of 1, 2, 2.5 or 5 × 10ⁿ). */
export function niceTicks(min: number, max: number, count = 5, integer = false): number[] {
  const lo = Math.min(0, min);
  let hi = Math.max(0, max);
  if (hi === lo) hi = lo + (integer ? count : 1);
  const raw = (hi - lo) / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const r = raw / magnitude;
  let step = (r <= 1 ? 1 : r <= 2 ? 2 : r <= 2.5 ? 2.5 : r <= 5 ? 5 : 10) * magnitude;
  if (integer) step = Math.max(1, Math.round(step));
  const first = Math.floor(lo / step) * step;
  const ticks: number[] = [];
  for (let v = first; v < hi + step * 0.999; v += step) ticks.push(Number(v.toPrecision(12)));
  return ticks;
}

const finite = (values: (number | null)[]) => values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));

// ---- interaction -----------------------------------------------------------------------------

/** The attributes and listeners of a focusable mark (roving tabindex). */
function markEvents(chart: ChartBase, index: number, count: number) {
  return {
    keydown: (e: KeyboardEvent) => {
      const move = listKeyMove(e.key, index, count, chart.vertical);
      if (move === null) return;
      e.preventDefault();
      if (move === 'choose') chart.onChoose?.(index);
      else chart.onMark(move, 'move');
    },
    focus: () => chart.onMark(index, 'focus'),
    enter: () => chart.onMark(index, 'hover'),
    leave: () => chart.onMark(null, 'hover'),
    click: () => chart.onChoose?.(index),
  };
}

/** Text width estimate for tooltip boxes (CJK and Mongolian wide, digits and Latin narrow). */
function textWidth(text: string, size: number): number {
  let w = 0;
  for (const ch of text) w += /[\u0000-\u024f]/.test(ch) ? size * 0.6 : size;
  return w;
}

/** A tooltip box at (x, y), kept inside a `width` × `height` viewBox. */
function tooltip(lines: string[], x: number, y: number, width: number, height: number): SVGTemplateResult {
  const size = 12;
  const w = Math.max(...lines.map((l) => textWidth(l, size))) + 16;
  const h = lines.length * (size + 4) + 10;
  const left = Math.min(Math.max(2, x - w / 2), width - w - 2);
  const top = y - h - 8 < 2 ? Math.min(y + 12, height - h - 2) : y - h - 8;
  return svg`<g class="tip" aria-hidden="true" transform="translate(${left.toFixed(1)} ${top.toFixed(1)})">
    <rect width=${w.toFixed(1)} height=${h} rx="4"></rect>
    ${lines.map((l, i) => svg`<text x="8" y=${18 + i * (size + 4)}>${l}</text>`)}
  </g>`;
}

function emptyChart(chart: ChartBase): TemplateResult {
  return html`<p class="chart-empty">${chart.empty}</p>`;
}

// ---- series: lines or columns ----------------------------------------------------------------

const shapes = ['circle', 'square', 'diamond', 'triangle'] as const;

/** A point marker of series `s` (different shapes, so lines differ by more than colour). */
function marker(s: number, x: number, y: number, r = 3.5): SVGTemplateResult {
  const shape = shapes[s % shapes.length];
  const cls = `marker c${s % paletteSize}`;
  if (shape === 'circle') return svg`<circle class=${cls} cx=${x.toFixed(1)} cy=${y.toFixed(1)} r=${r}></circle>`;
  if (shape === 'square') return svg`<rect class=${cls} x=${(x - r).toFixed(1)} y=${(y - r).toFixed(1)} width=${r * 2} height=${r * 2}></rect>`;
  const d =
    shape === 'diamond'
      ? `M${x} ${y - r - 1}L${x + r + 1} ${y}L${x} ${y + r + 1}L${x - r - 1} ${y}Z`
      : `M${x} ${y - r - 1}L${x + r + 1} ${y + r}L${x - r - 1} ${y + r}Z`;
  return svg`<path class=${cls} d=${d}></path>`;
}

/** The swatch of series `s` for legends (a line with its marker, or a column's square). */
export function legendSwatch(s: number, kind: 'line' | 'bar' | 'area'): TemplateResult {
  return html`<svg class="swatch" viewBox="0 0 24 12" width="24" height="12" aria-hidden="true" focusable="false">
    ${kind === 'line' ? svg`<line class="line c${s % paletteSize}" x1="1" y1="6" x2="23" y2="6"></line>${marker(s, 12, 6, 3)}` : svg`<rect class="fill c${s % paletteSize}" x="6" y="0" width="12" height="12"></rect>`}
  </svg>`;
}

export function seriesChart(chart: SeriesChart): TemplateResult {
  const values = chart.series.flatMap((s) => finite(s.values));
  const n = chart.buckets.length;
  if (n === 0 || values.length === 0) return emptyChart(chart);
  const W = 640;
  const H = 260;
  const ticks = niceTicks(Math.min(...values), Math.max(...values), 5, chart.integer);
  const labelWidth = Math.max(...ticks.map((t) => textWidth(chart.tick(t), 11))) + 10;
  const left = Math.max(36, labelWidth);
  const right = 12;
  const top = 12;
  const bottom = 28;
  const lo = ticks[0]!;
  const hi = ticks[ticks.length - 1]!;
  const y = (v: number) => top + (H - top - bottom) * (1 - (v - lo) / (hi - lo || 1));
  const band = (W - left - right) / n;
  const x = (i: number) => left + band * (i + 0.5);
  // Every k-th bucket label, so day labels of a month do not collide.
  const every = Math.max(1, Math.ceil(n / Math.floor((W - left - right) / 34)));
  const marks: SVGTemplateResult[] = [];
  if (chart.kind === 'bar') {
    const groups = chart.series.length;
    const inner = (band * 0.75) / groups;
    chart.series.forEach((s, si) => {
      s.values.forEach((v, i) => {
        if (v === null) return;
        const x0 = left + band * i + band * 0.125 + inner * si;
        const y0 = y(Math.max(v, 0));
        const h = Math.abs(y(v) - y(0));
        marks.push(svg`<rect class="fill c${si % paletteSize}" x=${x0.toFixed(1)} y=${y0.toFixed(1)} width=${Math.max(1, inner - 1).toFixed(1)} height=${Math.max(h, 0.5).toFixed(1)}></rect>`);
      });
    });
  } else {
    chart.series.forEach((s, si) => {
      let run: string[] = [];
      const runs: string[][] = [];
      s.values.forEach((v, i) => {
        if (v === null) {
          if (run.length) runs.push(run);
          run = [];
        } else run.push(`${x(i).toFixed(1)},${y(v).toFixed(1)}`);
      });
      if (run.length) runs.push(run);
      for (const r of runs) if (r.length > 1) marks.push(svg`<polyline class="line c${si % paletteSize}" points=${r.join(' ')}></polyline>`);
      s.values.forEach((v, i) => {
        if (v !== null && (n <= 40 || chart.tip === i)) marks.push(marker(si, x(i), y(v)));
      });
    });
  }
  const label = (i: number) => `${chart.buckets[i]!.long}: ${chart.series.map((s) => `${s.name} ${chart.format(s.values[i] ?? null)}`).join(', ')}`;
  const tipAt = chart.tip !== null && chart.tip < n ? chart.tip : null;
  const tipValue = tipAt === null ? 0 : Math.max(...finite(chart.series.map((s) => s.values[tipAt] ?? null)), lo);
  return html`<svg class="chart series" viewBox="0 0 ${W} ${H}" role="group" aria-label=${chart.title} data-chart=${chart.id}>
    ${ticks.map((t) => svg`<line class="grid" x1=${left} x2=${W - right} y1=${y(t).toFixed(1)} y2=${y(t).toFixed(1)}></line>
      <text class="tick y" x=${left - 6} y=${(y(t) + 4).toFixed(1)} aria-hidden="true">${chart.tick(t)}</text>`)}
    <line class="axis" x1=${left} x2=${W - right} y1=${y(Math.max(lo, 0)).toFixed(1)} y2=${y(Math.max(lo, 0)).toFixed(1)}></line>
    ${chart.buckets.map((b, i) => (i % every === 0 ? svg`<text class="tick x" x=${x(i).toFixed(1)} y=${H - 10} aria-hidden="true">${b.short}</text>` : nothing))}
    ${tipAt !== null ? svg`<rect class="band" x=${(left + band * tipAt).toFixed(1)} y=${top} width=${band.toFixed(1)} height=${H - top - bottom}></rect>` : nothing}
    <g aria-hidden="true">${marks}</g>
    ${chart.buckets.map((_, i) => {
      const ev = markEvents(chart, i, n);
      return svg`<rect class="hit" role="img" data-i=${i} x=${(left + band * i).toFixed(1)} y=${top} width=${band.toFixed(1)} height=${H - top - bottom}
        tabindex=${i === chart.active ? '0' : '-1'} aria-label=${label(i)}
        @keydown=${ev.keydown} @focus=${ev.focus} @blur=${ev.leave} @mouseenter=${ev.enter} @mouseleave=${ev.leave}></rect>`;
    })}
    ${tipAt !== null ? tooltip([chart.buckets[tipAt]!.long, ...chart.series.map((s) => `${s.name}: ${chart.format(s.values[tipAt] ?? null)}`)], x(tipAt), y(tipValue), W, H) : nothing}
  </svg>`;
}

// ---- categories: horizontal bars ------------------------------------------------------------

export function barChart(chart: CategoryChart): TemplateResult {
  const values = finite(chart.categories.map((c) => c.value));
  const n = chart.categories.length;
  if (n === 0) return emptyChart(chart);
  const W = 640;
  const row = 26;
  const top = 8;
  const bottom = 24;
  const H = top + bottom + row * n;
  // Names longer than the label column are cut with an ellipsis (the whole name is the mark's
  // accessible name, its tooltip and in the data table), so none runs out of the panel. A name
  // ends 8 units before the bars and keeps 6 more clear of the panel's edge: the column is that
  // much wider than the longest name, which then shows whole.
  const nameGap = 14;
  const labelWidth = Math.min(180, Math.max(...chart.categories.map((c) => textWidth(c.name, 12))) + nameGap);
  const left = labelWidth;
  const names = chart.categories.map((c) => fitText(c.name, labelWidth - nameGap, 12));
  const right = 72;
  const ticks = niceTicks(values.length ? Math.min(...values) : 0, values.length ? Math.max(...values) : 0, 4, chart.integer);
  const lo = ticks[0]!;
  const hi = ticks[ticks.length - 1]!;
  const x = (v: number) => left + (W - left - right) * ((v - lo) / (hi - lo || 1));
  // The names and values drawn beside the bars are pictures of the marks' names (aria-hidden,
  // after the marks, with no pointer events): a mark holds no text of its own, so a name cut
  // with an ellipsis is never a visible label missing from the mark's accessible name (which
  // always has the whole name and value), as the map's region names.
  return html`<svg class="chart bars" viewBox="0 0 ${W} ${H}" role="group" aria-label=${chart.title} data-chart=${chart.id}>
    ${ticks.map((t) => svg`<line class="grid" y1=${top} y2=${H - bottom} x1=${x(t).toFixed(1)} x2=${x(t).toFixed(1)}></line>
      <text class="tick x" y=${H - 8} x=${x(t).toFixed(1)} aria-hidden="true">${chart.tick(t)}</text>`)}
    ${chart.categories.map((c, i) => {
      const ev = markEvents(chart, i, n);
      const yTop = top + row * i;
      const w = c.value === null ? 0 : Math.abs(x(c.value) - x(0));
      const drill = chart.onChoose ? `, ${chart.chooseHint ?? ''}` : '';
      return svg`<g class="bar ${chart.tip === i ? 'hot' : ''}" data-i=${i} role=${chart.onChoose ? 'button' : 'img'} tabindex=${i === chart.active ? '0' : '-1'}
          aria-label=${`${c.name}: ${chart.format(c.value)}${drill}`}
          @keydown=${ev.keydown} @focus=${ev.focus} @blur=${ev.leave} @mouseenter=${ev.enter} @mouseleave=${ev.leave} @click=${ev.click}>
        <rect class="hit" x="0" y=${yTop} width=${W} height=${row}></rect>
        <rect class="fill c0" x=${x(Math.min(0, c.value ?? 0)).toFixed(1)} y=${yTop + 4} width=${Math.max(w, c.value === null ? 0 : 1).toFixed(1)} height=${row - 8}></rect>
      </g>`;
    })}
    <g class="bar-labels" aria-hidden="true">
      ${chart.categories.map((c, i) => {
        const yTop = top + row * i;
        const name = names[i]!;
        return svg`<g class="bar-label">
          <text class="name" x=${left - 8} y=${yTop + row / 2 + 4}>${name.cut ? svg`<title>${c.name}</title>` : nothing}${name.text}</text>
          <text class="value" x=${(x(Math.max(0, c.value ?? 0)) + 6).toFixed(1)} y=${yTop + row / 2 + 4}>${chart.format(c.value)}</text>
        </g>`;
      })}
    </g>
  </svg>`;
}

// ---- categories: pie ---------------------------------------------------------------------------

function arc(cx: number, cy: number, r: number, a0: number, a1: number): string {
  const p = (a: number) => `${(cx + r * Math.sin(a)).toFixed(2)} ${(cy - r * Math.cos(a)).toFixed(2)}`;
  if (a1 - a0 >= Math.PI * 2 - 1e-9) return `M${p(0)}A${r} ${r} 0 1 1 ${p(Math.PI)}A${r} ${r} 0 1 1 ${p(0)}Z`;
  return `M${cx} ${cy}L${p(a0)}A${r} ${r} 0 ${a1 - a0 > Math.PI ? 1 : 0} 1 ${p(a1)}Z`;
}

export function pieChart(chart: CategoryChart, share: (part: number) => string): TemplateResult {
  const total = chart.categories.reduce((sum, c) => sum + Math.max(0, c.value ?? 0), 0);
  const n = chart.categories.length;
  if (n === 0 || total <= 0) return emptyChart(chart);
  const W = 320;
  const H = 260;
  const cx = W / 2;
  const cy = H / 2;
  const r = 110;
  let a = 0;
  const slices = chart.categories.map((c, i) => {
    const part = Math.max(0, c.value ?? 0) / total;
    const a0 = a;
    a += part * Math.PI * 2;
    return { c, i, part, a0, a1: a };
  });
  const tip = chart.tip !== null ? slices[chart.tip] : undefined;
  return html`<svg class="chart pie" viewBox="0 0 ${W} ${H}" role="group" aria-label=${chart.title} data-chart=${chart.id}>
    ${slices.map(({ c, i, part, a0, a1 }) => {
      const ev = markEvents(chart, i, n);
      const choosable = chart.onChoose !== undefined && c.choosable !== false;
      const drill = choosable ? `, ${chart.chooseHint ?? ''}` : '';
      return svg`<path class="slice fill c${i % paletteSize} ${chart.tip === i ? 'hot' : ''}" data-i=${i} d=${part > 0 ? arc(cx, cy, r, a0, a1) : `M${cx} ${cy}`}
        role=${choosable ? 'button' : 'img'} tabindex=${i === chart.active ? '0' : '-1'} aria-label=${`${c.name}: ${chart.format(c.value)} (${share(part)})${drill}`}
        @keydown=${ev.keydown} @focus=${ev.focus} @blur=${ev.leave} @mouseenter=${ev.enter} @mouseleave=${ev.leave} @click=${ev.click}></path>`;
    })}
    ${tip ? tooltip([tip.c.name, `${chart.format(tip.c.value)} (${share(tip.part)})`], cx + (r / 2) * Math.sin((tip.a0 + tip.a1) / 2), cy - (r / 2) * Math.cos((tip.a0 + tip.a1) / 2), W, H) : nothing}
  </svg>`;
}

// ---- choropleth --------------------------------------------------------------------------------

/** Projects lon/lat rings into a `width`-wide box (equirectangular, x scaled by cos of the middle latitude). */
export function projector(rings: [number, number][][], width: number, pad = 8): { project(p: [number, number]): [number, number]; height: number } {
  const [minX, minY, maxX, maxY] = boundsOf(rings);
  const k = Math.cos((((minY + maxY) / 2) * Math.PI) / 180);
  const scale = (width - pad * 2) / (((maxX - minX) * k) || 1);
  const height = (maxY - minY) * scale + pad * 2;
  return { project: ([lon, lat]) => [pad + (lon - minX) * k * scale, pad + (maxY - lat) * scale], height };
}

export function choropleth(chart: MapChart): TemplateResult {
  const n = chart.regions.length;
  if (n === 0) return emptyChart(chart);
  const W = 480;
  const { project, height } = projector(chart.regions.flatMap((r) => r.rings), W);
  const H = Math.ceil(height);
  const values = finite(chart.regions.map((r) => r.value));
  const ticks = niceTicks(0, values.length ? Math.max(...values) : 0, 5, false);
  const top = ticks[ticks.length - 1]!;
  const classes = 5;
  const classOf = (v: number | null) => (v === null ? 'qn' : `q${Math.min(classes - 1, Math.floor((v / (top || 1)) * classes))}`);
  const path = (rings: [number, number][][]) => rings.map((ring) => `M${ring.map((p) => project(p).map((c) => c.toFixed(1)).join(' ')).join('L')}Z`).join('');
  const tip = chart.tip !== null ? chart.regions[chart.tip] : undefined;
  const tipAt = tip ? project(tip.label) : null;
  return html`<div class="map-wrap">
    <svg class="chart map" viewBox="0 0 ${W} ${H}" role="group" aria-label=${chart.title} data-chart=${chart.id}>
      ${chart.regions.map((r, i) => {
        const ev = markEvents(chart, i, n);
        const drill = chart.onChoose ? `, ${chart.chooseHint ?? ''}` : '';
        return svg`<path class="region ${classOf(r.value)} ${chart.current === r.code ? 'current' : ''} ${chart.tip === i ? 'hot' : ''}" data-i=${i} data-code=${r.code} d=${path(r.rings)}
          role=${chart.onChoose ? 'button' : 'img'} tabindex=${i === chart.active ? '0' : '-1'} aria-label=${`${r.name}: ${r.value === null ? chart.noValue : chart.format(r.value)}${drill}`}
          @keydown=${ev.keydown} @focus=${ev.focus} @blur=${ev.leave} @mouseenter=${ev.enter} @mouseleave=${ev.leave} @click=${ev.click}></path>`;
      })}
      <g aria-hidden="true">
        ${chart.regions.map((r) => {
          const [lx, ly] = project(r.label);
          return svg`<text class="region-name" x=${lx.toFixed(1)} y=${ly.toFixed(1)}>${r.name}</text>`;
        })}
      </g>
      ${tip && tipAt ? tooltip([tip.name, tip.value === null ? chart.noValue : chart.format(tip.value)], tipAt[0], tipAt[1], W, H) : nothing}
    </svg>
    <div class="map-legend">
      <span class="legend-title">${chart.legend}</span>
      <ul>
        ${Array.from({ length: classes }, (_, q) => {
          const from = (top / classes) * q;
          const to = (top / classes) * (q + 1);
          return html`<li>
            <svg class="swatch" viewBox="0 0 12 12" width="12" height="12" aria-hidden="true" focusable="false"><rect class="region q${q}" width="12" height="12"></rect></svg>
            ${chart.tick(from)}–${chart.tick(to)}
          </li>`;
        })}
      </ul>
    </div>
  </div>`;
}

/** The rings of a GeoJSON Polygon or MultiPolygon (outlines and holes alike: even-odd fill). */
export function ringsOf(geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown }): [number, number][][] {
  return geometry.type === 'Polygon' ? (geometry.coordinates as [number, number][][]) : (geometry.coordinates as [number, number][][][]).flat();
}
