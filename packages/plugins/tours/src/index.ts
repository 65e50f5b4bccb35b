/**
 * @sifa/plugin-tours, common half (browser-safe): the manifest of VR panorama tours (VR 全景),
 * the zod schemas of a tour draft, and the types widgets and integrators use: `ToursApi`
 * (inferred from the router) and the tours, versions and scenes it serves. The server half is
 * `@sifa/plugin-tours/server`; `<sifa-vr-viewer>` imports the types only (`import type`).
 */
import { z } from 'zod';
import { definePlugin, type ApiOf, type PluginErrorDetailsOf } from '@sifa/core';
import type { ToursRouter } from './server/plugin.js';

export * from './schemas.js';
export type * from './types.js';
/** The procedures the tours plugin serves under `tours.` (path → type, input, output). */
export type ToursApi = ApiOf<ToursRouter, 'tours'>;

export const toursManifest = definePlugin({
  id: 'tours',
  version: '0.1.0',
  core: '^0.1.0',
  title: { zh: 'VR 全景', en: 'VR panorama tours' },
  description: {
    zh: '司法所和法治宣传教育阵地的 VR 全景：场景、热点，发布后版本冻结存档。',
    en: 'VR panorama tours of judicial offices and law-education sites: scenes and hotspots; every published version is frozen and archived.',
  },
  errors: {
    /**
     * A panorama with more pixels than the budget (read from its header, before any decoding):
     * `maxPixels`, and the 2:1 size that fills it.
     */
    panoramaTooManyPixels: {
      code: 'PAYLOAD_TOO_LARGE',
      details: z.object({ width: z.int(), height: z.int(), maxPixels: z.int(), maxWidth: z.int(), maxHeight: z.int() }),
    },
  },
  permissions: [
    {
      name: 'tours.write',
      title: { zh: '编辑和发布 VR 全景', en: 'Edit and publish VR tours' },
      roles: ['city_admin', 'county_admin', 'office_staff'],
    },
  ],
});

/** The details of the tours plugin's declared errors, by `tours.<name>`. */
export type ToursErrorDetails = PluginErrorDetailsOf<typeof toursManifest>;

// `isPluginError(error, 'tours.panoramaTooManyPixels')` narrows to these details wherever this entry is imported.
declare module '@sifa/core' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface PluginErrorDetails extends ToursErrorDetails {}
}
