/**
 * The laid-out form of a document, shared by the .docx and HTML renderers and stored with every
 * issued document: the template's content in Chinese (and Mongolian for a bilingual document)
 * plus the 文号, the issuer and the date. Template output is plugin code's answer, so it is
 * checked here before anything is numbered: a missing field becomes a clear error naming the
 * template, never the word "undefined" in an official document.
 */
import { z } from 'zod';
import { SifaError, type DocumentContent, type DocumentLayoutKind } from '@sifa/core';
import { chineseDate, mongolianDate } from './numbering.js';

export type DocumentLocale = 'zh-CN' | 'mn-Mong';

/** One language version of a document. */
export interface DocumentHalf {
  locale: DocumentLocale;
  /** 发文机关 as written in this half. */
  issuerName: string;
  content: DocumentContent;
}

/** Everything both renderers need; stored as `documents.content` (version 1). */
export interface DocumentLayout {
  version: 1;
  /** The template's layout; absent (documents issued before forms existed) = `official-letter`. */
  layout?: DocumentLayoutKind | undefined;
  /** 文号; on a preview the serial is blank. */
  number: string;
  /** False for a preview: no number was taken. */
  numbered: boolean;
  /** 成文日期 (YYYY-MM-DD). */
  issuedOn: string;
  zh: DocumentHalf;
  /** The Mongolian (traditional script) half of a bilingual document. */
  mn?: DocumentHalf | undefined;
}

// C0 controls other than tab and newline cannot appear in XML 1.0 (the .docx would not open).
// eslint-disable-next-line no-control-regex
const controlChars = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

const text = (max: number) =>
  z
    .string()
    .transform((s) => s.replace(controlChars, '').replace(/\r\n?/g, '\n').trim())
    .pipe(z.string().min(1, 'must not be empty').max(max, `must be at most ${max} characters`));

const cell = z.union([z.string().transform((s) => s.replace(controlChars, '').trim()).pipe(z.string().max(500)), z.number().finite()]);

const blockSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('heading'), level: z.union([z.literal(1), z.literal(2), z.literal(3)]), text: text(200) }),
  z.object({ kind: z.literal('paragraph'), text: text(10_000) }),
  z
    .object({
      kind: z.literal('table'),
      caption: text(200).optional(),
      columns: z.array(text(100)).min(1).max(20),
      rows: z.array(z.array(cell)).max(2000),
      widths: z.array(z.number().positive().max(100)).optional(),
    })
    .superRefine((table, ctx) => {
      table.rows.forEach((row, i) => {
        if (row.length !== table.columns.length) {
          ctx.addIssue({ code: 'custom', path: ['rows', i], message: `has ${row.length} cells for ${table.columns.length} columns` });
        }
      });
      if (table.widths && table.widths.length !== table.columns.length) {
        ctx.addIssue({ code: 'custom', path: ['widths'], message: `has ${table.widths.length} widths for ${table.columns.length} columns` });
      }
    }),
  z.object({ kind: z.literal('list'), items: z.array(text(2000)).min(1).max(500) }),
  z.object({
    kind: z.literal('fields'),
    caption: text(200).optional(),
    // A value may be blank on a form (a line to fill in by hand): cleaned, not required.
    rows: z.array(z.object({ label: text(100), value: z.string().transform((s) => s.replace(controlChars, '').replace(/\r\n?/g, '\n').trim()).pipe(z.string().max(10_000)) })).min(1).max(200),
  }),
  z.object({
    kind: z.literal('signatures'),
    lines: z.array(z.object({ label: text(100), name: text(200).optional(), mark: text(50).optional(), seal: z.boolean().optional() })).min(1).max(60),
  }),
]);

export const documentContentSchema = z.object({
  title: text(200),
  reference: text(100).optional(),
  recipients: z.array(text(100)).max(100).optional(),
  blocks: z.array(blockSchema).max(2000),
  attachments: z.array(text(200)).max(50).optional(),
  copyTo: z.array(text(100)).max(100).optional(),
});

/**
 * Checks and cleans what a template rendered. A bad answer is the template's bug, not the
 * caller's: INTERNAL, with the template and the offending paths in the server log.
 */
export function checkedContent(templateCode: string, locale: DocumentLocale, rendered: unknown): DocumentContent {
  const result = documentContentSchema.safeParse(rendered);
  if (result.success) return result.data as DocumentContent;
  const problems = result.error.issues.map((i) => `${i.path.join('.') || '(content)'}: ${i.message}`).join('; ');
  throw new SifaError('INTERNAL', {
    message: {
      zh: `文书模板“${templateCode}”生成的内容不完整，请联系插件开发者。`,
      en: `Document template "${templateCode}" produced incomplete content. Contact the plugin's developer.`,
    },
    details: { template: templateCode, locale },
    cause: new Error(`Template ${templateCode} (${locale}) rendered invalid content: ${problems}`),
  });
}

/** The words around the content (版头, 附件说明, 版记) in each language. */
export interface DocumentLabels {
  /** Appended to the issuer name in the 发文机关标志: 红山区司法局文件. */
  mastheadSuffix: string;
  attachments: string;
  copyTo: string;
  /** After the 印发 date: 2026年11月26日印发. */
  printed: string;
  colon: string;
  /** Between names in 主送 / 抄送. */
  separator: string;
  /** After the last 抄送 name. */
  fullStop: string;
  /** Attachment numbers: 1．, 2． */
  ordinal(n: number): string;
  date(isoDay: string): string;
  /** A form's reference label: 编号. */
  reference: string;
  /** The day beside a signature line, to fill in by hand: 年　月　日. */
  blankDate: string;
}

export const documentLabels: Record<DocumentLocale, DocumentLabels> = {
  'zh-CN': {
    mastheadSuffix: '文件',
    attachments: '附件',
    copyTo: '抄送',
    printed: '印发',
    colon: '：',
    separator: '，',
    fullStop: '。',
    ordinal: (n) => `${n}．`,
    date: chineseDate,
    reference: '编号',
    blankDate: '\u3000\u3000年\u3000月\u3000日',
  },
  // MONGOLIAN: DRAFT words by a non-speaker (transliteration in the comments), to be checked by a
  // native speaker before a bilingual document is issued for real.
  'mn-Mong': {
    // bicig (document)
    mastheadSuffix: ' \u182A\u1822\u1834\u1822\u182D',
    // qabsurulta (attachment)
    attachments: '\u182C\u1820\u182A\u1830\u1824\u1837\u1824\u182F\u1832\u1820',
    // qagulburi ilegekU (send a copy)
    copyTo: '\u182C\u1820\u182D\u1824\u182F\u182A\u1824\u1837\u1822 \u1822\u182F\u1821\u182D\u1821\u182C\u1826',
    // keblen tarqagaba (printed and sent)
    printed: ' \u182C\u1821\u182A\u182F\u1821\u1828 \u1832\u1820\u1837\u182C\u1820\u182D\u1820\u182A\u1820',
    colon: '\u1804 ',
    separator: '\u1802 ',
    fullStop: '\u1803',
    ordinal: (n) => `${n}. `,
    date: mongolianDate,
    // dugar (number)
    reference: '\u1833\u1824\u182D\u1820\u1837',
    // on sar-a edUr (year month day), blanks before each
    blankDate: '\u3000\u3000 \u1823\u1828 \u3000\u3000 \u1830\u1820\u1837\u180E\u1820 \u3000\u3000 \u1821\u1833\u1826\u1837',
  },
};
