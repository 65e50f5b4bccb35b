/**
 * The plugin's procedures, mounted under `mediation.`: a scoped query (`list`) and scoped mutations
 * (`create` stores a record and its facts; `issueReceipt` issues an official document about one).
 * A scoped procedure checks its permission, then runs in ONE transaction in which row-level
 * security limits every row to the caller's subtree; a mutation's audit entry joins it.
 */
import { desc, eq } from 'drizzle-orm';
import { createRouter, scopedProcedure, SifaError, type IssuedDocument } from '@sifa/core';
import { inSubtree } from '@sifa/core/db';
import { mediationSchemas } from '../schemas.js';
import type { MediationRecord } from '../types.js';
import { mediationRecords, type MediationRecordRow } from './schema.js';

const toRecord = (row: MediationRecordRow): MediationRecord => ({
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

export const mediationRouter = createRouter({
  /** The records of the caller's subtree (or of one org's subtree inside it), newest day first. */
  list: scopedProcedure('mediation.read')
    .input(mediationSchemas.list)
    .query(async ({ ctx, input }): Promise<MediationRecord[]> => {
      // An org outside the caller's subtree answers OUT_OF_SCOPE.
      const rootPath = input.orgCode ? (await ctx.orgs.get(input.orgCode)).path : ctx.scope.orgPath;
      const rows = await ctx.db
        .select()
        .from(mediationRecords)
        .where(inSubtree(mediationRecords.orgPath, rootPath))
        .orderBy(desc(mediationRecords.day), desc(mediationRecords.createdAt))
        .limit(input.limit);
      return rows.map(toRecord);
    }),

  /** Stores a record of an org in the caller's subtree and records its facts. */
  create: scopedProcedure('mediation.write')
    .input(mediationSchemas.create)
    .mutation(async ({ ctx, input }): Promise<MediationRecord> => {
      const org = await ctx.orgs.get(input.orgCode);
      const [row] = await ctx.db
        .insert(mediationRecords)
        .values({ orgCode: org.code, orgPath: org.path, title: input.title, day: input.day, people: input.people, createdAt: ctx.now() })
        .returning();
      // The facts of a source replace what it recorded before, so an edit never counts twice and
      // every figure on the dashboard traces back to this record.
      await ctx.facts.recordForSource({ kind: 'mediation.record', id: row!.id }, [
        { orgCode: org.code, day: input.day, metric: 'mediation.records', value: 1 },
        { orgCode: org.code, day: input.day, metric: 'mediation.people', value: input.people },
      ]);
      await ctx.audit.record({ orgCode: org.code, entity: 'mediation_records', entityId: row!.id, after: row });
      return toRecord(row!);
    }),

  /** Issues the receipt of a record (numbered, stored with its data), in the caller's org's name. */
  issueReceipt: scopedProcedure('mediation.write')
    .input(mediationSchemas.issueReceipt)
    .mutation(async ({ ctx, input }): Promise<IssuedDocument> => {
      const [row] = await ctx.db.select().from(mediationRecords).where(eq(mediationRecords.id, input.id));
      if (!row) throw notFound(input.id);
      return ctx.documents.issue({
        template: 'mediation.receipt',
        issuerOrgCode: ctx.scope.orgCode,
        subjectOrgCode: row.orgCode,
        data: { title: row.title, day: row.day, people: row.people },
        entity: { kind: 'mediation.record', id: row.id },
      });
    }),
});

export type MediationRouter = typeof mediationRouter;
