/**
 * The export of a view (`GET /plugins/statistics/export`): the very StatisticsView the screen
 * shows, laid out as tables (概览 / Summary, 趋势 / Series, 下级 / Breakdown, 排名 / Ranking —
 * by the figure the screen charts —, 明细项 / Items), or, when the screen lists the records behind
 * an item, those records (记录 / Records); written as an xlsx workbook (exceljs; numbers stay
 * numbers with number formats, ratios as Excel percentages) or as CSV (UTF-8 with BOM, RFC 4180,
 * sections separated by a blank line). Both are made from one table model, so they hold the same
 * columns. Times are China time with the offset spelled out, as the screen shows them.
 */
import ExcelJS from 'exceljs';
import type { LocalizedText, OrgLevel } from '@sifa/core';
import { competitionRanking } from '@sifa/core';
import type { ExportLocale } from '../schemas.js';
import type { PeriodSpan, StatisticsEntry, StatisticsView } from '../types.js';

type Lang = 'zh' | 'en';
/** Mongolian falls back to Chinese until reviewed translations exist. */
export const exportLang = (locale: ExportLocale): Lang => (locale === 'en' ? 'en' : 'zh');
const text = (t: LocalizedText, lang: Lang) => (lang === 'en' ? t.en : t.zh);

const labels = {
  summary: { zh: '概览', en: 'Summary' },
  series: { zh: '趋势', en: 'Series' },
  breakdown: { zh: '下级', en: 'Breakdown' },
  ranking: { zh: '排名', en: 'Ranking' },
  items: { zh: '明细项', en: 'Items' },
  entry: { zh: '数据入口', en: 'Entry point' },
  org: { zh: '单位', en: 'Organisation' },
  period: { zh: '统计期', en: 'Period' },
  comparePeriod: { zh: '对比期', en: 'Compared with' },
  computedAt: { zh: '生成时间', en: 'Computed at' },
  figure: { zh: '指标', en: 'Figure' },
  unit: { zh: '单位', en: 'Unit' },
  value: { zh: '本期', en: 'This period' },
  previous: { zh: '对比期', en: 'Comparison' },
  change: { zh: '变化率（%）', en: 'Change (%)' },
  bucket: { zh: '时间', en: 'Time' },
  orgCode: { zh: '单位代码', en: 'Code' },
  orgName: { zh: '单位名称', en: 'Name' },
  level: { zh: '层级', en: 'Level' },
  ownLevel: { zh: '（本级）', en: ' itself' },
  rank: { zh: '名次', en: 'Rank' },
  metricCode: { zh: '指标代码', en: 'Metric code' },
  to: { zh: '至', en: 'to' },
  through: { zh: '统计至', en: 'counted to' },
  running: { zh: '本期未结束', en: 'period not over' },
  rankedBy: { zh: '排名依据', en: 'Ranked by' },
  records: { zh: '记录', en: 'Records' },
  item: { zh: '分项指标', en: 'Item' },
  day: { zh: '日期', en: 'Day' },
  source: { zh: '来源', en: 'Source' },
  record: { zh: '记录编号', en: 'Record' },
  recordCount: { zh: '记录数', en: 'Records' },
  truncated: { zh: '只导出前 {n} 条', en: 'only the first {n} exported' },
  chinaTime: { zh: '北京时间', en: 'China time' },
} satisfies Record<string, LocalizedText>;

const sourceLabels: Record<string, LocalizedText> = {
  'diary.entry': { zh: '工作日志', en: 'Work diary' },
  'platform.integration': { zh: '系统对接', en: 'System integration' },
};
/** What kind of record a source is, in words (a case file of any case type: `<plugin>.case`). */
export function sourceLabel(kind: string, lang: Lang): string {
  const known = sourceLabels[kind];
  if (known) return text(known, lang);
  if (kind.endsWith('.case')) return lang === 'en' ? 'Case file' : '案卷';
  return kind;
}

const chinaTimeFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});
/**
 * An instant in China time with its offset spelled out (`2026-12-05 09:05:03 UTC+08:00`), as
 * the screen shows it: never UTC's "01:05Z", which a reader takes for local time.
 */
export function chinaTime(iso: string): string {
  const parts = Object.fromEntries(chinaTimeFormat.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  return `${parts['year']}-${parts['month']}-${parts['day']} ${parts['hour']}:${parts['minute']}:${parts['second']} UTC+08:00`;
}

const levelLabels: Record<OrgLevel, LocalizedText> = {
  region: { zh: '自治区', en: 'Region' },
  city: { zh: '盟市', en: 'City' },
  county: { zh: '旗县区', en: 'County' },
  office: { zh: '司法所', en: 'Judicial office' },
  village: { zh: '嘎查村', en: 'Village' },
};

/** A column: text, a number, or a number in per cent (shown as on screen: 66.67 means 66.67 %). */
export interface ExportColumn {
  title: string;
  kind: 'text' | 'number' | 'percent';
}
export type ExportCell = string | number | null;
export interface ExportSection {
  name: string;
  columns: ExportColumn[];
  rows: ExportCell[][];
}
export interface ExportDocument {
  title: string;
  /** Label / value lines above every table (entry, org, period, comparison, computedAt). */
  header: [string, string][];
  sections: ExportSection[];
}

/** Change against the comparison, in per cent of the comparison value (null without one). */
export function changePercent(value: number | null, previous: number | null): number | null {
  if (value === null || previous === null || previous === 0) return null;
  return Math.round(((value - previous) / Math.abs(previous)) * 10_000) / 100;
}

/** Competition ranking (1, 2, 2, 4) of `rows` by `value`, highest first; rows without a value last. */
export const rankRows = <T extends { org: { code: string }; value: number | null }>(rows: readonly T[]) => competitionRanking(rows, (r) => r.org.code);

/** The figure a dashboard charts and ranks by (its key), the first one when absent or unknown. */
export function rankedFigure(view: StatisticsView, key: string | undefined): number {
  const at = key === undefined ? -1 : view.figures.findIndex((f) => f.key === key);
  return at < 0 ? 0 : at;
}

/** The lines above every table: entry point, org, period (and the days counted), comparison, when. */
function headerOf(view: StatisticsView, lang: Lang): [string, string][] {
  const l = (key: keyof typeof labels) => text(labels[key], lang);
  const periodText = (p: PeriodSpan) =>
    `${p.period}（${p.from} ${l('to')} ${p.to}${p.complete ? '' : `；${l('through')} ${p.through}${p === view.period ? `，${l('running')}` : ''}`}）`;
  const header: [string, string][] = [
    [l('entry'), text(view.entry.title, lang)],
    [l('org'), `${text(view.org.name, lang)}（${view.org.code}）`],
    [l('period'), periodText(view.period)],
  ];
  if (view.comparePeriod) header.push([l('comparePeriod'), periodText(view.comparePeriod)]);
  header.push([l('computedAt'), `${chinaTime(view.computedAt)}（${l('chinaTime')}）`]);
  return header;
}

/** The view as tables, in one language; the ranking by the figure the screen charts (`rankBy`, its key). */
export function exportDocument(view: StatisticsView, locale: ExportLocale, options: { rankBy?: string | undefined } = {}): ExportDocument {
  const lang = exportLang(locale);
  const l = (key: keyof typeof labels) => text(labels[key], lang);
  const compared = view.comparePeriod !== null;
  const figureKind = (i: number): ExportColumn['kind'] => (view.figures[i]!.key === 'ratio' ? 'percent' : 'number');
  const withUnit = (title: LocalizedText, unit: LocalizedText) => (text(unit, lang) ? `${text(title, lang)}（${text(unit, lang)}）` : text(title, lang));
  const header = headerOf(view, lang);

  const valueColumns = (kind: ExportColumn['kind']): ExportColumn[] => [
    { title: `${l('value')} ${view.period.period}`, kind },
    ...(compared ? [{ title: `${l('previous')} ${view.comparePeriod!.period}`, kind }, { title: l('change'), kind: 'percent' as const }] : []),
  ];
  const valueCells = (value: number | null, previous: number | null): ExportCell[] => [value, ...(compared ? [previous, changePercent(value, previous)] : [])];

  const summary: ExportSection = {
    name: l('summary'),
    columns: [{ title: l('figure'), kind: 'text' }, { title: l('unit'), kind: 'text' }, ...valueColumns('number')],
    rows: view.figures.map((f, i) => [text(f.title, lang), text(f.unit, lang), ...valueCells(view.kpis[i]!.value, view.kpis[i]!.previous)]),
  };
  // A ratio figure's cells are per cent (the Summary's value columns are per row: see kindOfCell).
  const series: ExportSection = {
    name: l('series'),
    columns: [{ title: l('bucket'), kind: 'text' }, ...view.figures.map((f, i) => ({ title: withUnit(f.title, f.unit), kind: figureKind(i) }))],
    rows: view.series.map((s) => [s.bucket, ...s.values]),
  };
  const breakdown: ExportSection = {
    name: l('breakdown'),
    columns: [
      { title: l('orgCode'), kind: 'text' },
      { title: l('orgName'), kind: 'text' },
      { title: l('level'), kind: 'text' },
      ...view.figures.flatMap((f, i) => [
        { title: `${withUnit(f.title, f.unit)} ${view.period.period}`, kind: figureKind(i) },
        ...(compared ? [{ title: `${withUnit(f.title, f.unit)} ${view.comparePeriod!.period}`, kind: figureKind(i) }] : []),
      ]),
    ],
    rows: view.breakdown.map((b) => [
      b.org.code,
      b.own ? `${text(b.org.name, lang)}${l('ownLevel')}` : text(b.org.name, lang),
      text(levelLabels[b.org.level], lang),
      ...b.values.flatMap((v, i) => [v, ...(compared ? [b.previous[i] ?? null] : [])]),
    ]),
  };
  const fi = rankedFigure(view, options.rankBy);
  const first = view.figures[fi]!;
  const ranked = fi === 0 ? view.ranking : rankRows(view.ranking.map((r) => ({ ...r, value: r.values[fi] ?? null })));
  const ranking: ExportSection = {
    name: l('ranking'),
    columns: [
      { title: l('rank'), kind: 'number' },
      { title: l('orgCode'), kind: 'text' },
      { title: l('orgName'), kind: 'text' },
      { title: withUnit(first.title, first.unit), kind: figureKind(fi) },
    ],
    rows: ranked.map((r) => [r.rank, r.org.code, text(r.org.name, lang), r.value]),
  };
  if (fi !== 0) header.push([l('rankedBy'), text(first.title, lang)]);
  const items: ExportSection = {
    name: l('items'),
    columns: [{ title: l('metricCode'), kind: 'text' }, { title: l('figure'), kind: 'text' }, { title: l('unit'), kind: 'text' }, ...valueColumns('number')],
    rows: view.items.map((item) => [item.metric, text(item.title, lang), text(item.unit, lang), ...valueCells(item.value, item.previous)]),
  };
  return { title: text(view.entry.title, lang), header, sections: [summary, series, breakdown, ranking, items] };
}

/**
 * The kind of one cell: the column's, except in the Summary, whose value and comparison columns
 * hold a ratio figure's per cent on that figure's row.
 */
function kindOfCell(view: StatisticsView, section: number, row: number, column: ExportColumn): ExportColumn['kind'] {
  if (section === 0 && column.kind === 'number' && view.figures[row]?.key === 'ratio') return 'percent';
  return column.kind;
}

/**
 * The records behind one item of the view (what the screen lists when an item is open): the
 * view's header, the item, and one row per record (`total` counts them all; `rows` may be fewer).
 */
export function recordsDocument(view: StatisticsView, metric: string, records: { rows: StatisticsEntry[]; total: number }, locale: ExportLocale): ExportDocument {
  const lang = exportLang(locale);
  const l = (key: keyof typeof labels) => text(labels[key], lang);
  const item = view.items.find((i) => i.metric === metric);
  const title = item ? text(item.title, lang) : metric;
  const unit = item ? text(item.unit, lang) : '';
  const header = headerOf(view, lang);
  header.splice(header.length - 1, 0, [l('item'), `${title}（${metric}）`]);
  const count = records.rows.length < records.total ? `${records.total}（${l('truncated').replace('{n}', String(records.rows.length))}）` : String(records.total);
  header.splice(header.length - 1, 0, [l('recordCount'), count]);
  return {
    title: `${text(view.entry.title, lang)} · ${title}`,
    header,
    sections: [
      {
        name: l('records'),
        columns: [
          { title: l('day'), kind: 'text' },
          { title: l('orgCode'), kind: 'text' },
          { title: l('orgName'), kind: 'text' },
          { title: unit ? `${l('value')}（${unit}）` : l('value'), kind: 'number' },
          { title: l('source'), kind: 'text' },
          { title: l('record'), kind: 'text' },
        ],
        rows: records.rows.map((r) => [r.day, r.org.code, text(r.org.name, lang), r.value, sourceLabel(r.source.kind, lang), r.source.id]),
      },
    ],
  };
}

// ---- xlsx ------------------------------------------------------------------------------------

const integerFormat = '#,##0';
const decimalFormat = '#,##0.00';
const percentFormat = '0.0%';

export async function toXlsx(view: StatisticsView, locale: ExportLocale, document: ExportDocument = exportDocument(view, locale)): Promise<Uint8Array> {
  const doc = document;
  const overview = doc.sections.length > 1;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Sifa Kit';
  workbook.created = new Date(view.computedAt);
  doc.sections.forEach((section, s) => {
    const sheet = workbook.addWorksheet(section.name);
    const title = sheet.addRow([doc.title]);
    title.font = { bold: true, size: 14 };
    for (const line of doc.header.slice(1)) sheet.addRow(line);
    sheet.addRow([]);
    const head = sheet.addRow(section.columns.map((c) => c.title));
    head.font = { bold: true };
    head.eachCell((cell) => {
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF5' } };
      cell.border = { bottom: { style: 'thin' } };
    });
    sheet.views = [{ state: 'frozen', ySplit: head.number }];
    section.rows.forEach((cells, r) => {
      const kindAt = (i: number) => (overview ? kindOfCell(view, s, r, section.columns[i]!) : section.columns[i]!.kind);
      const row = sheet.addRow(cells.map((c, i) => (typeof c === 'number' && kindAt(i) === 'percent' ? c / 100 : c)));
      cells.forEach((c, i) => {
        if (typeof c !== 'number') return;
        const kind = kindAt(i);
        row.getCell(i + 1).numFmt = kind === 'percent' ? percentFormat : Number.isInteger(c) ? integerFormat : decimalFormat;
      });
    });
    section.columns.forEach((c, i) => {
      const widest = Math.max(c.title.length, ...section.rows.map((r) => String(r[i] ?? '').length));
      // CJK characters take about two columns.
      sheet.getColumn(i + 1).width = Math.min(60, Math.max(10, Math.ceil(widest * (/[\u3000-\u9fff]/.test(c.title) ? 2 : 1.2)) + 2));
    });
  });
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as unknown as ArrayBuffer);
}

// ---- CSV -------------------------------------------------------------------------------------

/** RFC 4180 quoting; text that a spreadsheet would run as a formula is defused with a leading '. */
export function csvField(value: ExportCell, kind: ExportColumn['kind'] = 'text'): string {
  if (value === null) return '';
  let s = typeof value === 'number' ? String(value) : value;
  if (kind === 'text' && typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(view: StatisticsView, locale: ExportLocale, document: ExportDocument = exportDocument(view, locale)): Uint8Array {
  const doc = document;
  const lines: string[] = [];
  lines.push(csvField(doc.title));
  for (const [label, value] of doc.header.slice(1)) lines.push(`${csvField(label)},${csvField(value)}`);
  for (const section of doc.sections) {
    lines.push('');
    lines.push(csvField(section.name));
    lines.push(section.columns.map((c) => csvField(c.title)).join(','));
    for (const row of section.rows) lines.push(row.map((c, i) => csvField(c, section.columns[i]!.kind)).join(','));
  }
  return new TextEncoder().encode(`\uFEFF${lines.join('\r\n')}\r\n`);
}

// ---- the file --------------------------------------------------------------------------------

/** RFC 5987 / 6266: an ASCII fallback name plus the real name, UTF-8 and percent-encoded. */
export function contentDisposition(fileName: string, asciiFallback: string): string {
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${asciiFallback.replace(/[^A-Za-z0-9._-]/g, '_')}"; filename*=UTF-8''${encoded}`;
}

export function exportFileNames(view: StatisticsView, locale: ExportLocale, ext: 'xlsx' | 'csv', item?: string): { name: string; ascii: string } {
  const lang = exportLang(locale);
  // eslint-disable-next-line no-control-regex
  const clean = (s: string) => s.replace(/[\\/:*?"<>|\u0000-\u001f\u007f]/g, '').replace(/\s+/g, ' ').trim();
  const itemTitle = item ? view.items.find((i) => i.metric === item)?.title : undefined;
  const name = clean(`${text(view.entry.title, lang)}-${text(view.org.name, lang)}-${view.period.period}${item ? `-${itemTitle ? text(itemTitle, lang) : item}-${text(labels.records, lang)}` : ''}`);
  const ascii = `statistics-${view.entry.id}-${view.org.code}-${view.period.period}${item ? `-${item.replace(/[^a-z0-9-]/g, '-')}-records` : ''}.${ext}`;
  return { name: `${[...name].slice(0, 120).join('')}.${ext}`, ascii };
}

export const exportContentTypes = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
} as const;
