/**
 * Reading issued documents and batch runs. A document is readable in the issuer's subtree and
 * by the org it is addressed to (and that org's ancestors); every query says so in SQL with the
 * scope as a literal prefix, and row-level security repeats it.
 */
import { and, eq, or, type SQL } from 'drizzle-orm';
import { SifaError, type DocumentBatchStatus, type IssuedDocument, type SifaDb } from '@sifa/core';
import { inSubtree } from '@sifa/core/db';
import { documentBatches, documents } from '../db/schema.js';

/** Where a document downloads (below the server's base URL). */
export const downloadPathOf = (id: string) => `/plugins/platform/documents/${encodeURIComponent(id)}`;

export const issuedColumns = {
  id: documents.id,
  template: documents.template,
  slot: documents.slot,
  number: documents.number,
  title: documents.title,
  orgCode: documents.orgCode,
  subjectOrgCode: documents.subjectOrgCode,
  issuedOn: documents.issuedOn,
  issuedBy: documents.issuedBy,
  bilingual: documents.bilingual,
  entityKind: documents.entityKind,
  entityId: documents.entityId,
  byteLength: documents.byteLength,
  sha256: documents.sha256,
  createdAt: documents.createdAt,
};

type IssuedRow = Pick<typeof documents.$inferSelect, keyof typeof issuedColumns>;

export function toIssued(row: IssuedRow): IssuedDocument {
  return {
    id: row.id,
    template: row.template,
    slot: row.slot,
    number: row.number,
    title: row.title,
    issuerOrgCode: row.orgCode,
    subjectOrgCode: row.subjectOrgCode,
    issuedOn: row.issuedOn,
    issuedBy: row.issuedBy,
    bilingual: row.bilingual,
    entity: row.entityKind && row.entityId ? { kind: row.entityKind, id: row.entityId } : null,
    byteLength: row.byteLength,
    sha256: row.sha256,
    downloadPath: downloadPathOf(row.id),
  };
}

/** Documents the scope may read: issued inside it, or addressed to an org inside it. */
export function readableIn(scopePath: string): SQL {
  return or(inSubtree(documents.orgPath, scopePath), inSubtree(documents.subjectOrgPath, scopePath))!;
}

export const documentNotFound = (id: string) =>
  new SifaError('NOT_FOUND', {
    message: { zh: '找不到该文书，或您无权查看。', en: 'There is no such document, or you may not read it.' },
    details: { documentId: id },
  });

export async function findIssued(db: SifaDb, scopePath: string, id: string): Promise<IssuedDocument> {
  const [row] = await db.select(issuedColumns).from(documents).where(and(eq(documents.id, id), readableIn(scopePath))).limit(1);
  if (!row) throw documentNotFound(id);
  return toIssued(row);
}

export function toBatchStatus(row: typeof documentBatches.$inferSelect): DocumentBatchStatus {
  return {
    id: row.id,
    template: row.template,
    total: row.total,
    done: row.done,
    failed: row.failed,
    state: row.state,
    documentIds: row.documentIds,
    errors: row.errors as DocumentBatchStatus['errors'],
  };
}

export const batchNotFound = (id: string) =>
  new SifaError('NOT_FOUND', {
    message: { zh: '找不到该批量生成任务，或您无权查看。', en: 'There is no such batch run, or you may not see it.' },
    details: { batchId: id },
  });

export async function findBatch(db: SifaDb, scopePath: string, id: string): Promise<DocumentBatchStatus> {
  const [row] = await db.select().from(documentBatches).where(and(eq(documentBatches.id, id), inSubtree(documentBatches.orgPath, scopePath))).limit(1);
  if (!row) throw batchNotFound(id);
  return toBatchStatus(row);
}
