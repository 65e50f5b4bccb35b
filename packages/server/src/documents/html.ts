/**
 * The HTML preview of a document: the same layout as the .docx, as markup that carries classes
 * only (no style attributes, no scripts), so a widget shows it under a strict CSP by adopting
 * `documentPreviewStylesheet` as a constructable stylesheet. All text is escaped.
 *
 * A bilingual document shows the Mongolian version on the left in vertical script
 * (`writing-mode: vertical-lr`, the region's rule for vertical layouts) and the Chinese on the right.
 * A `form` document (agreements, record sheets) has no 版头, 署名 or 版记: its reference, the
 * title, the body with field tables and signature rows.
 */
import type { DocumentBlock } from '@sifa/core';
import { documentLabels, type DocumentHalf, type DocumentLabels, type DocumentLayout } from './content.js';
import { signatureIndents, widthInChars } from './docx.js';
import { body, fonts, form, mastheadOffsetMm, page, pointSize, titleCharsPerLine } from './layout.js';
import { plainTitle, titleLines } from './title.js';

/** A title broken as in the .docx (between words only); a Mongolian title wraps by itself. */
const titleHtml = (half: DocumentHalf) =>
  half.locale === 'mn-Mong' ? textHtml(plainTitle(half.content.title)) : titleLines(half.content.title, titleCharsPerLine).map(escapeHtml).join('<br>');

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => escapes[c]!);

/** Escaped text with line breaks kept. */
const textHtml = (text: string) => text.split('\n').map(escapeHtml).join('<br>');

/** Right indents are whole or half characters; one class per step keeps style attributes out. */
const maxIndentSteps = 40;
const indentClass = (chars: number) => `sifa-doc__re-${Math.min(maxIndentSteps, Math.max(0, Math.round(chars * 2)))}`;

/** Column widths as classes (1 % steps): no style attributes under a strict CSP. */
const widthClass = (share: number) => `sifa-doc__w-${Math.min(100, Math.max(1, Math.round(share * 100)))}`;

function blockHtml(block: DocumentBlock, labels: DocumentLabels): string {
  switch (block.kind) {
    case 'heading':
      return `<h${block.level + 1} class="sifa-doc__h${block.level}">${textHtml(block.text)}</h${block.level + 1}>`;
    case 'paragraph':
      return `<p class="sifa-doc__p">${textHtml(block.text)}</p>`;
    case 'list':
      return `<ul class="sifa-doc__list">${block.items.map((i) => `<li class="sifa-doc__p">${textHtml(i)}</li>`).join('')}</ul>`;
    case 'table': {
      const caption = block.caption ? `<caption class="sifa-doc__caption">${textHtml(block.caption)}</caption>` : '';
      const sum = block.widths?.reduce((a, b) => a + b, 0);
      const colgroup = block.widths ? `<colgroup>${block.widths.map((w) => `<col class="${widthClass(w / sum!)}">`).join('')}</colgroup>` : '';
      const head = `<thead><tr>${block.columns.map((c) => `<th scope="col">${textHtml(c)}</th>`).join('')}</tr></thead>`;
      const rows = block.rows.map((r) => `<tr>${r.map((v) => `<td>${textHtml(String(v))}</td>`).join('')}</tr>`).join('');
      return `<table class="sifa-doc__table${block.widths ? ' sifa-doc__table--fixed' : ''}">${caption}${colgroup}${head}<tbody>${rows}</tbody></table>`;
    }
    case 'fields': {
      const caption = block.caption ? `<caption class="sifa-doc__caption">${textHtml(block.caption)}</caption>` : '';
      const rows = block.rows.map((r) => `<tr><th scope="row">${textHtml(r.label)}</th><td>${textHtml(r.value)}</td></tr>`).join('');
      return `<table class="sifa-doc__fields">${caption}<tbody>${rows}</tbody></table>`;
    }
    case 'signatures': {
      const lines = block.lines.map((line) => {
        const who = `<span class="sifa-doc__sign-who"><span>${escapeHtml(line.label + labels.colon + (line.name ?? ''))}</span>${line.mark ? `<span class="sifa-doc__sign-mark">${escapeHtml(`（${line.mark}）`)}</span>` : ''}</span>`;
        const place = `<span class="${line.seal ? 'sifa-doc__sign-seal' : 'sifa-doc__sign-line'}"></span>`;
        return `<div class="sifa-doc__sign${line.seal ? ' sifa-doc__sign--seal' : ''}">${who}${place}<span class="sifa-doc__sign-date">${escapeHtml(labels.blankDate)}</span></div>`;
      });
      return `<div class="sifa-doc__signatures">${lines.join('')}</div>`;
    }
  }
}

function formHtml(half: DocumentHalf): string {
  const labels = documentLabels[half.locale];
  const { content } = half;
  const parts: string[] = [];
  if (content.reference) parts.push(`<p class="sifa-doc__reference">${escapeHtml(labels.reference + labels.colon + content.reference)}</p>`);
  parts.push(`<h1 class="sifa-doc__title sifa-doc__title--form">${titleHtml(half)}</h1>`);
  parts.push(`<div class="sifa-doc__body">${content.blocks.map((b) => blockHtml(b, labels)).join('')}</div>`);
  if (content.attachments?.length) {
    const many = content.attachments.length > 1;
    const items = content.attachments.map((name, i) => `<li>${escapeHtml((many ? labels.ordinal(i + 1) : '') + name)}</li>`).join('');
    parts.push(
      `<div class="sifa-doc__attachments"><span class="sifa-doc__attachments-label">${escapeHtml(labels.attachments + labels.colon)}</span><ol class="sifa-doc__attachments-list">${items}</ol></div>`,
    );
  }
  const lang = half.locale === 'mn-Mong' ? 'mn-Mong' : 'zh-CN';
  const modifier = half.locale === 'mn-Mong' ? ' sifa-doc--mn' : '';
  return `<article class="sifa-doc sifa-doc--form${modifier}" lang="${lang}">${parts.join('')}</article>`;
}

function halfHtml(half: DocumentHalf, layout: DocumentLayout): string {
  if (layout.layout === 'form') return formHtml(half);
  const labels = documentLabels[half.locale];
  const { content } = half;
  const date = labels.date(layout.issuedOn);
  const parts: string[] = [];
  parts.push(
    '<header class="sifa-doc__head">',
    `<p class="sifa-doc__masthead">${escapeHtml(half.issuerName + labels.mastheadSuffix)}</p>`,
    `<p class="sifa-doc__number${layout.numbered ? '' : ' sifa-doc__number--draft'}">${escapeHtml(layout.number)}</p>`,
    '</header>',
    `<h1 class="sifa-doc__title">${titleHtml(half)}</h1>`,
  );
  if (content.recipients?.length) {
    parts.push(`<p class="sifa-doc__recipients">${escapeHtml(content.recipients.join(labels.separator) + labels.colon)}</p>`);
  }
  parts.push(`<div class="sifa-doc__body">${content.blocks.map((b) => blockHtml(b, labels)).join('')}</div>`);
  if (content.attachments?.length) {
    const many = content.attachments.length > 1;
    const items = content.attachments.map((name, i) => `<li>${escapeHtml((many ? labels.ordinal(i + 1) : '') + name)}</li>`).join('');
    parts.push(
      `<div class="sifa-doc__attachments"><span class="sifa-doc__attachments-label">${escapeHtml(labels.attachments + labels.colon)}</span><ol class="sifa-doc__attachments-list">${items}</ol></div>`,
    );
  }
  const { nameIndent, dateIndent } = signatureIndents(widthInChars(half.issuerName), widthInChars(date));
  parts.push(
    '<div class="sifa-doc__signature">',
    `<p class="sifa-doc__signer ${indentClass(nameIndent)}">${escapeHtml(half.issuerName)}</p>`,
    `<p class="sifa-doc__date ${indentClass(dateIndent)}">${escapeHtml(date)}</p>`,
    '</div>',
  );
  const record: string[] = [];
  if (content.copyTo?.length) {
    record.push(`<p class="sifa-doc__copy-to">${escapeHtml(labels.copyTo + labels.colon + content.copyTo.join(labels.separator) + labels.fullStop)}</p>`);
  }
  record.push(
    `<p class="sifa-doc__printed"><span>${escapeHtml(half.issuerName)}</span><span>${escapeHtml(date + labels.printed)}</span></p>`,
  );
  parts.push(`<footer class="sifa-doc__record">${record.join('')}</footer>`);
  const lang = half.locale === 'mn-Mong' ? 'mn-Mong' : 'zh-CN';
  const modifier = half.locale === 'mn-Mong' ? ' sifa-doc--mn' : '';
  return `<article class="sifa-doc${modifier}" lang="${lang}">${parts.join('')}</article>`;
}

/** The preview markup; wrap it in an element that has `documentPreviewStylesheet` adopted. */
export function renderHtml(layout: DocumentLayout): string {
  const zh = halfHtml(layout.zh, layout);
  if (!layout.mn) return `<div class="sifa-doc-preview">${zh}</div>`;
  // Mongolian first: it stands on the left in a vertical bilingual layout.
  return `<div class="sifa-doc-preview sifa-doc-preview--bilingual">${halfHtml(layout.mn, layout)}${zh}</div>`;
}

const lineHeightPt = body.lineTwips / 20;
const indentRules = Array.from({ length: maxIndentSteps + 1 }, (_, i) => `.sifa-doc__re-${i}{padding-inline-end:${i / 2}em}`).join('\n');
const widthRules = Array.from({ length: 100 }, (_, i) => `.sifa-doc__w-${i + 1}{inline-size:${i + 1}%}`).join('\n');
const formLinePt = form.lineTwips / 20;

/**
 * The preview's stylesheet: an A4 sheet with the GB/T 9704 type area, fonts and sizes. Colours
 * come from `--sifa-doc-*` custom properties so a widget's theme (dark, high contrast) can
 * change the surroundings; the page itself stays white paper with black and red print.
 */
export const documentPreviewStylesheet = `
.sifa-doc-preview{display:flex;flex-wrap:wrap;gap:16px;align-items:flex-start;justify-content:center;
  background:var(--sifa-doc-desk,#e5e5e5);padding:16px;color:#000}
.sifa-doc{box-sizing:border-box;width:${page.widthMm}mm;min-height:${page.heightMm}mm;max-width:100%;background:#fff;color:#000;
  padding:${page.margin.topMm}mm ${page.margin.rightMm}mm ${page.margin.bottomMm}mm ${page.margin.leftMm}mm;
  box-shadow:0 1px 4px rgba(0,0,0,.25);font-family:${fonts.latin.css.replace(/, serif$/, '')}, ${fonts.body.css};
  font-size:${body.sizePt}pt;line-height:${lineHeightPt}pt;text-align:justify;overflow-wrap:anywhere}
:where(.sifa-doc) :where(p,h1,h2,h3,h4,ul,ol,li){margin:0;padding:0}
.sifa-doc__head{text-align:center;border-block-end:1pt solid #f00;padding-block-end:4mm;margin-block-start:${mastheadOffsetMm}mm}
.sifa-doc__masthead{font-family:${fonts.title.css};font-size:${pointSize.小初}pt;line-height:1.2;color:#f00;letter-spacing:.05em}
.sifa-doc__number{margin-block-start:${2 * lineHeightPt}pt}
.sifa-doc__number--draft{color:#555}
.sifa-doc__title{font-family:${fonts.title.css};font-size:${pointSize.二号}pt;font-weight:normal;text-align:center;
  line-height:${lineHeightPt}pt;margin-block-start:${2 * lineHeightPt}pt}
.sifa-doc__recipients{margin-block-start:${lineHeightPt}pt;text-align:start}
.sifa-doc__p,.sifa-doc__h1,.sifa-doc__h2,.sifa-doc__h3{text-indent:2em;font-size:${body.sizePt}pt;font-weight:normal}
.sifa-doc__h1{font-family:${fonts.heading1.css}}
.sifa-doc__h2{font-family:${fonts.heading2.css}}
.sifa-doc__h3{font-family:inherit}
.sifa-doc__list{list-style:none}
.sifa-doc__table{inline-size:100%;border-collapse:collapse;font-size:${pointSize.四号}pt;line-height:1.5;text-align:center;margin-block-end:${lineHeightPt / 2}pt}
.sifa-doc__table th,.sifa-doc__table td{border:0.5pt solid #000;padding:2pt 4pt}
.sifa-doc__table th{font-family:${fonts.heading1.css};font-weight:normal}
.sifa-doc__caption{font-family:${fonts.heading1.css};font-size:${body.sizePt}pt}
.sifa-doc__attachments{display:flex;margin-block-start:${lineHeightPt}pt;padding-inline-start:2em;text-align:start}
.sifa-doc__attachments-label{flex:none}
.sifa-doc__attachments-list{list-style:none}
.sifa-doc__signature{margin-block-start:${lineHeightPt}pt;text-align:end}
.sifa-doc__record{margin-block-start:${2 * lineHeightPt}pt;border-block:1pt solid #000;font-size:${pointSize.四号}pt;line-height:1.6}
.sifa-doc__copy-to,.sifa-doc__printed{padding-inline:1em}
.sifa-doc__copy-to{border-block-end:0.7pt solid #000}
.sifa-doc__printed{display:flex;justify-content:space-between;gap:1em}
.sifa-doc--mn{writing-mode:vertical-lr;width:auto;min-width:${page.widthMm}mm;height:${page.heightMm}mm;min-height:0;max-width:none;
  font-family:${fonts.mongolian.css}, ${fonts.body.css};font-size:${pointSize.四号}pt;line-height:1.9}
.sifa-doc--mn .sifa-doc__head{margin-block-start:0}
.sifa-doc--mn .sifa-doc__masthead{font-family:${fonts.mongolian.css};font-size:${pointSize.二号}pt}
.sifa-doc--mn .sifa-doc__number{margin-block-start:${lineHeightPt}pt}
.sifa-doc--mn .sifa-doc__title{font-family:${fonts.mongolian.css};font-size:${pointSize.三号}pt;font-weight:bold;line-height:1.9}
.sifa-doc--mn .sifa-doc__p,.sifa-doc--mn .sifa-doc__h1,.sifa-doc--mn .sifa-doc__h2,.sifa-doc--mn .sifa-doc__h3{font-family:inherit;font-size:${pointSize.四号}pt}
.sifa-doc--mn .sifa-doc__h1,.sifa-doc--mn .sifa-doc__h2{font-weight:bold}
.sifa-doc__table--fixed{table-layout:fixed}
.sifa-doc--form{padding:${form.margin.topMm}mm ${form.margin.rightMm}mm ${form.margin.bottomMm}mm ${form.margin.leftMm}mm;
  font-size:${form.sizePt}pt;line-height:${formLinePt}pt}
.sifa-doc--form .sifa-doc__p,.sifa-doc--form .sifa-doc__h1,.sifa-doc--form .sifa-doc__h2,.sifa-doc--form .sifa-doc__h3{font-size:${form.sizePt}pt}
.sifa-doc--form .sifa-doc__table{font-size:${form.tablePt}pt}
.sifa-doc__reference{text-align:end}
.sifa-doc__title--form{margin-block:${formLinePt}pt;line-height:1.5}
.sifa-doc__fields{inline-size:100%;border-collapse:collapse;margin-block-end:${formLinePt / 2}pt;line-height:1.6;table-layout:fixed}
.sifa-doc__fields th,.sifa-doc__fields td{border:0.5pt solid #000;padding:3pt 6pt;vertical-align:middle}
.sifa-doc__fields th{inline-size:${form.labelShare * 100}%;font-family:${fonts.heading1.css};font-weight:normal;text-align:center}
.sifa-doc__fields td{text-align:justify}
.sifa-doc__signatures{margin-block-start:${formLinePt}pt;break-inside:avoid}
.sifa-doc__sign{display:grid;grid-template-columns:${form.signatureShares.map((s) => `${s * 100}fr`).join(' ')};align-items:end;gap:0 6pt;min-block-size:${formLinePt * 2.2}pt;line-height:1.4}
.sifa-doc__sign--seal{min-block-size:${formLinePt * 4}pt}
.sifa-doc__sign-who{display:flex;flex-direction:column}
.sifa-doc__sign-mark{font-size:${form.tablePt}pt}
.sifa-doc__sign-line{border-block-end:0.5pt solid #000;block-size:1.4em}
.sifa-doc__sign-date{text-align:end;white-space:pre}
@media (max-width:${page.widthMm + 10}mm){.sifa-doc{padding:8mm 6mm;min-height:0}.sifa-doc__head{margin-block-start:8mm}}
${indentRules}
${widthRules}
`.trim();
