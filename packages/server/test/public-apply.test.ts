/**
 * The public write path (`platform.publicForms.*`) over HTTP on both engines, with the test-only case
 * type of `fixtures/casebook` (it offers a public form): a citizen with nothing but the page's
 * publishable key sends an application into an office of the key's subtree and gets a tracking
 * number and a secret code; the office sees the case (personal data sealed at rest: read from the
 * raw row); the status answers only with both; limits per key and per client (`RATE_LIMITED`
 * with retryAfter), the proof of work past a client's threshold, a repeat within a day, the
 * consent version, unknown fields, other subtrees and hostile text. Clients are told apart by
 * X-Forwarded-For (the server trusts its proxy here).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rowsOf } from '@sifa/core/db';
import { sifaErrorOf, startTestServer, type TestServerOf } from '@sifa/server/testing';
import { solveChallenge } from '../src/apply/challenge.js';
import { casebookPlugin } from './fixtures/casebook/plugin.js';

const clock = { now: new Date('2026-09-28T02:00:00Z') };
const plugins = [casebookPlugin] as const;
let t: TestServerOf<typeof plugins>;
let hongshanKey = '';
let songshanKey = '';

beforeAll(async () => {
  t = await startTestServer({ plugins, now: () => clock.now, trustProxy: true, publicApply: { perKeyPerMinute: 40, perClientPerHour: 6, challengeAfter: 3, difficulty: 6, statusPerMinute: 20 } });
  hongshanKey = await t.publishableKey('150402');
  songshanKey = await t.publishableKey('150404');
});
afterAll(() => t?.close());

let clientSeq = 0;
/** A citizen's browser: its own address (X-Forwarded-For), the page's key. */
const citizen = (key = hongshanKey, address = `203.0.113.${++clientSeq}`, locale = 'zh-CN') => t.publicClient(key, { locale, headers: { 'x-forwarded-for': address } }).platform.publicForms;

const zhang = { role: 'applicant', name: '张三', idNumber: '150402198001011232', phone: '13812345678', address: '西屯街道幸福路1号' };
const fields = (summary = '邻居占用通道', extra: Record<string, unknown> = {}) => ({ parties: [zhang], category: 'neighbour', summary, contactPhone: '13900001111', ...extra });
const consentOf = async (apply = citizen()) => ({ accepted: true as const, version: (await apply.list.query({ type: 'casebook.case' }))[0]!.consentVersion });

describe('a citizen applies with the page\'s key', () => {
  it('lists the public forms: the fields asked, the consent and its version', async () => {
    const forms = await citizen().list.query({});
    expect(forms.map((f) => f.type)).toEqual(['casebook.case']);
    expect(forms[0]!.order).toEqual(['parties', 'category', 'summary', 'contactPhone']);
    expect(forms[0]!.consent.zh).toContain('加密存储');
    expect(forms[0]!.consentVersion).toMatch(/^[0-9a-f]{16}$/);
    // Without a key: refused, saying what to set.
    const anon = await sifaErrorOf(t.clientWithToken(null).platform.publicForms.list.query({}));
    expect(anon.data).toMatchObject({ sifaCode: 'UNAUTHENTICATED' });
  });

  it('sends it into the office: a tracking number and a code; the office has the case, personal data sealed at rest', async () => {
    const apply = citizen();
    const sent = await apply.submit.mutate({ type: 'casebook.case', orgCode: '150402001', fields: fields(), consent: await consentOf(apply) });
    expect(sent).toMatchObject({ duplicate: false, number: '（2026）西屯测字第1号', receivedOn: '2026-09-28', orgName: { zh: '西屯街道司法所' } });
    if (sent.duplicate) throw new Error('unexpected duplicate');
    expect(sent.code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    const office = (await t.client('xitun', { locale: 'en' })).casebook.cases;
    const { rows } = await office.list.query({});
    const file = await office.get.query({ id: rows[0]!.id });
    expect(file).toMatchObject({ number: sent.number, state: 'registered', fields: { parties: [zhang], summary: '邻居占用通道', contactPhone: '13900001111' } });
    expect(file.events[0]).toMatchObject({ by: { name: '网上申请' }, fields: expect.objectContaining({ source: 'walk-in' }) });
    const [raw] = rowsOf<{ row: string; code_hash: string }>(
      await t.db.handle.db.execute(sql`SELECT (SELECT c::text FROM cases c WHERE c.id = p.case_id) || (SELECT string_agg(e::text, ' ') FROM case_events e WHERE e.case_id = p.case_id) || p::text AS row, p.code_hash FROM public_applications p`),
    );
    for (const secret of ['张三', '150402198001011232', '13812345678', '13900001111', sent.code]) expect(raw!.row).not.toContain(secret);
    expect(raw!.code_hash).toMatch(/^[0-9a-f]{64}$/);

    // The applicant follows it with the number and the code, and nothing else.
    const status = await citizen().status.mutate({ number: sent.number, code: sent.code });
    expect(status).toMatchObject({ number: sent.number, state: 'registered', stateTitle: { zh: '已受理' }, closed: false, steps: [{ title: { zh: '受理登记' }, on: '2026-09-28' }], nextDeadline: { due: '2026-10-16' } });
    expect(JSON.stringify(status)).not.toMatch(/张三|13812345678|t\.xitun/);
    await office.transition.mutate({ id: file.id, revision: file.revision, transition: 'investigate', fields: { note: '约谈双方' } });
    expect((await citizen().status.mutate({ number: sent.number, code: sent.code.toLowerCase() })).steps.map((s) => s.title.zh)).toEqual(['受理登记', '开始调查']);
    const wrongCode = await sifaErrorOf(citizen().status.mutate({ number: sent.number, code: 'AAAA-BBBB-CCCC' }));
    const unknown = await sifaErrorOf(citizen().status.mutate({ number: '（2026）西屯测字第99号', code: sent.code }));
    expect(wrongCode.data).toMatchObject({ sifaCode: 'NOT_FOUND' });
    expect(wrongCode.message).toBe(unknown.message);
    // The code travels in POST bodies only, and never reaches the log.
    expect(t.logs.join('\n')).not.toContain(sent.code);
    // Another county's page does not find it even with both.
    expect((await sifaErrorOf(citizen(songshanKey).status.mutate({ number: sent.number, code: sent.code }))).data).toMatchObject({ sifaCode: 'NOT_FOUND' });
  });

  it('answers a repeat within a day with the first number (no second case), a day later a new one', async () => {
    const apply = citizen();
    const consent = await consentOf(apply);
    const first = await apply.submit.mutate({ type: 'casebook.case', orgCode: '150402002', fields: fields('重复的申请'), consent });
    const again = await apply.submit.mutate({ type: 'casebook.case', orgCode: '150402002', fields: fields('  重复的申请 '), consent });
    expect(again).toEqual({ duplicate: true, number: first.number, receivedOn: '2026-09-28', orgCode: '150402002', orgName: first.orgName });
    expect((await (await t.client('sanzhongjie')).casebook.cases.list.query({ q: '重复' })).total).toBe(1);
    clock.now = new Date('2026-09-29T03:00:00Z');
    try {
      const later = await citizen().submit.mutate({ type: 'casebook.case', orgCode: '150402002', fields: fields('重复的申请'), consent });
      expect(later).toMatchObject({ duplicate: false });
      expect(later.number).not.toBe(first.number);
    } finally {
      clock.now = new Date('2026-09-28T02:00:00Z');
    }
  });

  it('refuses bad input in the caller\'s language and writes nothing: consent changed, unknown or wrong fields, an office outside the key, a county', async () => {
    const before = rowsOf<{ n: number }>(await t.db.handle.db.execute(sql`SELECT count(*)::int AS n FROM cases`))[0]!.n;
    const apply = citizen();
    const consent = await consentOf(apply);
    const changed = await sifaErrorOf(apply.submit.mutate({ type: 'casebook.case', orgCode: '150402001', fields: fields(), consent: { accepted: true, version: '0123456789abcdef' } }));
    expect(changed.data).toMatchObject({ sifaCode: 'VALIDATION_FAILED', issues: [{ path: 'consent.version', message: '个人信息处理说明已更新，请刷新页面阅读并重新勾选同意。' }] });
    const unknownField = await sifaErrorOf(apply.submit.mutate({ type: 'casebook.case', orgCode: '150402001', fields: fields('x', { amount: 5 }), consent }));
    expect(unknownField.data).toMatchObject({ sifaCode: 'VALIDATION_FAILED', issues: [{ path: 'fields.amount' }] });
    const wrong = await sifaErrorOf(citizen(hongshanKey, '198.51.100.1', 'en').submit.mutate({ type: 'casebook.case', orgCode: '150402001', fields: { ...fields(), parties: [{ ...zhang, idNumber: '150402198001011233' }] }, consent }));
    expect(wrong.data).toMatchObject({ sifaCode: 'VALIDATION_FAILED', issues: [{ path: 'fields.parties.0.idNumber', message: 'An ID number has 18 characters with a correct check digit.' }] });
    const outside = await sifaErrorOf(citizen(songshanKey).submit.mutate({ type: 'casebook.case', orgCode: '150402001', fields: fields(), consent }));
    expect(outside.data).toMatchObject({ sifaCode: 'OUT_OF_SCOPE' });
    const nowhere = await sifaErrorOf(citizen().submit.mutate({ type: 'casebook.case', orgCode: '150402999', fields: fields(), consent }));
    expect(nowhere.data.sifaCode).toMatch(/NOT_FOUND|OUT_OF_SCOPE/);
    const noForm = await sifaErrorOf(citizen().submit.mutate({ type: 'casebook.other', orgCode: '150402001', fields: fields(), consent }));
    expect(noForm.data).toMatchObject({ sifaCode: 'NOT_FOUND' });
    expect(rowsOf<{ n: number }>(await t.db.handle.db.execute(sql`SELECT count(*)::int AS n FROM cases`))[0]!.n).toBe(before);
  });

  it('refuses an application to an office that has closed, saying so', async () => {
    // A page may still offer an office its bureau closed since (a fixed `office`, a cached list).
    const hongshan = await t.client('hongshan');
    await hongshan.platform.org.setServiceArea.mutate({ office: '150402008', divisions: ['150402008', '150402009'], move: true });
    await hongshan.platform.org.close.mutate({ code: '150402009', reason: '撤并' });
    const apply = citizen();
    const closed = await sifaErrorOf(apply.submit.mutate({ type: 'casebook.case', orgCode: '150402009', fields: fields('关闭后的申请'), consent: await consentOf(apply) }));
    expect(closed.data).toMatchObject({ sifaCode: 'CONFLICT', details: { orgCode: '150402009' } });
    expect(closed.message).toContain('已于 2026-09-28 关闭');
  });

  it('lets a key be restricted to some forms: the others are neither listed nor accepted', async () => {
    const city = await t.client('city');
    const created = await city.platform.keys.create.mutate({ kind: 'publishable', orgCode: '150402', label: 'only another form', allowedOrigins: ['http://localhost:1'], publicForms: ['casebook.other'] });
    expect(created.publicForms).toEqual(['casebook.other']);
    const restricted = citizen(created.key, '198.51.100.50', 'en');
    expect(await restricted.list.query({})).toEqual([]);
    const consent = await consentOf();
    const refused = await sifaErrorOf(restricted.submit.mutate({ type: 'casebook.case', orgCode: '150402001', fields: fields('受限的密钥'), consent }));
    expect(refused.data).toMatchObject({ sifaCode: 'FORBIDDEN', details: { type: 'casebook.case' } });
    expect(refused.message).toBe('This site\'s key may not submit "Test case file".');
    const allowed = await city.platform.keys.create.mutate({ kind: 'publishable', orgCode: '150402', allowedOrigins: ['http://localhost:1'], publicForms: ['casebook.case'] });
    expect((await citizen(allowed.key).list.query({})).map((f) => f.type)).toEqual(['casebook.case']);
  });

  it('stores hostile text as text: what the office reads back is exactly what was typed', async () => {
    const hostile = '<img src=x onerror="alert(1)"><script>alert(2)</script>\u202e${7*7}{{constructor}}';
    const apply = citizen();
    const sent = await apply.submit.mutate({ type: 'casebook.case', orgCode: '150402001', fields: fields(hostile), consent: await consentOf(apply) });
    const office = (await t.client('xitun')).casebook.cases;
    const { rows } = await office.list.query({ q: sent.number });
    expect((await office.get.query({ id: rows[0]!.id })).fields.summary).toBe(hostile);
  });
});

describe('limits', () => {
  it('asks a client past its threshold for a proof of work, which the server checks once', async () => {
    const address = '192.0.2.77';
    const apply = citizen(hongshanKey, address, 'en');
    const consent = await consentOf(apply);
    for (let i = 0; i < 3; i++) await apply.submit.mutate({ type: 'casebook.case', orgCode: '150402001', fields: fields(`第${i}件`), consent });
    const asked = await sifaErrorOf(apply.submit.mutate({ type: 'casebook.case', orgCode: '150402001', fields: fields('第4件'), consent }));
    expect(asked.data).toMatchObject({ sifaCode: 'CHALLENGE_REQUIRED', httpStatus: 429, details: { difficulty: 6, reason: 'missing' } });
    const { challenge, difficulty } = await apply.challenge.mutate({ type: 'casebook.case' });
    const nonce = solveChallenge(challenge, difficulty);
    const weak = await sifaErrorOf(apply.submit.mutate({ type: 'casebook.case', orgCode: '150402001', fields: fields('第4件'), consent, proof: { challenge, nonce: nonce === '0' ? '1' : '0' } }));
    expect(weak.data.details).toMatchObject({ reason: expect.stringMatching(/too-weak|used/) });
    expect(await apply.submit.mutate({ type: 'casebook.case', orgCode: '150402001', fields: fields('第4件'), consent, proof: { challenge, nonce } })).toMatchObject({ duplicate: false });
    // A challenge works once, and only for the client it was given to.
    const reused = await sifaErrorOf(apply.submit.mutate({ type: 'casebook.case', orgCode: '150402001', fields: fields('第5件'), consent, proof: { challenge, nonce } }));
    expect(reused.data.details).toMatchObject({ reason: 'used' });
    const other = await citizen(hongshanKey, '192.0.2.78').challenge.mutate({ type: 'casebook.case' });
    const stolen = await sifaErrorOf(apply.submit.mutate({ type: 'casebook.case', orgCode: '150402001', fields: fields('第5件'), consent, proof: { challenge: other.challenge, nonce: solveChallenge(other.challenge, other.difficulty) } }));
    expect(stolen.data.details).toMatchObject({ reason: 'invalid' });
  });

  it('refuses a client past its hourly limit with the seconds to wait, in its language; another client goes on', async () => {
    const address = '192.0.2.99';
    const apply = citizen(hongshanKey, address, 'en');
    const consent = await consentOf(apply);
    const proof = async () => {
      const c = await apply.challenge.mutate({ type: 'casebook.case' });
      return { challenge: c.challenge, nonce: solveChallenge(c.challenge, c.difficulty) };
    };
    for (let i = 0; i < 6; i++) await apply.submit.mutate({ type: 'casebook.case', orgCode: '150402002', fields: fields(`限额${i}`), consent, ...(i >= 3 ? { proof: await proof() } : {}) });
    const limited = await sifaErrorOf(apply.submit.mutate({ type: 'casebook.case', orgCode: '150402002', fields: fields('限额6'), consent, proof: await proof() }));
    expect(limited.data).toMatchObject({ sifaCode: 'RATE_LIMITED', httpStatus: 429, details: { retryAfter: expect.any(Number) } });
    expect(limited.data.details.retryAfter).toBeGreaterThan(3000);
    expect(limited.message).toMatch(/^Too many submissions\. Try again in \d+ seconds\.$/);
    expect(await citizen().submit.mutate({ type: 'casebook.case', orgCode: '150402002', fields: fields('另一位申请人'), consent })).toMatchObject({ duplicate: false });
    // In HTTP too: 429 with Retry-After.
    const raw = await fetch(`${t.url}/trpc/platform.publicForms.submit`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-sifa-key': hongshanKey, 'x-forwarded-for': address },
      body: JSON.stringify({ type: 'casebook.case', orgCode: '150402002', fields: fields('限额7'), consent }),
    });
    expect(raw.status).toBe(429);
    expect(Number(raw.headers.get('retry-after'))).toBeGreaterThan(3000);
    // An hour later the client may send again.
    clock.now = new Date('2026-09-28T03:00:01Z');
    try {
      expect(await apply.submit.mutate({ type: 'casebook.case', orgCode: '150402002', fields: fields('一小时后'), consent })).toMatchObject({ duplicate: false });
    } finally {
      clock.now = new Date('2026-09-28T02:00:00Z');
    }
  });

  it('limits a key across its clients (per minute)', async () => {
    clock.now = new Date('2026-09-28T02:10:00Z'); // a minute of its own
    try {
      const consent = await consentOf(citizen(songshanKey));
      let refused: Awaited<ReturnType<typeof sifaErrorOf>> | null = null;
      for (let i = 0; i < 45 && !refused; i++) {
        try {
          await citizen(songshanKey).submit.mutate({ type: 'casebook.case', orgCode: '150404001', fields: fields(`松山${i}`), consent });
        } catch (error) {
          refused = await sifaErrorOf(Promise.reject(error));
        }
      }
      expect(refused?.data).toMatchObject({ sifaCode: 'RATE_LIMITED', details: { retryAfter: expect.any(Number) } });
      expect((await (await t.client('zhenxing')).casebook.cases.list.query({ q: '松山' })).total).toBe(40);
    } finally {
      clock.now = new Date('2026-09-28T02:00:00Z');
    }
  });
});
