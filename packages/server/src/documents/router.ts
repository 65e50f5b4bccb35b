/**
 * `platform.documents.*` procedures (catalogue, list, get, preview, batch status, cancel, live
 * batch progress) and the download route `GET /plugins/platform/documents/:id`, which serves the
 * stored .docx bytes unchanged (ETag = their SHA-256; a personal document's opened first) to
 * callers who may read the document (a download of a case document is audited as a read of the
 * case where its type asks for it: `privacy.auditReads`).
 */
import { z } from 'zod';
import { and, desc, eq, lt, or, type SQL } from 'drizzle-orm';
import {
  createRouter,
  permittedProcedure,
  orgCodeSchema,
  scopedProcedure,
  scopedSubscription,
  SifaError,
  type IssuedDocument,
  type PluginRoute,
} from '@sifa/core';
import { inSubtree } from '@sifa/core/db';
import { cases, documentBatches, documents } from '../db/schema.js';
import { findOrg } from '../orgs/directory.js';
import { documentPreviewStylesheet } from './html.js';
import { documentNotFound, findBatch, issuedColumns, readableIn, toBatchStatus, toIssued } from './records.js';
import { openDocumentDocx, openDocumentHtml } from './sealing.js';
import { documentTopics, type DocumentsPlatform } from './service.js';

const readPermission = 'platform.documents.read';

/** How often an open progress stream re-reads when nothing woke it (a run on an instance without the change feed). */
const progressPollMs = 5_000;

const idSchema = z.string().trim().min(1).max(100);
const templateCodeSchema = z.string().regex(/^[a-z][a-z0-9-]*\.[a-z0-9][a-z0-9.-]*$/).max(120);

/** Keyset cursor of the list: creation time and id of the last row shown. */
const cursorPattern = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)~([A-Za-z0-9-]{1,100})$/;
const cursorOf = (doc: { createdAt: Date; id: string }) => `${doc.createdAt.toISOString()}~${doc.id}`;

export const documentListInputSchema = z.object({
  template: templateCodeSchema.optional(),
  slot: z.string().regex(/^[a-z][a-z0-9-]{1,39}$/).optional(),
  entity: z.object({ kind: z.string().trim().min(1).max(60), id: z.string().trim().min(1).max(200) }).optional(),
  /** The issuing org itself. */
  issuerOrgCode: orgCodeSchema.optional(),
  /** Documents addressed to this org or any org below it. */
  subjectOrgCode: orgCodeSchema.optional(),
  limit: z.number().int().min(1).max(200).default(50),
  cursor: z.string().regex(cursorPattern).optional(),
});

export function createDocumentsRouter(platform: DocumentsPlatform) {
  return createRouter({
    /** The catalogue's slots, the installed templates, and the preview stylesheet widgets adopt. */
    catalogue: permittedProcedure(readPermission).query(() => ({
      slots: platform.catalogue.map((s) => ({ id: s.id, group: s.group, title: s.title, numberMark: s.numberMark })),
      templates: platform.templates().map((t) => ({ code: t.code, plugin: t.plugin, slot: t.slot ?? null, title: t.title })),
      previewStylesheet: documentPreviewStylesheet,
    })),

    /** Newest first, within what the caller may read (issued in the area, or addressed to it). */
    list: scopedProcedure(readPermission)
      .input(documentListInputSchema)
      .query(async ({ ctx, input }): Promise<{ items: IssuedDocument[]; nextCursor: string | null }> => {
        const where: (SQL | undefined)[] = [readableIn(ctx.scope.orgPath)];
        if (input.template) where.push(eq(documents.template, input.template));
        if (input.slot) where.push(eq(documents.slot, input.slot));
        if (input.entity) where.push(eq(documents.entityKind, input.entity.kind), eq(documents.entityId, input.entity.id));
        if (input.issuerOrgCode) where.push(eq(documents.orgCode, input.issuerOrgCode));
        if (input.subjectOrgCode) {
          const subject = await findOrg(ctx.db, input.subjectOrgCode);
          if (!subject) throw new SifaError('NOT_FOUND', { details: { orgCode: input.subjectOrgCode } });
          where.push(inSubtree(documents.subjectOrgPath, subject.path));
        }
        if (input.cursor) {
          const [, at, id] = cursorPattern.exec(input.cursor)!;
          const after = new Date(at!);
          where.push(or(lt(documents.createdAt, after), and(eq(documents.createdAt, after), lt(documents.id, id!))));
        }
        const rows = await ctx.db
          .select(issuedColumns)
          .from(documents)
          .where(and(...where))
          .orderBy(desc(documents.createdAt), desc(documents.id))
          .limit(input.limit + 1);
        const page = rows.slice(0, input.limit);
        return { items: page.map(toIssued), nextCursor: rows.length > input.limit ? cursorOf(page[page.length - 1]!) : null };
      }),

    get: scopedProcedure(readPermission)
      .input(z.object({ id: idSchema }))
      .query(({ ctx, input }) => ctx.documents.get(input.id)),

    /** The HTML of an issued document as it was issued (classes only; adopt `stylesheet`). */
    preview: scopedProcedure(readPermission)
      .input(z.object({ id: idSchema }))
      .query(async ({ ctx, input }) => {
        const [row] = await ctx.db
          .select({ html: documents.html, sealed: documents.sealed })
          .from(documents)
          .where(and(eq(documents.id, input.id), readableIn(ctx.scope.orgPath)))
          .limit(1);
        if (!row) throw documentNotFound(input.id);
        return { html: openDocumentHtml(row, platform.fieldCipher), stylesheet: documentPreviewStylesheet };
      }),

    batch: scopedProcedure(readPermission)
      .input(z.object({ id: idSchema }))
      .query(({ ctx, input }) => findBatch(ctx.db, ctx.scope.orgPath, input.id)),

    /**
     * Asks a running batch to stop before its next item (documents already issued stay). Anyone
     * who may see the batch may stop it; a batch that has ended is answered as it is.
     */
    cancelBatch: scopedProcedure(readPermission)
      .input(z.object({ id: idSchema }))
      .mutation(async ({ ctx, input }) => {
        const [row] = await ctx.db
          .update(documentBatches)
          .set({ cancelRequested: true })
          .where(and(eq(documentBatches.id, input.id), inSubtree(documentBatches.orgPath, ctx.scope.orgPath), eq(documentBatches.state, 'running')))
          .returning();
        if (!row) return findBatch(ctx.db, ctx.scope.orgPath, input.id);
        await ctx.audit.record({ action: 'platform.documents.batch.cancel', orgCode: row.orgCode, entity: 'document_batches', entityId: row.id });
        return toBatchStatus(row);
      }),

    /**
     * The batch's status now and whenever it changes, ending when the batch ends. Woken by the
     * runner on this instance and by the change feed for runs elsewhere; re-read every few seconds
     * otherwise. Each read goes through the caller's own scoped transaction.
     */
    batchProgress: scopedSubscription(readPermission)
      .input(z.object({ id: idSchema }))
      .subscription(async function* ({ ctx, input, signal }) {
        const scopePath = ctx.actor.scope.orgPath;
        let last = '';
        for (;;) {
          const wake = new AbortController();
          const stop = () => wake.abort();
          signal?.addEventListener('abort', stop, { once: true });
          try {
            // Listen before reading: progress between the read and the wait is not missed.
            const changed = Promise.race([
              platform.nextBatchProgress(input.id, { signal: wake.signal, timeoutMs: progressPollMs }),
              ctx.platform.changes.next(documentTopics.batches, scopePath, { signal: wake.signal, timeoutMs: progressPollMs }),
            ]);
            const status = await ctx.platform.runScoped(ctx.actor, (scoped) => findBatch(scoped.db, scopePath, input.id));
            const version = `${status.done}/${status.failed}/${status.state}`;
            if (version !== last) {
              last = version;
              yield status;
            }
            if (status.state !== 'running' || signal?.aborted) return;
            await changed;
            if (signal?.aborted) return;
          } finally {
            wake.abort();
            signal?.removeEventListener('abort', stop);
          }
        }
      }),
  });
}

const docxType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** RFC 5987 / 6266: an ASCII fallback name plus the real name, UTF-8 and percent-encoded. */
export function contentDisposition(fileName: string, asciiFallback: string): string {
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${asciiFallback.replace(/[^A-Za-z0-9._-]/g, '_')}"; filename*=UTF-8''${encoded}`;
}

/** 文号 and title, without characters file systems refuse. */
export function documentFileName(number: string, title: string): string {
  // eslint-disable-next-line no-control-regex
  const name = `${number} ${title}`.replace(/[\\/:*?"<>|\u0000-\u001f\u007f]/g, '').replace(/\s+/g, ' ').trim();
  return `${[...name].slice(0, 120).join('')}.docx`;
}

/** True when an If-None-Match header names `etag` (weak or strong, or `*`). */
function matches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((tag) => {
    const t = tag.trim().replace(/^W\//, '');
    return t === '*' || t === etag;
  });
}

/** A Response body typed for both Node's and the DOM's lib (an ArrayBuffer-backed view). */
const bodyOf = (bytes: Uint8Array): Uint8Array<ArrayBuffer> => new Uint8Array(bytes.buffer as ArrayBuffer, bytes.byteOffset, bytes.byteLength);

export function createDocumentRoutes(platform: DocumentsPlatform): PluginRoute[] {
  const download: PluginRoute = {
    method: 'GET',
    path: '/documents/:id',
    permission: readPermission,
    async handler(request, ctx) {
      const actor = ctx.actor;
      const id = idSchema.safeParse(ctx.params.id);
      if (!id.success) throw documentNotFound(String(ctx.params.id ?? ''));
      const ifNoneMatch = request.headers.get('if-none-match');
      // Under the caller's row-level security, exactly as a procedure reads.
      const found = await ctx.platform.runScoped(actor, async ({ db, catalog, audit }) => {
        const readable = and(eq(documents.id, id.data), readableIn(actor.scope.orgPath));
        const [meta] = await db
          .select({ number: documents.number, title: documents.title, sha256: documents.sha256, entityKind: documents.entityKind, entityId: documents.entityId })
          .from(documents)
          .where(readable)
          .limit(1);
        if (!meta) throw documentNotFound(id.data);
        if (matches(ifNoneMatch, `"${meta.sha256}"`)) return { meta, bytes: null };
        const [file] = await db.select({ docx: documents.docx, sealed: documents.sealed }).from(documents).where(readable).limit(1);
        // A case document is a read of the case file where its type audits reads (privacy.auditReads).
        if (meta.entityKind === 'case' && meta.entityId) {
          const [owner] = await db.select({ id: cases.id, type: cases.type, number: cases.number, orgCode: cases.orgCode, rowHash: cases.rowHash }).from(cases).where(eq(cases.id, meta.entityId));
          if (owner && catalog.caseTypes.find((t) => t.code === owner.type)?.privacy?.auditReads) {
            await audit.record({ action: `${owner.type}.read`, orgCode: owner.orgCode, entity: 'cases', entityId: owner.id, after: { number: owner.number, documentId: id.data }, rowHash: owner.rowHash });
          }
        }
        // A personal document is opened here: the bytes are those its sha256 names.
        return { meta, bytes: openDocumentDocx(file!, platform.fieldCipher) };
      });
      const headers: Record<string, string> = {
        etag: `"${found.meta.sha256}"`,
        // Bytes never change, but who may read them can: revalidate every time.
        'cache-control': 'private, no-cache',
        'x-content-type-options': 'nosniff',
      };
      if (!found.bytes) return new Response(null, { status: 304, headers });
      return new Response(bodyOf(found.bytes), {
        status: 200,
        headers: {
          ...headers,
          'content-type': docxType,
          'content-disposition': contentDisposition(documentFileName(found.meta.number, found.meta.title), `${id.data}.docx`),
        },
      });
    },
  };
  return [download];
}

