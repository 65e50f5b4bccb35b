/**
 * <sifa-vr-viewer> with a generated DEMO tour (test-pattern panoramas, not photographs) answered
 * from memory: `tours.get` is intercepted in the page configuration's fetch, everything else goes
 * to the fetch configured before (the diary's fake server). Locale and theme from the toolbar.
 */
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { Hotspot, Scene, TourVersion } from '@sifa/plugin-tours';
import { configureSifa, getSifaConfig } from '../src/config/config.js';
import { patternPng } from '../src/vr-viewer/test-pattern.js';
import '../src/vr-viewer/define.js';

const t = (zh: string, en: string) => ({ zh: `${zh}（演示）`, en: `${en} (demo)` });

async function image(width: number, solid?: [number, number, number]): Promise<string> {
  return URL.createObjectURL(new Blob([await patternPng(width, solid)], { type: 'image/png' }));
}

async function scene(id: string, title: ReturnType<typeof t>, solid: [number, number, number] | undefined, hotspots: Hotspot[]): Promise<Scene> {
  const [url, previewUrl] = await Promise.all([image(2048, solid), image(1024, solid)]);
  return { id, title, image: { url, width: 2048, height: 1024, previewUrl, previewWidth: 1024, previewHeight: 512, bytes: 0 }, initialView: { yaw: 0, pitch: 0, fov: 90 }, northOffset: 0, hotspots };
}

let demo: Promise<Record<string, TourVersion>> | null = null;
function demoTour(): Promise<Record<string, TourVersion>> {
  demo ??= (async () => {
    const d = { description: null };
    const hall = await scene('hall', t('接待大厅', 'Reception hall'), undefined, [
      { ...d, id: 'room', kind: 'scene', yaw: 10, pitch: 5, title: t('人民调解室', 'Mediation room'), targetSceneId: 'room' },
      { ...d, id: 'pledge', kind: 'info', yaw: 30, pitch: -5, title: t('服务承诺', 'Service pledge'), description: t('一次告知，限时办结。', 'Told once, done on time.') },
      { ...d, id: 'aid', kind: 'link', yaw: -30, pitch: 0, title: t('申请法律援助', 'Apply for legal aid'), url: 'https://example.gov.cn/' },
      { ...d, id: 'map', kind: 'widget', yaw: -60, pitch: -10, title: t('附近的法律服务', 'Legal services nearby'), element: 'sifa-legal-map', attributes: { 'org-code': '150402' } },
    ]);
    const room = await scene('room', t('人民调解室', 'Mediation room'), [200, 120, 60], [{ ...d, id: 'back', kind: 'scene', yaw: 180, pitch: 0, title: t('回到大厅', 'Back to the hall'), targetSceneId: 'hall' }]);
    const old = await scene('old', t('旧大厅', 'Old hall'), [90, 140, 200], []);
    const versions = [
      { version: 2, publishedAt: '2026-10-01T08:00:00.000Z', note: null },
      { version: 1, publishedAt: '2025-05-01T08:00:00.000Z', note: null },
    ];
    const common = { tourId: 'demo', orgCode: '150402001', kind: 'office' as const, title: t('红山区司法所', 'Hongshan judicial office'), versions };
    const latest: TourVersion = { ...common, version: 2, publishedAt: versions[0]!.publishedAt, firstSceneId: 'hall', scenes: [hall, room] };
    return { latest, '2': latest, '1': { ...common, version: 1, publishedAt: versions[1]!.publishedAt, firstSceneId: 'old', scenes: [old] } };
  })();
  return demo;
}

let installed = false;
function useFakeTours(): void {
  if (installed) return;
  installed = true;
  const inner = getSifaConfig()?.fetch ?? fetch.bind(globalThis);
  configureSifa({
    publishableKey: getSifaConfig()?.publishableKey ?? 'pk_storybook_demo',
    fetch: async (input, init) => {
      const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
      const paths = url.pathname.split('/trpc/')[1]?.split(',') ?? [];
      if (paths.length === 0 || !paths.every((p) => p === 'tours.get')) return inner(input, init);
      const tours = await demoTour();
      const raw: unknown = JSON.parse(url.searchParams.get('input') ?? 'null');
      const answer = (args: { version?: number }) => ({ result: { data: tours[String(args.version ?? 'latest')] } });
      const body = url.searchParams.get('batch') === '1' ? paths.map((_, i) => answer((raw as Record<number, { version?: number }>)[i]!)) : answer(raw as { version?: number });
      return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
    },
  });
}

interface ViewerArgs {
  autorotate: boolean;
  version: string;
}

const meta: Meta<ViewerArgs> = {
  title: 'Widgets/sifa-vr-viewer',
  component: 'sifa-vr-viewer',
  args: { autorotate: false, version: '' },
  argTypes: {
    autorotate: { control: 'boolean', description: 'Turn slowly until the user interacts.' },
    version: { control: 'inline-radio', options: ['', '1', '2'], description: 'An archived version (empty: the latest).' },
  },
  render: (args, context) => {
    useFakeTours();
    const theme = String(context.globals['theme'] ?? 'light');
    return html`<sifa-vr-viewer tour="demo" theme=${theme} version=${ifDefined(args.version || undefined)} ?autorotate=${args.autorotate}></sifa-vr-viewer>`;
  },
};
export default meta;

type Story = StoryObj<ViewerArgs>;

export const Default: Story = {};

/** Turning by itself (stops on the first interaction; never with prefers-reduced-motion). */
export const Autorotate: Story = { args: { autorotate: true } };

/** The archive: version 1 with its own scene. */
export const ArchivedVersion: Story = { args: { version: '1' } };

/** 适老化: large type and targets. */
export const Elderly: Story = { globals: { theme: 'elderly' } };
