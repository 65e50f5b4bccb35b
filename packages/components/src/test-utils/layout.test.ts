/**
 * The visual review's layout check on hand-built boxes: text an ancestor hides is reported; text in
 * a scroll container is not (it is reached by scrolling) unless the scroll container itself is cut;
 * the content of a closed <details> is not measured.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { layoutReport } from './layout.js';

let host: HTMLElement | null = null;
afterEach(() => {
  host?.remove();
  host = null;
});

/** A widget-like host whose shadow root holds `markup`. */
function mount(markup: string): HTMLElement {
  host = document.createElement('div');
  host.style.cssText = 'display: block; width: 400px; font: 16px/1.5 sans-serif';
  host.attachShadow({ mode: 'open' }).innerHTML = markup;
  document.body.append(host);
  return host;
}

const line = (text: string) => `<p style="margin: 0; height: 24px">${text}</p>`;
const lines = (n: number) => Array.from({ length: n }, (_, i) => line(`Line ${i + 1}`)).join('');

describe('layoutReport: text hidden by overflow', () => {
  it('reports text an ancestor hiding its overflow cuts in half', () => {
    const clipped = layoutReport(mount(`<div style="height: 60px; overflow: hidden">${lines(2)}<p style="margin: 0; padding-top: 0; height: 24px">Cut line</p></div>`)).clipped;
    expect(clipped.some((c) => c.includes('"Cut line"') && c.includes('partly hidden by an ancestor that hides its overflow'))).toBe(true);
  });

  it('does not report text scrolled out of a scroll container that fits inside the hiding ancestor', () => {
    // The line at 116…140 px crosses both the scrollport's edge (120 px) and the hiding box's (130 px): reached by scrolling.
    const markup = `<div style="position: relative; height: 130px; overflow: hidden">
      <div style="position: absolute; top: 20px; height: 100px; overflow: auto">${lines(10)}</div>
    </div>`;
    expect(layoutReport(mount(markup)).clipped).toEqual([]);
  });

  it('still reports text of a scroll container that the hiding ancestor itself cuts', () => {
    // The scroller runs 48 px past the hiding box: the line across its edge (90…114 px) can never be scrolled into sight.
    const markup = `<div style="position: relative; height: 100px; overflow: hidden">
      <div style="position: absolute; top: 18px; height: 130px; overflow: auto">${lines(10)}</div>
    </div>`;
    const clipped = layoutReport(mount(markup)).clipped;
    expect(clipped.some((c) => c.includes('partly hidden by an ancestor that hides its overflow'))).toBe(true);
  });
});

describe('layoutReport: a closed <details>', () => {
  // The host is 120 px tall; the content of the details would end at 24 + 10 × 24 px, far below it.
  const markup = (open: boolean) => `<div style="height: 120px; overflow: visible"><details ${open ? 'open' : ''}><summary>More</summary><dl style="margin: 0">${lines(10)}</dl></details></div>`;

  it('does not measure the content a closed details hides', () => {
    const el = mount(markup(false));
    el.style.height = '120px';
    expect(layoutReport(el).overflow).toEqual([]);
  });

  it('measures it once the details is open', () => {
    const el = mount(markup(true));
    el.style.height = '120px';
    expect(layoutReport(el).overflow.some((o) => o.includes('runs past the widget'))).toBe(true);
  });
});
