/**
 * <sifa-correction-list> with DEMO records answered from memory: `correction.list` is intercepted in the
 * page configuration's fetch, everything else goes to the fetch configured before. Locale and
 * theme from the toolbar.
 */
import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { configureSifa, getSifaConfig } from '@sifa/components';
import type { CorrectionRecord } from '@sifa/plugin-correction';
import './define.js';

const demoRecords: CorrectionRecord[] = [
  { id: '00000000-0000-4000-8000-000000000003', orgCode: '150402001', title: '演示记录三', day: '2026-03-06', people: 5, createdAt: '2026-03-06T02:00:00.000Z' },
  { id: '00000000-0000-4000-8000-000000000002', orgCode: '150402001', title: '演示记录二', day: '2026-03-05', people: 1, createdAt: '2026-03-05T02:00:00.000Z' },
  { id: '00000000-0000-4000-8000-000000000001', orgCode: '150402002', title: '演示记录一', day: '2026-03-02', people: 12, createdAt: '2026-03-02T02:00:00.000Z' },
];

let installed = false;
let current: CorrectionRecord[] = [];

/** Answers `correction.list` with `records` (installed once in the page configuration). */
function useDemoRecords(records: CorrectionRecord[]): void {
  current = records;
  if (installed) return;
  installed = true;
  const inner = getSifaConfig()?.fetch ?? fetch.bind(globalThis);
  configureSifa({
    publishableKey: getSifaConfig()?.publishableKey ?? 'pk_storybook_demo',
    fetch: async (input, init) => {
      const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
      const paths = url.pathname.split('/trpc/')[1]?.split(',') ?? [];
      if (paths.length === 0 || !paths.every((p) => p === 'correction.list')) return inner(input, init);
      const answer = { result: { data: current } };
      const body = url.searchParams.get('batch') === '1' ? paths.map(() => answer) : answer;
      return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
    },
  });
}

const meta: Meta = {
  title: 'Widgets/sifa-correction-list',
  component: 'sifa-correction-list',
};
export default meta;

const story = (records: CorrectionRecord[]): StoryObj => ({
  render: (_args, context) => {
    useDemoRecords(records);
    return html`<sifa-correction-list theme=${String(context.globals['theme'] ?? 'light')}></sifa-correction-list>`;
  },
});

/** An office's latest records. */
export const Records = story(demoRecords);

/** Nothing recorded yet. */
export const Empty = story([]);
