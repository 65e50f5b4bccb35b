/**
/**
 * The zod schemas of the procedures' inputs, shared by the server and any editor UI
 * (browser-safe). Their types are the contract: the inputs a widget passes (`z.input`). Entry
 * points themselves are a platform contribution (`entryPointDefinitionSchema`,
 * `EntryPointDefinition` in @sifa/core `entry-points.ts`), declared by the plugins owning their
 * metrics.
 */
import { z } from 'zod';
import { entryPointIdSchema, metricCodeSchema, orgCodeSchema, periodSchema } from '@sifa/core';
import { smsg } from './messages.js';

/** The periods a view can be compared against. */
export const comparisons = ['none', 'previous', 'year-ago'] as const;
export type Comparison = (typeof comparisons)[number];

export const statisticsViewInputSchema = z.object({
  entry: entryPointIdSchema,
  /** Root of the subtree shown; the caller's own org when absent. */
  orgCode: orgCodeSchema.optional(),
  /** A year `2026`, quarter `2026-Q3` or month `2026-07` (see @sifa/core periods.ts). */
  period: periodSchema,
  compare: z.enum(comparisons, smsg('compare')).optional(),
});
/** Input of `statistics.view` and `statistics.watch`. */
export type StatisticsViewInput = z.input<typeof statisticsViewInputSchema>;

/** At most this many records per page of `statistics.entries`. */
export const maxEntriesLimit = 200;
/** The furthest page start. */
export const maxEntriesOffset = 1_000_000;

export const statisticsEntriesInputSchema = z.object({
  orgCode: orgCodeSchema,
  period: periodSchema,
  metric: metricCodeSchema,
  limit: z.int(smsg('limit')).min(1, smsg('limit')).max(maxEntriesLimit, smsg('limit')).optional(),
  offset: z.int(smsg('offset')).min(0, smsg('offset')).max(maxEntriesOffset, smsg('offset')).optional(),
});
/** Input of `statistics.entries`. */
export type StatisticsEntriesInput = z.input<typeof statisticsEntriesInputSchema>;

export const exportFormats = ['xlsx', 'csv'] as const;
export type ExportFormat = (typeof exportFormats)[number];
export const exportLocales = ['zh', 'en', 'mn'] as const;
export type ExportLocale = (typeof exportLocales)[number];

/** At most this many records go into an export of the records behind an item. */
export const maxExportRecords = 10_000;

/**
 * The query string of `GET /plugins/statistics/export`: the view, plus what the screen shows of
 * it: `figure` (the key of the figure charted, which the ranking follows) and `item` (a metric
 * whose records are open: the export is then those records).
 */
export const statisticsExportQuerySchema = statisticsViewInputSchema.extend({
  format: z.enum(exportFormats, smsg('format')).default('xlsx'),
  locale: z.enum(exportLocales, smsg('locale')).default('zh'),
  figure: z.string().max(200).optional(),
  item: metricCodeSchema.optional(),
});
export type StatisticsExportQuery = z.output<typeof statisticsExportQuerySchema>;

/** A calendar month, `YYYY-MM`. */
export const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, smsg('month'));

/**
 * `GET /plugins/statistics/monthly-report?month=&orgCode=&format=csv|json&locale=zh|en`: the
 * month's figures per org of the subtree of `orgCode` (the caller's own when absent) as the
 * `statistics.monthly-report` job recorded them. Format: docs/integrators.md.
 */
export const monthlyReportQuerySchema = z.object({
  month: monthSchema,
  orgCode: orgCodeSchema.optional(),
  format: z.enum(['csv', 'json'], smsg('reportFormat')).default('csv'),
  locale: z.enum(['zh', 'en'], smsg('reportLocale')).default('zh'),
});
export type MonthlyReportQuery = z.output<typeof monthlyReportQuerySchema>;

/** `statistics.monthlyReports`: the months recorded for the caller's subtree (or `orgCode`'s). */
export const monthlyReportsInputSchema = z.object({ orgCode: orgCodeSchema.optional() }).default({});

/** The result of `statistics.monthlyReports` (the OpenAPI document's; `MonthlyReportSummary[]`). */
export const monthlyReportSummariesSchema = z.array(
  z.object({ month: z.string(), revision: z.number().int(), computedAt: z.string().describe('ISO 8601'), orgs: z.number().int() }),
);
