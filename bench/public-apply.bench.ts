/**
 * Public submissions on PostgreSQL (BENCH_POSTGRES_URL or postgres://postgres@127.0.0.1:5432/postgres;
 * the bench creates its own database and drops it): citizens sending applications through a
 * publishable key over HTTP (`POST /trpc/platform.publicForms.submit`), BENCH_APPLY_CONCURRENCY
 * (default 8) at a time for BENCH_SECONDS, each from its own address (X-Forwarded-For behind a
 * trusted proxy), with the limits enforced: every request counted per key and per client, the
 * repeat digest looked up, the code hashed, the consent checked. The per-key limit is raised so
 * that the bench measures the path, not the limit. Peer: office staff opening the same case over
 * HTTP (`casework.cases.open`, signed in), the same engine underneath, in the same run.
 */
import { randomBytes } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { caseworkRouter, createRouter, defineCaseType, definePlugin, defineServerPlugin } from '@sifa/core';
import { aesGcmFieldCipher, createLogger, createSifaServer, openDatabase, seedOrgTree } from '@sifa/server';
import { defineBenchmark } from './lib/types.js';

const adminUrl = process.env['BENCH_POSTGRES_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const t = (zh: string, en: string) => ({ zh, en });

const benchForm = defineCaseType({
  code: 'benchapply.case',
  title: t('压测申请', 'Bench application'),
  numberMark: '申',
  readPermission: 'benchapply.read',
  fields: {
    applicants: { kind: 'parties', title: t('申请人', 'Applicant'), roles: [{ value: 'applicant', title: t('申请人', 'Applicant') }] },
    matter: { kind: 'choice', title: t('事项', 'Matter'), options: [{ value: 'a', title: t('甲', 'A') }, { value: 'b', title: t('乙', 'B') }] },
    summary: { kind: 'text', title: t('申请事项', 'Summary'), multiline: true, maxLength: 2000 },
    channel: { kind: 'choice', title: t('方式', 'Channel'), options: [{ value: 'online', title: t('网上', 'Online') }, { value: 'in-person', title: t('当面', 'In person') }] },
  },
  listFields: ['matter', 'summary'],
  states: [
    { code: 'received', title: t('已接收', 'Received') },
    { code: 'done', title: t('已办结', 'Done'), closed: true },
  ],
  transitions: [
    { code: 'receive', title: t('接收', 'Receive'), from: [], to: 'received', permission: 'benchapply.work', facts: [{ metric: 'benchapply.received' }] },
    { code: 'close', title: t('办结', 'Close'), from: ['received'], to: 'done', permission: 'benchapply.work' },
  ],
  deadlines: [{ code: 'forwarding', title: t('转递期限', 'Forwarding'), from: 'receive', days: 3, unit: 'working', basis: t('压测', 'bench'), metBy: ['close'] }],
  publicForm: { fields: ['applicants', 'matter', 'summary'], preset: { channel: 'online' }, consent: t('仅用于办理本申请。', 'Used only for this application.') },
});

const plugin = defineServerPlugin(
  definePlugin({
    id: 'benchapply',
    version: '1.0.0',
    core: '^0.1.0',
    title: t('压测申请', 'Bench applications'),
    permissions: [
      { name: 'benchapply.read', title: t('查看', 'Read'), roles: ['office_staff', 'county_admin', 'city_admin'] },
      { name: 'benchapply.work', title: t('办理', 'Work'), roles: ['office_staff', 'county_admin'] },
    ],
    contributes: { metrics: [{ code: 'benchapply.received', title: t('接收', 'Received'), unit: t('件', 'n') }], caseTypes: [benchForm] },
  }),
  { router: createRouter({ cases: caseworkRouter('benchapply.case', { read: 'benchapply.read', work: 'benchapply.work' }) }) },
);

const fieldsOf = (i: number) => ({
  applicants: [{ role: 'applicant', name: `申请人${i}`, idNumber: '150402198001011232', phone: '13812345678', address: '西屯街道幸福路1号' }],
  matter: i % 2 ? 'a' : 'b',
  summary: `压测申请第 ${i} 件：邻居占用通道。`,
});

/** Runs `send(i)` from `concurrency` workers for `ms`; answers per second and p50 / p95 ms. */
async function drive(concurrency: number, ms: number, send: (i: number) => Promise<Response>) {
  let next = 0;
  const times: number[] = [];
  let failed = 0;
  const until = performance.now() + ms;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < until) {
        const i = next++;
        const started = performance.now();
        const res = await send(i);
        await res.arrayBuffer();
        if (res.ok) times.push(performance.now() - started);
        else failed += 1;
      }
    }),
  );
  times.sort((a, b) => a - b);
  const pct = (p: number) => times[Math.min(times.length - 1, Math.floor((times.length - 1) * p))] ?? 0;
  return { perSecond: times.length / (ms / 1000), p50: pct(0.5), p95: pct(0.95), ok: times.length, failed };
}

export default defineBenchmark({
  name: 'public-apply',
  title: 'public submissions on PostgreSQL: citizens applying through a publishable key, limits enforced',
  async run(ctx) {
    const concurrency = Number(process.env['BENCH_APPLY_CONCURRENCY'] ?? 8);
    const name = `sifa_bench_apply_${randomBytes(4).toString('hex')}`;
    const admin = await openDatabase({ engine: 'postgres', url: adminUrl, maxConnections: 1 });
    await admin.db.execute(`CREATE DATABASE ${name}`);
    try {
      const server = await createSifaServer({
        database: { engine: 'postgres', url: adminUrl.replace(/\/[^/]*$/, `/${name}`), maxConnections: 8 },
        plugins: [plugin],
        logger: createLogger({ level: 'silent' }),
        jobs: { schedule: false },
        fieldCipher: aesGcmFieldCipher(randomBytes(32)),
        trustProxy: true,
        // The path with its limits counted; the per-key cap raised so the path, not the cap, is measured.
        publicApply: { perKeyPerMinute: 1_000_000, perClientPerHour: 20, challengeAfter: 3 },
        keyRequestsPerMinute: 0,
        now: () => new Date('2026-11-26T02:00:00Z'),
        port: 0,
      });
      try {
        await seedOrgTree(server.database.db);
        const url = await server.listen();
        const key = (await server.keys.create({ actorId: 'bench', actorRole: 'city_admin', withinPath: null }, { kind: 'publishable', orgCode: '150402', label: 'bench', allowedOrigins: ['http://localhost:1'] })).key;
        await server.auth.createUser({ username: 'bench.staff', password: 'bench-password-1', displayName: '压测', role: 'office_staff', orgCode: '150402001' });
        const login = await fetch(`${url}/trpc/platform.auth.login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'bench.staff', password: 'bench-password-1' }) });
        const token = ((await login.json()) as { result: { data: { token: string } } }).result.data.token;
        const forms = await fetch(`${url}/trpc/platform.publicForms.list?input=${encodeURIComponent('{}')}`, { headers: { 'x-sifa-key': key } });
        const consentVersion = ((await forms.json()) as { result: { data: { consentVersion: string }[] } }).result.data[0]!.consentVersion;

        let address = 0;
        const submit = (i: number) =>
          fetch(`${url}/trpc/platform.publicForms.submit`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-sifa-key': key, 'x-forwarded-for': `10.${(++address >> 16) & 255}.${(address >> 8) & 255}.${address & 255}` },
            body: JSON.stringify({ type: 'benchapply.case', orgCode: '150402001', fields: fieldsOf(i), consent: { accepted: true, version: consentVersion } }),
          });
        const open = (i: number) =>
          fetch(`${url}/trpc/benchapply.cases.open`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
            body: JSON.stringify({ fields: { ...fieldsOf(1_000_000 + i), channel: 'in-person' } }),
          });
        ctx.progress('warm-up');
        await drive(concurrency, ctx.warmupSeconds * 1000, submit);
        await drive(concurrency, ctx.warmupSeconds * 1000, open);
        // Interleaved halves, so load from elsewhere hits both alike.
        const half = (ctx.seconds * 1000) / 2;
        ctx.progress('measuring');
        const ours = [await drive(concurrency, half, submit)];
        const peer = [await drive(concurrency, half, open)];
        peer.push(await drive(concurrency, half, open));
        ours.push(await drive(concurrency, half, submit));
        const sum = (rs: typeof ours) => ({ perSecond: rs.reduce((s, r) => s + r.perSecond, 0) / rs.length, p50: Math.max(...rs.map((r) => r.p50)), p95: Math.max(...rs.map((r) => r.p95)), failed: rs.reduce((s, r) => s + r.failed, 0) });
        const a = sum(ours);
        const b = sum(peer);
        return {
          columns: ['what', 'per second', 'p50 / p95 ms', 'failed'],
          rows: [
            [`public submission (platform.publicForms.submit), ${concurrency} at a time`, a.perSecond.toFixed(0), `${a.p50.toFixed(1)} / ${a.p95.toFixed(1)}`, a.failed],
            [`peer: staff opening the same case (cases.open, signed in), ${concurrency} at a time`, b.perSecond.toFixed(0), `${b.p50.toFixed(1)} / ${b.p95.toFixed(1)}`, b.failed],
          ],
          notes: [
            `Public / staff: ${(a.perSecond / b.perSecond).toFixed(2)}×. The public path adds the limits (in memory), the repeat lookup, the code and its row; the staff path resolves its session in the database on every request.`,
            `Load average of the machine while measuring: ${loadavg()[0]!.toFixed(1)} (1 min) on ${cpus().length} cores.`,
          ],
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
