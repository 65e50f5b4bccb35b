/**
 * @sifa/plugin-statistics, common half (browser-safe): the manifest of the statistics dashboard
 * (数据统计), the zod schemas of its procedures' inputs, and the types widgets and integrators
 * use: `StatisticsApi` (inferred from the router) and the views it serves. The entry points it
 * serves are contributed by the plugins that own their metrics (`contributes.entryPoints`, typed
 * by @sifa/core `entry-points.ts`). The server half is `@sifa/plugin-statistics/server`;
 * `<sifa-dashboard>` imports the types only (`import type`), so none of this reaches its bundle.
 */
import { definePlugin, type ApiOf } from '@sifa/core';
import type { StatisticsRouter } from './server/plugin.js';

export * from './schemas.js';
export type * from './types.js';
/** The procedures the statistics plugin serves under `statistics.` (path → type, input, output). */
export type StatisticsApi = ApiOf<StatisticsRouter, 'statistics'>;
export { statisticsMessages, smsg, type StatisticsMessageKey } from './messages.js';

export const statisticsManifest = definePlugin({
  id: 'statistics',
  version: '0.1.0',
  core: '^0.1.0',
  title: { zh: '数据统计', en: 'Statistics' },
  description: {
    zh: '数据入口即配置：按单位层级和统计期汇总各插件记录的数据，支持环比、同比、下级对比、司法所排名、逐级下钻到原始记录，可导出 Excel 和 CSV，数据变化时实时刷新。数据入口由拥有相应指标的插件提供。',
    en: 'Entry points as data: figures of an org subtree over a period from the facts every plugin records, compared with the previous period or a year ago, broken down by child org, offices ranked, drilled down to the records, exported to Excel and CSV, and refreshed live. Entry points are contributed by the plugins that own their metrics.',
  },
  permissions: [
    {
      name: 'statistics.read',
      title: { zh: '查看数据统计', en: 'See the statistics' },
      roles: ['city_admin', 'county_admin', 'office_staff'],
    },
  ],
});
