/**
 * The export of a view (`GET /plugins/statistics/export`): the very StatisticsView the screen
 * shows, laid out as tables (概览 / Summary, 趋势 / Series, 下级 / Breakdown, 排名 / Ranking,
 * 明细项 / Items) and written as an xlsx workbook (exceljs; numbers stay numbers with number
 * formats, ratios as Excel percentages) or as CSV (UTF-8 with BOM, RFC 4180, sections separated
 * by a blank line). Both are made from one table model, so they hold the same columns.
 */
import ExcelJS from 'exceljs';
import type { LocalizedText, OrgLevel } from '@sifa/core';
import type { ExportLocale } from '../schemas.js';
import type { StatisticsView } from '../types.js';

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
  rank: { zh: '名次', en: 'Rank' },
  metricCode: { zh: '指标代码', en: 'Metric code' },
  to: { zh: '至', en: 'to' },
} satisfies Record<string, LocalizedText>;

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

/** The view as tables, in one language. */
export function exportDocument(view: StatisticsView, locale: ExportLocale): ExportDocument {
  const lang = exportLang(locale);
  const l = (key: keyof typeof labels) => text(labels[key], lang);
  const compared = view.comparePeriod !== null;
  const figureKind = (i: number): ExportColumn['kind'] => (view.figures[i]!.key === 'ratio' ? 'percent' : 'number');
  const withUnit = (title: LocalizedText, unit: LocalizedText) => (text(unit, lang) ? `${text(title, lang)}（${text(unit, lang)}）` : text(title, lang));
  const periodText = (p: { period: string; from: string; to: string }) => `${p.period}（${p.from} ${l('to')} ${p.to}）`;

  const header: [string, string][] = [
    [l('entry'), text(view.entry.title, lang)],
    [l('org'), `${text(view.org.name, lang)}（${view.org.code}）`],
    [l('period'), periodText(view.period)],
  ];
  if (view.comparePeriod) header.push([l('comparePeriod'), periodText(view.comparePeriod)]);
  header.push([l('computedAt'), view.computedAt]);

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
      text(b.org.name, lang),
      text(levelLabels[b.org.level], lang),
      ...b.values.flatMap((v, i) => [v, ...(compared ? [b.previous[i] ?? null] : [])]),
    ]),
  };
  const first = view.figures[0]!;
  const ranking: ExportSection = {
    name: l('ranking'),
    columns: [
      { title: l('rank'), kind: 'number' },
      { title: l('orgCode'), kind: 'text' },
      { title: l('orgName'), kind: 'text' },
      { title: withUnit(first.title, first.unit), kind: figureKind(0) },
    ],
    rows: view.ranking.map((r) => [r.rank, r.org.code, text(r.org.name, lang), r.value]),
  };
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

// ---- xlsx ------------------------------------------------------------------------------------

const integerFormat = '#,##0';
const decimalFormat = '#,##0.00';
const percentFormat = '0.0%';

export async function toXlsx(view: StatisticsView, locale: ExportLocale): Promise<Uint8Array> {
  const doc = exportDocument(view, locale);
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
      const row = sheet.addRow(cells.map((c, i) => (typeof c === 'number' && kindOfCell(view, s, r, section.columns[i]!) === 'percent' ? c / 100 : c)));
      cells.forEach((c, i) => {
        if (typeof c !== 'number') return;
        const kind = kindOfCell(view, s, r, section.columns[i]!);
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

export function toCsv(view: StatisticsView, locale: ExportLocale): Uint8Array {
  const doc = exportDocument(view, locale);
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

export function exportFileNames(view: StatisticsView, locale: ExportLocale, ext: 'xlsx' | 'csv'): { name: string; ascii: string } {
  const lang = exportLang(locale);
  // eslint-disable-next-line no-control-regex
  const clean = (s: string) => s.replace(/[\\/:*?"<>|\u0000-\u001f\u007f]/g, '').replace(/\s+/g, ' ').trim();
  const name = clean(`${text(view.entry.title, lang)}-${text(view.org.name, lang)}-${view.period.period}`);
  return { name: `${[...name].slice(0, 120).join('')}.${ext}`, ascii: `statistics-${view.entry.id}-${view.org.code}-${view.period.period}.${ext}` };
}

export const exportContentTypes = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
} as const;
