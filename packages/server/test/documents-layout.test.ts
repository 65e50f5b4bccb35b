/**
 * The parts of the document service that need no database: issuing names and 机关代字, 文号,
 * dates in China time, the signature block's indents (GB/T 9704 §7.3.5.2), checks on what a
 * template renders, the HTML preview's escaping and CSP-safe markup, file names for downloads,
 * and the start-up checks of the catalogue.
 */
import JSZip from 'jszip';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { demoDocumentCatalogue, isSifaError, type DocumentTemplate, type OrgNode } from '@sifa/core';
import { createLogger } from '@sifa/server';
import { checkedContent, type DocumentLayout } from '../src/documents/content.js';
import { renderDocx, signatureIndents, widthInChars } from '../src/documents/docx.js';
import { documentPreviewStylesheet, renderHtml } from '../src/documents/html.js';
import { bodyCharacterSpacing, grid, mmToTwips } from '../src/documents/layout.js';
import { chineseDate, defaultIssuerMark, documentNumber, issueDayOf, issuerOf, issuingNameOf, mongolianDate } from '../src/documents/numbering.js';
import { contentDisposition, documentFileName } from '../src/documents/router.js';
import { createDocumentsPlatform, type DocumentsPlatformOptions } from '../src/documents/service.js';
import { testNow } from '@sifa/server/testing';

const org = (code: string, level: OrgNode['level'], zh: string, path = `/${code}/`): OrgNode => ({ code, parentCode: null, level, path, name: { zh } });

describe('issuers and numbers', () => {
  it('derives the issuing authority from the division, and its 机关代字', () => {
    expect(issuingNameOf(org('150402', 'county', '红山区'))).toBe('红山区司法局');
    expect(issuingNameOf(org('1504', 'city', '赤峰市'))).toBe('赤峰市司法局');
    expect(issuingNameOf(org('15', 'region', '内蒙古自治区'))).toBe('内蒙古自治区司法厅');
    expect(issuingNameOf(org('150402001', 'office', '西屯街道司法所'))).toBe('西屯街道司法所');
    expect(issuingNameOf(org('150402001', 'office', '西屯街道'))).toBe('西屯街道司法所');
    expect(defaultIssuerMark('红山区司法局')).toBe('红司');
    expect(defaultIssuerMark('赤峰市司法局')).toBe('赤司');
    expect(defaultIssuerMark('红山区人民政府')).toBe('红山');
  });

  it('takes configured names and marks over the derived ones', () => {
    const issuer = issuerOf(org('150402', 'county', '红山区', '/15/1504/150402/'), { '150402': { mark: '红司法', name: { zh: '赤峰市红山区司法局' } } });
    expect(issuer).toEqual({ code: '150402', path: '/15/1504/150402/', name: { zh: '赤峰市红山区司法局', mn: undefined }, mark: '红司法' });
    expect(issuerOf(org('150404', 'county', '松山区'), {}).mark).toBe('松司');
  });

  it('writes the 文号 with 六角括号 and no padding, blank for a preview', () => {
    expect(documentNumber({ issuerMark: '红司', numberMark: '督', year: 2026, serial: 3 })).toBe('红司督〔2026〕3号');
    expect(documentNumber({ issuerMark: '红司', numberMark: null, year: 2026, serial: 12 })).toBe('红司〔2026〕12号');
    expect(documentNumber({ issuerMark: '红司', numberMark: '督', year: 2026, serial: null })).toBe('红司督〔2026〕\u3000号');
  });

  it('dates documents in China time and writes dates without leading zeros', () => {
    expect(issueDayOf(new Date('2026-12-31T15:59:59Z'), 'Asia/Shanghai')).toEqual({ day: '2026-12-31', year: 2026 });
    expect(issueDayOf(new Date('2026-12-31T16:00:00Z'), 'Asia/Shanghai')).toEqual({ day: '2027-01-01', year: 2027 });
    expect(chineseDate('2026-01-05')).toBe('2026年1月5日');
    expect(chineseDate('2026-11-26')).toBe('2026年11月26日');
    expect(mongolianDate('2026-01-05')).toMatch(/^2026 \u1823\u1828\u202F\u1824 1 .* 5$/);
  });
});

describe('signature block (§7.3.5.2)', () => {
  it('puts the date two characters right of the name, or moves the name left for a long date', () => {
    expect(widthInChars('2026年11月26日')).toBe(7);
    // 红山区司法局 (6) over a date of 7: the date keeps 2 on the right, the name starts 2 before it.
    expect(signatureIndents(6, 7)).toEqual({ nameIndent: 5, dateIndent: 2 });
    // A name 2 or more longer than the date keeps its own 2-character margin.
    expect(signatureIndents(9, 7)).toEqual({ nameIndent: 2, dateIndent: 2 });
    expect(signatureIndents(12, 7)).toEqual({ nameIndent: 2, dateIndent: 5 });
  });
});

describe('template output checks', () => {
  it('refuses incomplete content as the template’s fault, naming what is wrong in the log cause', () => {
    const broken = { title: undefined, blocks: [{ kind: 'table', columns: ['a', 'b'], rows: [['1']] }, { kind: 'paragraph', text: '  ' }] };
    try {
      checkedContent('x.notice', 'zh-CN', broken);
      expect.unreachable();
    } catch (error) {
      expect(isSifaError(error) && error.sifaCode).toBe('INTERNAL');
      const cause = String((error as { cause?: unknown }).cause);
      expect(cause).toContain('x.notice');
      expect(cause).toContain('title');
      expect(cause).toContain('blocks.0.rows.0');
      expect(cause).toContain('blocks.1.text');
    }
  });

  it('strips characters an XML document cannot hold', () => {
    const content = checkedContent('x.notice', 'zh-CN', { title: '标题\u0007', blocks: [{ kind: 'paragraph', text: '正文\u0000内容\r\n第二行' }] });
    expect(content).toEqual({ title: '标题', blocks: [{ kind: 'paragraph', text: '正文内容\n第二行' }] });
  });
});

const layout = (overrides: Partial<DocumentLayout> = {}): DocumentLayout => ({
  version: 1,
  number: '红司督〔2026〕3号',
  numbered: true,
  issuedOn: '2026-11-26',
  zh: {
    locale: 'zh-CN',
    issuerName: '红山区司法局',
    content: {
      title: '关于<b>督办</b>的函',
      recipients: ['西屯街道司法所'],
      blocks: [
        { kind: 'heading', level: 1, text: '一、情况' },
        { kind: 'paragraph', text: 'A & B "quoted" \'single\'\n第二行' },
        { kind: 'table', columns: ['<th>'], rows: [['<td onclick="x">']] },
      ],
      attachments: ['清单'],
    },
  },
  ...overrides,
});

describe('HTML preview', () => {
  it('escapes every text and carries classes only', () => {
    const html = renderHtml(layout());
    // Every tag is a known element with class, lang or scope attributes only.
    const tags = [...html.matchAll(/<\/?([a-z0-9]+)([^>]*)>/g)];
    expect(html.split('<').length - 1).toBe(tags.length);
    for (const [, name, attrs] of tags) {
      expect(['div', 'article', 'header', 'footer', 'p', 'h1', 'h2', 'h3', 'h4', 'table', 'caption', 'thead', 'tbody', 'tr', 'th', 'td', 'ul', 'ol', 'li', 'span', 'br']).toContain(name);
      const names = [...attrs!.matchAll(/\s([a-z-]+)="[^"]*"/g)].map((m) => m[1]);
      for (const attribute of names) expect(['class', 'lang', 'scope']).toContain(attribute);
      expect(attrs!.replace(/\s([a-z-]+)="[^"]*"/g, '').trim()).toBe('');
    }
    expect(html).toContain('关于&lt;b&gt;督办&lt;/b&gt;的函');
    expect(html).toContain('A &amp; B &quot;quoted&quot; &#39;single&#39;<br>第二行');
    expect(html).toContain('<th scope="col">&lt;th&gt;</th>');
    expect(html).toContain('<td>&lt;td onclick=&quot;x&quot;&gt;</td>');
    expect(html).toContain('<span class="sifa-doc__attachments-label">附件：</span>');
    // The signature block's indents come from classes the stylesheet defines.
    const indents = [...html.matchAll(/class="[^"]*(sifa-doc__re-\d+)[^"]*"/g)].map((m) => m[1]!);
    expect(indents).toEqual(['sifa-doc__re-10', 'sifa-doc__re-4']);
    expect(documentPreviewStylesheet).toContain('.sifa-doc__re-10{padding-inline-end:5em}');
    expect(documentPreviewStylesheet).toContain('.sifa-doc__re-4{padding-inline-end:2em}');
  });

  it('puts a bilingual document’s Mongolian version first, vertical', () => {
    const html = renderHtml(layout({ mn: { locale: 'mn-Mong', issuerName: '红山区司法局', content: { title: 'ᠪᠢᠴᠢᠭ', blocks: [] } } }));
    expect(html).toMatch(/^<div class="sifa-doc-preview sifa-doc-preview--bilingual"><article class="sifa-doc sifa-doc--mn" lang="mn-Mong">.*<article class="sifa-doc" lang="zh-CN">/s);
    expect(documentPreviewStylesheet).toContain('writing-mode:vertical-lr');
  });
});

describe('.docx layout', () => {
  it('computes the GB/T 9704 geometry: margins in twips and a 22 × 28 grid', () => {
    expect([37, 35, 28, 26].map(mmToTwips)).toEqual([2098, 1984, 1587, 1474]);
    expect(grid.linePitch).toBe(579);
    // 28 characters of 16 pt set tighter by the runs' spacing fit the 156 mm line, 29 do not.
    const pitchPt = 16 + bodyCharacterSpacing / 20;
    const linePt = (156 * 72) / 25.4;
    expect(pitchPt * 28).toBeLessThanOrEqual(linePt);
    expect(pitchPt * 29).toBeGreaterThan(linePt);
  });

  it('shrinks a 发文机关标志 too long for one line', async () => {
    const long = '内蒙古赤峰高新技术产业开发区管理委员会红山产业园司法所';
    const bytes = await renderDocx(layout({ zh: { ...layout().zh, issuerName: long } }), { creator: long });
    const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
    const size = Number(new RegExp(`<w:sz w:val="(\\d+)"/>(?:(?!</w:r>).)*${long}文件`, 's').exec(xml)![1]);
    expect(size).toBeLessThan(72);
    // 29 characters at that size fit the 156 mm type area.
    expect(((size / 2) * 29 * 25.4) / 72).toBeLessThanOrEqual(156);
  });
});

describe('download names', () => {
  it('names the file by 文号 and title, RFC 5987 encoded, without characters file systems refuse', () => {
    expect(documentFileName('红司督〔2026〕3号', '关于A/B:“整改”的函?')).toBe('红司督〔2026〕3号 关于AB“整改”的函.docx');
    expect(contentDisposition("报告(一)'s.docx", 'abc 1.docx')).toBe(`attachment; filename="abc_1.docx"; filename*=UTF-8''${encodeURIComponent('报告')}%28${encodeURIComponent('一')}%29%27s.docx`);
  });
});

describe('start-up checks', () => {
  const base = (templates: DocumentsPlatformOptions['templates'], extra: Partial<DocumentsPlatformOptions> = {}): DocumentsPlatformOptions => ({
    templates,
    catalogue: demoDocumentCatalogue,
    now: testNow,
    runScoped: () => Promise.reject(new Error('not used')),
    logger: createLogger({ level: 'silent' }),
    ...extra,
  });
  const template = (slot: string): DocumentTemplate & { plugin: string } => ({
    code: 'acme.notice',
    plugin: 'acme',
    slot,
    title: { zh: '通知', en: 'Notice' },
    dataSchema: z.object({}),
    render: () => ({ title: 't', blocks: [] }),
  });

  it('refuses a template for a slot the catalogue does not have, naming the plugin', () => {
    expect(() => createDocumentsPlatform(base(new Map([['acme.notice', template('no-such-slot')]])))).toThrow(
      /Plugin "acme": document template "acme.notice" fills catalogue slot "no-such-slot"/,
    );
    expect(createDocumentsPlatform(base(new Map([['acme.notice', template('supervision-letter')]]))).catalogue).toHaveLength(10);
  });

  it('refuses a malformed catalogue, issuer marks and time zone', () => {
    const twice = [...demoDocumentCatalogue, demoDocumentCatalogue[0]!];
    expect(() => createDocumentsPlatform(base(new Map(), { catalogue: twice }))).toThrow(/listed twice/);
    const badMark = [{ ...demoDocumentCatalogue[0]!, numberMark: 'XYZ' }];
    expect(() => createDocumentsPlatform(base(new Map(), { catalogue: badMark }))).toThrow(/number mark/);
    expect(() => createDocumentsPlatform(base(new Map(), { issuers: { '150402': { mark: '红/司' } } }))).toThrow();
    expect(() => createDocumentsPlatform(base(new Map(), { timeZone: 'Mars/Olympus' }))).toThrow(RangeError);
  });
});
