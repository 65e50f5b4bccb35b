/**
 * The assessment tables, org-owned (row-level security by org path):
 * - `assessment_standards`: one row per standard, owned by an org (usually the city) for a year;
 *   it applies to the owner's subtree. One standard per owner and year.
 * - `assessment_standard_versions`: the versions of a standard, each its whole body as JSON; at
 *   most one draft, published versions frozen (a trigger refuses UPDATE and DELETE of them), so
 *   a score that names a version can always be computed again.
 *
 * Besides the subtree policy every org-owned table carries, both tables let a scope read the
 * rows of its ancestors (published versions only): an office reads the city's standard that
 * applies to it, but cannot change it, nor see a draft.
 */
import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgPolicy, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { AssessmentStandardBody } from '../types.js';
import { orgColumns, orgScopePolicy, sifaAppRole } from '@sifa/core/db';

export const assessmentStandards = pgTable(
  'assessment_standards',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ...orgColumns(),
    year: integer('year').notNull(),
    /** The version scores use (the latest published), null while only a draft exists. */
    publishedVersion: integer('published_version'),
    draftVersion: integer('draft_version'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    createdBy: text('created_by').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('assessment_standards_owner_year_idx').on(t.orgCode, t.year),
    index('assessment_standards_scope_idx').on(t.orgPath.op('text_pattern_ops'), t.year),
    orgScopePolicy('assessment_standards'),
    pgPolicy('assessment_standards_ancestor_read', {
      as: 'permissive',
      for: 'select',
      to: sifaAppRole,
      using: sql`published_version IS NOT NULL AND sifa_scope_path() LIKE org_path || '%'`,
    }),
  ],
).enableRLS();

export const assessmentStandardVersions = pgTable(
  'assessment_standard_versions',
  {
    standardId: uuid('standard_id')
      .notNull()
      .references(() => assessmentStandards.id),
    ...orgColumns(),
    version: integer('version').notNull(),
    status: text('status', { enum: ['draft', 'published'] }).notNull(),
    body: jsonb('body').$type<AssessmentStandardBody>().notNull(),
    /** SHA-256 (hex) of the body's canonical JSON. */
    sha256: text('sha256').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    createdBy: text('created_by').notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    publishedBy: text('published_by'),
  },
  (t) => [
    primaryKey({ columns: [t.standardId, t.version] }),
    index('assessment_standard_versions_scope_idx').on(t.orgPath.op('text_pattern_ops')),
    check('assessment_standard_versions_version_check', sql`${t.version} >= 1`),
    orgScopePolicy('assessment_standard_versions'),
    pgPolicy('assessment_standard_versions_ancestor_read', {
      as: 'permissive',
      for: 'select',
      to: sifaAppRole,
      using: sql`status = 'published' AND sifa_scope_path() LIKE org_path || '%'`,
    }),
  ],
).enableRLS();

export type StandardRow = typeof assessmentStandards.$inferSelect;
export type StandardVersionRow = typeof assessmentStandardVersions.$inferSelect;
