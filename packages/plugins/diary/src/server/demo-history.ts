/**
 * DEMO DIARY HISTORY. A deterministic, synthetic work diary for every judicial office of the demo
 * tree over the last 12 months (up to yesterday), so the widgets that read facts (the
 * assessment's scores, the dashboard) show figures computed from diary entries instead of an
 * empty page. Every entry is labelled demo (author 演示数据（示范）, summary starting 【示范】);
 * none of it is real work of a real office.
 *
 * Entries go through the diary's own table and become facts through `recordMany` (source
 * kind `diary.entry`), exactly like a saved entry, 500 entries per batch; their fields are validated with the item's
 * own schema. The content of an (office, month) depends only on the office code and the month
 * (a seeded generator), so every installation gets the same history, and re-running the seed
 * adds only the days since the last run (nothing when it is up to date: `sifa start --seed`
 * runs it at every start).
 *
 * Volume: about one entry per office and month, each summing up a stretch of work of one kind
 * (a week's mediation, a month's home visits). The whole demo seed must stay within 20 s on
 * PGlite, so the history is sparse but covers every duty over the year.
 */
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import {
  addDays,
  canonicalJson,
  diaryFieldsSchema,
  diaryItemSchema,
  type DiaryItem,
  type PluginSeedContext,
  type ScopedServices,
  type WorkingCalendar,
} from '@sifa/core';
import { rowsOf } from '@sifa/core/db';
import { demoDiaryItems } from '../catalogue.js';
import { diaryEntries, type DiaryEntryRow } from './schema.js';
import { demoRandom, type DemoRandom } from '@sifa/server';

/** The author of every demo entry (the platform's seed actor). */
export const demoHistoryAuthorId = 'seed';
export const demoHistoryAuthorName = '演示数据（示范）';
const demoMark = '【示范】';

export interface DemoHistoryOptions {
  timeZone: string;
  /** The calendar day (YYYY-MM-DD) of `at` in the diary's time zone. */
  dayIn(timeZone: string, at: Date): string;
  /** An entry's facts exactly as a save records them. */
  entryFacts(item: DiaryItem, row: DiaryEntryRow): Parameters<ScopedServices['facts']['recordMany']>[0][number];
  /** Months of history (default 12, the current month included). */
  months?: number;
  /**
   * Items another plugin's records produce (`catalog.derivedDiaryItems`: mediation cases make
   * `diary.mediation`): their demo entries are left out, so nothing is counted twice and the
   * figures come from that plugin's demo records.
   */
  derivedItems?: ReadonlySet<string>;
}

type Generator = DemoRandom;

/** A UUID (version 4 layout) derived from `text`: the same entry gets the same ids everywhere. */
function uuidOf(text: string): string {
  const h = createHash('sha256').update(text).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${((parseInt(h.slice(16, 17), 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** How diligent an office is in the demo (0.3 … 1): some offices score well, some poorly. */
export function demoDiligence(orgCode: string): number {
  return 0.3 + 0.7 * demoRandom(`diligence:${orgCode}`).next();
}

const topics = ['宪法宣传', '民法典进村入户', '反电信网络诈骗', '防范非法集资', '未成年人保护', '妇女权益保障', '农村土地承包', '劳动合同与欠薪维权', '禁毒宣传', '铸牢中华民族共同体意识'];
const trainings = ['人民调解实务', '民法典婚姻家庭编', '农村土地纠纷化解', '法律明白人履职要点'];

type FieldMaker = (g: Generator, a: number) => Record<string, unknown>;

/** What one entry of each item holds; `a` (0.6 … 1.4) scales an office's activity. */
const fieldMakers: Record<string, FieldMaker> = {
  'diary.mediation': (g, a) => {
    const cases = Math.max(1, Math.round(g.int(3, 10) * a));
    const agreements = Math.min(cases, Math.round(cases * (0.55 + 0.3 * g.next() * a)));
    return {
      disputeType: g.pick(['marriage-family', 'neighbourhood', 'housing-homestead', 'contract', 'damages', 'forest-land', 'labour', 'traffic', 'other']),
      caseSource: g.pick(['proactive', 'application', 'referred']),
      cases,
      agreements,
      parties: cases * 2 + g.int(0, 3),
      summary: `${demoMark}调解矛盾纠纷 ${cases} 件，达成协议 ${agreements} 件。`,
      files: [],
    };
  },
  'diary.correction-supervision': (g, a) => ({
    homeVisits: Math.max(1, Math.round(g.int(6, 16) * a)),
    talks: Math.max(1, Math.round(g.int(3, 10) * a)),
    reports: g.int(2, 8),
    summary: `${demoMark}开展社区矫正日常监管。`,
  }),
  'diary.station-duty': (g, a) => ({
    dutyMinutes: Math.min(1440, Math.round(g.int(480, 1200) * a)),
    visitors: Math.round(g.int(5, 30) * a),
    summary: `${demoMark}公共法律服务工作站值班接待。`,
  }),
  'diary.consultation': (g, a) => ({
    channel: g.pick(['visit', 'phone', 'online', 'letter', 'video']),
    consultations: Math.max(1, Math.round(g.int(6, 25) * a)),
    referral: g.pick(['none', 'none', 'legal-aid', 'mediation', 'reconsideration', 'notary', 'arbitration']),
    summary: `${demoMark}解答群众法律咨询。`,
  }),
  'diary.law-education': (g, a) => ({
    form: g.pick(['lecture', 'campaign', 'village', 'school', 'enterprise', 'online', 'other']),
    topic: `${demoMark}${g.pick(topics)}`,
    events: Math.max(1, Math.round(g.int(2, 5) * a)),
    audience: Math.round(g.int(100, 600) * a),
    materials: Math.round(g.int(50, 500) * a),
    photos: [],
  }),
  'diary.assigned-task': (g, a) => ({
    assignedBy: g.pick(['county-bureau', 'township', 'city-bureau', 'other']),
    completed: Math.max(1, Math.round(g.int(2, 6) * a)),
    description: `${demoMark}完成上级交办的矛盾纠纷排查化解任务。`,
    files: [],
  }),
  'diary.legal-literates-training': (g, a) => ({
    trained: Math.max(1, Math.round(g.int(15, 50) * a)),
    selected: g.next() < 0.6 * a ? g.int(2, 6) : 0,
    duration: g.int(60, 240),
    topic: `${demoMark}${g.pick(trainings)}`,
  }),
  'diary.legality-review': (g, a) => ({
    documentKind: g.pick(['normative-document', 'major-decision', 'contract', 'village-rules', 'other']),
    reviewed: Math.max(1, Math.round(g.int(2, 6) * a)),
    opinions: g.int(0, 6),
    summary: `${demoMark}对乡镇文件进行合法性审查。`,
  }),
  'diary.resettlement': (g, a) => ({
    contacted: Math.max(1, Math.round(g.int(3, 10) * a)),
    assisted: g.int(0, 3),
    summary: `${demoMark}走访衔接刑满释放人员。`,
  }),
  'diary.legal-aid': (g, a) => {
    const applications = Math.max(1, Math.round(g.int(1, 5) * a));
    return { applications, forwarded: g.int(Math.max(0, applications - 1), applications), summary: `${demoMark}受理并转交法律援助申请。` };
  },
  'diary.grassroots-supervision': (g, a) => ({
    activity: g.pick(['inspection', 'file-review', 'training', 'complaint']),
    workers: Math.max(1, Math.round(g.int(2, 10) * a)),
    issues: g.int(0, 3),
    summary: `${demoMark}监督指导基层法律服务工作者。`,
  }),
  'diary.presentence-investigation': (g) => ({
    sentenceKind: g.pick(['public-surveillance', 'probation', 'parole', 'temporary-outside-prison']),
    investigations: g.int(1, 2),
    summary: `${demoMark}完成调查评估。`,
  }),
  'diary.reconsideration-forwarding': (g) => {
    const received = g.int(1, 2);
    return { applicationForm: g.pick(['written', 'oral']), received, forwarded: received, summary: `${demoMark}接收并转递行政复议申请。` };
  },
  'diary.negative-incident': (g) => ({
    kind: g.pick(['mass-incident', 'civil-to-criminal', 'correction-lost-contact', 'petition-escalation', 'other']),
    incidents: 1,
    description: `${demoMark}演示用负面清单事项。`,
    measures: `${demoMark}已按规定报告并处置。`,
  }),
  'diary.commendation': (g) => ({
    level: g.pick(['region', 'city', 'county', 'county']),
    kind: g.pick(['commendation', 'experience', 'media']),
    commendations: 1,
    description: `${demoMark}工作经验被推广。`,
    files: [],
  }),
};

/**
 * The routine of a demo office: one item a month in this order (each office starts at its own
 * place in it), so over a year a diligent office covers every duty; a second entry in some months
 * is of one of the frequent kinds.
 */
const rotation = [
  'diary.mediation',
  'diary.correction-supervision',
  'diary.law-education',
  'diary.station-duty',
  'diary.legal-literates-training',
  'diary.consultation',
  'diary.correction-supervision',
  'diary.assigned-task',
  'diary.legality-review',
  'diary.mediation',
  'diary.resettlement',
  'diary.legal-aid',
] as const;
const frequent: readonly (readonly [string, number])[] = [
  ['diary.mediation', 5],
  ['diary.correction-supervision', 5],
  ['diary.station-duty', 4],
  ['diary.consultation', 3],
  ['diary.assigned-task', 2],
  ['diary.grassroots-supervision', 2],
  ['diary.presentence-investigation', 1],
  ['diary.reconsideration-forwarding', 1],
];

export interface PlannedEntry {
  id: string;
  idempotencyKey: string;
  orgCode: string;
  day: string;
  itemCode: string;
  fields: Record<string, unknown>;
}

/** Working days by calendar and month: the same for every office, and not free to work out (the holiday calendar). */
const workingDaysOf = new WeakMap<WorkingCalendar, Map<string, string[]>>();

/** The demo entries of one office in one month (YYYY-MM), whatever day it is today, on the working days of `calendar`. */
export function plannedEntries(calendar: WorkingCalendar, orgCode: string, month: string): PlannedEntry[] {
  const d = demoDiligence(orgCode);
  const activity = 0.6 + 0.8 * d;
  const g = demoRandom(`month:${orgCode}:${month}`);
  let byMonth = workingDaysOf.get(calendar);
  if (!byMonth) workingDaysOf.set(calendar, (byMonth = new Map()));
  let days = byMonth.get(month);
  if (!days) byMonth.set(month, (days = calendar.workingDaysBetween(`${month}-01`, lastDayOf(month))));
  const offset = demoRandom(`rotation:${orgCode}`).int(0, rotation.length - 1);
  const items: string[] = [];
  // A less diligent office leaves more months without its routine entry.
  if (g.next() < 0.5 + 0.5 * d) items.push(rotation[(Number(month.slice(5, 7)) - 1 + offset) % rotation.length]!);
  if (g.next() < 0.3 * d) items.push(g.weighted(frequent));
  if (g.next() < 0.01 + 0.03 * (1 - d)) items.push('diary.negative-incident');
  if (g.next() < 0.01 + 0.03 * d) items.push('diary.commendation');
  return items.map((itemCode, index) => ({
    id: uuidOf(`demo-history:id:${orgCode}:${month}:${index}`),
    idempotencyKey: uuidOf(`demo-history:key:${orgCode}:${month}:${index}`),
    orgCode,
    day: g.pick(days),
    itemCode,
    fields: fieldMakers[itemCode]!(g, activity),
  }));
}

function lastDayOf(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

function monthsBack(today: string, count: number): string[] {
  const months: string[] = [];
  let y = Number(today.slice(0, 4));
  let m = Number(today.slice(5, 7));
  for (let i = 0; i < count; i++) {
    months.unshift(`${y}-${String(m).padStart(2, '0')}`);
    m -= 1;
    if (m === 0) {
      m = 12;
      y -= 1;
    }
  }
  return months;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * Writes the demo history that is missing: every planned entry after the newest demo entry
 * already stored, up to yesterday. Returns how many entries it added.
 */
export async function seedDemoHistory(ctx: PluginSeedContext, options: DemoHistoryOptions): Promise<number> {
  const offices = ctx.orgCodes.filter((code) => code.length === 9);
  const root = ctx.orgCodes[0];
  if (!root || offices.length === 0) return 0;
  const today = options.dayIn(options.timeZone, ctx.now());
  const yesterday = addDays(today, -1);
  const months = monthsBack(today, options.months ?? 12);
  const items = new Map<string, DiaryItem>(demoDiaryItems.map((i) => diaryItemSchema.parse(i)).map((i) => [i.code, i]));
  const schemas = new Map([...items.values()].map((i) => [i.code, diaryFieldsSchema(i)]));

  return ctx.runScoped(root, async (scoped) => {
    const [latest] = rowsOf<{ day: string | null }>(
      await scoped.db.execute(sql`SELECT max(${diaryEntries.day})::text AS day FROM ${diaryEntries} WHERE ${diaryEntries.authorId} = ${demoHistoryAuthorId}`),
    );
    const after = latest?.day ?? '';
    if (after >= yesterday) {
      ctx.log(`demo diary history up to date (until ${after})`);
      return 0;
    }
    const paths = new Map<string, string>();
    for (const code of offices) paths.set(code, (await scoped.orgs.get(code)).path);

    const rows: (typeof diaryEntries.$inferInsert)[] = [];
    for (const orgCode of offices) {
      for (const month of months) {
        for (const planned of plannedEntries(scoped.calendar, orgCode, month)) {
          if (planned.day <= after || planned.day > yesterday) continue;
          if (options.derivedItems?.has(planned.itemCode)) continue;
          // The item's own schema (the one diary.save uses): a demo entry is a valid entry.
          const fields = schemas.get(planned.itemCode)!.parse(planned.fields) as Record<string, unknown>;
          // Saved at 17:30 on its day (China time): long past its edit window.
          const at = new Date(`${planned.day}T09:30:00Z`);
          rows.push({
            id: planned.id,
            orgCode,
            orgPath: paths.get(orgCode)!,
            day: planned.day,
            itemCode: planned.itemCode,
            fields,
            authorId: demoHistoryAuthorId,
            authorName: demoHistoryAuthorName,
            idempotencyKey: planned.idempotencyKey,
            payloadHash: sha256(canonicalJson({ day: planned.day, itemCode: planned.itemCode, orgCode, fields })),
            createdAt: at,
            updatedAt: at,
          });
        }
      }
    }
    // Nothing planned since the newest entry (yesterday was a weekend or a holiday): up to date too.
    if (rows.length === 0) {
      ctx.log(`demo diary history up to date (until ${after})`);
      return 0;
    }
    let added = 0;
    for (let i = 0; i < rows.length; i += 500) {
      const inserted = await scoped.db
        .insert(diaryEntries)
        .values(rows.slice(i, i + 500))
        .onConflictDoNothing({ target: [diaryEntries.authorId, diaryEntries.idempotencyKey] })
        .returning();
      await scoped.facts.recordMany(inserted.map((row) => options.entryFacts(items.get(row.itemCode)!, row)));
      // Each entry gets its audit entry with its row hash (what `sifa audit verify` checks it against), in one statement.
      if (inserted.length > 0) {
        const list = (values: string[]) => sql`ARRAY[${sql.join(values.map((v) => sql`${v}`), sql`, `)}]::text[]`;
        await scoped.db.execute(sql`SELECT count(sifa_audit_append(${scoped.actor.userId}, ${scoped.actor.role}, 'diary.entry.seed', path, 'diary_entries', id, '', '', hash))
          FROM unnest(${list(inserted.map((r) => r.orgPath))}, ${list(inserted.map((r) => r.id))}, ${list(inserted.map((r) => r.rowHash))}) AS seeded(path, id, hash)`);
      }
      added += inserted.length;
    }
    ctx.log(`demo diary history: ${added} entries for ${offices.length} offices (${months[0]} … ${yesterday}; labelled 示范)`);
    return added;
  });
}
