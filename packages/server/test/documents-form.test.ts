/**
 * The `form` layout of the document service (agreements, record sheets), with no database: a
 * form has its reference and title but no 版头 (red 发文机关标志, 文号, red line), 署名 or 版记;
 * field tables and signature rows render in the .docx and the HTML preview (classes only, escaped);
 * tables take relative column widths; what a template renders for them is checked. The official
 * letter keeps its layout and renders the new blocks too.
 */
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { isSifaError, type DocumentContent } from '@sifa/core';
import { checkedContent, type DocumentLayout } from '../src/documents/content.js';
import { columnWidths, linesOf, renderDocx } from '../src/documents/docx.js';
import { documentPreviewStylesheet, renderHtml } from '../src/documents/html.js';
import { mmToTwips } from '../src/documents/layout.js';

const content: DocumentContent = {
  title: '人民调解协议书',
  reference: '（2026）西屯调字第3号',
  blocks: [
    { kind: 'fields', rows: [{ label: '人民调解委员会', value: '西屯街道人民调解委员会' }, { label: '协议内容', value: '一、乙方赔偿甲方<1200>元。\n二、双方再无争议。' }, { label: '备注', value: '' }] },
    { kind: 'heading', level: 1, text: '一、当事人基本情况' },
    { kind: 'table', columns: ['身份', '姓名', '公民身份号码'], widths: [1, 1, 2], rows: [['申请人', '演示当事人甲', '150402199001010011']] },
    { kind: 'paragraph', text: '本协议一式三份，当事人各执一份，人民调解委员会留存一份。' },
    {
      kind: 'signatures',
      lines: [
        { label: '申请人', name: '演示当事人甲', mark: '签名、盖章或按指印' },
        { label: '人民调解员', name: '演示调解员', mark: '签名' },
        { label: '人民调解委员会', name: '西屯街道人民调解委员会', mark: '印章', seal: true },
      ],
    },
  ],
};

const layoutOf = (kind: DocumentLayout['layout'], c: DocumentContent = content): DocumentLayout => ({
  version: 1,
  layout: kind,
  number: '西屯〔2026〕3号',
  numbered: true,
  issuedOn: '2026-03-12',
  zh: { locale: 'zh-CN', issuerName: '西屯街道司法所', content: checkedContent('x.form', 'zh-CN', c) },
});

async function documentXml(layout: DocumentLayout) {
  const zip = await JSZip.loadAsync(await renderDocx(layout, { creator: '西屯街道司法所' }));
  const xml = await zip.file('word/document.xml')!.async('string');
  const text = [...xml.matchAll(/<w:t(?: [^>]*)?>(.*?)<\/w:t>/gs)].map((m) => m[1]!.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')).join('');
  return { xml, text, settings: await zip.file('word/settings.xml')?.async('string') };
}

describe('the form layout in .docx', () => {
  it('has the reference and title, every field and signature, and no 版头, 署名 or 版记', async () => {
    const { xml, text } = await documentXml(layoutOf('form'));
    for (const expected of ['编号：（2026）西屯调字第3号', '人民调解协议书', '人民调解委员会', '西屯街道人民调解委员会', '一、乙方赔偿甲方<1200>元。', '二、双方再无争议。', '150402199001010011', '申请人：演示当事人甲', '（签名、盖章或按指印）', '人民调解员：演示调解员', '（印章）', '本协议一式三份']) {
      expect(text).toContain(expected);
    }
    // No red masthead, no 文号, no issuer signature or 印发 line.
    expect(xml).not.toContain('w:color w:val="FF0000"');
    expect(text).not.toContain('西屯〔2026〕3号');
    expect(text).not.toContain('西屯街道司法所文件');
    expect(text).not.toContain('印发');
    // A4 with the form's margins, no 22-line document grid.
    expect(xml).toContain(`w:top="${mmToTwips(30)}"`);
    expect(xml).not.toMatch(/<w:docGrid[^>]*w:type=/);
    // The day beside each signature line, to fill in by hand.
    expect(text.match(/\u3000\u3000年\u3000月\u3000日/g)).toHaveLength(3);
  });

  it('draws a line to sign on for signers and leaves room for the seal', async () => {
    const { xml } = await documentXml(layoutOf('form'));
    const rows = [...xml.matchAll(/<w:tr>(.*?)<\/w:tr>/gs)].map((m) => m[1]!).filter((r) => r.includes('年'));
    expect(rows).toHaveLength(3);
    const signCell = (row: string) => [...row.matchAll(/<w:tc>(.*?)<\/w:tc>/gs)][1]![1]!;
    expect(signCell(rows[0]!)).toMatch(/<w:bottom w:val="single"/);
    expect(signCell(rows[2]!)).not.toMatch(/<w:bottom w:val="single"/);
    // The seal row is taller (room for the seal).
    const height = (row: string) => Number(/<w:trHeight w:val="(\d+)"/.exec(row)![1]);
    expect(height(rows[2]!)).toBeGreaterThan(height(rows[0]!));
  });

  it('keeps the official letter as it was, and renders the new blocks in it too', async () => {
    const { xml, text } = await documentXml(layoutOf('official-letter'));
    expect(text).toContain('西屯街道司法所文件');
    expect(text).toContain('西屯〔2026〕3号');
    expect(text).toContain('申请人：演示当事人甲');
    // The letter ignores a form's reference.
    expect(text).not.toContain('编号');
    expect(xml).toContain('<w:docGrid w:type="lines" w:linePitch="579"/>');
    // A layout stored before forms existed (no `layout`) is a letter.
    const { text: old } = await documentXml({ ...layoutOf('official-letter'), layout: undefined });
    expect(old).toContain('西屯街道司法所文件');
  });

  it('splits table widths by share and estimates wrapped lines', () => {
    expect(columnWidths(1000, [1, 1, 2])).toEqual([250, 250, 500]);
    expect(columnWidths(1000, [1, 1, 1])).toEqual([333, 333, 334]);
    expect(linesOf('一二三四五六', 4)).toBe(2);
    expect(linesOf('a\nb', 10)).toBe(2);
  });
});

describe('the form layout in HTML', () => {
  it('shows the reference, title, field table and signature rows with classes only, escaped', () => {
    const html = renderHtml(layoutOf('form'));
    expect(html).toContain('<article class="sifa-doc sifa-doc--form" lang="zh-CN">');
    expect(html).toContain('<p class="sifa-doc__reference">编号：（2026）西屯调字第3号</p>');
    expect(html).toContain('<th scope="row">协议内容</th><td>一、乙方赔偿甲方&lt;1200&gt;元。<br>二、双方再无争议。</td>');
    expect(html).toContain('<col class="sifa-doc__w-25"><col class="sifa-doc__w-25"><col class="sifa-doc__w-50">');
    expect(html.match(/class="sifa-doc__sign-line"/g)).toHaveLength(2);
    expect(html.match(/class="sifa-doc__sign-seal"/g)).toHaveLength(1);
    expect(html).not.toContain('sifa-doc__masthead');
    expect(html).not.toContain('sifa-doc__record');
    expect(html).not.toMatch(/style=|<script/i);
    for (const rule of ['.sifa-doc--form{', '.sifa-doc__fields{', '.sifa-doc__sign{', '.sifa-doc__w-25{']) expect(documentPreviewStylesheet).toContain(rule);
  });
});

describe('checks on what a form template renders', () => {
  it('refuses widths that do not match the columns and signature lines without a label', () => {
    const bad = {
      title: '表',
      blocks: [
        { kind: 'table', columns: ['a', 'b'], widths: [1], rows: [] },
        { kind: 'signatures', lines: [{ label: ' ' }] },
        { kind: 'fields', rows: [] },
      ],
    };
    try {
      checkedContent('x.form', 'zh-CN', bad);
      expect.unreachable();
    } catch (error) {
      expect(isSifaError(error) && error.sifaCode).toBe('INTERNAL');
      const cause = String((error as { cause?: unknown }).cause);
      expect(cause).toContain('blocks.0.widths');
      expect(cause).toContain('blocks.1.lines.0.label');
      expect(cause).toContain('blocks.2.rows');
    }
  });
});
