/**
 * The .docx of a document, laid out per GB/T 9704-2012 with the `docx` library: 版头 (red
 * 发文机关标志, 文号, red separator line), 主体 (title, 主送, body with 一、/（一）/1. headings,
 * tables, 附件说明, 发文机关署名 and 成文日期), 版记 (抄送 and 印发 between ruled lines) and
 * page numbers "— 1 —" outside the type area, odd pages right, even pages left.
 *
 * A template of the `form` layout (人民调解协议书, record sheets) gets none of the 版头, 署名 and
 * 版记: its reference (编号) at the top right, the title, the body with field tables (label |
 * value) and signature rows (who, a line to sign on or room for a seal, the day), page numbers
 * centred. Both layouts render every kind of block.
 *
 * A bilingual document gets the Mongolian version as a second section after the Chinese one:
 * the library writes only horizontal (lrTb) or right-to-left vertical (tbRl) page text, and
 * traditional Mongolian runs top to bottom with lines left to right (tbLrV), which it cannot.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  SectionType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  NoBreakHyphen,
  Tab,
  TabStopType,
  HeightRule,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type ISectionOptions,
  type IParagraphOptions,
} from 'docx';
import type { DocumentBlock } from '@sifa/core';
import { documentLabels, type DocumentHalf, type DocumentLayout } from './content.js';
import { plainTitle, titleLines } from './title.js';
import {
  body,
  bodyCharacterSpacing,
  charTwips,
  fonts,
  footerFromBottomMm,
  form,
  grid,
  mastheadOffsetMm,
  mmToTwips,
  page,
  pointSize,
  red,
  separatorGapPt,
  titleCharsPerLine,
  typeArea,
  type FontRole,
} from './layout.js';

interface RunStyle {
  role: FontRole;
  sizePt: number;
  color?: string;
  bold?: boolean;
}

const typeAreaTwips = mmToTwips(typeArea.widthMm);
const formTypeAreaTwips = mmToTwips(page.widthMm - form.margin.leftMm - form.margin.rightMm);
const exactLine = { line: body.lineTwips, lineRule: LineRuleType.EXACT } as const;
const blankLines = (n: number) => n * body.lineTwips;
const noBorder = { style: BorderStyle.NONE, size: 0, color: 'auto' } as const;
const thinBorder = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;

/** Lines a text takes in a column `chars` body characters wide (estimated: each line of the text wraps on its own). */
export function linesOf(text: string, chars: number): number {
  return text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(widthInChars(line) / Math.max(1, chars))), 0);
}

/** Column widths in twips from relative shares, the last column taking what rounding left. */
export function columnWidths(total: number, shares: readonly number[]): number[] {
  const sum = shares.reduce((a, b) => a + b, 0);
  const widths = shares.map((w) => Math.floor((total * w) / sum));
  widths[widths.length - 1]! += total - widths.reduce((a, b) => a + b, 0);
  return widths;
}

/** Display width in body characters: CJK counts 1, Latin letters and digits ½. */
export function widthInChars(text: string): number {
  let width = 0;
  for (const ch of text) width += ch.codePointAt(0)! < 0x2e80 ? 0.5 : 1;
  return width;
}

function runFont(role: FontRole, mongolian: boolean) {
  const eastAsia = fonts[role].name;
  if (mongolian) {
    const mn = fonts.mongolian.name;
    return { ascii: mn, hAnsi: mn, cs: mn, eastAsia };
  }
  // Page numbers are 半角宋体 digits; everywhere else Latin letters and digits are Times New Roman.
  const latin = role === 'pageNumber' ? fonts.pageNumber.name : fonts.latin.name;
  return { ascii: latin, hAnsi: latin, cs: latin, eastAsia, hint: 'eastAsia' };
}

const latinLanguage = { value: 'en-US', eastAsia: 'zh-CN' } as const;

function runsOf(text: string, style: RunStyle, mongolian: boolean): TextRun[] {
  // 三号 Chinese text (body, headings, 文号) is set on the 28-a-line pitch whatever the font (layout.ts).
  const pitched = !mongolian && style.sizePt === body.sizePt && style.role !== 'title';
  const common = {
    font: runFont(style.role, mongolian),
    size: style.sizePt * 2,
    ...(pitched ? { characterSpacing: bodyCharacterSpacing } : {}),
    ...(style.color ? { color: style.color } : {}),
    ...(style.bold ? { bold: true } : {}),
    // Latin letters and digits are marked en-US, as Chinese Word writes it: marked zh-CN, LibreOffice
    // breaks a line inside them (2026-1 / 1-23).
    language: mongolian ? { value: 'mn-Mong-CN', eastAsia: 'zh-CN' } : latinLanguage,
  };
  // '\n' breaks the line; '\t' goes to the next tab stop; a hyphen between digits (2026-11-23,
  // 10-12) is a non-breaking one, so no line ends inside a date or a range.
  const pieces = (part: string) => part.split(/(?<=\d)-(?=\d)/).flatMap((piece, k) => (k === 0 ? [piece] : ['\u2060-\u2060', piece]));
  return text.split('\n').flatMap((line, i) =>
    line.split('\t').map((part, j) => new TextRun({ ...common, children: [...(j > 0 ? [new Tab()] : []), ...pieces(part)], ...(i > 0 && j === 0 ? { break: 1 } : {}) })),
  );
}

class HalfWriter {
  private readonly labels;
  private readonly mongolian: boolean;
  private readonly form: boolean;
  private readonly bodyStyle: RunStyle;
  /** The body's fixed line, a blank line's height and one body character, in twips. */
  private readonly line;
  private readonly lineTwips: number;
  private readonly charTwips: number;
  private readonly areaTwips: number;
  private readonly tablePt: number;

  constructor(
    private readonly half: DocumentHalf,
    private readonly layout: DocumentLayout,
  ) {
    this.labels = documentLabels[half.locale];
    this.mongolian = half.locale === 'mn-Mong';
    this.form = layout.layout === 'form';
    this.bodyStyle = { role: 'body', sizePt: this.form ? form.sizePt : body.sizePt };
    this.lineTwips = this.form ? form.lineTwips : body.lineTwips;
    this.line = { line: this.lineTwips, lineRule: LineRuleType.EXACT } as const;
    this.charTwips = this.form ? form.sizePt * 20 : charTwips;
    this.areaTwips = this.form ? formTypeAreaTwips : typeAreaTwips;
    this.tablePt = this.form ? form.tablePt : pointSize.四号;
  }

  private blank(n: number): number {
    return n * this.lineTwips;
  }

  private paragraph(text: string, style: RunStyle, options: Omit<IParagraphOptions, 'children'> = {}): Paragraph {
    return new Paragraph({ spacing: this.line, ...options, children: runsOf(text, style, this.mongolian) });
  }

  /** 版头: 发文机关标志, 文号 and the red line under it. */
  private head(): Paragraph[] {
    const masthead = `${this.half.issuerName}${this.labels.mastheadSuffix}`;
    // 小初 小标宋, smaller when a long name would not fit on one line of the type area.
    const fitPt = Math.floor((typeArea.widthMm * 72) / 25.4 / Math.max(1, widthInChars(masthead)));
    const sizePt = Math.min(pointSize.小初, fitPt);
    return [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { before: mmToTwips(mastheadOffsetMm), line: 240, lineRule: LineRuleType.AUTO },
        children: runsOf(masthead, { role: 'title', sizePt, color: red }, this.mongolian),
      }),
      this.paragraph(this.layout.number, this.bodyStyle, {
        alignment: AlignmentType.CENTER,
        spacing: { ...exactLine, before: blankLines(2) },
        border: { bottom: { style: BorderStyle.SINGLE, size: 8, color: red, space: separatorGapPt } },
      }),
    ];
  }

  /** The title in its lines, broken between words only (a Mongolian title wraps by itself). */
  private titleText(): string {
    const { title } = this.half.content;
    return this.mongolian ? plainTitle(title) : titleLines(title, titleCharsPerLine).join('\n');
  }

  private title(): Paragraph[] {
    const { content } = this.half;
    const out = [
      this.paragraph(this.titleText(), { role: 'title', sizePt: pointSize.二号 }, { alignment: AlignmentType.CENTER, spacing: { ...exactLine, before: blankLines(2) } }),
    ];
    if (content.recipients?.length) {
      out.push(
        this.paragraph(`${content.recipients.join(this.labels.separator)}${this.labels.colon}`, this.bodyStyle, {
          alignment: AlignmentType.LEFT,
          spacing: { ...exactLine, before: blankLines(1) },
        }),
      );
    }
    return out;
  }

  /** `keepNext`: the block stays on the page of what follows it (the paragraph before a form's signature rows). */
  private block(block: DocumentBlock, keepNext = false): (Paragraph | Table)[] {
    const indented = { alignment: AlignmentType.BOTH, indent: { firstLine: 2 * this.charTwips }, ...(keepNext ? { keepNext: true } : {}) } as const;
    switch (block.kind) {
      case 'heading': {
        const role: FontRole = block.level === 1 ? 'heading1' : block.level === 2 ? 'heading2' : 'body';
        return [this.paragraph(block.text, { role, sizePt: this.bodyStyle.sizePt }, { ...indented, keepNext: true })];
      }
      case 'paragraph':
        return [this.paragraph(block.text, this.bodyStyle, indented)];
      case 'list':
        return block.items.map((item) => this.paragraph(item, this.bodyStyle, indented));
      case 'table':
        return this.table(block);
      case 'fields':
        return this.fields(block);
      case 'signatures':
        return this.signatures(block);
    }
  }

  private caption(text: string | undefined): Paragraph[] {
    return text ? [this.paragraph(text, { role: 'heading1', sizePt: this.bodyStyle.sizePt }, { alignment: AlignmentType.CENTER, keepNext: true })] : [];
  }

  /** A table directly after another block needs a paragraph of its own after it, or Word joins it to the next table. */
  private static spacer(): Paragraph {
    return new Paragraph({ spacing: { line: 120, lineRule: LineRuleType.AUTO }, children: [] });
  }

  private cellParagraphs(text: string, style: RunStyle, alignment: (typeof AlignmentType)[keyof typeof AlignmentType]): Paragraph[] {
    return [new Paragraph({ alignment, spacing: { line: 240, lineRule: LineRuleType.AUTO }, children: runsOf(text, style, this.mongolian) })];
  }

  private table(block: Extract<DocumentBlock, { kind: 'table' }>): (Paragraph | Table)[] {
    const widths = columnWidths(this.areaTwips, block.widths ?? block.columns.map(() => 1));
    const cell = (text: string, header: boolean, i: number) =>
      new TableCell({
        width: { size: widths[i]!, type: WidthType.DXA },
        verticalAlign: VerticalAlignTable.CENTER,
        margins: { top: 60, bottom: 60, left: 100, right: 100 },
        children: this.cellParagraphs(text, { role: header ? 'heading1' : 'body', sizePt: this.tablePt }, AlignmentType.CENTER),
      });
    const border = thinBorder;
    const table = new Table({
      width: { size: this.areaTwips, type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      alignment: AlignmentType.CENTER,
      borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
      rows: [
        new TableRow({ tableHeader: true, cantSplit: true, children: block.columns.map((c, i) => cell(c, true, i)) }),
        ...block.rows.map((row) => new TableRow({ cantSplit: true, children: row.map((v, i) => cell(String(v), false, i)) })),
      ],
    });
    return [...this.caption(block.caption), table, HalfWriter.spacer()];
  }

  /** A field table: the label (黑体) beside its value, one row per field; long values may break across pages. */
  private fields(block: Extract<DocumentBlock, { kind: 'fields' }>): (Paragraph | Table)[] {
    const [labelWidth, valueWidth] = columnWidths(this.areaTwips, [form.labelShare, 1 - form.labelShare]) as [number, number];
    const size = this.bodyStyle.sizePt;
    const margins = { top: 80, bottom: 80, left: 120, right: 120 };
    const table = new Table({
      width: { size: this.areaTwips, type: WidthType.DXA },
      columnWidths: [labelWidth, valueWidth],
      layout: TableLayoutType.FIXED,
      alignment: AlignmentType.CENTER,
      borders: { top: thinBorder, bottom: thinBorder, left: thinBorder, right: thinBorder, insideHorizontal: thinBorder, insideVertical: thinBorder },
      rows: block.rows.map(
        (row) =>
          new TableRow({
            // A row stays whole on its page unless its value is long (more than a third of a page).
            cantSplit: linesOf(row.value, (valueWidth - 240) / (size * 20)) <= 12,
            height: { value: Math.round(this.lineTwips * 1.4), rule: HeightRule.ATLEAST },
            children: [
              new TableCell({
                width: { size: labelWidth, type: WidthType.DXA },
                verticalAlign: VerticalAlignTable.CENTER,
                margins,
                children: this.cellParagraphs(row.label, { role: 'heading1', sizePt: size }, AlignmentType.CENTER),
              }),
              new TableCell({
                width: { size: valueWidth, type: WidthType.DXA },
                verticalAlign: VerticalAlignTable.CENTER,
                margins,
                children: row.value
                  .split('\n')
                  .map((line) => new Paragraph({ alignment: AlignmentType.BOTH, spacing: { line: Math.round(this.lineTwips * 0.9), lineRule: LineRuleType.EXACT }, children: runsOf(line, { role: 'body', sizePt: size }, this.mongolian) })),
              }),
            ],
          }),
      ),
    });
    return [...this.caption(block.caption), table, HalfWriter.spacer()];
  }

  /**
   * Signature rows (签名栏): the signer's label and printed name with what they do (签名、盖章或按
   * 指印) under it, a line to sign on (or room for a seal), and the day to write by hand. The
   * rows are kept together with what precedes them where Word can.
   */
  private signatures(block: Extract<DocumentBlock, { kind: 'signatures' }>): (Paragraph | Table)[] {
    const widths = columnWidths(this.areaTwips, form.signatureShares);
    const size = this.bodyStyle.sizePt;
    const small: RunStyle = { role: 'body', sizePt: this.tablePt };
    const cell = (i: number, children: Paragraph[], border: 'line' | 'none') =>
      new TableCell({
        width: { size: widths[i]!, type: WidthType.DXA },
        verticalAlign: VerticalAlignTable.BOTTOM,
        margins: { top: 40, bottom: 40, left: 60, right: 60 },
        borders: { top: noBorder, left: noBorder, right: noBorder, bottom: border === 'line' ? thinBorder : noBorder },
        children,
      });
    const rows = block.lines.map((line) => {
      const who = [
        new Paragraph({
          alignment: AlignmentType.LEFT,
          keepNext: true,
          spacing: { line: 240, lineRule: LineRuleType.AUTO },
          children: runsOf(line.name ? `${line.label}${this.labels.colon}${line.name}` : `${line.label}${this.labels.colon}`, { role: 'body', sizePt: size }, this.mongolian),
        }),
      ];
      if (line.mark) {
        who.push(new Paragraph({ alignment: AlignmentType.LEFT, keepNext: true, spacing: { line: 240, lineRule: LineRuleType.AUTO }, children: runsOf(`（${line.mark}）`, small, this.mongolian) }));
      }
      return new TableRow({
        cantSplit: true,
        height: { value: line.seal ? this.lineTwips * 4 : Math.round(this.lineTwips * 2.2), rule: HeightRule.ATLEAST },
        children: [
          cell(0, who, 'none'),
          cell(1, [new Paragraph({ keepNext: true, children: [] })], line.seal ? 'none' : 'line'),
          cell(2, this.cellParagraphs(this.labels.blankDate, { role: 'body', sizePt: size }, AlignmentType.RIGHT), 'none'),
        ],
      });
    });
    const table = new Table({
      width: { size: this.areaTwips, type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      alignment: AlignmentType.CENTER,
      borders: { top: noBorder, bottom: noBorder, left: noBorder, right: noBorder, insideHorizontal: noBorder, insideVertical: noBorder },
      rows,
    });
    return [table, HalfWriter.spacer()];
  }

  /** A form's head: its reference (编号) at the top right, then the title. */
  private formHead(): Paragraph[] {
    const { content } = this.half;
    const out: Paragraph[] = [];
    if (content.reference) {
      out.push(this.paragraph(`${this.labels.reference}${this.labels.colon}${content.reference}`, this.bodyStyle, { alignment: AlignmentType.RIGHT }));
    }
    out.push(
      this.paragraph(this.titleText(), { role: 'title', sizePt: pointSize.二号 }, {
        alignment: AlignmentType.CENTER,
        spacing: { line: Math.round(pointSize.二号 * 20 * 1.5), lineRule: LineRuleType.EXACT, before: this.blank(1), after: this.blank(1) },
      }),
    );
    return out;
  }

  /** 附件说明: 附件：1．名称, further names aligned under the first (§7.3.4). */
  private attachments(): Paragraph[] {
    const names = this.half.content.attachments ?? [];
    if (!names.length) return [];
    const labelWidth = widthInChars(`${this.labels.attachments}${this.labels.colon}`) * this.charTwips;
    return names.map((name, i) => {
      const ordinal = names.length > 1 ? this.labels.ordinal(i + 1) : '';
      const ordinalWidth = Math.round(widthInChars(ordinal) * this.charTwips);
      const left = 2 * this.charTwips + labelWidth + ordinalWidth;
      const text = i === 0 ? `${this.labels.attachments}${this.labels.colon}${ordinal}${name}` : `${ordinal}${name}`;
      return this.paragraph(text, this.bodyStyle, {
        alignment: AlignmentType.LEFT,
        indent: { left, hanging: i === 0 ? labelWidth + ordinalWidth : ordinalWidth },
        ...(i === 0 ? { spacing: { ...this.line, before: this.blank(1) } } : {}),
      });
    });
  }

  /**
   * 发文机关署名 and 成文日期 without a seal (§7.3.5.2): the name right-indented two characters, the
   * date on the next line starting two characters to the right of the name; a date longer than
   * that moves the name left so the date keeps its two-character right margin.
   */
  private signature(): Paragraph[] {
    const name = this.half.issuerName;
    const date = this.labels.date(this.layout.issuedOn);
    const { nameIndent, dateIndent } = signatureIndents(widthInChars(name), widthInChars(date));
    return [
      this.paragraph(name, this.bodyStyle, {
        alignment: AlignmentType.RIGHT,
        indent: { right: Math.round(nameIndent * charTwips) },
        spacing: { ...exactLine, before: blankLines(1) },
        keepNext: true,
      }),
      this.paragraph(date, this.bodyStyle, { alignment: AlignmentType.RIGHT, indent: { right: Math.round(dateIndent * charTwips) } }),
    ];
  }

  /**
   * 版记 (§7.4): 抄送 and 印发机关/印发日期 in 4号 仿宋, one character in from each side, between a
   * thick first and last line with a thin line between them, across the whole type area.
   */
  private record(): Table {
    const size = pointSize.四号;
    const inset = size * 20;
    const thick = { style: BorderStyle.SINGLE, size: 8, color: '000000' } as const;
    const thin = { style: BorderStyle.SINGLE, size: 6, color: '000000' } as const;
    const none = { style: BorderStyle.NONE, size: 0, color: 'auto' } as const;
    const style: RunStyle = { role: 'body', sizePt: size };
    const half = Math.floor(typeAreaTwips / 2);
    const margins = { top: 80, bottom: 80, left: inset, right: inset };
    const rows: TableRow[] = [];
    const copyTo = this.half.content.copyTo ?? [];
    if (copyTo.length) {
      const label = `${this.labels.copyTo}${this.labels.colon}`;
      rows.push(
        new TableRow({
          cantSplit: true,
          children: [
            new TableCell({
              columnSpan: 2,
              width: { size: half * 2, type: WidthType.DXA },
              margins,
              children: [
                new Paragraph({
                  alignment: AlignmentType.LEFT,
                  // Wrapped names align after the colon.
                  indent: { left: Math.round(widthInChars(label) * inset), hanging: Math.round(widthInChars(label) * inset) },
                  spacing: { line: 240, lineRule: LineRuleType.AUTO },
                  children: runsOf(`${label}${copyTo.join(this.labels.separator)}${this.labels.fullStop}`, style, this.mongolian),
                }),
              ],
            }),
          ],
        }),
      );
    }
    // 印发机关 at the left and 印发日期 at the right of one line (a right tab stop one character in):
    // two half-width cells wrapped a long date, leaving 发 alone on a line.
    rows.push(
      new TableRow({
        cantSplit: true,
        children: [
          new TableCell({
            columnSpan: 2,
            width: { size: half * 2, type: WidthType.DXA },
            margins,
            children: [
              new Paragraph({
                alignment: AlignmentType.LEFT,
                keepLines: true,
                tabStops: [{ type: TabStopType.RIGHT, position: half * 2 - 2 * inset }],
                spacing: { line: 240, lineRule: LineRuleType.AUTO },
                children: runsOf(`${this.half.issuerName}\t${this.labels.date(this.layout.issuedOn)}${this.labels.printed}`, style, this.mongolian),
              }),
            ],
          }),
        ],
      }),
    );
    return new Table({
      width: { size: half * 2, type: WidthType.DXA },
      columnWidths: [half, half],
      layout: TableLayoutType.FIXED,
      borders: { top: thick, bottom: thick, insideHorizontal: thin, left: none, right: none, insideVertical: none },
      rows,
    });
  }

  children(): (Paragraph | Table)[] {
    if (this.form) {
      const blocks = this.half.content.blocks;
      return [...this.formHead(), ...blocks.flatMap((b, i) => this.block(b, blocks[i + 1]?.kind === 'signatures')), ...this.attachments()];
    }
    return [
      ...this.head(),
      ...this.title(),
      ...this.half.content.blocks.flatMap((b) => this.block(b)),
      ...this.attachments(),
      ...this.signature(),
      new Paragraph({ spacing: { ...exactLine, before: blankLines(1) }, children: [] }),
      this.record(),
    ];
  }
}

/** Right indents (in characters) of the signature and the date, per §7.3.5.2. */
export function signatureIndents(nameWidth: number, dateWidth: number): { nameIndent: number; dateIndent: number } {
  if (nameWidth - dateWidth >= 2) return { nameIndent: 2, dateIndent: nameWidth - dateWidth };
  return { nameIndent: dateWidth + 4 - nameWidth, dateIndent: 2 };
}

/** "— 1 —" in 4号 宋体, one character in from the outer edge: right on odd pages, left on even ones. */
function pageNumberFooter(side: 'odd' | 'even'): Footer {
  const size = pointSize.四号;
  const style = { font: runFont('pageNumber', false), size: size * 2 };
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: size * 20 } : { left: size * 20 },
        children: [new TextRun({ ...style, children: ['\u2014 ', PageNumber.CURRENT, ' \u2014'] })],
      }),
    ],
  });
}

/** A form's page number: "— 1 —" in 4号 宋体, centred. */
function formPageNumberFooter(): Footer {
  const size = pointSize.四号;
  return new Footer({
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ font: runFont('pageNumber', false), size: size * 2, children: ['\u2014 ', PageNumber.CURRENT, ' \u2014'] })] })],
  });
}

const sectionProperties = (type?: (typeof SectionType)[keyof typeof SectionType], isForm = false): ISectionOptions['properties'] => {
  const margin = isForm ? form.margin : page.margin;
  return {
    ...(type ? { type } : {}),
    page: {
      size: { width: page.widthTwips, height: page.heightTwips },
      margin: {
        top: mmToTwips(margin.topMm),
        bottom: mmToTwips(margin.bottomMm),
        left: mmToTwips(margin.leftMm),
        right: mmToTwips(margin.rightMm),
        header: mmToTwips(15),
        footer: mmToTwips(isForm ? 14 : footerFromBottomMm),
      },
    },
    // The 22-line grid is the 公文's; a form keeps its own fixed lines.
    // Lines only: the 28 characters come from the runs' spacing (layout.ts `bodyCharacterSpacing`).
    ...(isForm ? {} : { grid: { type: DocumentGridType.LINES, linePitch: grid.linePitch } }),
  };
};

/**
 * The font table Word and LibreOffice consult for a font that is not installed: each official
 * font names its common alternative (`w:altName`, 仿宋 for 仿宋_GB2312), its PANOSE class, family,
 * pitch and character set (86 = GB2312), so a machine without it picks a like font (a 仿宋 or
 * 宋体, not a Latin default). The library writes an empty table unless fonts are embedded; this
 * replaces it.
 */
export function fontTableXml(): string {
  const entry = (font: (typeof fonts)[FontRole], charset: string, pitch: string) =>
    `<w:font w:name="${font.name}"><w:altName w:val="${font.altName}"/><w:panose1 w:val="${font.panose}"/><w:charset w:val="${charset}"/><w:family w:val="${font.family}"/><w:pitch w:val="${pitch}"/></w:font>`;
  const cjk = (['title', 'body', 'heading1', 'heading2', 'pageNumber'] as const).map((role) => entry(fonts[role], '86', role === 'title' ? 'variable' : 'fixed'));
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    [...cjk, entry(fonts.latin, '00', 'variable'), entry(fonts.mongolian, '00', 'variable')].join('') +
    '</w:fonts>'
  );
}

export interface DocxMetadata {
  /** Shown in the file's properties. */
  creator: string;
  description?: string;
}

/** Lays out a document (both halves when bilingual) and packs the .docx. */
export async function renderDocx(layout: DocumentLayout, metadata: DocxMetadata): Promise<Buffer> {
  const isForm = layout.layout === 'form';
  const sections: ISectionOptions[] = [
    {
      properties: sectionProperties(undefined, isForm),
      footers: isForm ? { default: formPageNumberFooter() } : { default: pageNumberFooter('odd'), even: pageNumberFooter('even') },
      children: new HalfWriter(layout.zh, layout).children(),
    },
  ];
  if (layout.mn) {
    // Page numbers run on; the footers carry over from the Chinese section.
    sections.push({ properties: sectionProperties(SectionType.NEXT_PAGE, isForm), children: new HalfWriter(layout.mn, layout).children() });
  }
  const lineTwips = isForm ? form.lineTwips : body.lineTwips;
  const document = new Document({
    title: isForm ? `${layout.zh.content.reference ?? layout.number} ${plainTitle(layout.zh.content.title)}` : `${layout.number} ${plainTitle(layout.zh.content.title)}`,
    creator: metadata.creator,
    lastModifiedBy: metadata.creator,
    ...(metadata.description ? { description: metadata.description } : {}),
    evenAndOddHeaderAndFooters: !isForm,
    styles: {
      default: {
        document: {
          run: { font: runFont('body', false), size: (isForm ? form.sizePt : body.sizePt) * 2, language: latinLanguage },
          // No widow/orphan control in a 公文: every page holds its 22 lines (LibreOffice moves a line otherwise).
          paragraph: { spacing: { line: lineTwips, lineRule: LineRuleType.EXACT }, ...(isForm ? {} : { widowControl: false }) },
        },
      },
    },
    theme: {
      fonts: {
        headings: { latin: fonts.latin.name, eastAsia: fonts.heading1.altName, scripts: { Mong: fonts.mongolian.name } },
        body: { latin: fonts.latin.name, eastAsia: fonts.body.altName, scripts: { Mong: fonts.mongolian.name } },
      },
    },
    sections,
  });
  return Packer.toBuffer(document, false, [{ path: 'word/fontTable.xml', data: fontTableXml() }]);
}
