/**
 * The tours tables, all org-owned (row-level security by org path):
 * - `tours_tours`: one row per tour with its editable draft (one JSON document, saved whole);
 * - `tours_versions`: published versions, each a frozen JSON snapshot of the draft at publish
 *   time (append-only: a trigger refuses UPDATE and DELETE);
 * - `tours_images`: uploaded panoramas by SHA-256 of their bytes, with their preview, stored in
 *   the database so both engines and every backup carry them. Snapshots reference images by
 *   hash; an image never changes, so a snapshot plus its images is the version exactly.
 */
import { customType, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { LocalizedText } from '@sifa/core';
import { orgColumns, orgScopePolicy } from '@sifa/core/db';
import { tourKinds, type TourDraft } from '../schemas.js';
import type { TourKind } from '../types.js';

/** bytea as a Node Buffer on both drivers (PGlite gives a Uint8Array, postgres.js a Buffer). */
const bytea = customType<{ data: Buffer; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  toDriver: (value) => value,
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value.buffer, value.byteOffset, value.byteLength)),
});

export const tours = pgTable(
  'tours_tours',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ...orgColumns(),
    kind: text('kind', { enum: tourKinds }).notNull(),
    draft: jsonb('draft').$type<TourDraft>().notNull(),
    /** Bumped by every draft save; a save naming an older revision is refused (CONFLICT). */
    draftRevision: integer('draft_revision').notNull().default(0),
    latestVersion: integer('latest_version'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('tours_tours_scope_idx').on(t.orgPath.op('text_pattern_ops')), orgScopePolicy('tours_tours')],
).enableRLS();

/** What a published version freezes: the draft as validated, with the tour's kind at the time. */
export interface TourSnapshot {
  kind: TourKind;
  draft: TourDraft;
  /** The images the draft references, as they were (dimensions for the public shape). */
  images: Record<string, ImageRef>;
}

export interface ImageRef {
  sha256: string;
  ext: 'jpg' | 'png' | 'webp';
  width: number;
  height: number;
  previewWidth: number;
  previewHeight: number;
  bytes: number;
}

export const tourVersions = pgTable(
  'tours_versions',
  {
    tourId: uuid('tour_id')
      .notNull()
      .references(() => tours.id),
    ...orgColumns(),
    version: integer('version').notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull(),
    publishedBy: text('published_by').notNull(),
    note: jsonb('note').$type<LocalizedText>(),
    snapshot: jsonb('snapshot').$type<TourSnapshot>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.tourId, t.version] }), index('tours_versions_scope_idx').on(t.orgPath.op('text_pattern_ops')), orgScopePolicy('tours_versions')],
).enableRLS();

export const tourImages = pgTable(
  'tours_images',
  {
    ...orgColumns(),
    sha256: text('sha256').notNull(),
    mimeType: text('mime_type', { enum: ['image/jpeg', 'image/png', 'image/webp'] }).notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    bytes: integer('bytes').notNull(),
    data: bytea('data').notNull(),
    /** JPEG, at most 2048 px wide, same 2:1 projection. */
    preview: bytea('preview').notNull(),
    previewWidth: integer('preview_width').notNull(),
    previewHeight: integer('preview_height').notNull(),
    uploadedBy: text('uploaded_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgCode, t.sha256] }),
    index('tours_images_sha_idx').on(t.sha256),
    index('tours_images_scope_idx').on(t.orgPath.op('text_pattern_ops')),
    orgScopePolicy('tours_images'),
  ],
).enableRLS();

export type TourRow = typeof tours.$inferSelect;
export type TourVersionRow = typeof tourVersions.$inferSelect;
export type TourImageRow = typeof tourImages.$inferSelect;
