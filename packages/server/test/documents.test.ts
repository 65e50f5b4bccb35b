/**
 * The document service end to end: a test plugin contributes a score-notice template; documents
 * are issued through its procedures, downloaded through the platform route and parsed back
 * (GB/T 9704 page, margins, fonts, sizes, 文号, date, every field filled), numbered per issuing
 * org and year, scoped for readers, validated, previewed, made bilingual, issued in batches with
 * live progress and cancellation, and opened by LibreOffice.
 *
 * The progress subscription is driven in-process through `server.router.createCaller` with a
 * change feed that never fires (so progress must come from the runner's own events, and the
 * cancel test can order its steps), and once end to end over server-sent events.
 */
import { createHash } from 'node:crypto';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import JSZip from 'jszip';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createRouter,
  defineDocumentTemplate,
  definePlugin,
  defineServerPlugin,
  orgCodeSchema,
  scopedProcedure,
  type DocumentBatchStatus,
  type IssuedDocument,
  type SifaContext,
} from '@sifa/core';
import { rowsOf } from '@sifa/core/db';
import type { AppRouterOf } from '@sifa/server';
import { engine, rawFetch, sifaErrorOf, startTestServer, testUsers, type TestServer } from '@sifa/server/testing';

/** Named gates a test opens to hold a batch item inside its render (and so inside its transaction). */
interface Gate {
  /** Resolves when a render reaches the gate. */
  entered: Promise<void>;
  enter(): void;
  opened: Promise<void>;
  open(): void;
}
const gates = new Map<string, Gate>();
function gate(name: string): Gate {
  let enter!: () => void;
  let open!: () => void;
  const entered = new Promise<void>((resolve) => (enter = resolve));
  const opened = new Promise<void>((resolve) => (open = resolve));
  const entry = { entered, enter, opened, open };
  gates.set(name, entry);
  return entry;
}

const noticeSchema = z.object({
  officeCode: orgCodeSchema,
  year: z.number().int().min(2000).max(2100),
  score: z.number().min(0).max(1000),
  rank: z.number().int().positive(),
  items: z.array(z.object({ name: z.string().trim().min(1), points: z.number() })).min(1),
  remarks: z.string().trim().min(1).optional(),
  /** Test only: hold the render until the named gate opens. */
  gate: z.string().optional(),
});
type Notice = z.infer<typeof noticeSchema>;

const scoreNotice = defineDocumentTemplate<Notice>({
  code: 'doctest.score-notice',
  slot: 'assessment-notice',
  title: { zh: '考核结果通知书（测试模板）', en: 'Assessment result notice (test template)' },
  dataSchema: noticeSchema,
  async render(data, ctx) {
    const held = data.gate ? gates.get(data.gate) : undefined;
    if (held) {
      held.enter();
      await held.opened;
    }
    // An unknown office code fails here (NOT_FOUND): a batch item that fails while rendering.
    const office = await ctx.orgName(data.officeCode);
    if (ctx.locale === 'mn-Mong') {
      return {
        // Test text in Mongolian script (not a reviewed translation).
        title: `${office} ${data.year} ᠣᠨ ᠤ ᠦᠨᠡᠯᠡᠭᠡ`,
        recipients: [office],
        blocks: [{ kind: 'paragraph', text: `ᠦᠨᠡᠯᠡᠭᠡ ${data.score}᠂ ${data.rank}` }],
        attachments: ['ᠬᠦᠰᠦᠨᠦᠭ'],
      };
    }
    return {
      title: `关于${office}${data.year}年度考核结果的通知`,
      recipients: [office],
      blocks: [
        { kind: 'paragraph', text: `根据年度考核办法，现将${office}${data.year}年度考核结果通知如下。` },
        { kind: 'heading', level: 1, text: '一、考核得分' },
        { kind: 'table', caption: '考核得分明细', columns: ['考核项目', '得分'], rows: data.items.map((i) => [i.name, i.points]) },
        { kind: 'heading', level: 2, text: '（一）总分与名次' },
        { kind: 'paragraph', text: `总分${data.score}分，在全区排名第${data.rank}位。` },
        ...(data.remarks ? [{ kind: 'heading' as const, level: 3 as const, text: '1．说明' }, { kind: 'paragraph' as const, text: data.remarks }] : []),
        { kind: 'list', items: ['请对照扣分项目认真整改。', '整改情况于30日内报送。'] },
      ],
      attachments: ['考核评分表', '整改反馈单'],
      copyTo: ['赤峰市司法局'],
    };
  },
});

/** A second kind (督办函), numbered in its own series by the demo catalogue, addressed to an org's authority. */
const letterSchema = z.object({ orgCode: orgCodeSchema });
const supervisionLetter = defineDocumentTemplate<z.infer<typeof letterSchema>>({
  code: 'doctest.letter',
  slot: 'supervision-letter',
  title: { zh: '督办函（测试模板）', en: 'Supervision letter (test template)' },
  dataSchema: letterSchema,
  async render(data, ctx) {
    return {
      title: '关于督办测试事项的函',
      recipients: [await ctx.authorityName(data.orgCode)],
      blocks: [{ kind: 'paragraph', text: `请${await ctx.orgName(data.orgCode)}按期办理。` }],
    };
  },
});

const docManifest = definePlugin({
  id: 'doctest',
  version: '0.1.0',
  core: '^0.1.0',
  title: { zh: '文书测试', en: 'Document test' },
  permissions: [{ name: 'doctest.issue', title: { zh: '签发测试文书', en: 'Issue test documents' }, roles: ['city_admin', 'county_admin', 'office_staff'] }],
  contributes: {
    documentTemplates: [
      { code: 'doctest.score-notice', title: { zh: '考核结果通知书（测试模板）', en: 'Assessment result notice (test template)' } },
      { code: 'doctest.letter', title: { zh: '督办函（测试模板）', en: 'Supervision letter (test template)' } },
    ],
  },
});

const issueInput = z.object({ issuerOrgCode: z.string(), subjectOrgCode: z.string().optional(), data: z.unknown(), bilingual: z.boolean().optional() });

const docPlugin = defineServerPlugin(docManifest, {
  documentTemplates: [scoreNotice, supervisionLetter],
  router: createRouter({
    issue: scopedProcedure('doctest.issue')
      .input(issueInput)
      .mutation(({ ctx, input }) =>
        ctx.documents.issue({ template: 'doctest.score-notice', ...input, entity: { kind: 'doctest.assessment', id: `${input.subjectOrgCode ?? 'none'}` } }),
      ),
    issueLetter: scopedProcedure('doctest.issue')
      .input(z.object({ issuerOrgCode: z.string(), orgCode: z.string() }))
      .mutation(({ ctx, input }) => ctx.documents.issue({ template: 'doctest.letter', issuerOrgCode: input.issuerOrgCode, subjectOrgCode: input.orgCode, data: { orgCode: input.orgCode } })),
    preview: scopedProcedure('doctest.issue')
      .input(issueInput)
      .query(({ ctx, input }) => ctx.documents.preview({ template: 'doctest.score-notice', ...input })),
    startBatch: scopedProcedure('doctest.issue')
      .input(z.object({ issuerOrgCode: z.string(), items: z.array(z.object({ subjectOrgCode: z.string().optional(), data: z.unknown() })) }))
      .mutation(({ ctx, input }) => ctx.documents.startBatch({ template: 'doctest.score-notice', ...input })),
  }),
});

const plugins = [docPlugin] as const;
let t: TestServer<AppRouterOf<typeof plugins>>;
/** The test clock: documents are dated and numbered by it. */
let clock = new Date('2026-11-26T02:00:00Z');

beforeAll(async () => {
  // Sessions outlive the clock's jumps across the year.
  t = await startTestServer({ plugins, now: () => clock, auth: { sessionIdleMinutes: 60 * 24 * 400, sessionMaxHours: 24 * 400 } });
});
afterAll(() => t?.close());

const notice = (officeCode: string, extra: Partial<Notice> = {}): Notice => ({
  officeCode,
  year: 2026,
  score: 912.5,
  rank: 3,
  items: [
    { name: '基础工作', points: 286 },
    { name: '人民调解', points: 197.5 },
  ],
  remarks: '人民调解卷宗归档不完整，扣2.5分。',
  ...extra,
});

async function issue(user: keyof typeof testUsers, input: z.input<typeof issueInput>): Promise<IssuedDocument> {
  const client = await t.client(user);
  return client.doctest.issue.mutate(input);
}

/** The serial of a 文号: 红司考〔2026〕12号 → 12. */
const serialOf = (doc: { number: string }) => Number(/〕(\d+)号$/.exec(doc.number)![1]);

async function download(user: keyof typeof testUsers, doc: { downloadPath: string }, headers: Record<string, string> = {}) {
  const res = await fetch(`${t.url}${doc.downloadPath}`, { headers: { authorization: `Bearer ${await t.tokenOf(user)}`, ...headers } });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

interface Run {
  text: string;
  props: string;
}

/** The runs of a WordprocessingML part, each with its text and its run properties. */
function runsOf(xml: string): Run[] {
  return [...xml.matchAll(/<w:r>(.*?)<\/w:r>/gs)].map(([, inner]) => ({
    props: /<w:rPr>(.*?)<\/w:rPr>/s.exec(inner!)?.[1] ?? '',
    text: [...inner!.matchAll(/<w:t(?: [^>]*)?>(.*?)<\/w:t>/gs)].map((m) => m[1]).join(''),
  }));
}

const attr = (props: string, element: string, name: string) => new RegExp(`<w:${element} [^>]*w:${name}="([^"]*)"`).exec(props)?.[1];
const unescapeXml = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

async function parseDocx(bytes: Buffer) {
  const zip = await JSZip.loadAsync(bytes);
  const part = async (name: string) => {
    const file = zip.file(name);
    if (!file) throw new Error(`${name} is missing from the .docx`);
    return file.async('string');
  };
  const document = await part('word/document.xml');
  const runs = runsOf(document).map((r) => ({ ...r, text: unescapeXml(r.text) }));
  return { zip, document, runs, text: runs.map((r) => r.text).join('\n'), part };
}

describe('issuing a document', () => {
  let doc: IssuedDocument;
  let parsed: Awaited<ReturnType<typeof parseDocx>>;
  let bytes: Buffer;

  beforeAll(async () => {
    doc = await issue('hongshan', { issuerOrgCode: '150402', subjectOrgCode: '150402001', data: notice('150402001') });
    const res = await download('hongshan', doc);
    expect(res.status).toBe(200);
    bytes = res.bytes;
    parsed = await parseDocx(bytes);
  });

  it('numbers it 机关代字 + slot mark + 〔year〕 + serial and dates it by the server clock', () => {
    expect(doc).toMatchObject({
      template: 'doctest.score-notice',
      slot: 'assessment-notice',
      number: '红司考〔2026〕1号',
      title: '关于西屯街道司法所2026年度考核结果的通知',
      issuerOrgCode: '150402',
      subjectOrgCode: '150402001',
      issuedOn: '2026-11-26',
      bilingual: false,
      entity: { kind: 'doctest.assessment', id: '150402001' },
      byteLength: bytes.length,
      downloadPath: `/plugins/platform/documents/${doc.id}`,
    });
    expect(doc.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
  });

  it('serves the .docx as an attachment named by 文号 and title, with its hash as ETag', async () => {
    const res = await download('hongshan', doc);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(res.headers.get('etag')).toBe(`"${doc.sha256}"`);
    const disposition = res.headers.get('content-disposition')!;
    expect(disposition).toBe(`attachment; filename="${doc.id}.docx"; filename*=UTF-8''${encodeURIComponent('红司考〔2026〕1号 关于西屯街道司法所2026年度考核结果的通知.docx')}`);
  });

  it('lays the page out per GB/T 9704: A4, margins 37/35/28/26 mm, 22 × 28 grid, odd/even page numbers', async () => {
    const sectPr = /<w:sectPr>(.*?)<\/w:sectPr>/s.exec(parsed.document)![1]!;
    expect(attr(sectPr, 'pgSz', 'w')).toBe('11906');
    expect(attr(sectPr, 'pgSz', 'h')).toBe('16838');
    expect(attr(sectPr, 'pgMar', 'top')).toBe('2098');
    expect(attr(sectPr, 'pgMar', 'bottom')).toBe('1984');
    expect(attr(sectPr, 'pgMar', 'left')).toBe('1587');
    expect(attr(sectPr, 'pgMar', 'right')).toBe('1474');
    expect(attr(sectPr, 'docGrid', 'linePitch')).toBe('579');
    expect(await parsed.part('word/settings.xml')).toContain('<w:evenAndOddHeaders/>');
    const footers = await Promise.all(
      Object.keys(parsed.zip.files)
        .filter((f) => /^word\/footer\d+\.xml$/.test(f))
        .map((f) => parsed.part(f)),
    );
    expect(footers).toHaveLength(2);
    for (const footer of footers) {
      expect(footer).toMatch(/PAGE/);
      const [run] = runsOf(footer);
      expect(attr(run!.props, 'rFonts', 'eastAsia')).toBe('宋体');
      expect(attr(run!.props, 'sz', 'val')).toBe('28');
      expect(footer).toContain('— ');
    }
    expect(footers.map((f) => attr(f, 'jc', 'val')).sort()).toEqual(['left', 'right']);
  });

  it('sets 发文机关标志, 文号, title, body and headings in their official fonts and sizes', () => {
    const find = (text: string) => {
      const run = parsed.runs.find((r) => r.text === text);
      if (!run) throw new Error(`No run with the text "${text}"`);
      return run;
    };
    const masthead = find('红山区司法局文件');
    expect(attr(masthead.props, 'rFonts', 'eastAsia')).toBe('方正小标宋简体');
    expect(attr(masthead.props, 'color', 'val')).toBe('FF0000');

    const number = find('红司考〔2026〕1号');
    expect(attr(number.props, 'rFonts', 'eastAsia')).toBe('仿宋_GB2312');
    expect(attr(number.props, 'sz', 'val')).toBe('32');
    // The red separator line under the 文号.
    expect(parsed.document).toMatch(/<w:pBdr><w:bottom w:val="single" w:color="FF0000"[^>]*\/><\/w:pBdr>(?:(?!<\/w:p>).)*红司考〔2026〕1号/s);

    const title = find('关于西屯街道司法所2026年度考核结果的通知');
    expect(attr(title.props, 'rFonts', 'eastAsia')).toBe('方正小标宋简体');
    expect(attr(title.props, 'sz', 'val')).toBe('44');

    const bodyText = find('总分912.5分，在全区排名第3位。');
    expect(attr(bodyText.props, 'rFonts', 'eastAsia')).toBe('仿宋_GB2312');
    expect(attr(bodyText.props, 'rFonts', 'ascii')).toBe('Times New Roman');
    expect(attr(bodyText.props, 'sz', 'val')).toBe('32');
    expect(attr(bodyText.props, 'lang', 'eastAsia')).toBe('zh-CN');

    expect(attr(find('一、考核得分').props, 'rFonts', 'eastAsia')).toBe('黑体');
    expect(attr(find('（一）总分与名次').props, 'rFonts', 'eastAsia')).toBe('楷体_GB2312');
    expect(attr(find('1．说明').props, 'rFonts', 'eastAsia')).toBe('仿宋_GB2312');
    // Body paragraphs: fixed 28.95 pt lines (22 per page), first line indented two characters.
    expect(parsed.document).toMatch(/<w:spacing w:line="579" w:lineRule="exact"\/><w:ind w:firstLine="640"\/><w:jc w:val="both"\/><\/w:pPr><w:r><w:rPr>(?:(?!<\/w:p>).)*总分912\.5分/s);
  });

  it('fills every field: recipients, table, attachments, signature, Chinese date, 抄送 and 印发', () => {
    const { text } = parsed;
    for (const expected of [
      '西屯街道司法所：',
      '考核得分明细',
      '基础工作',
      '286',
      '人民调解',
      '197.5',
      '人民调解卷宗归档不完整，扣2.5分。',
      '附件：1．考核评分表',
      '2．整改反馈单',
      '红山区司法局',
      '2026年11月26日',
      '抄送：赤峰市司法局。',
      '2026年11月26日印发',
    ]) {
      expect(text).toContain(expected);
    }
    for (const leftover of ['undefined', 'null', 'NaN', '[object Object]']) expect(text).not.toContain(leftover);
    // Tables have borders on every side and between cells.
    expect(parsed.document).toMatch(/<w:tblBorders><w:top w:val="single"[^>]*\/><w:left w:val="single"[^>]*\/><w:bottom w:val="single"[^>]*\/><w:right w:val="single"[^>]*\/><w:insideH w:val="single"[^>]*\/><w:insideV w:val="single"/);
  });

  it('names a fallback for every official font in the font table', async () => {
    const fonts = await parsed.part('word/fontTable.xml');
    for (const [name, alt] of [
      ['方正小标宋简体', '宋体'],
      ['仿宋_GB2312', '仿宋'],
      ['黑体', 'SimHei'],
      ['楷体_GB2312', '楷体'],
    ]) {
      expect(fonts).toContain(`<w:font w:name="${name}"><w:altName w:val="${alt}"/>`);
    }
  });

  it('downloads byte for byte the same every time and answers 304 to its ETag', async () => {
    const again = await download('hongshan', doc);
    expect(again.bytes.equals(bytes)).toBe(true);
    const fromCity = await download('city', doc);
    expect(fromCity.bytes.equals(bytes)).toBe(true);
    const cached = await download('hongshan', doc, { 'if-none-match': `"${doc.sha256}"` });
    expect(cached.status).toBe(304);
    expect(cached.bytes.length).toBe(0);
    const stale = await download('hongshan', doc, { 'if-none-match': '"0000"' });
    expect(stale.status).toBe(200);
    expect(stale.bytes.equals(bytes)).toBe(true);
  });

  it('stores the data snapshot it was rendered from, in the clear (not issued as personal)', async () => {
    const rows = rowsOf<{ data: unknown; number: string; sealed: boolean; html: string; docx: Uint8Array }>(
      await t.db.handle.db.execute(sql`SELECT data, number, sealed, html, docx FROM documents WHERE id = ${doc.id}`),
    );
    expect(rows[0]).toMatchObject({ data: notice('150402001'), number: '红司考〔2026〕1号', sealed: false });
    expect(rows[0]!.html).toContain('关于西屯街道司法所2026年度考核结果的通知');
    expect(Buffer.from(rows[0]!.docx).equals(bytes)).toBe(true);
  });

  it('records the issue in the audit log', async () => {
    const city = await t.client('city');
    const entries = await city.platform.audit.list.query({ limit: 50 });
    expect(entries).toEqual(expect.arrayContaining([expect.objectContaining({ action: 'platform.documents.issue', entity: 'documents', entityId: doc.id, scopePath: '/15/1504/150402/' })]));
  });

  it('gives the HTML preview of the issued document: classes only, escaped, with its stylesheet', async () => {
    const client = await t.client('xitun');
    const { html, stylesheet } = await client.platform.documents.preview.query({ id: doc.id });
    expect(html).toContain('<p class="sifa-doc__number">红司考〔2026〕1号</p>');
    expect(html).toContain('关于西屯街道司法所2026年度考核结果的通知');
    expect(html).not.toMatch(/style=|<script/i);
    expect(stylesheet).toContain('.sifa-doc__title{');
  });

  it('opens in LibreOffice: the .docx, bilingual too, converts to A4 PDF pages', { timeout: 180_000 }, async (ctx) => {
    const binary = ['libreoffice', 'soffice'].flatMap((b) => (process.env.PATH ?? '').split(delimiter).map((dir) => join(dir, b))).find((p) => existsSync(p));
    if (!binary) {
      ctx.skip('LibreOffice is not installed on this machine (no libreoffice or soffice on PATH): the conversion check did not run.');
      return;
    }
    const bilingual = await issue('city', { issuerOrgCode: '1504', subjectOrgCode: '150402', data: notice('150402001'), bilingual: true });
    const dir = mkdtempSync(join(tmpdir(), 'sifa-docx-'));
    try {
      const files = { notice: bytes, bilingual: (await download('city', bilingual)).bytes };
      for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, `${name}.docx`), content);
      // A profile of its own, so a LibreOffice already running on the machine does not take the job.
      const args = ['--headless', `-env:UserInstallation=file://${join(dir, 'profile')}`, '--convert-to', 'pdf', '--outdir', dir, ...Object.keys(files).map((n) => join(dir, `${n}.docx`))];
      await new Promise<void>((resolve, reject) =>
        execFile(binary, args, { timeout: 150_000 }, (error, _stdout, stderr) => (error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve())),
      );
      const pages: Record<string, number> = {};
      for (const name of Object.keys(files)) {
        const pdf = readFileSync(join(dir, `${name}.pdf`));
        expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
        const text = pdf.toString('latin1');
        const boxes = [...text.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)];
        expect(boxes.length).toBeGreaterThan(0);
        for (const [, w, h] of boxes) {
          // A4 is 595.28 × 841.89 pt.
          expect(Math.abs(Number(w) - 595.3)).toBeLessThan(1);
          expect(Math.abs(Number(h) - 841.9)).toBeLessThan(1);
        }
        pages[name] = text.match(/\/Type\s*\/Page(?![s\w])/g)?.length ?? 0;
      }
      expect(pages.notice).toBeGreaterThanOrEqual(1);
      // The Mongolian version starts a page of its own.
      expect(pages.bilingual).toBeGreaterThan(pages.notice!);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('numbering', () => {
  it('takes no number for a preview nor for a document that fails validation', async () => {
    const client = await t.client('songshan');
    const { html } = await client.doctest.preview.query({ issuerOrgCode: '150404', subjectOrgCode: '150404002', data: notice('150404002', { remarks: '<script>alert(1)</script> & "引号"' }) });
    expect(html).toContain('<p class="sifa-doc__number sifa-doc__number--draft">松司考〔2026〕\u3000号</p>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;引号&quot;');
    expect(html).not.toMatch(/style=|<script/i);

    const before = await client.doctest.issue.mutate({ issuerOrgCode: '150404', subjectOrgCode: '150404001', data: notice('150404001') });
    const bad = await sifaErrorOf(client.doctest.issue.mutate({ issuerOrgCode: '150404', data: { ...notice('150404002'), score: 'high', items: [] } }));
    expect(bad.data.sifaCode).toBe('VALIDATION_FAILED');
    expect(bad.data.issues.map((i) => i.path).sort()).toEqual(['data.items', 'data.score']);
    const after = await client.doctest.issue.mutate({ issuerOrgCode: '150404', subjectOrgCode: '150404002', data: notice('150404002') });
    expect(before.number).toMatch(/^松司考〔2026〕\d+号$/);
    expect(serialOf(after)).toBe(serialOf(before) + 1);
  });

  it('hands out each number once when documents are issued at the same time', async () => {
    const client = await t.client('songshan');
    const offices = ['150404001', '150404002', '150404003', '150404004', '150404100'];
    const issued = await Promise.all(offices.map((code) => client.doctest.issue.mutate({ issuerOrgCode: '150404', subjectOrgCode: code, data: notice(code) })));
    const serials = issued.map(serialOf).sort((a, b) => a - b);
    expect(serials).toEqual(serials.map((_, i) => serials[0]! + i));
  });

  it('runs per issuing org and year, and restarts in a new (China time) year', async () => {
    clock = new Date('2026-11-27T02:00:00Z');
    const second = await issue('hongshan', { issuerOrgCode: '150402', subjectOrgCode: '150402002', data: notice('150402002') });
    const third = await issue('hongshan', { issuerOrgCode: '150402', subjectOrgCode: '150402003', data: notice('150402003') });
    const otherCounty = await issue('songshan', { issuerOrgCode: '150404', subjectOrgCode: '150404001', data: notice('150404001') });
    const office = await issue('xitun', { issuerOrgCode: '150402001', subjectOrgCode: '150402', data: notice('150402001') });
    expect(second.number).toMatch(/^红司考〔2026〕\d+号$/);
    expect(serialOf(third)).toBe(serialOf(second) + 1);
    expect(otherCounty.number).toMatch(/^松司考〔2026〕\d+号$/);
    expect(office.number).toMatch(/^西司考〔2026〕\d+号$/);
    expect(second.issuedOn).toBe('2026-11-27');

    // 16:30 UTC on 31 December is already 1 January in China.
    clock = new Date('2026-12-31T16:30:00Z');
    const newYear = await issue('hongshan', { issuerOrgCode: '150402', subjectOrgCode: '150402004', data: notice('150402004', { year: 2027 }) });
    expect(newYear.number).toBe('红司考〔2027〕1号');
    expect(newYear.issuedOn).toBe('2027-01-01');
    const text = (await parseDocx((await download('hongshan', newYear)).bytes)).text;
    expect(text).toContain('2027年1月1日');
    clock = new Date('2026-11-27T03:00:00Z');
    const backInOld = await issue('hongshan', { issuerOrgCode: '150402', subjectOrgCode: '150402005', data: notice('150402005') });
    expect(serialOf(backInOld)).toBe(serialOf(third) + 1);
    clock = new Date('2027-01-04T02:00:00Z');
  });
});

describe('D11: numbering per document kind, addressing an authority', () => {
  it('numbers each kind in its own series when the catalogue says so (考 and 督 do not share a counter)', async () => {
    const client = await t.client('songshan');
    const first = await client.doctest.issue.mutate({ issuerOrgCode: '150404', subjectOrgCode: '150404001', data: notice('150404001') });
    const letters = [
      await client.doctest.issueLetter.mutate({ issuerOrgCode: '150404', orgCode: '150404001' }),
      await client.doctest.issueLetter.mutate({ issuerOrgCode: '150404', orgCode: '150404002' }),
    ];
    const next = await client.doctest.issue.mutate({ issuerOrgCode: '150404', subjectOrgCode: '150404002', data: notice('150404002') });
    const year = /〔(\d{4})〕/.exec(first.number)![1];
    expect(first.number).toMatch(/^松司考〔\d{4}〕\d+号$/);
    // The two 督办函 between the notices took numbers of their own series, not the notices'.
    expect(serialOf(next)).toBe(serialOf(first) + 1);
    expect(letters.map((l) => l.number)).toEqual([`松司督〔${year}〕1号`, `松司督〔${year}〕2号`]);
  });

  it('gives templates the authority’s name for an org (红山区 → 红山区司法局) to address it by', async () => {
    const letter = await (await t.client('hongshan')).doctest.issueLetter.mutate({ issuerOrgCode: '150402001', orgCode: '150402' });
    const { text } = await parseDocx((await download('hongshan', letter)).bytes);
    expect(text).toContain('红山区司法局：');
    expect(text).toContain('请红山区按期办理。');
  });
});

describe('who may read a document', () => {
  let doc: IssuedDocument;
  beforeAll(async () => {
    doc = await issue('hongshan', { issuerOrgCode: '150402', subjectOrgCode: '150402001', data: notice('150402001') });
  });

  it('lets the issuing county, the city and the office it is addressed to read it', async () => {
    for (const user of ['hongshan', 'city', 'xitun'] as const) {
      const client = await t.client(user);
      expect((await client.platform.documents.get.query({ id: doc.id })).number).toBe(doc.number);
      expect((await download(user, doc)).status).toBe(200);
      const listed = await client.platform.documents.list.query({ template: 'doctest.score-notice', limit: 200 });
      expect(listed.items.map((d) => d.id)).toContain(doc.id);
    }
  });

  it('hides it from another county and from other offices, by API and download', async () => {
    for (const user of ['songshan', 'sanzhongjie', 'zhenxing'] as const) {
      const client = await t.client(user);
      const refused = await sifaErrorOf(client.platform.documents.get.query({ id: doc.id }));
      expect(refused.data.sifaCode).toBe('NOT_FOUND');
      expect((await sifaErrorOf(client.platform.documents.preview.query({ id: doc.id }))).data.sifaCode).toBe('NOT_FOUND');
      const res = await download(user, doc);
      expect(res.status).toBe(404);
      const listed = await client.platform.documents.list.query({ limit: 200 });
      expect(listed.items.map((d) => d.id)).not.toContain(doc.id);
    }
    const anonymous = await rawFetch(`${t.url}${doc.downloadPath}`);
    expect(anonymous.status).toBe(401);
  });

  it('refuses issuing for, or addressing, an org outside the caller’s area', async () => {
    const outside = await sifaErrorOf(issue('hongshan', { issuerOrgCode: '150404', data: notice('150404001') }));
    expect(outside.data.sifaCode).toBe('OUT_OF_SCOPE');
    const elsewhere = await sifaErrorOf(issue('hongshan', { issuerOrgCode: '150402', subjectOrgCode: '150404001', data: notice('150404001') }));
    expect(elsewhere.data.sifaCode).toBe('OUT_OF_SCOPE');
    // Upward is fine: an office reports to its county.
    const upward = await issue('sanzhongjie', { issuerOrgCode: '150402002', subjectOrgCode: '150402', data: notice('150402002') });
    expect(upward.subjectOrgCode).toBe('150402');
  });

  it('filters the list by subject, entity and slot, newest first, in pages', async () => {
    const client = await t.client('hongshan');
    const forXitun = await client.platform.documents.list.query({ subjectOrgCode: '150402001', limit: 200 });
    expect(forXitun.items.length).toBeGreaterThan(0);
    expect(forXitun.items.every((d) => d.subjectOrgCode === '150402001')).toBe(true);
    const mine = await issue('hongshan', { issuerOrgCode: '150402', subjectOrgCode: '150402007', data: notice('150402007') });
    const byEntity = await client.platform.documents.list.query({ entity: { kind: 'doctest.assessment', id: '150402007' } });
    expect(byEntity.items.map((d) => d.id)).toEqual([mine.id]);
    expect((await client.platform.documents.list.query({ slot: 'warning-slip' })).items).toEqual([]);

    const all = await client.platform.documents.list.query({ limit: 200 });
    const pages: IssuedDocument[] = [];
    let cursor: string | undefined;
    do {
      const page = await client.platform.documents.list.query({ limit: 2, ...(cursor ? { cursor } : {}) });
      pages.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(pages.map((d) => d.id)).toEqual(all.items.map((d) => d.id));
  });
});

describe('bilingual documents', () => {
  it('adds the Mongolian version in a section of its own and on the left of the preview', async () => {
    const doc = await issue('hongshan', { issuerOrgCode: '150402', subjectOrgCode: '150402006', data: notice('150402006'), bilingual: true });
    expect(doc.bilingual).toBe(true);
    const parsed = await parseDocx((await download('hongshan', doc)).bytes);
    const sections = [...parsed.document.matchAll(/<w:sectPr>(.*?)<\/w:sectPr>/gs)].map((m) => m[1]!);
    expect(sections).toHaveLength(2);
    expect(sections[1]).toContain('<w:type w:val="nextPage"/>');
    expect(attr(sections[1]!, 'pgSz', 'w')).toBe('11906');
    const mongolian = parsed.runs.filter((r) => /[\u1800-\u18AF]/.test(r.text));
    expect(mongolian.length).toBeGreaterThan(3);
    for (const run of mongolian) {
      expect(attr(run.props, 'rFonts', 'ascii')).toBe('Mongolian Baiti');
      expect(attr(run.props, 'lang', 'val')).toBe('mn-Mong-CN');
    }
    // The Chinese version comes first in the file.
    expect(parsed.text.indexOf('关于站前街道司法所')).toBeGreaterThan(-1);
    expect(parsed.text.indexOf('关于站前街道司法所')).toBeLessThan(parsed.text.search(/[\u1800-\u18AF]/));

    const client = await t.client('hongshan');
    const { html, stylesheet } = await client.platform.documents.preview.query({ id: doc.id });
    expect(html.indexOf('lang="mn-Mong"')).toBeGreaterThan(-1);
    expect(html.indexOf('lang="mn-Mong"')).toBeLessThan(html.indexOf('lang="zh-CN"'));
    expect(stylesheet).toMatch(/\.sifa-doc--mn\{writing-mode:vertical-lr/);
  });
});

/** A context for calling procedures in-process (createCaller), as the HTTP handler builds it. */
async function callerFor(user: keyof typeof testUsers) {
  const actor = await t.server.auth.resolve(await t.tokenOf(user));
  const ctx = {
    requestId: `test-${user}`,
    locale: 'en',
    actor,
    apiKey: null,
    bearerToken: null,
    origin: null,
    platform: {
      runScoped: t.server.runScoped,
      // A feed that never announces: progress must arrive through the runner's own events.
      changes: {
        publish() {},
        next: (_topic: string, _scope: string, options: { signal?: AbortSignal; timeoutMs?: number } = {}) =>
          new Promise<boolean>((resolve) => {
            const timer = setTimeout(() => resolve(false), options.timeoutMs ?? 25_000);
            options.signal?.addEventListener('abort', () => (clearTimeout(timer), resolve(false)), { once: true });
          }),
      },
      now: () => clock,
    },
  } as unknown as SifaContext;
  return t.server.router.createCaller(ctx);
}

async function collectProgress(user: keyof typeof testUsers, id: string, onStatus?: (s: DocumentBatchStatus) => void) {
  const caller = await callerFor(user);
  const statuses: DocumentBatchStatus[] = [];
  for await (const status of await caller.platform.documents.batchProgress({ id })) {
    statuses.push(status);
    onStatus?.(status);
  }
  return statuses;
}

describe('batches', () => {
  it('issues one notice per office of a county, reports progress and records a failed item', async () => {
    const county = await t.client('hongshan');
    const offices = (await county.platform.org.children.query({ code: '150402' })).map((o) => o.code);
    expect(offices.length).toBeGreaterThan(10);
    const items = offices.map((code) => ({ subjectOrgCode: code, data: notice(code) }));
    // Valid data for an office that does not exist: it fails while rendering, the others go on.
    items.splice(3, 0, { subjectOrgCode: '150402001', data: notice('150402999') });
    const started = await county.doctest.startBatch.mutate({ issuerOrgCode: '150402', items });
    expect(started).toMatchObject({ template: 'doctest.score-notice', total: items.length, state: 'running' });

    const statuses = await collectProgress('hongshan', started.id);
    const last = statuses.at(-1)!;
    expect(last).toMatchObject({ state: 'finished', total: items.length, done: items.length - 1, failed: 1 });
    expect(last.errors).toEqual([{ index: 3, message: expect.stringContaining('150402999') }]);
    expect(last.documentIds).toHaveLength(items.length - 1);
    for (let i = 1; i < statuses.length; i++) expect(statuses[i]!.done + statuses[i]!.failed).toBeGreaterThanOrEqual(statuses[i - 1]!.done + statuses[i - 1]!.failed);
    expect(await county.platform.documents.batch.query({ id: started.id })).toEqual(last);

    const issued = await Promise.all(last.documentIds.map((id) => county.platform.documents.get.query({ id })));
    expect(issued.map((d) => d.subjectOrgCode)).toEqual(offices);
    const serials = issued.map(serialOf);
    expect(serials).toEqual(serials.map((_, i) => serials[0]! + i));

    // The batch is the county's: another county sees nothing of it.
    const other = await t.client('songshan');
    expect((await sifaErrorOf(other.platform.documents.batch.query({ id: started.id }))).data.sifaCode).toBe('NOT_FOUND');
    const otherCaller = await callerFor('songshan');
    await expect(otherCaller.platform.documents.batchProgress({ id: started.id }).then(async (it) => { for await (const s of it) void s; })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('streams the same progress to a typed client over server-sent events', async () => {
    const county = await t.client('hongshan');
    const items = ['150402008', '150402009', '150402010'].map((code) => ({ subjectOrgCode: code, data: notice(code) }));
    const started = await county.doctest.startBatch.mutate({ issuerOrgCode: '150402', items });
    const statuses = await new Promise<DocumentBatchStatus[]>((resolve, reject) => {
      const seen: DocumentBatchStatus[] = [];
      const subscription = county.platform.documents.batchProgress.subscribe(
        { id: started.id },
        {
          onData: (status) => seen.push(status),
          onError: (error) => (subscription.unsubscribe(), reject(error)),
          onComplete: () => resolve(seen),
        },
      );
    });
    expect(statuses.at(-1)).toMatchObject({ id: started.id, state: 'finished', done: 3, failed: 0 });
  });

  it('refuses a batch with a bad item before anything is issued', async () => {
    const county = await t.client('hongshan');
    const bad = await sifaErrorOf(
      county.doctest.startBatch.mutate({
        issuerOrgCode: '150402',
        items: [
          { subjectOrgCode: '150402001', data: notice('150402001') },
          { subjectOrgCode: '150404001', data: notice('150404001') },
          { subjectOrgCode: '150402002', data: { ...notice('150402002'), rank: 0 } },
        ],
      }),
    );
    expect(bad.data.sifaCode).toBe('VALIDATION_FAILED');
    expect(bad.data.issues.map((i) => i.path).sort()).toEqual(['items.1.subjectOrgCode', 'items.2.data.rank']);
  });

  it('stops before the next item when cancelled, keeping what was issued', async () => {
    const held = gate('cancel-test');
    const county = await t.client('hongshan');
    const items = ['150402001', '150402002', '150402003', '150402004', '150402005'].map((code, i) => ({
      subjectOrgCode: code,
      data: notice(code, i === 1 ? { gate: 'cancel-test' } : {}),
    }));
    // Resolved before the batch holds the database (on PGlite, its one connection).
    const caller = await callerFor('hongshan');
    const watcher = await callerFor('hongshan');
    const started = await county.doctest.startBatch.mutate({ issuerOrgCode: '150402', items });
    const progress = (async () => {
      const statuses: DocumentBatchStatus[] = [];
      for await (const status of await watcher.platform.documents.batchProgress({ id: started.id })) statuses.push(status);
      return statuses;
    })();

    // Item 0 is issued; item 1 is held inside its transaction.
    await held.entered;
    const cancelled = caller.platform.documents.cancelBatch({ id: started.id });
    if (engine === 'postgres') {
      // The held item locks nothing the cancel needs: it commits while the item renders.
      expect((await cancelled).state).toBe('running');
      held.open();
    } else {
      // PGlite has one connection, held by the item: the cancel queues for it (joining the queue
      // takes no I/O once called), ahead of the next item.
      for (let i = 0; i < 10; i++) await new Promise((resolve) => setImmediate(resolve));
      held.open();
      expect((await cancelled).state).toBe('running');
    }
    const statuses = await progress;
    const last = statuses.at(-1)!;
    expect(last).toMatchObject({ state: 'cancelled', done: 2, failed: 0, total: 5 });
    expect(last.documentIds).toHaveLength(2);
    // Cancelling again answers the ended batch as it is.
    expect(await caller.platform.documents.cancelBatch({ id: started.id })).toEqual(last);
  });
});
