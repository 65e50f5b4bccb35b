/**
 * The casework engine on PostgreSQL (BENCH_POSTGRES_URL or postgres://postgres@127.0.0.1:5432/postgres;
 * the bench creates its own database and drops it): one office with BENCH_CASES (default 1,000)
 * cases among BENCH_OTHER_CASES (default 2,000) of the other offices of its county: the office's
 * opened one by one through the engine (two parties, sealed; facts; audit), the others imported.
 *
 * - A step (`scoped.cases.transition`): a repeatable step recording a fact, as one scoped
 *   transaction (what a request pays inside tRPC: BEGIN, scope and role, the case read, the state
 *   machine, field validation, sealing, UPDATE … WHERE revision, the event, the document-free
 *   step's facts re-derived from the timeline and replaced, the audit entry, COMMIT). Peer: a bare
 *   transaction of the same UPDATE and INSERT (owner, no row-level security, nothing else).
 * - Importing (`scoped.cases.import`): the other offices' cases, 200 a call, and whole timelines
 *   (register and two sessions); peer: the same cases opened and stepped one by one.
 * - Listing the office's cases (`scoped.cases.list`, 50 a page and 200 a page, with the total):
 *   peer: the bare SELECT … ORDER BY opened_on DESC LIMIT n and the count, as owner.
 * p50 / p95 over BENCH_CASEWORK_ROUNDS (default 300 steps, 200 lists), ours and the peer interleaved.
 * Target (issue): a step with its facts and audit ≤ 15 ms p95; listing an office's 1,000 cases ≤ 20 ms p95.
 */
import { randomBytes } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { caseworkRouter, createRouter, defineCaseType, definePlugin, defineServerPlugin, type Actor, type SifaDb } from '@sifa/core';
import { aesGcmFieldCipher, chifengOrgTree, createLogger, createSifaServer, openDatabase, seedOrgTree } from '@sifa/server';
import { defineBenchmark } from './lib/types.js';

const adminUrl = process.env['BENCH_POSTGRES_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const rowsOf = <T>(result: unknown): T[] => (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length - 1) * p))]!;
const t = (zh: string, en: string) => ({ zh, en });

const benchCase = defineCaseType({
  code: 'benchcase.case',
  title: t('压测案件', 'Bench case'),
  numberMark: '测',
  readPermission: 'benchcase.read',
  fields: {
    parties: { kind: 'parties', title: t('当事人', 'Parties'), roles: [{ value: 'applicant', title: t('申请人', 'Applicant') }, { value: 'respondent', title: t('被申请人', 'Respondent') }] },
    category: { kind: 'choice', title: t('类型', 'Type'), options: [{ value: 'neighbour', title: t('邻里', 'Neighbours') }, { value: 'family', title: t('家庭', 'Family') }] },
    amount: { kind: 'number', title: t('金额', 'Amount'), required: false },
    summary: { kind: 'text', title: t('摘要', 'Summary'), maxLength: 500 },
  },
  listFields: ['category', 'parties', 'summary'],
  states: [
    { code: 'registered', title: t('已受理', 'Registered') },
    { code: 'working', title: t('办理中', 'Working') },
    { code: 'done', title: t('已办结', 'Done'), closed: true },
  ],
  transitions: [
    {
      code: 'register',
      title: t('受理', 'Register'),
      from: [],
      to: 'registered',
      permission: 'benchcase.work',
      facts: [{ metric: 'benchcase.cases' }, { metric: 'benchcase.parties', value: { count: 'parties' } }, { metric: 'benchcase.amount', value: { field: 'amount' } }],
    },
    {
      code: 'session',
      title: t('调解', 'Session'),
      from: ['registered', 'working'],
      to: 'working',
      permission: 'benchcase.work',
      fields: { minutes: { kind: 'number', title: t('分钟', 'Minutes'), max: 600 }, note: { kind: 'text', title: t('记录', 'Note'), required: false } },
      facts: [{ metric: 'benchcase.sessions' }, { metric: 'benchcase.minutes', value: { field: 'minutes' } }],
    },
    { code: 'close', title: t('办结', 'Close'), from: ['working'], to: 'done', permission: 'benchcase.work' },
  ],
  deadlines: [{ code: 'handling', title: t('办理期限', 'Handling'), from: 'register', days: 30, unit: 'working', basis: t('压测', 'bench'), metBy: ['close'] }],
});

const metric = (code: string) => ({ code: `benchcase.${code}`, title: t(code, code), unit: t('件', 'n') });
const plugin = defineServerPlugin(
  definePlugin({
    id: 'benchcase',
    version: '1.0.0',
    core: '^0.1.0',
    title: t('压测案件', 'Bench cases'),
    permissions: [
      { name: 'benchcase.read', title: t('查看', 'Read'), roles: ['office_staff', 'county_admin'] },
      { name: 'benchcase.work', title: t('办理', 'Work'), roles: ['office_staff'] },
    ],
    contributes: { metrics: ['cases', 'parties', 'amount', 'sessions', 'minutes'].map(metric), caseTypes: [benchCase] },
  }),
  { router: createRouter({ cases: caseworkRouter('benchcase.case', { read: 'benchcase.read', work: 'benchcase.work' }) }) },
);

const staffOf = (office: { code: string; path: string }): Actor => ({
  userId: `bench-${office.code}`,
  username: 'bench',
  displayName: '压测',
  role: 'office_staff',
  scope: { orgCode: office.code, orgPath: office.path },
  permissions: new Set(['benchcase.read', 'benchcase.work']),
  via: 'session',
});

const openFields = (i: number) => ({
  parties: [
    { role: 'applicant', name: `申请人${i}`, idNumber: '150402198001011232', phone: '13812345678', address: '内蒙古赤峰市红山区西屯街道幸福路1号' },
    { role: 'respondent', name: `被申请人${i}`, phone: '13900001111' },
  ],
  category: i % 2 ? 'neighbour' : 'family',
  amount: 1000 + i,
  summary: `相邻通行纠纷 ${i}`,
});

type Work = (i: number) => Promise<unknown>;
const stats = (ms: number[]) => ({ p50: pct(ms, 0.5), p95: pct(ms, 0.95) });

async function timed(rounds: number, work: Work) {
  return (await paired(rounds, work))[0]!;
}

/**
 * Ours and its peer interleaved (one of each per round, the order alternating), so a burst of
 * load from elsewhere on a shared machine hits both alike and the ratio stays meaningful.
 */
async function paired(rounds: number, ...subjects: Work[]) {
  for (let i = 0; i < 10; i++) for (const work of subjects) await work(-1 - i); // warm: plans cached, pages in memory
  const ms = subjects.map(() => [] as number[]);
  for (let i = 0; i < rounds; i++) {
    const order = i % 2 ? [...subjects.keys()].reverse() : [...subjects.keys()];
    for (const k of order) {
      const started = performance.now();
      await subjects[k]!(i);
      ms[k]!.push(performance.now() - started);
    }
  }
  return ms.map(stats);
}

export default defineBenchmark({
  name: 'casework',
  title: 'the casework engine on PostgreSQL: a step with its facts and audit, listing an office\'s cases',
  async run(ctx) {
    const caseCount = Number(process.env['BENCH_CASES'] ?? 1000);
    const otherCount = Number(process.env['BENCH_OTHER_CASES'] ?? 2000);
    const rounds = Number(process.env['BENCH_CASEWORK_ROUNDS'] ?? 300);
    const name = `sifa_bench_casework_${randomBytes(4).toString('hex')}`;
    const admin = await openDatabase({ engine: 'postgres', url: adminUrl, maxConnections: 1 });
    await admin.db.execute(`CREATE DATABASE ${name}`);
    try {
      const server = await createSifaServer({
        database: { engine: 'postgres', url: adminUrl.replace(/\/[^/]*$/, `/${name}`), maxConnections: 4 },
        plugins: [plugin],
        logger: createLogger({ level: 'silent' }),
        jobs: { schedule: false },
        fieldCipher: aesGcmFieldCipher(randomBytes(32)),
        // A fixed working day (deadlines are computed against it).
        now: () => new Date('2026-11-26T02:00:00Z'),
      });
      try {
        const db = server.database.db as SifaDb;
        await seedOrgTree(db);
        const offices = (await chifengOrgTree()).filter((o) => o.level === 'office' && o.parentCode === '150402');
        const [office, ...others] = offices;
        const staff = staffOf(office!);
        const dayOf = (i: number) => `2026-${String(1 + (i % 11)).padStart(2, '0')}-${String(1 + (i % 25)).padStart(2, '0')}`;
        const open = (actor: Actor, i: number) => server.runScoped(actor, (s) => s.cases.open('benchcase.case', { fields: openFields(i), on: dayOf(i) }));
        const ids: string[] = [];
        const openStarted = performance.now();
        for (let i = 0; i < caseCount; i++) {
          if (i % 250 === 0) ctx.progress(`opening the office's cases: ${i} of ${caseCount}`);
          ids.push((await open(staff, i)).id);
        }
        const openMs = (performance.now() - openStarted) / caseCount;
        // The other offices' cases go in through cases.import (200 a call), timed against opening one by one.
        const otherIds: string[] = [];
        const importStarted = performance.now();
        for (const [k, other] of others.entries()) {
          const mine = Array.from({ length: otherCount }, (_, i) => i).filter((i) => i % others.length === k);
          for (let j = 0; j < mine.length; j += 200) {
            ctx.progress(`importing the other offices' cases: ${otherIds.length} of ${otherCount}`);
            const batch = mine.slice(j, j + 200).map((i) => ({ fields: openFields(i), on: dayOf(i) }));
            const { imported } = await server.runScoped(staffOf(other), (s) => s.cases.import('benchcase.case', { cases: batch }));
            otherIds.push(...imported.map((c) => c.id));
          }
        }
        const importMs = (performance.now() - importStarted) / otherCount;
        // Whole timelines (register, two sessions): imported, and the same cases step by step.
        const last = others.at(-1)!;
        const timelineSteps = [
          { transition: 'session', on: '2026-11-02', fields: { minutes: 30 } },
          { transition: 'session', on: '2026-11-09', fields: { minutes: 45, note: '双方到场' } },
        ];
        const timelines = 400;
        const timelineStarted = performance.now();
        for (let j = 0; j < timelines; j += 200) {
          ctx.progress(`importing whole timelines: ${j} of ${timelines}`);
          await server.runScoped(staffOf(last), (s) => s.cases.import('benchcase.case', { cases: Array.from({ length: 200 }, (_, i) => ({ fields: openFields(j + i), on: '2026-10-26', steps: timelineSteps })) }));
        }
        const timelineImportMs = (performance.now() - timelineStarted) / timelines;
        const stepByStep = 100;
        const steppedStarted = performance.now();
        for (let i = 0; i < stepByStep; i++) {
          let file = await server.runScoped(staffOf(last), (s) => s.cases.open('benchcase.case', { fields: openFields(i), on: '2026-10-26' }));
          for (const step of timelineSteps) file = await server.runScoped(staffOf(last), (s) => s.cases.transition('benchcase.case', { id: file.id, revision: file.revision, ...step }));
        }
        const timelineSteppedMs = (performance.now() - steppedStarted) / stepByStep;
        await db.execute('ANALYZE');
        const revision = new Map(ids.map((id) => [id, 1]));

        ctx.progress(`steps: ${rounds}`);
        const oursStep: Work = async (i) => {
          const id = ids[(i + ids.length) % ids.length]!;
          const file = await server.runScoped(staff, (s) => s.cases.transition('benchcase.case', { id, revision: revision.get(id)!, transition: 'session', fields: { minutes: 30, note: '双方到场' } }));
          revision.set(id, file.revision);
        };
        // Peer: the same UPDATE and INSERT, bare (owner: no row-level security; no validation, sealing, facts, audit).
        const peerRevision = new Map(otherIds.map((id) => [id, 1]));
        const peerStep: Work = async (i) => {
          const id = otherIds[(i + otherIds.length) % otherIds.length]!;
          const next = peerRevision.get(id)! + 1;
          // Ids and numbers only (no user input): literals are safe here.
          await db.transaction(async (tx) => {
            await tx.execute(`UPDATE cases SET state = 'working', revision = ${next}, updated_at = now() WHERE id = '${id}' AND revision = ${next - 1}`);
            await tx.execute(`INSERT INTO case_events (case_id, seq, org_code, org_path, transition, from_state, to_state, "on", at, actor_id, actor_name, fields)
              SELECT id, ${next}, org_code, org_path, 'session', state, 'working', '2026-11-26', now(), 'bench', '压测', '{"minutes":30,"note":"双方到场"}'::jsonb FROM cases WHERE id = '${id}'`);
          });
          peerRevision.set(id, next);
        };
        const [step, bareStep] = (await paired(rounds, oursStep, peerStep)) as [ReturnType<typeof stats>, ReturnType<typeof stats>];

        ctx.progress('lists');
        const listRounds = Math.max(20, Math.round(rounds * (2 / 3)));
        const list = (limit: number): Work => () => server.runScoped(staff, (s) => s.cases.list('benchcase.case', { limit }));
        const first = await server.runScoped(staff, (s) => s.cases.list('benchcase.case', { limit: 50 }));
        if (first.total !== caseCount || first.rows.length !== 50) throw new Error(`the office lists ${first.total} cases (${first.rows.length} rows), expected ${caseCount}`);
        const bareList =
          (limit: number): Work =>
          async () => {
            await db.execute(`SELECT id, number, state, closed, opened_on, updated_at, revision, fields, masked, deadlines FROM cases
              WHERE type = 'benchcase.case' AND org_code = '${office!.code}' ORDER BY opened_on DESC, seq DESC LIMIT ${limit}`);
            await db.execute(`SELECT count(*) FROM cases WHERE type = 'benchcase.case' AND org_code = '${office!.code}'`);
          };
        const [list50, bare50] = (await paired(listRounds, list(50), bareList(50))) as [ReturnType<typeof stats>, ReturnType<typeof stats>];
        const [list200, bare200] = (await paired(listRounds, list(200), bareList(200))) as [ReturnType<typeof stats>, ReturnType<typeof stats>];
        const fileOf = await timed(listRounds, (i) => server.runScoped(staff, (s) => s.cases.get('benchcase.case', ids[(i + ids.length) % ids.length]!)));
        const [{ facts }] = rowsOf<{ facts: number }>(await db.execute(`SELECT count(*)::int AS facts FROM facts WHERE source_kind = 'benchcase.case'`)) as [{ facts: number }];

        const ms = (x: { p50: number; p95: number }) => `${x.p50.toFixed(2)} / ${x.p95.toFixed(2)}`;
        const ratio = (a: { p50: number }, b: { p50: number }) => `${(a.p50 / b.p50).toFixed(1)}×`;
        const stepMet = step.p95 <= 15;
        const listMet = list50.p95 <= 20;
        return {
          columns: ['what', 'ours p50 / p95 ms', 'peer p50 / p95 ms', 'ours / peer (p50)'],
          rows: [
            [`a step: transition with its facts and audit (${rounds} steps)`, ms(step), `${ms(bareStep)} (bare UPDATE + INSERT)`, ratio(step, bareStep)],
            [`list the office's ${caseCount} cases, 50 a page + total`, ms(list50), `${ms(bare50)} (bare SELECT + count)`, ratio(list50, bare50)],
            [`list the office's ${caseCount} cases, 200 a page + total`, ms(list200), `${ms(bare200)} (bare SELECT + count)`, ratio(list200, bare200)],
            ['one case file (get: events, attachments, deadlines, unsealed)', ms(fileOf), '', ''],
            [`opening a case (mean of ${caseCount})`, `${openMs.toFixed(2)} mean`, '', ''],
            [`importing cases (cases.import, 200 a call; mean of ${otherCount})`, `${importMs.toFixed(2)} mean (${Math.round(1000 / importMs)} cases/s)`, `${openMs.toFixed(2)} mean (${Math.round(1000 / openMs)} cases/s, opened one by one)`, `${(openMs / importMs).toFixed(1)}× faster`],
            [`a whole timeline (register + 2 sessions) imported (mean of ${timelines})`, `${timelineImportMs.toFixed(2)} mean`, `${timelineSteppedMs.toFixed(2)} mean (open + 2 steps, ${stepByStep} cases)`, `${(timelineSteppedMs / timelineImportMs).toFixed(1)}× faster`],
          ],
          notes: [
            `Load average of the machine while measuring: ${loadavg()[0]!.toFixed(1)} (1 min) on ${cpus().length} cores${loadavg()[0]! > cpus().length ? ': shared and busy, so absolute times are inflated; the ratios are measured interleaved' : ''}.`,
            `${caseCount + otherCount + timelines + stepByStep} cases in the database (${caseCount} in the measured office), ${facts} case facts.`,
            `Targets (PostgreSQL): a step ≤ 15 ms p95 — ${stepMet ? 'met' : 'MISSED'}; listing an office's 1,000 cases ≤ 20 ms p95 — ${listMet ? 'met' : 'MISSED'}.`,
            'Ours is measured as one whole scoped transaction (BEGIN, scope and role settings, the work, COMMIT), as a request pays it inside tRPC; the peers run bare statements as the owner.',
          ],
          targetMet: stepMet && listMet,
        };
      } finally {
        await server.close();
      }
    } finally {
      await admin.db.execute(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.close();
    }
  },
});
