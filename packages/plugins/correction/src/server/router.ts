/**
 * The plugin's procedures, mounted under `correction.`: a scoped query (`list`) and scoped mutations
 * (`create` stores a record and its facts; `issueReceipt` issues an official document about one).
 * A scoped procedure checks its permission, then runs in ONE transaction in which row-level
 * security limits every row to the caller's subtree; a mutation's audit entry joins it.
 */
import { desc, eq } from 'drizzle-orm';
import { createRouter, scopedProcedure, SifaError, type IssuedDocument } from '@sifa/core';
import { inSubtree } from '@sifa/core/db';
import { correctionSchemas } from '../schemas.js';
import type { CorrectionRecord } from '../types.js';
import { correctionRecords, type CorrectionRecordRow } from './schema.js';

const toRecord = (row: CorrectionRecordRow): CorrectionRecord => ({
  id: row.id,
  orgCode: row.orgCode,
  title: row.title,
  day: row.day,
  people: row.people,
  createdAt: row.createdAt.toISOString(),
});

const notFound = (id: string) =>
  new SifaError('NOT_FOUND', {
    message: { zh: '找不到这条记录，它可能不在您的管辖范围内。', en: 'This record was not found; it may be outside your area.' },
    details: { id },
  });

export const correctionRouter = createRouter({
  /** The records of the caller's subtree (or of one org's subtree inside it), newest day first. */
  list: scopedProcedure('correction.read')
    .input(correctionSchemas.list)
    .query(async ({ ctx, input }): Promise<CorrectionRecord[]> => {
      // An org outside the caller's subtree answers OUT_OF_SCOPE.
      const rootPath = input.orgCode ? (await ctx.orgs.get(input.orgCode)).path : ctx.scope.orgPath;
      const rows = await ctx.db
        .select()
        .from(correctionRecords)
        .where(inSubtree(correctionRecords.orgPath, rootPath))
        .orderBy(desc(correctionRecords.day), desc(correctionRecords.createdAt))
        .limit(input.limit);
      return rows.map(toRecord);
    }),

  /** Stores a record of an org in the caller's subtree and records its facts. */
  create: scopedProcedure('correction.write')
    .input(correctionSchemas.create)
    .mutation(async ({ ctx, input }): Promise<CorrectionRecord> => {
      const org = await ctx.orgs.get(input.orgCode);
      const [row] = await ctx.db
        .insert(correctionRecords)
        .values({ orgCode: org.code, orgPath: org.path, title: input.title, day: input.day, people: input.people, createdAt: ctx.now() })
        .returning();
      // The facts of a source replace what it recorded before, so an edit never counts twice and
      // every figure on the dashboard traces back to this record.
      await ctx.facts.recordForSource({ kind: 'correction.record', id: row!.id }, [
        { orgCode: org.code, day: input.day, metric: 'correction.records', value: 1 },
        { orgCode: org.code, day: input.day, metric: 'correction.people', value: input.people },
      ]);
      await ctx.audit.record({ orgCode: org.code, entity: 'correction_records', entityId: row!.id, after: row });
      return toRecord(row!);
    }),

  /** Issues the receipt of a record (numbered, stored with its data), in the caller's org's name. */
  issueReceipt: scopedProcedure('correction.write')
    .input(correctionSchemas.issueReceipt)
    .mutation(async ({ ctx, input }): Promise<IssuedDocument> => {
      const [row] = await ctx.db.select().from(correctionRecords).where(eq(correctionRecords.id, input.id));
      if (!row) throw notFound(input.id);
      return ctx.documents.issue({
        template: 'correction.receipt',
        issuerOrgCode: ctx.scope.orgCode,
        subjectOrgCode: row.orgCode,
        data: { title: row.title, day: row.day, people: row.people },
        entity: { kind: 'correction.record', id: row.id },
      });
    }),
});

export type CorrectionRouter = typeof correctionRouter;
