/**
 * @sifa/plugin-diary, common half (browser-safe: no drizzle, no Node APIs): the manifest of the
 * work diary (工作日志) — permissions, the metrics its entries feed, a DEMO catalogue of diary
 * items and DEMO dashboard entry points over those metrics (typed by @sifa/core entry-points.ts)
 * — the zod schemas of its procedures, and the types widgets and integrators use: `DiaryApi`
 * (inferred from the router), entries, months and the catalogue. The server half is
 * `@sifa/plugin-diary/server`; `<sifa-diary>` imports the types only (`import type`). The items'
 * field specs are the platform's contract (@sifa/core diary-items.ts): any plugin contributes items.
 */
import { z } from 'zod';
import { definePlugin, type ApiOf, type PluginErrorDetailsOf } from '@sifa/core';
import { demoDiaryItems, diaryMetrics } from './catalogue.js';
import { diaryEntryPointGroups, diaryEntryPoints } from './entry-points.js';
import type { DiaryRouter } from './server/plugin.js';

export { demoDiaryItems, diaryMetrics } from './catalogue.js';
export { diaryEntryPointGroups, diaryEntryPoints } from './entry-points.js';
export * from './schemas.js';
/** The procedures the diary plugin serves under `diary.` (path → type, input, output). */
export type DiaryApi = ApiOf<DiaryRouter, 'diary'>;

export const diaryManifest = definePlugin({
  id: 'diary',
  version: '0.1.0',
  core: '^0.1.0',
  title: { zh: '工作日志', en: 'Work diary' },
  description: {
    zh: '司法所工作日志：一次填报，数据自动进入统计、考核等各项应用。所附日志事项为演示目录（非官方标准），可由插件替换或扩充。',
    en: "The judicial office's work diary: entered once, used by statistics, assessment and every other widget. The bundled diary items are a DEMO catalogue (not an official standard); plugins replace or extend it.",
  },
  permissions: [
    {
      name: 'diary.read',
      title: { zh: '查看工作日志', en: 'Read the work diary' },
      roles: ['city_admin', 'county_admin', 'office_staff'],
    },
    {
      // Office staff only: the diary is an office's own record of its work, and it feeds the
      // office's assessment. County and city admins supervise and assess it (diary.read); if
      // they could write entries under an office's name, the assessor would be filling in the
      // assessed's record.
      name: 'diary.write',
      title: { zh: '填报工作日志', en: 'Write work diary entries' },
      roles: ['office_staff'],
    },
  ],
  errors: {
    /**
     * An entry breaks one of its item's cross-field rules (`DiaryItem.rules`: agreements reached ≤
     * disputes mediated …): VALIDATION_FAILED with an issue on each rule's field, in the caller's
     * language; the details name the first broken rule's two fields.
     */
    ruleBroken: {
      code: 'VALIDATION_FAILED',
      details: z.object({ itemCode: z.string(), field: z.string(), other: z.string(), kind: z.enum(['atMost', 'atLeast']), factor: z.number() }),
    },
    /** A change made for one user (`author`) arrived with another user's token: nothing is written; it waits for its author. */
    otherUser: { code: 'CONFLICT', details: z.object({ author: z.string() }) },
  },
  contributes: {
    metrics: [...diaryMetrics],
    diaryItems: demoDiaryItems,
    entryPointGroups: diaryEntryPointGroups,
    entryPoints: diaryEntryPoints,
  },
});

/** The diary's declared errors (`isPluginError(error, 'diary.ruleBroken')` narrows their details). */
export type DiaryErrorDetails = PluginErrorDetailsOf<typeof diaryManifest>;
declare module '@sifa/core' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface PluginErrorDetails extends DiaryErrorDetails {}
}
