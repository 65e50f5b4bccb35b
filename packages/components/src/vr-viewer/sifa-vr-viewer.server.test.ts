/**
 * <sifa-vr-viewer> against the real Sifa server of global-setup (tours plugin, PGlite): a tour
 * published the way an editor does it (image upload route, tours.saveDraft, tours.publish, two
 * versions) read with the page's publishable key only, its images fetched from the server's
 * image routes; the seeded demo tours; a tour that does not exist.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { commands, userEvent } from 'vitest/browser';
import type { ToursApi } from '@sifa/plugin-tours';
import { configureSifa } from '../config/config.js';
import { SifaClient } from '../client/client.js';
import { connectTestServer, eventually, uniqueId } from '../test-utils/test-server.js';
import { axeViolations, describeViolations } from '../test-utils/axe.js';
import { patternColor } from './test-pattern.js';
import './define.js';
import type { SifaVrViewer, VrReadyDetail, VrSceneDetail } from './define.js';

let endpoint: string;
let publishableKey: string;
let tourId: string;

beforeAll(async () => {
  const connection = await connectTestServer({ orgCode: '150402001', userId: uniqueId('u') });
  endpoint = connection.endpoint;
  publishableKey = connection.config.publishableKey!;
  ({ tourId } = await commands.publishTestTour({ origin: location.origin, orgCode: '150402001' }));
});

afterEach(() => document.body.replaceChildren());

async function mount(attributes: Record<string, string>) {
  // Public reads: the publishable key alone, no token.
  configureSifa({ endpoint, publishableKey, getToken: undefined, tokenUrl: undefined, fetch: undefined, locale: undefined });
  const el = document.createElement('sifa-vr-viewer') as SifaVrViewer;
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  const ready = new Promise<VrReadyDetail>((resolve) => el.addEventListener('sifa-vr-ready', (e) => resolve(e.detail), { once: true }));
  document.body.append(el);
  return { el, root: el.shadowRoot!, ready: await ready };
}

const centre = (el: SifaVrViewer) => {
  const r = el['renderer']!;
  return r.sample(el.view, r.canvas.width / 2, r.canvas.height / 2).slice(0, 3);
};

describe('<sifa-vr-viewer> with the tours plugin', () => {
  it('shows the latest version from the server’s image routes; Enter on a scene hotspot switches scene', async () => {
    const { el, root, ready } = await mount({ tour: tourId });
    expect(ready).toMatchObject({ tourId, version: 2, sceneId: 'hall', webgl: true });
    expect(root.querySelector('h2')!.textContent).toContain('测试司法所');
    await eventually(() => root.querySelector('progress') === null, { what: 'the full-size image' });
    for (const [yaw, pitch] of [[20, 20], [70, 20], [-120, -30], [175, 40]] as const) {
      el.view = { yaw, pitch, fov: 60 };
      expect(centre(el), `yaw ${yaw} pitch ${pitch}`).toEqual(patternColor(yaw, pitch));
    }
    el.view = { yaw: 0, pitch: 0, fov: 90 };
    const spot = await eventually(() => {
      const b = root.querySelector<HTMLButtonElement>('.spot[data-id="to-room"]');
      return b && !b.hidden ? b : null;
    }, { what: 'the hotspot' });
    const scenes: VrSceneDetail[] = [];
    el.addEventListener('sifa-vr-scene', (e) => scenes.push(e.detail));
    spot.focus();
    await userEvent.keyboard('{Enter}');
    expect(scenes).toEqual([{ tourId, version: 2, sceneId: 'room', previousSceneId: 'hall', cause: 'hotspot' }]);
    await eventually(() => centre(el).join() === '255,0,255', { what: 'the room drawn' });
    expect(describeViolations(await axeViolations(el))).toEqual([]);
  });

  it('an archived version shows its own scenes', async () => {
    const { el, root } = await mount({ tour: tourId, lang: 'zh-CN' });
    const select = root.querySelector<HTMLSelectElement>('label.version select')!;
    expect([...select.options].map((o) => o.value)).toEqual(['2', '1']);
    select.value = '1';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await eventually(() => root.querySelector('h2')?.textContent?.includes('旧大厅'), { what: 'version 1' });
    expect(root.querySelector('.archived')!.textContent).toContain('第 1 版');
    expect(root.querySelectorAll('.spot')).toHaveLength(0);
    await eventually(() => centre(el).join() === '0,255,0', { what: 'version 1 drawn' });
    // Straight to an archived version by attribute.
    const archived = await mount({ tour: tourId, version: '1' });
    expect(archived.ready).toMatchObject({ version: 1, sceneId: 'old-hall' });
  });

  it('shows the seeded demo tours', async () => {
    configureSifa({ endpoint, publishableKey, getToken: undefined, tokenUrl: undefined, fetch: undefined });
    const list = await new SifaClient({ endpoint, publishableKey }).query<Pick<ToursApi, keyof ToursApi>, 'tours.list'>('tours.list', {});
    const demo = list.find((t) => t.id !== tourId && t.latestVersion !== null);
    expect(demo, 'a seeded demo tour').toBeDefined();
    const { el, ready } = await mount({ tour: demo!.id });
    expect(ready.webgl).toBe(true);
    // The demo panoramas are drawn (not a blank or black canvas).
    const samples = new Set<string>();
    for (const yaw of [0, 90, 180, -90]) {
      el.view = { yaw, pitch: 0, fov: 90 };
      samples.add(centre(el).join());
    }
    expect(samples.size).toBeGreaterThan(1);
  });

  it('a tour that does not exist', async () => {
    configureSifa({ endpoint, publishableKey, getToken: undefined, tokenUrl: undefined, fetch: undefined });
    const el = document.createElement('sifa-vr-viewer');
    el.setAttribute('tour', 'no-such-tour');
    document.body.append(el);
    const alert = await eventually(() => el.shadowRoot!.querySelector('[role="alert"]'), { what: 'the error' });
    expect(alert.getAttribute('data-error')).toBe('tourNotFound');
  });
});
