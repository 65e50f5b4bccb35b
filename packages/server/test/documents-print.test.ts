/**
 * What a generated .docx looks like printed (issue 19, D11): the documents are converted to PDF by
 * LibreOffice with the official fonts missing — a fontconfig file of the test's own makes a free
 * CJK font (Noto Serif CJK SC, then Noto Sans CJK SC: fonts-noto-cjk, a test package) stand in for
 * 仿宋_GB2312, 方正小标宋简体, 黑体, 楷体_GB2312 and 宋体, even where those are installed — and the text
 * is read back from the PDF (`pdftotext -layout`): 28 characters a line and 22 lines a page, the
 * 印发 line on one line, no date split across lines (body or table cell), and the title broken
 * only where its template allowed.
 *
 * Skipped, saying why, where LibreOffice, poppler-utils or the free fonts are missing.
 */
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { titleBreak, type DocumentContent } from '@sifa/core';
import { checkedContent, type DocumentLayout } from '../src/documents/content.js';
import { renderDocx } from '../src/documents/docx.js';
import { body } from '../src/documents/layout.js';
import { plainTitle, titleLines } from '../src/documents/title.js';

const which = (name: string) => (process.env.PATH ?? '').split(delimiter).map((dir) => join(dir, name)).find((p) => existsSync(p));
const soffice = which('soffice') ?? which('libreoffice');
const pdftotext = which('pdftotext');
const pdffonts = which('pdffonts');

/** The free fonts standing in for every official one, each run on its own. */
const standIns = ['Noto Serif CJK SC', 'Noto Sans CJK SC'] as const;
const officialFonts = ['仿宋_GB2312', '仿宋', 'FangSong', '方正小标宋简体', '宋体', 'SimSun', '黑体', 'SimHei', '楷体_GB2312', '楷体', 'KaiTi'];

/** A fontconfig file that answers every official font name with `standIn` (and so hides the real ones). */
function fontconfigFor(standIn: string): string {
  const aliases = officialFonts.map((name) => `<match target="pattern"><test name="family"><string>${name}</string></test><edit name="family" mode="assign" binding="strong"><string>${standIn}</string></edit></match>`);
  const hidden = officialFonts.map((name) => `<pattern><patelt name="family"><string>${name}</string></patelt></pattern>`);
  return `<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf</include><selectfont><rejectfont>${hidden.join('')}</rejectfont></selectfont>${aliases.join('')}</fontconfig>`;
}

const standInInstalled = (standIn: string) => {
  try {
    return execFileSync('fc-match', ['-f', '%{family}', standIn], { encoding: 'utf8' }).includes(standIn);
  } catch {
    return false;
  }
};

const B = titleBreak;
const prose = '法治建设是一项长期的系统工程，需要各级司法行政机关统筹推进，久久为功，切实把各项工作落到实处。';
const issuerName = '内蒙古自治区赤峰市红山区司法局';

function letter(content: DocumentContent): DocumentLayout {
  return {
    version: 1,
    layout: 'official-letter',
    number: '红司改〔2026〕12号',
    numbered: true,
    issuedOn: '2026-11-26',
    zh: { locale: 'zh-CN', issuerName, content: checkedContent('doctest.print', 'zh-CN', content) },
  };
}

/** 整改通知书 as the warnings plugin writes it, with a body long enough to fill whole pages. */
const notice = letter({
  title: `关于西屯街道司法所${B}（演示）工作日志缺报${B}的整改通知书`,
  recipients: ['西屯街道司法所'],
  blocks: [
    { kind: 'paragraph', text: '经核查，你单位存在以下问题：最近10个工作日（2026-11-23至2026-12-04）中有7天没有填写工作日志，超过允许的3天。现通知你单位限期整改，并于2026-12-18前将整改情况书面报送红山区司法局。' },
    ...Array.from({ length: 6 }, () => ({ kind: 'paragraph' as const, text: prose.repeat(4) })),
    {
      kind: 'table',
      columns: ['项目', '内容', '日期'],
      widths: [2, 5, 3],
      rows: [
        ['预警情况', '最近10个工作日（2026-11-23至2026-12-04）中有7天没有填写工作日志，超过允许的3天。', '2026-12-05'],
        ['反馈期限', '请于2026-12-18前反馈', '2026-12-18'],
      ],
    },
  ],
  copyTo: ['赤峰市司法局'],
});

const pages = new Map<string, string[]>();
const usedFonts = new Map<string, string>();
let dir: string | undefined;
let skipReason: string | null = null;

beforeAll(async () => {
  if (!soffice) return void (skipReason = 'LibreOffice is not installed (no soffice or libreoffice on PATH): the printed layout was not checked.');
  if (!pdftotext || !pdffonts) return void (skipReason = 'poppler-utils is not installed (no pdftotext/pdffonts on PATH): the printed layout was not checked.');
  const missing = standIns.filter((f) => !standInInstalled(f));
  if (missing.length) return void (skipReason = `The free fonts ${missing.join(', ')} are not installed (Debian: fonts-noto-cjk): the printed layout was not checked.`);
  dir = mkdtempSync(join(tmpdir(), 'sifa-print-'));
  const docx = await renderDocx(notice, { creator: issuerName });
  for (const standIn of standIns) {
    const sub = join(dir, standIn.replace(/\W+/g, '-'));
    const fcFile = join(dir, `${standIn.replace(/\W+/g, '-')}.conf`);
    writeFileSync(fcFile, fontconfigFor(standIn));
    execFileSync('mkdir', ['-p', sub]);
    writeFileSync(join(sub, 'notice.docx'), docx);
    // A profile of its own, so a LibreOffice already running on the machine does not take the job.
    const args = ['--headless', `-env:UserInstallation=file://${join(sub, 'profile')}`, '--convert-to', 'pdf', '--outdir', sub, join(sub, 'notice.docx')];
    await new Promise<void>((resolve, reject) =>
      execFile(soffice, args, { timeout: 150_000, env: { ...process.env, FONTCONFIG_FILE: fcFile } }, (error, _o, stderr) => (error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve())),
    );
    const pdf = join(sub, 'notice.pdf');
    expect(readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    pages.set(standIn, execFileSync(pdftotext, ['-layout', pdf, '-'], { encoding: 'utf8' }).split('\f'));
    usedFonts.set(standIn, execFileSync(pdffonts, [pdf], { encoding: 'utf8' }));
  }
}, 360_000);
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** A page's lines as printed, without the spaces pdftotext puts between justified characters, and without the page number. */
const linesOf = (page: string) =>
  page
    .split('\n')
    .map((l) => l.replace(/\s+/g, ''))
    .filter((l) => l.length > 0 && !/^—\d+—$/.test(l));

describe.each(standIns)('D11: printed by LibreOffice with %s for the official fonts', (standIn) => {
  it('uses the stand-in, not an official font', (ctx) => {
    if (skipReason) return ctx.skip(skipReason);
    const fonts = usedFonts.get(standIn)!;
    expect(fonts).toContain(standIn.replace(/ /g, '').replace('CJKSC', 'CJK'));
    for (const name of ['FangSong', 'SimSun', 'SimHei', 'KaiTi', 'FZXiaoBiaoSong']) expect(fonts).not.toContain(name);
  });

  it('sets the body 28 characters a line and 22 lines a page', (ctx) => {
    if (skipReason) return ctx.skip(skipReason);
    // Page 2 is body text only: paragraphs of `prose` (ending 实处。), their first lines indented two characters.
    const lines = linesOf(pages.get(standIn)![1]!);
    expect(lines.every((l) => prose.repeat(2).includes(l) || prose.repeat(2).includes(l.slice(0, 8)))).toBe(true);
    // 22 lines: the 23rd is on the next page.
    expect(lines.length).toBe(body.linesPerPage);
    const widths = lines.map((line, i) => {
      const first = i === 0 ? line.startsWith(prose.slice(0, 8)) : lines[i - 1]!.endsWith('实处。');
      const last = line.endsWith('实处。');
      return { kind: last ? 'last' : first ? 'first' : 'full', chars: [...line].length };
    });
    expect(widths.filter((w) => w.kind === 'full').length).toBeGreaterThan(12);
    for (const w of widths.filter((x) => x.kind !== 'last')) expect(w).toEqual({ kind: w.kind, chars: w.kind === 'first' ? body.charsPerLine - 2 : body.charsPerLine });
  });

  it('keeps the 印发 line on one line, 印发机关 left and the date right', (ctx) => {
    if (skipReason) return ctx.skip(skipReason);
    const all = pages.get(standIn)!.flatMap(linesOf);
    expect(all).toContain(`${issuerName}2026年11月26日印发`);
  });

  it('splits no date across lines, in the body or a table cell', (ctx) => {
    if (skipReason) return ctx.skip(skipReason);
    const dates = (s: string) => s.match(/\d{4}-\d{2}-\d{2}/g) ?? [];
    const expected = notice.zh.content.blocks.flatMap((b) => (b.kind === 'paragraph' ? dates(b.text) : b.kind === 'table' ? b.rows.flat().flatMap((c) => dates(String(c))) : []));
    const printed = pages.get(standIn)!.flatMap((p) => p.split('\n')).flatMap((l) => dates(l.replace(/\s+/g, '').replace(/\u2060/g, '')));
    expect(printed.sort()).toEqual(expected.sort());
  });

  it('breaks the title only where the template allowed (关于西屯街道司法所 / （演示）工作日志缺报的整改通知书)', (ctx) => {
    if (skipReason) return ctx.skip(skipReason);
    const lines = linesOf(pages.get(standIn)![0]!);
    const start = lines.findIndex((l) => l.startsWith('关于'));
    const end = lines.findIndex((l, i) => i > start && l.endsWith('：'));
    const printed = lines.slice(start, end);
    expect(printed.join('')).toBe(plainTitle(notice.zh.content.title));
    expect(printed).toEqual(['关于西屯街道司法所', '（演示）工作日志缺报的整改通知书']);
  });
});

describe('D11: title lines', () => {
  it('keeps a title that fits on one line, and breaks a long one only at its marks, evenly', () => {
    expect(titleLines(`关于${B}年度考核${B}的通知`, 20)).toEqual(['关于年度考核的通知']);
    expect(titleLines(`关于西屯街道司法所${B}（演示）工作日志缺报${B}的整改通知书`, 20)).toEqual(['关于西屯街道司法所', '（演示）工作日志缺报的整改通知书']);
    // Three lines when two cannot hold it; never inside a part.
    const parts = ['关于内蒙古自治区赤峰市红山区', '西屯街道司法所', '（演示）工作日志连续缺报', '情况的整改通知书'];
    const lines = titleLines(parts.join(B), 20);
    expect(lines.length).toBe(3);
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(20);
    const ends = lines.map((_, i) => lines.slice(0, i + 1).join('').length);
    const allowed = parts.map((_, i) => parts.slice(0, i + 1).join('').length);
    for (const end of ends) expect(allowed).toContain(end);
  });

  it('breaks a part too long for a line between its words', () => {
    const lines = titleLines(`关于${B}${'人民调解委员会'.repeat(4)}${B}的通知`, 20);
    expect(lines.join('')).toBe(`关于${'人民调解委员会'.repeat(4)}的通知`);
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(20);
  });
});
