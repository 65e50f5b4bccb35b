/**
 * @sifa/plugin-tours, common half (browser-safe): the manifest of VR panorama tours (VR 全景)
 * and the zod schemas of a tour draft. The server half is `@sifa/plugin-tours/server`; widgets
 * (`<sifa-vr-viewer>`) call its procedures typed with `ToursApi` from @sifa/core.
 */
import { definePlugin } from '@sifa/core';

export * from './schemas.js';

export const toursManifest = definePlugin({
  id: 'tours',
  version: '0.1.0',
  core: '^0.1.0',
  title: { zh: 'VR 全景', en: 'VR panorama tours' },
  description: {
    zh: '司法所和法治宣传教育阵地的 VR 全景：场景、热点，发布后版本冻结存档。',
    en: 'VR panorama tours of judicial offices and law-education sites: scenes and hotspots; every published version is frozen and archived.',
  },
  permissions: [
    {
      name: 'tours.write',
      title: { zh: '编辑和发布 VR 全景', en: 'Edit and publish VR tours' },
      roles: ['city_admin', 'county_admin', 'office_staff'],
    },
  ],
});
