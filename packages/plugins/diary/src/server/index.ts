/** @sifa/plugin-diary/server: the diary's server half (Node: drizzle table, migrations, router). */
export { createDiaryPlugin, diaryPluginOptionsSchema, dayIn, maxMonthEntries, saveLockKey, type DiaryPluginOptions, type DiaryRouter } from './plugin.js';
export { diaryEntries, type DiaryEntryRow } from './schema.js';
export { diaryManifest, demoDiaryItems, diaryMetrics } from '../index.js';
