/**
 * The document service: templates that plugins contribute are rendered to .docx (GB/T 9704) and
 * HTML, numbered per issuing org and year, and stored with the data they came from, so a
 * document downloads byte for byte as issued. Batches issue one document per item in the
 * background, each in its own transaction as the user who started them.
 *
 * Two halves: `createDocumentsPlatform` once per server (catalogue, templates, the batch runner
 * and its progress events) and `createDocumentsService` per scoped transaction (what
 * `ctx.documents` does inside a procedure, under the caller's row-level security).
 *
 * Every issued document is audited here (`platform.documents.issue`, digest of number, template,
 * data and file hash), in the issuing transaction: batch items run outside any procedure, and a
 * procedure that issues a document still records its own entry as usual.
 */
import { createHash, randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { z } from 'zod';
import { and, eq, inArray, sql } from 'drizzle-orm';
import {
  SifaError,
  defineMessages,
  fieldIssuesOf,
  isWithinScope,
  orgCodeSchema,
  toSifaError,
  type Actor,
  type ChangeFeed,
  type DocumentCatalogueSlot,
  type DocumentTemplate,
  type DocumentsService,
  type IssuedDocument,
  type OrgDirectory,
  type OrgNode,
  type ScopedServices,
  type SifaDb,
} from '@sifa/core';
import { documentBatches, documentCounters, documents, orgs as orgTable } from '../db/schema.js';
import { appendAudit, digestOf } from '../audit/log.js';
import { findOrg, toOrgNode } from '../orgs/directory.js';
import type { Composition } from '../plugins/compose.js';
import type { Logger } from '../logging.js';
import { checkedContent, type DocumentHalf, type DocumentLayout, type DocumentLocale } from './content.js';
import { renderDocx } from './docx.js';
import { renderHtml } from './html.js';
import { documentNumber, issueDayOf, issuerOf, issuerOverridesSchema, orgDisplayName, type Issuer, type IssuerOverrides } from './numbering.js';
import { findIssued, toBatchStatus, toIssued } from './records.js';
import { sealDocumentBodies } from './sealing.js';
import { plainTitle } from './title.js';
import type { FieldCipher } from '../casework/cipher.js';

/** Change-feed topics: issued documents, and batch progress. */
export const documentTopics = { documents: 'platform.documents', batches: 'platform.documents.batches' } as const;

export const defaultMaxBatchItems = 1000;

export interface DocumentsPlatformOptions {
  templates: Composition['documentTemplates'];
  catalogue: readonly DocumentCatalogueSlot[];
  now(): Date;
  /** Runs a batch item as the actor who started the batch. */
  runScoped<T>(actor: Actor, work: (scoped: ScopedServices) => Promise<T>): Promise<T>;
  logger: Logger;
  /** Official issuing names and 机关代字 by org code, where the derived ones are not right. */
  issuers?: IssuerOverrides | undefined;
  /** Time zone of the 成文日期 and of the numbering year (default Asia/Shanghai). */
  timeZone?: string | undefined;
  /**
   * The server's change feed: batch progress and new documents are announced on it, so
   * subscribers on other instances wake at once. Without it they notice on their next poll.
   */
  changes?: ChangeFeed | undefined;
  /** Most items one batch may hold (default 1000): a batch's items wait in memory. */
  maxBatchItems?: number | undefined;
  /** The server's field cipher (the casework engine's): seals documents issued as `personal`. */
  fieldCipher?: FieldCipher | undefined;
}

export type RegisteredTemplate = DocumentTemplate & { plugin: string };

/** One batch run as handed to the background runner once its row is committed. */
export interface BatchJob {
  id: string;
  actor: Actor;
  orgPath: string;
  template: string;
  issuerOrgCode: string;
  bilingual: boolean;
  personal: boolean;
  items: StartBatchItem[];
}

/** Server-wide part of the document service (batch runner, progress events); one per server. */
export interface DocumentsPlatform {
  readonly options: DocumentsPlatformOptions;
  readonly catalogue: readonly DocumentCatalogueSlot[];
  /** The template, or NOT_FOUND naming the code. */
  template(code: string): RegisteredTemplate;
  templates(): readonly RegisteredTemplate[];
  slotOf(template: RegisteredTemplate): DocumentCatalogueSlot | null;
  issuerOf(org: OrgNode): Issuer;
  /** Calendar day and numbering year of an instant, in the documents' time zone. */
  issueDay(instant: Date): { day: string; year: number };
  readonly maxBatchItems: number;
  /** The field cipher that seals personal documents, or INTERNAL saying none is configured. */
  fieldCipher(): FieldCipher;
  /** Runs a committed batch in the background (one transaction per item). */
  launchBatch(job: BatchJob): void;
  /**
   * Resolves true when batch `id` makes progress on this instance, false on timeout or abort;
   * subscriptions also wait on the change feed for runs on other instances.
   */
  nextBatchProgress(id: string, options: { signal?: AbortSignal | undefined; timeoutMs: number }): Promise<boolean>;
  announce(topic: string, orgPath: string): void;
  /** Stops running batches after their current item (they end as failed, naming where), and waits for them. */
  close(): Promise<void>;
}

const catalogueSchema = z
  .array(
    z.object({
      id: z.string().regex(/^[a-z][a-z0-9-]{1,39}$/, 'A slot id is 2–40 lower-case letters, digits and "-".'),
      group: z.enum(['table', 'report', 'letter', 'slip', 'book']),
      title: z.object({ zh: z.string().trim().min(1), en: z.string().trim().min(1), mn: z.string().trim().min(1).optional() }),
      numberMark: z.string().regex(/^\p{Script=Han}{1,2}$/u, 'A number mark is one or two Chinese characters, e.g. 督.'),
      ownSeries: z.boolean().optional(),
    }),
  )
  .superRefine((slots, ctx) => {
    const seen = new Set<string>();
    slots.forEach((slot, i) => {
      if (seen.has(slot.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `Slot "${slot.id}" is listed twice.` });
      seen.add(slot.id);
    });
  });

/** Thrown inside the runner when the server stops between items. */
class BatchStopped extends Error {}

export function createDocumentsPlatform(options: DocumentsPlatformOptions): DocumentsPlatform {
  const parsedCatalogue = catalogueSchema.safeParse(options.catalogue);
  if (!parsedCatalogue.success) {
    throw new Error(`The document catalogue is not valid: ${parsedCatalogue.error.issues.map((i) => `[${i.path.join('.')}] ${i.message}`).join('; ')}`);
  }
  const catalogue: readonly DocumentCatalogueSlot[] = options.catalogue;
  const slots = new Map(catalogue.map((s) => [s.id, s]));
  for (const template of options.templates.values()) {
    if (template.slot && !slots.has(template.slot)) {
      throw new Error(
        `Plugin "${template.plugin}": document template "${template.code}" fills catalogue slot "${template.slot}", which this installation's document catalogue does not have (it has: ${[...slots.keys()].join(', ')}).`,
      );
    }
  }
  const issuers = issuerOverridesSchema.parse(options.issuers ?? {});
  const timeZone = options.timeZone ?? 'Asia/Shanghai';
  // Throws RangeError on an unknown zone: at start-up, not at the first document.
  new Intl.DateTimeFormat('en', { timeZone });
  const maxBatchItems = options.maxBatchItems ?? defaultMaxBatchItems;
  const { logger } = options;

  const progress = new EventEmitter();
  progress.setMaxListeners(0);
  const running = new Set<Promise<void>>();
  let closing = false;

  const announce = (topic: string, orgPath: string) => options.changes?.publish(topic, orgPath);

  const runBatch = async (job: BatchJob): Promise<void> => {
    const { actor } = job;
    const thisBatch = eq(documentBatches.id, job.id);
    const stillRunning = and(thisBatch, eq(documentBatches.state, 'running'));
    const published = () => {
      progress.emit(job.id);
      announce(documentTopics.batches, job.orgPath);
    };
    let index = 0;
    try {
      for (; index < job.items.length; index++) {
        if (closing) throw new BatchStopped();
        const item = job.items[index]!;
        let stop = false;
        try {
          stop = await options.runScoped(actor, async (scoped) => {
            // No row lock until the progress update at the end: a cancel commits at once, even
            // while this item renders, and the next item sees it.
            const [row] = await scoped.db
              .select({ state: documentBatches.state, cancelRequested: documentBatches.cancelRequested })
              .from(documentBatches)
              .where(thisBatch);
            if (!row || row.state !== 'running') return true;
            if (row.cancelRequested) {
              await scoped.db.update(documentBatches).set({ state: 'cancelled', finishedAt: options.now() }).where(thisBatch);
              return true;
            }
            const issued = await scoped.documents.issue({
              template: job.template,
              issuerOrgCode: job.issuerOrgCode,
              bilingual: job.bilingual,
              personal: job.personal,
              data: item.data,
              ...(item.subjectOrgCode ? { subjectOrgCode: item.subjectOrgCode } : {}),
              ...(item.entity ? { entity: item.entity } : {}),
            });
            await scoped.db
              .update(documentBatches)
              .set({ done: sql`${documentBatches.done} + 1`, documentIds: sql`array_append(${documentBatches.documentIds}, ${issued.id})` })
              .where(thisBatch);
            return false;
          });
        } catch (error) {
          // One bad item does not stop the batch: it is recorded and the next one runs.
          const failure = toSifaError(error);
          if (failure.sifaCode === 'INTERNAL') logger.error({ err: failure.cause ?? error, batchId: job.id, index }, 'document batch item failed');
          const entry = JSON.stringify([{ index, message: describeFailure(error) }]);
          await options.runScoped(actor, (scoped) =>
            scoped.db
              .update(documentBatches)
              .set({ failed: sql`${documentBatches.failed} + 1`, errors: sql`${documentBatches.errors} || ${entry}::jsonb` })
              .where(stillRunning),
          );
        }
        published();
        if (stop) return;
      }
      await options.runScoped(actor, (scoped) => scoped.db.update(documentBatches).set({ state: 'finished', finishedAt: options.now() }).where(stillRunning));
      published();
    } catch (error) {
      // The server is stopping, or the bookkeeping itself failed: the rest cannot run here.
      const stopped = error instanceof BatchStopped;
      if (!stopped) logger.error({ err: error, batchId: job.id, index }, 'document batch stopped');
      const message = stopped
        ? `服务器已停止，第 ${index + 1} 项起未生成，请重新发起剩余部分。`
        : `批量生成在第 ${index + 1} 项中断（服务器错误），请重新发起剩余部分。`;
      try {
        const entry = JSON.stringify([{ index, message }]);
        await options.runScoped(actor, (scoped) =>
          scoped.db
            .update(documentBatches)
            .set({ state: 'failed', finishedAt: options.now(), errors: sql`${documentBatches.errors} || ${entry}::jsonb` })
            .where(stillRunning),
        );
        published();
      } catch (again) {
        logger.error({ err: again, batchId: job.id }, 'document batch could not be marked failed');
      }
    }
  };

  return {
    options,
    catalogue,
    maxBatchItems,
    template(code) {
      const template = options.templates.get(code);
      if (!template) {
        throw new SifaError('NOT_FOUND', {
          message: { zh: `没有代码为“${code}”的文书模板，请确认提供它的插件已安装。`, en: `There is no document template "${code}". Check that the plugin providing it is installed.` },
          details: { template: code },
        });
      }
      return template;
    },
    templates: () => [...options.templates.values()],
    slotOf: (template) => (template.slot ? (slots.get(template.slot) ?? null) : null),
    issuerOf: (org) => issuerOf(org, issuers),
    issueDay: (instant) => issueDayOf(instant, timeZone),
    fieldCipher() {
      if (options.fieldCipher) return options.fieldCipher;
      throw new SifaError('INTERNAL', { cause: new Error('A document with personal data needs the server\'s field cipher, and the documents platform has none.') });
    },
    launchBatch(job) {
      if (closing) {
        // Committed but never run: say so on the row rather than leave it "running".
        void runBatchStoppedBeforeStart(job);
        return;
      }
      const run = runBatch(job).finally(() => running.delete(run));
      running.add(run);
    },
    nextBatchProgress(id, { signal, timeoutMs }) {
      return new Promise<boolean>((resolve) => {
        if (signal?.aborted) return resolve(false);
        const done = (changed: boolean) => {
          progress.off(id, onProgress);
          clearTimeout(timer);
          signal?.removeEventListener('abort', onAbort);
          resolve(changed);
        };
        const onProgress = () => done(true);
        const onAbort = () => done(false);
        const timer = setTimeout(() => done(false), timeoutMs);
        progress.on(id, onProgress);
        signal?.addEventListener('abort', onAbort, { once: true });
      });
    },
    announce,
    async close() {
      closing = true;
      while (running.size) await Promise.allSettled([...running]);
    },
  };

  async function runBatchStoppedBeforeStart(job: BatchJob) {
    try {
      const entry = JSON.stringify([{ index: 0, message: '服务器正在停止，批量生成未开始，请重新发起。' }]);
      await options.runScoped(job.actor, (scoped) =>
        scoped.db
          .update(documentBatches)
          .set({ state: 'failed', finishedAt: options.now(), errors: sql`${documentBatches.errors} || ${entry}::jsonb` })
          .where(and(eq(documentBatches.id, job.id), eq(documentBatches.state, 'running'))),
      );
    } catch (error) {
      logger.error({ err: error, batchId: job.id }, 'document batch could not be marked failed');
    }
  }
}

/** A failed item's reason as stored on the batch (Chinese, the UI's default language). */
function describeFailure(error: unknown): string {
  const sifa = toSifaError(error, (cause) => fieldIssuesOf(cause, 'zh-CN'));
  const issues = sifa.issues.map((i) => (i.path ? `${i.path}：${i.message}` : i.message)).join('；');
  return issues ? `${sifa.messageFor('zh-CN')}（${issues}）` : sifa.messageFor('zh-CN');
}

const m = defineMessages('platform.documents', {
  subjectNotAddressable: {
    zh: '收文单位须在您的管辖范围内，或是发文单位的上级单位。',
    en: 'The addressed organisation must be in your area or above the issuing organisation.',
  },
  subjectUnknown: { zh: '没有这个单位代码。', en: 'There is no organisation with this code.' },
  templateCode: { zh: '文书模板代码格式为“插件标识.名称”。', en: 'A document template code is "<plugin id>.<name>".' },
});

const templateCodeSchema = z.string().regex(/^[a-z][a-z0-9-]*\.[a-z0-9][a-z0-9.-]*$/, m('templateCode')).max(120);
const entitySchema = z.object({ kind: z.string().trim().min(1).max(60), id: z.string().trim().min(1).max(200) });

export const issueInputSchema = z.object({
  template: templateCodeSchema,
  issuerOrgCode: orgCodeSchema,
  subjectOrgCode: orgCodeSchema.optional(),
  data: z.unknown(),
  bilingual: z.boolean().default(false),
  entity: entitySchema.optional(),
  personal: z.boolean().default(false),
});

const previewInputSchema = issueInputSchema.omit({ entity: true, personal: true });

const batchItemSchema = z.object({ subjectOrgCode: orgCodeSchema.optional(), data: z.unknown(), entity: entitySchema.optional() });
export type StartBatchItem = z.infer<typeof batchItemSchema>;

const startBatchSchema = (maxItems: number) =>
  z.object({
    template: templateCodeSchema,
    issuerOrgCode: orgCodeSchema,
    bilingual: z.boolean().default(false),
    personal: z.boolean().default(false),
    items: z.array(batchItemSchema).min(1).max(maxItems),
  });

export interface DocumentsServiceOptions {
  db: SifaDb;
  actor: Actor;
  orgs: OrgDirectory;
  afterCommit(callback: () => void | Promise<void>): void;
  platform: DocumentsPlatform;
}

/** Validates `data` with the template's schema; issues carry `path` before their own path. */
async function templateData(template: RegisteredTemplate, data: unknown, path: (string | number)[]): Promise<{ data: unknown } | { issues: z.core.$ZodIssue[] }> {
  const result = await template.dataSchema.safeParseAsync(data);
  if (result.success) return { data: result.data };
  return { issues: result.error.issues.map((issue) => ({ ...issue, path: [...path, ...issue.path] })) };
}

/**
 * A validation failure the error formatter renders as VALIDATION_FAILED in the reader's language
 * (a real Error, so tRPC keeps it as the cause it localizes).
 */
const validationError = (issues: z.core.$ZodIssue[]) => new z.ZodRealError(issues);

export function createDocumentsService(options: DocumentsServiceOptions): DocumentsService {
  const { db, actor, orgs, platform } = options;

  /** A subject is an org in the caller's area, or one above the issuer (a report sent upward). */
  const addressable = (node: OrgNode, issuer: Issuer) => isWithinScope(node.path, actor.scope.orgPath) || isWithinScope(issuer.path, node.path);

  const subjectOf = async (code: string, issuer: Issuer): Promise<OrgNode> => {
    const node = await findOrg(db, code);
    if (node && addressable(node, issuer)) return node;
    // The standard NOT_FOUND / OUT_OF_SCOPE answer.
    return orgs.get(code);
  };

  const renderHalves = async (template: RegisteredTemplate, data: unknown, issuer: Issuer, issuedOn: string, bilingual: boolean) => {
    const known = new Map<string, OrgNode>();
    const nodeOf = async (code: string): Promise<OrgNode> => {
      let node = known.get(code);
      if (!node) {
        // Names of divisions are public reference data; templates may mention any org.
        const found = await findOrg(db, code);
        if (!found) throw new SifaError('NOT_FOUND', { message: { zh: `没有代码为 ${code} 的单位。`, en: `There is no organisation with code ${code}.` }, details: { orgCode: code } });
        known.set(code, (node = found));
      }
      return node;
    };
    const orgName = (locale: DocumentLocale) => async (code: string) => orgDisplayName(await nodeOf(code), locale);
    // 主送机关: the authority (红山区司法局), not the division (红山区); the Mongolian name only where configured.
    const authorityName = (locale: DocumentLocale) => async (code: string) => {
      const name = platform.issuerOf(await nodeOf(code)).name;
      return locale === 'mn-Mong' ? (name.mn ?? name.zh) : name.zh;
    };
    const half = async (locale: DocumentLocale, issuerName: string): Promise<DocumentHalf> => ({
      locale,
      issuerName,
      content: checkedContent(
        template.code,
        locale,
        await template.render(data, { locale, issuerName, issuedOn, orgName: orgName(locale), authorityName: authorityName(locale) }),
      ),
    });
    const zh = await half('zh-CN', issuer.name.zh);
    const mn = bilingual ? await half('mn-Mong', issuer.name.mn ?? issuer.name.zh) : undefined;
    return { zh, mn };
  };

  /**
   * The next serial of (issuer, year, series), taken in this transaction: a rollback gives it back.
   * The series is the slot's id when the catalogue numbers that kind on its own, else '' (the
   * issuer's shared series).
   */
  const seriesOf = (slot: DocumentCatalogueSlot | null) => (slot?.ownSeries ? slot.id : '');
  const nextSerial = async (issuer: Issuer, year: number, series: string): Promise<number> => {
    const [row] = await db
      .insert(documentCounters)
      .values({ orgCode: issuer.code, orgPath: issuer.path, year, series, lastSerial: 1 })
      .onConflictDoUpdate({ target: [documentCounters.orgCode, documentCounters.year, documentCounters.series], set: { lastSerial: sql`${documentCounters.lastSerial} + 1` } })
      .returning({ serial: documentCounters.lastSerial });
    return row!.serial;
  };

  return {
    async issue(raw) {
      const input = issueInputSchema.parse(raw);
      const template = platform.template(input.template);
      const checked = await templateData(template, input.data, ['data']);
      if ('issues' in checked) throw validationError(checked.issues);
      const issuer = platform.issuerOf(await orgs.get(input.issuerOrgCode));
      const subject = input.subjectOrgCode ? await subjectOf(input.subjectOrgCode, issuer) : null;
      const instant = platform.options.now();
      const { day, year } = platform.issueDay(instant);
      const slot = platform.slotOf(template);
      // The content first: a template that fails takes no number.
      const halves = await renderHalves(template, checked.data, issuer, day, input.bilingual);
      const series = seriesOf(slot);
      const serial = await nextSerial(issuer, year, series);
      const number = documentNumber({ issuerMark: issuer.mark, numberMark: slot?.numberMark ?? null, year, serial });
      const layout: DocumentLayout = { version: 1, layout: template.layout ?? 'official-letter', number, numbered: true, issuedOn: day, zh: halves.zh, mn: halves.mn };
      const docx = await renderDocx(layout, { creator: issuer.name.zh, ...(slot ? { description: slot.title.zh } : {}) });
      const html = renderHtml(layout);
      const sha256 = createHash('sha256').update(docx).digest('hex');
      const id = randomUUID();
      const data = checked.data ?? null;
      const plain = { data, content: layout, html, docx };
      const bodies = input.personal ? sealDocumentBodies(platform.fieldCipher(), plain) : plain;
      const row = {
        id,
        orgCode: issuer.code,
        orgPath: issuer.path,
        subjectOrgCode: subject?.code ?? null,
        subjectOrgPath: subject?.path ?? null,
        template: template.code,
        slot: slot?.id ?? null,
        year,
        series,
        serial,
        number,
        title: plainTitle(halves.zh.content.title),
        issuedOn: day,
        issuedBy: actor.userId,
        bilingual: input.bilingual,
        entityKind: input.entity?.kind ?? null,
        entityId: input.entity?.id ?? null,
        sealed: input.personal,
        ...bodies,
        sha256,
        byteLength: docx.byteLength,
        createdAt: instant,
      };
      await db.insert(documents).values(row);
      await appendAudit(db, {
        actorId: actor.userId,
        actorRole: actor.role,
        action: 'platform.documents.issue',
        scopePath: issuer.path,
        entity: 'documents',
        entityId: id,
        // Of the plain data, sealed or not.
        afterDigest: digestOf({ number, template: template.code, data, sha256 }),
      });
      options.afterCommit(() => {
        platform.announce(documentTopics.documents, issuer.path);
        if (subject && !isWithinScope(subject.path, issuer.path)) platform.announce(documentTopics.documents, subject.path);
      });
      return toIssued(row) satisfies IssuedDocument;
    },

    async preview(raw) {
      const input = previewInputSchema.parse(raw);
      const template = platform.template(input.template);
      const checked = await templateData(template, input.data, ['data']);
      if ('issues' in checked) throw validationError(checked.issues);
      const issuer = platform.issuerOf(await orgs.get(input.issuerOrgCode));
      if (input.subjectOrgCode) await subjectOf(input.subjectOrgCode, issuer);
      const { day, year } = platform.issueDay(platform.options.now());
      const slot = platform.slotOf(template);
      const halves = await renderHalves(template, checked.data, issuer, day, input.bilingual);
      const number = documentNumber({ issuerMark: issuer.mark, numberMark: slot?.numberMark ?? null, year, serial: null });
      return { html: renderHtml({ version: 1, layout: template.layout ?? 'official-letter', number, numbered: false, issuedOn: day, zh: halves.zh, mn: halves.mn }) };
    },

    get: (id) => findIssued(db, actor.scope.orgPath, z.string().min(1).max(100).parse(id)),

    async startBatch(raw) {
      const input = startBatchSchema(platform.maxBatchItems).parse(raw);
      const template = platform.template(input.template);
      const issuer = platform.issuerOf(await orgs.get(input.issuerOrgCode));
      // Every item is checked before anything runs: a batch with a typo fails now, whole, not item by item.
      const issues: z.core.$ZodIssue[] = [];
      for (const [i, item] of input.items.entries()) {
        const checked = await templateData(template, item.data, ['items', i, 'data']);
        if ('issues' in checked) issues.push(...checked.issues);
      }
      const subjectCodes = [...new Set(input.items.flatMap((item) => (item.subjectOrgCode ? [item.subjectOrgCode] : [])))];
      const subjects = new Map(
        subjectCodes.length ? (await db.select().from(orgTable).where(inArray(orgTable.code, subjectCodes))).map((r) => [r.code, toOrgNode(r)] as const) : [],
      );
      input.items.forEach((item, i) => {
        if (!item.subjectOrgCode) return;
        const node = subjects.get(item.subjectOrgCode);
        const message = !node ? m('subjectUnknown') : addressable(node, issuer) ? null : m('subjectNotAddressable');
        if (message) issues.push({ code: 'custom', path: ['items', i, 'subjectOrgCode'], message, input: item.subjectOrgCode });
      });
      if (issues.length) throw validationError(issues);

      const id = randomUUID();
      const [row] = await db
        .insert(documentBatches)
        .values({
          id,
          orgCode: issuer.code,
          orgPath: issuer.path,
          template: template.code,
          total: input.items.length,
          state: 'running',
          createdBy: actor.userId,
          createdAt: platform.options.now(),
        })
        .returning();
      await appendAudit(db, {
        actorId: actor.userId,
        actorRole: actor.role,
        action: 'platform.documents.batch.start',
        scopePath: issuer.path,
        entity: 'document_batches',
        entityId: id,
        afterDigest: digestOf({ template: template.code, items: input.items }),
      });
      options.afterCommit(() =>
        platform.launchBatch({
          id,
          actor,
          orgPath: issuer.path,
          template: template.code,
          issuerOrgCode: issuer.code,
          bilingual: input.bilingual,
          personal: input.personal,
          items: input.items,
        }),
      );
      return toBatchStatus(row!);
    },
  };
}
