/**
 * <sifa-diary> against the in-memory fake server (./fake-server.ts): DEMO catalogue and entries.
 * Locale and theme come from the toolbar; each story gets its own offline storage.
 */
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { fakeServer, type FakeMode } from './fake-server.js';
import '../src/diary/define.js';

interface DiaryArgs {
  'org-code': string;
  mode: FakeMode;
}

let storyCount = 0;

const meta: Meta<DiaryArgs> = {
  title: 'Widgets/sifa-diary',
  component: 'sifa-diary',
  args: { 'org-code': '150402001', mode: 'online' },
  argTypes: {
    'org-code': { control: 'text', description: 'The judicial office (9-digit code) whose diary is shown.' },
    mode: { control: 'inline-radio', options: ['online', 'slow', 'offline'], description: 'How the (fake) server answers.' },
  },
  render: (args, context) => {
    fakeServer.mode = args.mode;
    const theme = String(context.globals['theme'] ?? 'light');
    // A fresh outbox per rendering, so one story's queued changes never show up in another.
    const storageKey = `storybook-${context.id}-${++storyCount}`;
    return html`<sifa-diary org-code=${ifDefined(args['org-code'] || undefined)} theme=${theme} storage-key=${storageKey}></sifa-diary>`;
  },
};
export default meta;

type Story = StoryObj<DiaryArgs>;

export const Default: Story = {};

/** Answers take 1.5 s: the loading states. */
export const SlowNetwork: Story = { args: { mode: 'slow' } };

/** No network: changes wait in the device's outbox and sync when the server answers again. */
export const Offline: Story = { args: { mode: 'offline' } };

/** Vertical traditional Mongolian script. */
export const Mongolian: Story = { globals: { locale: 'mn-Mong' } };

/** 适老化: large type and targets. */
export const Elderly: Story = { globals: { theme: 'elderly' } };
