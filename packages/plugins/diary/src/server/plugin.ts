/**
 * The diary's server half: the catalogue of every installed plugin's diary items, a month of
 * entries, and save / update / remove. A save is stored once per (author, idempotency key): the
 * client makes the key before its first attempt, so a retry after a lost response returns the
 * stored entry instead of a second one. Every entry records its facts (one per numeric field
 * that names a metric, plus `diary.entries` = 1) through the platform's facts API, so the
 * dashboard and the assessment read the diary without a second entry.
 */
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { and, asc, eq, gte, lt, sql } from 'drizzle-orm';
import {
  brokenDiaryRule,
  canonicalJson,
  catalogMessage,
  createRouter,
  defineServerPlugin,
  diaryEntryFacts,
  diaryFieldsSchema,
  fieldIssuesOf,
  pickText,
  pluginError,
  scopedProcedure,
  SifaError,
  toSifaError,
  type Actor,
  type DiaryItem,
  type FactsService,
  type FieldIssue,
  type Locale,
  type LocalizedText,
  type PlatformCatalog,
  type ScopedServices,
  type SifaDb,
} from '@sifa/core';
import { inSubtree, rowsOf } from '@sifa/core/db';
import { diaryManifest } from '../index.js';
import {
  diaryCatalogSchema,
  diaryEntrySchema,
  diaryMonthInputSchema,
  diaryMonthOutputSchema,
  diaryRemovedSchema,
  diaryRemoveInputSchema,
  diarySaveInputSchema,
  diarySaveManyInputSchema,
  diarySaveManyOutputSchema,
  diaryUpdateInputSchema,
  type DiaryEntry,
  type DiaryEntryRefusal,
  type DiarySaveManyOutput,
} from '../schemas.js';
import { diaryEntries, type DiaryEntryRow } from './schema.js';
import { seedDemoHistory } from './demo-history.js';

const dayMs = 86_400_000;

/** More entries than this in one month view: the caller is asked to pick a smaller org. */
export const maxMonthEntries = 5000;

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const diaryPluginOptionsSchema = z.object({
  /** How many days after creating an entry its author may still edit or delete it. */
  editWindowDays: z.number().int().min(0).max(366).default(7),
  /** IANA zone whose calendar decides what "today" is (no entries for a future day). */
  timeZone: z.string().refine(isTimeZone, 'Not an IANA time zone, e.g. "Asia/Shanghai"').default('Asia/Shanghai'),
});
export type DiaryPluginOptions = z.input<typeof diaryPluginOptionsSchema>;

/** The calendar day (YYYY-MM-DD) of `at` in `timeZone`. */
const dayFormats = new Map<string, Intl.DateTimeFormat>();

export function dayIn(timeZone: string, at: Date): string {
  // A formatter is costly to make (ICU data per zone): one per zone, kept.
  let format = dayFormats.get(timeZone);
  if (!format) dayFormats.set(timeZone, (format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })));
  const parts = format.formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${part('year')}-${part('month')}-${part('day')}`;
}

function nextMonthStart(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}


const sha256 = (text: string) => createHash('sha256').update(text).digest();

/** The advisory lock (one bigint key) a save holds for (author, idempotency key) until its transaction ends. */
export function saveLockKey(authorId: string, idempotencyKey: string): bigint {
  return sha256(`diary.save\u0000${authorId}\u0000${idempotencyKey.toLowerCase()}`).readBigInt64BE(0);
}


function validationError(path: string, message: LocalizedText, locale: Locale): SifaError {
  return new SifaError('VALIDATION_FAILED', { issues: [{ path, message: pickText(message, locale) }] });
}

function findItem(catalog: PlatformCatalog, code: string, locale: Locale): DiaryItem {
  const item = catalog.diaryItems.find((i) => i.code === code);
  if (!item) {
    throw validationError(
      'itemCode',
      { zh: `没有代码为 ${code} 的日志事项（提供它的插件可能未安装）。`, en: `There is no diary item ${code} (the plugin that provides it may not be installed).` },
      locale,
    );
  }
  return item;
}

/** An item whose numbers come from another plugin's records is never typed (it would count twice). */
function refuseDerived(catalog: PlatformCatalog, item: DiaryItem, locale: Locale): void {
  const derived = catalog.derivedDiaryItems.get(item.code);
  if (!derived) return;
  throw validationError(
    'itemCode',
    {
      zh: `“${item.title.zh}”的数字由业务记录自动生成（${derived.from.zh}），不在日志中填报，请在相应案卷中办理。`,
      en: `The numbers of "${item.title.en}" come from the records themselves (${derived.from.en}); they are not typed into the diary. Record the work in its case file.`,
    },
    locale,
  );
}

/**
 * The item's fields validated by THE schema of the item (the same one the browser form uses);
 * issues are keyed by field name. A broken cross-field rule is the declared `diary.ruleBroken`
 * (its message on the rule's field, the details naming both fields).
 */
/** Each item's schema, built once (items are fixed while the server runs). */
const fieldSchemas = new WeakMap<DiaryItem, ReturnType<typeof diaryFieldsSchema>>();

function parseFields(item: DiaryItem, fields: Record<string, unknown>, locale: Locale): Record<string, unknown> {
  let schema = fieldSchemas.get(item);
  if (!schema) fieldSchemas.set(item, (schema = diaryFieldsSchema(item)));
  const result = schema.safeParse(fields);
  if (result.success) return result.data as Record<string, unknown>;
  const issues: FieldIssue[] = [];
  const localized = fieldIssuesOf(result.error, locale) ?? [];
  let firstRule: DiaryItem['rules'][number] | null = null;
  result.error.issues.forEach((issue, i) => {
    const rule = brokenDiaryRule(item, issue);
    if (rule) {
      firstRule ??= rule;
      issues.push({ path: rule.field, message: pickText(rule.message, locale) });
    } else if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        issues.push({ path: key, message: pickText({ zh: `日志事项“${item.title.zh}”没有此项。`, en: `The item "${item.title.en}" has no such field.` }, locale) });
      }
    } else issues.push(localized[i]!);
  });
  // Only the rules broken: the entry is otherwise valid, and the error says which fields disagree.
  const rule = firstRule as DiaryItem['rules'][number] | null;
  if (rule && issues.length === result.error.issues.length && result.error.issues.every((issue) => brokenDiaryRule(item, issue))) {
    throw pluginError(diaryManifest, 'ruleBroken', { itemCode: item.code, field: rule.field, other: rule.other, kind: rule.kind, factor: rule.factor }, { issues });
  }
  throw new SifaError('VALIDATION_FAILED', { issues });
}

/** Refuses a change the client made for another user than the caller (see `author` in schemas.ts). */
function refuseOtherUser(author: string | undefined, actor: { userId: string }): void {
  if (author === undefined || author === actor.userId) return;
  throw pluginError(
    diaryManifest,
    'otherUser',
    { author },
    {
      message: {
        zh: '这项修改是另一位用户在本设备上填写的，未保存；待其本人登录后会自动同步。',
        en: 'This change was made on this device by another user and was not saved; it syncs when they sign in.',
      },
    },
  );
}

/** What a save uses of a scoped procedure's context. */
type SaveContext = Pick<ScopedServices, 'db' | 'orgs' | 'facts' | 'audit'> & {
  actor: Actor;
  scope: { orgCode: string };
  locale: Locale;
  platform: { catalog: PlatformCatalog; now(): Date };
};

/**
 * The answer `diary.save` would have given for one refused entry of a batch, in the caller's
 * language; null for a failure that is not the entry's (INTERNAL, the database went away): the
 * whole batch fails then and is sent again.
 */
function refusalOf(error: unknown, locale: Locale): DiaryEntryRefusal | null {
  const sifa = toSifaError(error, (cause) => fieldIssuesOf(cause, locale));
  if (sifa.httpStatus >= 500) return null;
  return {
    sifaCode: sifa.sifaCode,
    message: sifa.messageFor(locale),
    issues: sifa.issues.map((issue) => {
      const text = catalogMessage(issue.message);
      return { path: issue.path, message: text ? pickText(text, locale) : issue.message };
    }),
    details: sifa.details,
    pluginError: sifa.pluginError,
  };
}

export function createDiaryPlugin(options: DiaryPluginOptions = {}) {
  const { editWindowDays, timeZone } = diaryPluginOptionsSchema.parse(options);

  const editableUntil = (createdAt: Date) => new Date(createdAt.getTime() + editWindowDays * dayMs);

  const toEntry = (row: DiaryEntryRow): DiaryEntry => ({
    id: row.id,
    idempotencyKey: row.idempotencyKey,
    orgCode: row.orgCode,
    day: row.day,
    itemCode: row.itemCode,
    fields: row.fields,
    authorId: row.authorId,
    authorName: row.authorName,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    editableUntil: editableUntil(row.createdAt).toISOString(),
  });

  /** The entry's facts: its numeric fields' metrics, and one `diary.entries`. */
  const entryFacts = (item: DiaryItem, row: DiaryEntryRow) => ({
    source: { kind: 'diary.entry', id: row.id },
    facts: [...diaryEntryFacts(item, row.fields), { metric: 'diary.entries', value: 1 }].map((f) => ({ orgCode: row.orgCode, day: row.day, ...f })),
  });
  /** Replaces the entry's facts with what it says now (`created`: the entry is new, it has none yet). */
  const recordFacts = (facts: FactsService, item: DiaryItem, row: DiaryEntryRow, created = false) => facts.recordMany([entryFacts(item, row)], { newSources: created });

  /** The entry, locked for the rest of the transaction, if the caller wrote it and may still change it. */
  async function ownEditableEntry(
    ctx: { db: SifaDb; actor: { userId: string }; platform: { now(): Date } },
    id: string,
  ): Promise<DiaryEntryRow> {
    const [row] = await ctx.db.select().from(diaryEntries).where(eq(diaryEntries.id, id)).for('update');
    if (!row) {
      throw new SifaError('NOT_FOUND', {
        message: { zh: '找不到这条日志，它可能已被删除或不在您的管辖范围内。', en: 'This diary entry was not found. It may have been deleted, or it is outside the area you manage.' },
        details: { id },
      });
    }
    if (row.authorId !== ctx.actor.userId) {
      throw new SifaError('FORBIDDEN', {
        message: { zh: '只有填报人本人可以修改或删除这条日志。', en: 'Only the person who wrote this diary entry can change or delete it.' },
        details: { id },
      });
    }
    const until = editableUntil(row.createdAt);
    if (ctx.platform.now().getTime() >= until.getTime()) {
      const shown = `${dayIn(timeZone, until)} ${until.toLocaleTimeString('en-GB', { timeZone, hour: '2-digit', minute: '2-digit' })}`;
      throw new SifaError('FORBIDDEN', {
        message: {
          zh: `日志填报后 ${editWindowDays} 天内可以修改或删除，这条日志的修改期限已于 ${shown} 截止，内容已计入统计。如确需更正，请联系所属旗县区司法局处理。`,
          en: `Diary entries can be changed or deleted for ${editWindowDays} days after they are saved; this one could be changed until ${shown} (${timeZone}) and now counts in the statistics as it is. If it must be corrected, ask your county justice bureau.`,
        },
        details: { id, editWindowDays, editableUntil: until.toISOString() },
      });
    }
    return row;
  }

  /** One save with its checks, idempotency, facts and audit (`diary.save`, and each entry of `diary.saveMany`). */
  async function saveEntry(ctx: SaveContext, input: z.output<typeof diarySaveInputSchema>): Promise<DiaryEntry> {
    refuseOtherUser(input.author, ctx.actor);
    const item = findItem(ctx.platform.catalog, input.itemCode, ctx.locale);
    refuseDerived(ctx.platform.catalog, item, ctx.locale);
    const fields = parseFields(item, input.fields, ctx.locale);
    const now = ctx.platform.now();
    const today = dayIn(timeZone, now);
    if (input.day > today) {
      throw validationError(
        'day',
        { zh: `不能填报未来日期的日志（今天是 ${today}）。`, en: `The day cannot be in the future (today is ${today} in ${timeZone}).` },
        ctx.locale,
      );
    }

    // One save per (author, key) at a time: a second request with the key while the first
    // is in flight is told to retry (it will then find the stored entry). The office and the
    // key's lock in one round trip; the key's stored entry only once the lock is held (read
    // earlier, it could miss an entry whose save committed just before the lock was taken).
    const idempotencyKey = input.idempotencyKey.toLowerCase();
    const lockKey = saveLockKey(ctx.actor.userId, idempotencyKey);
    const [org, locked] = await Promise.all([
      ctx.orgs.get(input.orgCode ?? ctx.scope.orgCode),
      ctx.db.execute(sql`SELECT pg_try_advisory_xact_lock(${lockKey.toString()}::bigint) AS locked`),
    ]);
    if (org.level !== 'office' && org.level !== 'village') {
      throw validationError(
        'orgCode',
        {
          zh: `工作日志记在司法所（或其下村、社区）名下，${org.name.zh}不是司法所。`,
          en: `Diary entries belong to a judicial office (or a village under it); ${org.name.en ?? org.name.zh} is not one.`,
        },
        ctx.locale,
      );
    }
    if (!rowsOf<{ locked: boolean }>(locked)[0]?.locked) {
      throw new SifaError('RETRY_LATER', { details: { idempotencyKey } });
    }
    const [existing] = await ctx.db
      .select()
      .from(diaryEntries)
      .where(and(eq(diaryEntries.authorId, ctx.actor.userId), eq(diaryEntries.idempotencyKey, idempotencyKey)));

    const payloadHash = sha256(canonicalJson({ day: input.day, itemCode: item.code, orgCode: org.code, fields })).toString('hex');
    const keyUsed = () =>
      new SifaError('CONFLICT', {
        message: {
          zh: `幂等键 ${idempotencyKey} 已用于另一条内容不同的日志。新日志请使用新的幂等键；如要修改原日志，请使用“修改”。`,
          en: `The idempotency key ${idempotencyKey} was already used for a different diary entry. Use a new key for a new entry, or update the existing one.`,
        },
        details: { idempotencyKey },
      });
    if (existing) {
      if (existing.payloadHash !== payloadHash) throw keyUsed();
      // A replay: the stored entry, unchanged; no new facts. (The platform audits every
      // mutation request; this says which entry the replay resolved to.)
      await ctx.audit.record({ action: 'diary.entry.replay', orgCode: existing.orgCode, entity: 'diary_entries', entityId: existing.id });
      return toEntry(existing);
    }

    const [row] = await ctx.db
      .insert(diaryEntries)
      .values({
        orgCode: org.code,
        orgPath: org.path,
        day: input.day,
        itemCode: item.code,
        fields,
        authorId: ctx.actor.userId,
        authorName: ctx.actor.displayName,
        idempotencyKey,
        payloadHash,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing({ target: [diaryEntries.authorId, diaryEntries.idempotencyKey] })
      .returning();
    // Under the lock a conflict means the key's entry exists but is not visible here (the
    // author has moved to another office since): the key is spent either way.
    if (!row) throw keyUsed();
    await recordFacts(ctx.facts, item, row, true);
    const entry = toEntry(row);
    await ctx.audit.record({ action: 'diary.entry.create', orgCode: row.orgCode, entity: 'diary_entries', entityId: row.id, after: entry, rowHash: row.rowHash });
    return entry;
  }

  const router = createRouter({
    /** Every installed plugin's diary items (the form of each is built from its field specs). */
    catalog: scopedProcedure('diary.read')
      .output(diaryCatalogSchema)
      .query(({ ctx }) => {
        const { diaryItems, derivedDiaryItems } = ctx.platform.catalog;
        return { items: diaryItems.map((item) => ({ ...item, derived: derivedDiaryItems.get(item.code) })), editWindowDays };
      }),

    /** Entries of one month in the caller's subtree (or in `orgCode`'s), by day then time of saving. */
    month: scopedProcedure('diary.read')
      .input(diaryMonthInputSchema)
      .output(diaryMonthOutputSchema)
      .query(async ({ ctx, input }) => {
        const root = input.orgCode ? await ctx.orgs.get(input.orgCode) : { code: ctx.scope.orgCode, path: ctx.scope.orgPath };
        const rows = await ctx.db
          .select()
          .from(diaryEntries)
          .where(and(inSubtree(diaryEntries.orgPath, root.path), gte(diaryEntries.day, `${input.month}-01`), lt(diaryEntries.day, nextMonthStart(input.month))))
          .orderBy(asc(diaryEntries.day), asc(diaryEntries.createdAt), asc(diaryEntries.id))
          .limit(maxMonthEntries + 1);
        if (rows.length > maxMonthEntries) {
          throw validationError(
            'orgCode',
            {
              zh: `该范围 ${input.month} 的日志超过 ${maxMonthEntries} 条，请选择下级单位分别查看。`,
              en: `There are more than ${maxMonthEntries} entries in ${input.month} for this area. Choose a unit further down the tree.`,
            },
            ctx.locale,
          );
        }
        return { month: input.month, orgCode: root.code, entries: rows.map(toEntry) };
      }),

    save: scopedProcedure('diary.write')
      .input(diarySaveInputSchema)
      .output(diaryEntrySchema)
      .mutation(({ ctx, input }) => saveEntry(ctx, input)),

    /**
     * An outbox's queued saves in one request and one transaction: each entry in a savepoint of
     * its own, so a refused entry (its typed error in the result) leaves the others saved, and
     * each keeps `diary.save`'s idempotency (a replayed key answers its stored entry). An
     * unexpected failure (the database went away) fails the whole request and saves nothing:
     * the client sends it again.
     */
    saveMany: scopedProcedure('diary.write')
      .input(diarySaveManyInputSchema)
      .output(diarySaveManyOutputSchema)
      .mutation(async ({ ctx, input }) => {
        const results: DiarySaveManyOutput['results'] = [];
        for (const one of input.entries) {
          await ctx.db.execute(sql`SAVEPOINT diary_save_many`);
          try {
            const entry = await saveEntry(ctx, one);
            await ctx.db.execute(sql`RELEASE SAVEPOINT diary_save_many`);
            results.push({ idempotencyKey: one.idempotencyKey.toLowerCase(), ok: true, entry });
          } catch (error) {
            await ctx.db.execute(sql`ROLLBACK TO SAVEPOINT diary_save_many`);
            const refusal = refusalOf(error, ctx.locale);
            if (!refusal) throw error;
            results.push({ idempotencyKey: one.idempotencyKey.toLowerCase(), ok: false, error: refusal });
          }
        }
        return { results };
      }),

    /** The author replaces an entry's fields within the edit window; its facts are replaced too. */
    update: scopedProcedure('diary.write')
      .input(diaryUpdateInputSchema)
      .output(diaryEntrySchema)
      .mutation(async ({ ctx, input }) => {
        refuseOtherUser(input.author, ctx.actor);
        const before = await ownEditableEntry(ctx, input.id);
        const item = findItem(ctx.platform.catalog, before.itemCode, ctx.locale);
        refuseDerived(ctx.platform.catalog, item, ctx.locale);
        const fields = parseFields(item, input.fields, ctx.locale);
        // The payload hash stays that of the creating save: a late replay of it still returns this entry.
        const [after] = await ctx.db.update(diaryEntries).set({ fields, updatedAt: ctx.platform.now() }).where(eq(diaryEntries.id, before.id)).returning();
        await recordFacts(ctx.facts, item, after!);
        const entry = toEntry(after!);
        await ctx.audit.record({ action: 'diary.entry.update', orgCode: before.orgCode, entity: 'diary_entries', entityId: before.id, before: toEntry(before), after: entry, rowHash: after!.rowHash });
        return entry;
      }),

    /** The author deletes an entry within the edit window; its facts are retracted. */
    remove: scopedProcedure('diary.write')
      .input(diaryRemoveInputSchema)
      .output(diaryRemovedSchema)
      .mutation(async ({ ctx, input }) => {
        refuseOtherUser(input.author, ctx.actor);
        const before = await ownEditableEntry(ctx, input.id);
        await ctx.db.delete(diaryEntries).where(eq(diaryEntries.id, before.id));
        await ctx.facts.recordForSource({ kind: 'diary.entry', id: before.id }, []);
        await ctx.audit.record({ action: 'diary.entry.delete', orgCode: before.orgCode, entity: 'diary_entries', entityId: before.id, before: toEntry(before), rowHash: '-' });
        return { id: before.id };
      }),
  });

  return defineServerPlugin(diaryManifest, {
    router,
    tables: [diaryEntries],
    migrationsFolder: fileURLToPath(new URL('../../migrations', import.meta.url)),
    // Demo content: a labelled, deterministic diary history of every office (demo-history.ts).
    seed: async (ctx) => {
      // Items produced by another installed plugin's records (mediation cases) are not typed in the demo diary.
      await seedDemoHistory(ctx, { timeZone, dayIn, entryFacts, derivedItems: new Set(ctx.catalog.derivedDiaryItems.keys()) });
    },
  });
}

/** The diary router, as mounted under `diary.` (what `DiaryApi` is inferred from). */
export type DiaryRouter = NonNullable<ReturnType<typeof createDiaryPlugin>['router']>;
