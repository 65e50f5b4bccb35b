/**
 * <sifa-legal-map> against in-memory DEMO data (./legal-map-fake.ts): the offline base map of
 * Chifeng's counties, clusters, search, filters, popups. Locale and theme come from the toolbar.
 * Base maps that need the internet (Tianditu with a key, raster tiles) are stories too; they show
 * tiles only where the browser can reach them.
 */
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { useLegalMapFake } from './legal-map-fake.js';
import '../src/legal-map/define.js';

interface LegalMapArgs {
  basemap: string;
  'basemap-crs': string;
  'tianditu-key': string;
  tiles: string;
  'tour-href': string;
}

const meta: Meta<LegalMapArgs> = {
  title: 'Widgets/sifa-legal-map',
  component: 'sifa-legal-map',
  args: { basemap: 'offline', 'basemap-crs': 'wgs84', 'tianditu-key': '', tiles: '', 'tour-href': '/tours/{tourId}' },
  argTypes: {
    basemap: { control: 'inline-radio', options: ['offline', 'tianditu-vec', 'tianditu-img', 'raster'], description: 'Base map; offline needs no network.' },
    'basemap-crs': { control: 'inline-radio', options: ['wgs84', 'gcj02', 'bd09'], description: 'Coordinate system the base map is drawn in.' },
    'tianditu-key': { control: 'text', description: 'The host’s Tianditu key (tk).' },
    tiles: { control: 'text', description: 'Raster tile URL template for basemap="raster".' },
    'tour-href': { control: 'text', description: 'Link template of VR tours ({tourId}, {id}).' },
  },
  render: (args, context) => {
    useLegalMapFake();
    const theme = String(context.globals['theme'] ?? 'light');
    return html`<sifa-legal-map
      theme=${theme}
      basemap=${args.basemap}
      basemap-crs=${args['basemap-crs']}
      tianditu-key=${ifDefined(args['tianditu-key'] || undefined)}
      tiles=${ifDefined(args.tiles || undefined)}
      tour-href=${ifDefined(args['tour-href'] || undefined)}
    ></sifa-legal-map>`;
  },
};
export default meta;

type Story = StoryObj<LegalMapArgs>;

export const Offline: Story = {};

/** Vertical traditional Mongolian in the list and popup; the map stays as it is. */
export const Mongolian: Story = { globals: { locale: 'mn-Mong' } };

export const Dark: Story = { globals: { theme: 'dark' } };

/** Tianditu imagery with its label layer: set your own key (needs the internet). */
export const TiandituImagery: Story = { args: { basemap: 'tianditu-img' } };
