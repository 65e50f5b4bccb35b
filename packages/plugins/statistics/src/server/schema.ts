/**
 * The statistics plugin's one table: the month's figures per org as reported upstream
 * (`statistics_monthly_figures`), written by the `statistics.monthly-report` job on the 1st of
 * each month and downloadable as CSV or JSON (`GET /plugins/statistics/monthly-report`). One row
 * per (month, org, metric), zeros included: what was reported stays as it was reported, even when
 * entries of that month are corrected later (a re-run of the job replaces the month's rows and
 * says so in `revision`). Owned by the org the figure is about, so row-level security gives each
 * admin the figures of their own subtree.
 */
import { doublePrecision, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { orgColumns, orgScopePolicy } from '@sifa/core/db';

export const monthlyFigures = pgTable(
  'statistics_monthly_figures',
  {
    month: text('month').notNull(),
    ...orgColumns(),
    level: text('level').notNull(),
    parentCode: text('parent_code'),
    metric: text('metric').notNull(),
    /** The org's subtree total for the month, aggregated as the metric declares (sum, max, …). */
    value: doublePrecision('value').notNull(),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull(),
    /** 1 for the first run of the month, 2 for the next … */
    revision: integer('revision').notNull(),
  },
  (t) => [
    uniqueIndex('statistics_monthly_figures_key').on(t.month, t.orgCode, t.metric),
    index('statistics_monthly_figures_scope_idx').on(t.month, t.orgPath.op('text_pattern_ops')),
    orgScopePolicy('statistics_monthly_figures'),
  ],
).enableRLS();
