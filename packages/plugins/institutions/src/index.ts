/**
 * @sifa/plugin-institutions, common half (browser-safe: no drizzle, no Node APIs): the manifest
 * of the legal-services map (数字法务地图) — its permission, the default lists of institution
 * types and services, the zod schemas, and the types widgets and integrators use:
 * `InstitutionsApi` (inferred from the router) and the institutions it serves. The server half is
 * `@sifa/plugin-institutions/server`; `<sifa-legal-map>` imports the types only (`import type`)
 * and takes region outlines from the platform (`OrgBoundariesApi`, @sifa/core).
 */
import { definePlugin, type ApiOf } from '@sifa/core';
import type { InstitutionsRouter } from './server/plugin.js';

export { defaultInstitutionServices, defaultInstitutionTypes, institutionMnDrafts } from './catalogue.js';
export { csvColumns, type CsvColumn } from './csv-format.js';
export * from './schemas.js';
export type * from './types.js';
/** The procedures the institutions plugin serves under `institutions.` (path → type, input, output). */
export type InstitutionsApi = ApiOf<InstitutionsRouter, 'institutions'>;

export const institutionsManifest = definePlugin({
  id: 'institutions',
  version: '0.1.0',
  core: '^0.1.0',
  title: { zh: '数字法务地图', en: 'Legal-services map' },
  description: {
    zh: '公共法律服务机构（公共法律服务中心、司法所、律师事务所、公证处等）的位置、服务与开放时间；公开查询，分级维护，支持 CSV / GeoJSON 导入导出。',
    en: 'Where the public legal-service institutions are (centres, judicial offices, law firms, notary offices …), what they offer and when they open; public reading, maintained by each unit, CSV / GeoJSON import and export.',
  },
  permissions: [
    {
      // Every level maintains its own entries: office staff their office's, county admins the
      // county's (row-level security and the org directory enforce the subtree).
      name: 'institutions.write',
      title: { zh: '维护法律服务机构信息', en: 'Maintain legal-service institutions' },
      roles: ['city_admin', 'county_admin', 'office_staff'],
    },
  ],
});
