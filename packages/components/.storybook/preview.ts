import { html } from 'lit';
import type { Decorator, Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import { themes } from '../src/config/config.js';
import { useFakeServer } from '../stories/fake-server.js';

// The manifest is a build output (cem analyze in build:embed); controls and docs use it when present.
const manifests = import.meta.glob<Record<string, unknown>>('../custom-elements.json', { eager: true, import: 'default' });
const manifest = Object.values(manifests)[0];
if (manifest) setCustomElementsManifest(manifest);

useFakeServer();

const backgrounds: Record<string, string> = { light: '#ffffff', dark: '#121212', 'high-contrast': '#ffffff', elderly: '#ffffff' };

/** Locale and theme from the toolbar: the page's lang (widgets follow it) and each story's theme. */
const withLocaleAndTheme: Decorator = (story, context) => {
  const locale = String(context.globals['locale'] ?? 'zh-CN');
  const theme = String(context.globals['theme'] ?? 'light');
  document.documentElement.lang = locale;
  document.body.style.background = backgrounds[theme] ?? '#ffffff';
  return html`<div class="sifa-story" lang=${locale} data-theme=${theme}>${story()}</div>`;
};

const preview: Preview = {
  globalTypes: {
    locale: {
      description: 'Widget language',
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        dynamicTitle: true,
        items: [
          { value: 'zh-CN', title: '中文 (zh-CN)' },
          { value: 'en', title: 'English (en)' },
          { value: 'mn-Mong', title: 'ᠮᠣᠩᠭᠣᠯ (mn-Mong)' },
        ],
      },
    },
    theme: {
      description: 'Widget theme',
      toolbar: { title: 'Theme', icon: 'paintbrush', dynamicTitle: true, items: themes.map((t) => ({ value: t, title: t })) },
    },
  },
  initialGlobals: { locale: 'zh-CN', theme: 'light' },
  decorators: [withLocaleAndTheme],
  parameters: {
    controls: { expanded: true },
    layout: 'padded',
  },
};
export default preview;
