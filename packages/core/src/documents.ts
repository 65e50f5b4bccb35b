/**
 * Documents: the platform renders official documents (公文) from templates that plugins
 * contribute. A template turns validated data into a structured `DocumentContent`; the platform
 * lays it out per GB/T 9704 (A4, margins, 小标宋 title, 仿宋 body, document number 文号 per issuing
 * org and year, issuing org, date) as .docx and as an HTML preview, and stores each issued
 * document with the data snapshot it came from, so it downloads unchanged later.
 *
 * The ten supervisory documents (一表一报告两函三单三书) are a catalogue of slots whose names are
 * data (their official names are not public); templates say which slot they fill.
 */
import type { z } from 'zod';
import type { Locale, LocalizedText } from './locale.js';
import type { ScopedServices } from './trpc.js';

export interface DocumentCatalogueSlot {
  /** Stable id a template refers to. */
  id: string;
  /** Group of the ten: 表, 报告, 函, 单, 书. */
  group: 'table' | 'report' | 'letter' | 'slip' | 'book';
  title: LocalizedText;
  /** Short form used in document numbers, e.g. 督 for 督办函. */
  numberMark: string;
  /**
   * Documents of this kind are numbered in a series of their own per issuer and year
   * (红司警〔2026〕1号, 红司改〔2026〕1号 side by side); without it they share the issuer's one
   * series with every other kind.
   */
  ownSeries?: boolean;
}

/** The demo set of the ten documents (../design/domain.md); an installation may replace it. */
export const demoDocumentCatalogue: readonly DocumentCatalogueSlot[] = [
  { id: 'statistics-table', group: 'table', title: { zh: '统计表', en: 'Statistics table' }, numberMark: '统', ownSeries: true },
  { id: 'analysis-report', group: 'report', title: { zh: '分析报告', en: 'Analysis report' }, numberMark: '析', ownSeries: true },
  { id: 'reminder-letter', group: 'letter', title: { zh: '提醒函', en: 'Reminder letter' }, numberMark: '提', ownSeries: true },
  { id: 'supervision-letter', group: 'letter', title: { zh: '督办函', en: 'Supervision letter' }, numberMark: '督', ownSeries: true },
  { id: 'warning-slip', group: 'slip', title: { zh: '预警单', en: 'Warning slip' }, numberMark: '警', ownSeries: true },
  { id: 'assignment-slip', group: 'slip', title: { zh: '交办单', en: 'Assignment slip' }, numberMark: '交', ownSeries: true },
  { id: 'feedback-slip', group: 'slip', title: { zh: '反馈单', en: 'Feedback slip' }, numberMark: '馈', ownSeries: true },
  { id: 'rectification-notice', group: 'book', title: { zh: '整改通知书', en: 'Rectification notice' }, numberMark: '改', ownSeries: true },
  { id: 'assessment-notice', group: 'book', title: { zh: '考核结果通知书', en: 'Assessment result notice' }, numberMark: '考', ownSeries: true },
  { id: 'advice-letter', group: 'book', title: { zh: '工作建议书', en: 'Work advice letter' }, numberMark: '建', ownSeries: true },
];

/**
 * A signature line of a form (`signatures` block): who signs, the printed name, and a line to
 * sign on with the day beside it; `seal` leaves room for a seal (人民调解委员会（印章）) instead.
 */
export interface DocumentSignatureLine {
  /** 当事人, 人民调解员, 人民调解委员会. */
  label: string;
  /** Printed before the line: the party's or the committee's name. */
  name?: string;
  /** What the signer does, under the line: 签名、盖章或按指印 (default: none). */
  mark?: string;
  /** A seal's place rather than a line to sign on. */
  seal?: boolean;
}

/** A block of a document body. Text is plain; the platform applies the official fonts. */
export type DocumentBlock =
  /** 一、 / （一） / 1. headings are numbered by the template in the text itself. */
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; text: string }
  /** `widths`: relative column widths (default equal), e.g. [2, 3, 5, 3]. */
  | { kind: 'table'; caption?: string; columns: string[]; rows: (string | number)[][]; widths?: number[] }
  | { kind: 'list'; items: string[] }
  /** A form's field table: one row per field, its label and its value (登记表, 协议书). */
  | { kind: 'fields'; caption?: string; rows: { label: string; value: string }[] }
  /** Signature lines (签名栏), one per signer: a party, the mediator, a seal. */
  | { kind: 'signatures'; lines: DocumentSignatureLine[] };

/**
 * How the platform lays a document out: `official-letter`, the GB/T 9704 公文 (red 发文机关标志,
 * 文号, issuer's signature, 版记); `form`, agreements, registers and record sheets (人民调解协议书,
 * 法律咨询记录单): title, an optional reference (编号), the body with field tables and signature
 * lines, no red header, no 版记.
 */
export type DocumentLayoutKind = 'official-letter' | 'form';

/**
 * Marks where a long title may break (U+200B ZERO WIDTH SPACE): `关于${org}${titleBreak}${matter}${titleBreak}的整改通知书`.
 * A title breaks only at these marks (and at word boundaries inside a part too long for a line),
 * never inside a word; the marks are not printed.
 */
export const titleBreak = '\u200B';

export interface DocumentContent {
  /**
   * 标题 (without the document type when the title already ends with it). A title that needs more
   * than one line breaks only where it has a `titleBreak`, in lines of balanced length.
   */
  title: string;
  /**
   * A form's own reference printed in its head (编号：（2026）西屯调字第3号), e.g. the case
   * number; the platform's 文号 stays the record's number. Ignored by the official-letter layout.
   */
  reference?: string;
  /** 主送机关: organisations addressed, e.g. ['红山区司法局']. */
  recipients?: string[];
  blocks: DocumentBlock[];
  /** 附件 names, numbered in the document. */
  attachments?: string[];
  /** 抄送 (copied to). */
  copyTo?: string[];
}

export interface DocumentRenderContext {
  /** zh-CN for the Chinese text; mn-Mong for the Mongolian half of a bilingual document. */
  locale: Locale;
  /** Name of the issuing org in `locale`. */
  issuerName: string;
  /** The issue date (YYYY-MM-DD). */
  issuedOn: string;
  /** Names of orgs by code in `locale`, for templates that mention other orgs. */
  orgName(code: string): Promise<string>;
  /**
   * The name of an org's justice authority, as it signs documents (红山区 → 红山区司法局,
   * 西屯街道 → 西屯街道司法所; the installation's official names where configured): how a
   * document addresses an org as its 主送机关.
   */
  authorityName(code: string): Promise<string>;
}

export interface DocumentTemplate<TData = unknown> {
  /** `<plugin id>.<name>`; must also be listed in the manifest's `contributes.documentTemplates`. */
  code: string;
  /** Which of the catalogue's slots this template fills, if any. */
  slot?: string;
  title: LocalizedText;
  /** The layout (default `official-letter`): `form` for agreements and record sheets. */
  layout?: DocumentLayoutKind;
  /** The data the template needs; validated before rendering, stored as the snapshot. */
  dataSchema: z.ZodType<TData>;
  render(data: TData, ctx: DocumentRenderContext): DocumentContent | Promise<DocumentContent>;
}

/** Declares a typed template (a plugin's server half lists them in `documentTemplates`). */
export function defineDocumentTemplate<TData>(template: DocumentTemplate<TData>): DocumentTemplate<TData> {
  return template;
}

export interface IssueDocumentInput {
  template: string;
  /** The issuing org (in the caller's scope); numbers run per issuing org and year. */
  issuerOrgCode: string;
  /** The org the document is about or addressed to, for lists and scoping of readers. */
  subjectOrgCode?: string;
  data: unknown;
  /** Also render a Mongolian half (traditional script), Mongolian on the left in vertical layout. */
  bilingual?: boolean;
  /** What it belongs to (a warning step, a plan item). */
  entity?: { kind: string; id: string };
  /**
   * The document carries personal data (parties' names, ID numbers, phones, addresses): its data
   * snapshot, content, HTML and .docx are stored encrypted with the server's field cipher
   * (`SIFA_FIELD_KEY`, as case files are), and opened on every read, so readers and downloads see
   * no difference (`sha256`/`byteLength` stay those of the .docx as issued). The casework engine
   * sets it for every case document. Default false: stored in the clear.
   */
  personal?: boolean;
}

export interface IssuedDocument {
  id: string;
  template: string;
  slot: string | null;
  /** 文号, e.g. 红司督〔2026〕3号. */
  number: string;
  title: string;
  issuerOrgCode: string;
  subjectOrgCode: string | null;
  issuedOn: string;
  issuedBy: string;
  bilingual: boolean;
  entity: { kind: string; id: string } | null;
  /** Size of the stored .docx in bytes and its SHA-256 (hex): unchanged on every download. */
  byteLength: number;
  sha256: string;
  /** Path (below the server's base URL) where the .docx downloads, signed in. */
  downloadPath: string;
}

/** What procedures of plugins may do with documents inside their scoped transaction. */
export interface DocumentsService {
  /** Renders, numbers and stores a document; the data is validated by the template's schema. */
  issue(input: IssueDocumentInput): Promise<IssuedDocument>;
  /** The HTML preview of a document that is not issued (no number is taken). */
  preview(input: Omit<IssueDocumentInput, 'entity' | 'personal'>): Promise<{ html: string }>;
  get(id: string): Promise<IssuedDocument>;
  /**
   * Starts issuing one document per item in the background, after the calling transaction
   * commits, each in its own transaction as the caller. Progress: the
   * `platform.documents.batchProgress` subscription; stop: `platform.documents.cancelBatch`.
   */
  startBatch(input: StartBatchInput): Promise<DocumentBatchStatus>;
}

export interface StartBatchInput {
  template: string;
  issuerOrgCode: string;
  bilingual?: boolean;
  /** Every item's document carries personal data: stored encrypted (see `IssueDocumentInput.personal`). */
  personal?: boolean;
  items: { subjectOrgCode?: string; data: unknown; entity?: { kind: string; id: string } }[];
}

/** Batch generation: one document per item, progress pushed to the widget, cancellable. */
export interface DocumentBatchStatus {
  id: string;
  template: string;
  total: number;
  done: number;
  failed: number;
  state: 'running' | 'finished' | 'cancelled' | 'failed';
  documentIds: string[];
  errors: { index: number; message: string }[];
}

export type { ScopedServices };
