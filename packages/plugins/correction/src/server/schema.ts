/**
 * The plugin's table. Org-owned: `orgColumns()` (org_code, org_path) and `orgScopePolicy()`, so
 * row-level security limits every row to the subtree a request runs in; the `text_pattern_ops`
 * index on org_path serves "this unit and everything under it" (`inSubtree`). After changing it:
 * `pnpm --filter @sifa/plugin-correction db:generate --name <what-changed>` and commit the migration.
 */
import { date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { orgColumns, orgScopePolicy } from '@sifa/core/db';

export const correctionRecords = pgTable(
  'correction_records',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ...orgColumns(),
    title: text('title').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    people: integer('people').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('correction_records_scope_idx').on(t.orgPath.op('text_pattern_ops'), t.day), orgScopePolicy('correction_records')],
).enableRLS();

export type CorrectionRecordRow = typeof correctionRecords.$inferSelect;
