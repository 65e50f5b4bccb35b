/**
 * Bringing a bureau's own org tree: the import file's format (CSV or JSON, one row per unit),
 * what an import reports, closing and merging units. The server validates a file as a whole
 * against the tree it holds (`platform.org.import`, `sifa org import`); the parsing here is
 * isomorphic so a page can check a file before sending it.
 */
import { z } from 'zod';
import { orgCodeSchema, orgLevels, type OrgLevel } from './org.js';
import type { LocalizedText } from './locale.js';
import { csvFields } from './csv.js';

/** What a unit is: a justice bureau (司法厅/局), a judicial office (司法所) or a station below it. */
export const orgKinds = ['bureau', 'office', 'station'] as const;
export type OrgKind = (typeof orgKinds)[number];

/** The kind a unit has when the file does not say: offices at office level, stations at village level. */
export function defaultOrgKind(level: OrgLevel): OrgKind {
  return level === 'office' ? 'office' : level === 'village' ? 'station' : 'bureau';
}

/** The level a statistical code's length stands for (2, 4, 6, 9, 12 digits). */
export function levelOfCode(code: string): OrgLevel | null {
  const byLength: Record<number, OrgLevel> = { 2: 'region', 4: 'city', 6: 'county', 9: 'office', 12: 'village' };
  return /^\d+$/.test(code) ? (byLength[code.length] ?? null) : null;
}

export const orgImportFormats = ['csv', 'json'] as const;
export type OrgImportFormat = (typeof orgImportFormats)[number];

/** The columns of the CSV format (the first line is this header; the name_en, name_mn and kind columns may be left out). */
export const orgImportColumns = ['code', 'parent', 'level', 'name_zh', 'name_en', 'name_mn', 'kind'] as const;

const name = z.string().trim().min(1).max(80);

/** One unit of an import file (JSON: an array of these; CSV: one line each). */
export const orgImportRowSchema = z.object({
  code: orgCodeSchema,
  /** The parent's code; empty or absent for the tree's root. */
  parent: z.union([orgCodeSchema, z.literal('')]).nullish(),
  level: z.enum(orgLevels),
  name_zh: name,
  name_en: name.nullish(),
  name_mn: name.nullish(),
  kind: z.enum(orgKinds).nullish(),
});
export type OrgImportRow = z.infer<typeof orgImportRowSchema>;

export const orgImportInputSchema = z.object({
  format: z.enum(orgImportFormats),
  /** The file's text; the request body limit (SIFA_MAX_BODY_BYTES) applies. */
  content: z.string().min(1).max(5_000_000),
  /** Check the file and report what would change, without changing anything. */
  dryRun: z.boolean().optional(),
});
export type OrgImportInput = z.input<typeof orgImportInputSchema>;

/** One problem of an import file: the line (CSV) or array position + 1 (JSON) it is on. */
export interface OrgImportProblem {
  line: number;
  code?: string;
  message: LocalizedText;
}

export interface OrgImportChange {
  code: string;
  line: number;
  change: 'added' | 'renamed' | 'moved' | 'kind';
  before?: { parent?: string | null; path?: string; name?: { zh: string; en?: string | null; mn?: string | null }; kind?: OrgKind };
  after?: { parent?: string | null; path?: string; name?: { zh: string; en?: string | null; mn?: string | null }; kind?: OrgKind };
}

export interface OrgImportResult {
  dryRun: boolean;
  /** Rows read from the file. */
  rows: number;
  /** True when something changed (false on a re-import of the same file). */
  changed: boolean;
  added: number;
  renamed: number;
  moved: number;
  unchanged: number;
  /** Units the tree holds that the file does not list: kept as they are (close them explicitly). */
  notInFile: number;
  /** Closed units the file lists: left as they are. */
  closedSkipped: string[];
  changes: OrgImportChange[];
  /** Rows re-pointed per table when units moved (org_path and the other path columns). */
  rowsMoved: Record<string, number>;
}

export const orgCloseInputSchema = z.object({
  code: orgCodeSchema,
  /** Why (kept in the unit's history). */
  reason: z.string().trim().min(1).max(500),
});
export type OrgCloseInput = z.input<typeof orgCloseInputSchema>;

export const orgMergeInputSchema = z.object({
  /** The unit that ends: closed, its records, users and sub-units moved into `into`. */
  code: orgCodeSchema,
  into: orgCodeSchema,
  reason: z.string().trim().min(1).max(500),
});
export type OrgMergeInput = z.input<typeof orgMergeInputSchema>;

export interface OrgCloseResult {
  code: string;
  closedOn: string;
}

export interface OrgMergeResult extends OrgCloseResult {
  into: string;
  /** Sub-units re-parented under `into`. */
  units: string[];
  /** Accounts moved to `into`. */
  users: number;
  /** Townships the unit served, served by `into` now. */
  townships: string[];
  /** Rows re-pointed per table (the recorded mapping is in the unit's history). */
  rowsMoved: Record<string, number>;
}

export const orgHistoryInputSchema = z.object({ code: orgCodeSchema });

/** One change of a unit, oldest first: created by import, renamed, moved, closed, merged (either side). */
export interface OrgHistoryEntry {
  seq: number;
  at: string;
  actor: string;
  change: 'added' | 'renamed' | 'moved' | 'kind' | 'closed' | 'merged' | 'merged-in';
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/**
 * Reads an import file into rows with their line numbers, or the problems that stop reading
 * (format, header, columns, each row's fields). Relations between rows (parents, cycles,
 * duplicates) are the server's check, against the tree it holds.
 */
export function parseOrgImportFile(format: OrgImportFormat, content: string): { rows: { line: number; row: OrgImportRow }[]; problems: OrgImportProblem[] } {
  const problems: OrgImportProblem[] = [];
  const rows: { line: number; row: OrgImportRow }[] = [];
  const take = (line: number, raw: unknown) => {
    const parsed = orgImportRowSchema.safeParse(raw);
    if (parsed.success) {
      rows.push({ line, row: parsed.data });
      return;
    }
    const code = typeof (raw as { code?: unknown })?.code === 'string' ? (raw as { code: string }).code : undefined;
    for (const issue of parsed.error.issues) {
      const field = issue.path.join('.') || 'row';
      const value = issue.path.length ? (raw as Record<string, unknown>)[String(issue.path[0])] : raw;
      const shown = value === undefined ? '(empty)' : JSON.stringify(value);
      problems.push({ line, ...(code ? { code } : {}), message: fieldMessage(field, shown) });
    }
  };
  if (format === 'json') {
    let data: unknown;
    try {
      data = JSON.parse(content.replace(/^\uFEFF/, ''));
    } catch (error) {
      problems.push({ line: 0, message: { zh: `文件不是有效的 JSON：${(error as Error).message}`, en: `The file is not valid JSON: ${(error as Error).message}` } });
      return { rows, problems };
    }
    if (!Array.isArray(data)) {
      problems.push({ line: 0, message: { zh: 'JSON 文件须为单位的数组：[{"code": …, "parent": …, "level": …, "name_zh": …}, …]。', en: 'The JSON file must be an array of units: [{"code": …, "parent": …, "level": …, "name_zh": …}, …].' } });
      return { rows, problems };
    }
    data.forEach((raw, i) => take(i + 1, raw));
    return { rows, problems };
  }
  const lines = content.replace(/^\uFEFF/, '').split(/\r?\n/);
  let header: string[] | null = null;
  lines.forEach((text, index) => {
    const line = index + 1;
    if (text.trim() === '' || text.trimStart().startsWith('#')) return;
    const fields = csvFields(text);
    if (!fields) {
      problems.push({ line, message: { zh: '引号没有闭合。', en: 'A quote is not closed.' } });
      return;
    }
    if (!header) {
      header = fields.map((f) => f.trim().toLowerCase());
      const unknown = header.filter((h) => !(orgImportColumns as readonly string[]).includes(h));
      const missing = ['code', 'parent', 'level', 'name_zh'].filter((c) => !header!.includes(c));
      if (unknown.length || missing.length || new Set(header).size !== header.length) {
        problems.push({
          line,
          message: {
            zh: `第一行须为表头 ${orgImportColumns.join(',')}（name_en、name_mn、kind 可省略），实际为“${text.trim()}”。`,
            en: `The first line must be the header ${orgImportColumns.join(',')} (name_en, name_mn and kind may be left out), not "${text.trim()}".`,
          },
        });
        header = [];
      }
      return;
    }
    if ((header as string[]).length === 0) return;
    const columns = header as string[];
    if (fields.length !== columns.length) {
      problems.push({ line, message: { zh: `应有 ${columns.length} 列（${columns.join(',')}），实际 ${fields.length} 列。`, en: `Expected ${columns.length} columns (${columns.join(',')}), found ${fields.length}.` } });
      return;
    }
    const raw: Record<string, string | undefined> = {};
    columns.forEach((c, i) => {
      const value = fields[i]!.trim();
      raw[c] = value === '' && c !== 'parent' ? undefined : value;
    });
    take(line, raw);
  });
  if (!header) problems.push({ line: 1, message: { zh: '文件是空的。', en: 'The file is empty.' } });
  return { rows, problems };
}

function fieldMessage(field: string, shown: string): LocalizedText {
  switch (field) {
    case 'code':
      return { zh: `代码 ${shown} 不是统计用区划代码（2、4、6、9 或 12 位数字）。`, en: `Code ${shown} is not a statistical division code (2, 4, 6, 9 or 12 digits).` };
    case 'parent':
      return { zh: `上级代码 ${shown} 不是统计用区划代码（根单位留空）。`, en: `Parent ${shown} is not a statistical division code (leave it empty for the root).` };
    case 'level':
      return { zh: `层级 ${shown} 须为 ${orgLevels.join('、')} 之一。`, en: `Level ${shown} must be one of ${orgLevels.join(', ')}.` };
    case 'kind':
      return { zh: `类别 ${shown} 须为 ${orgKinds.join('、')} 之一。`, en: `Kind ${shown} must be one of ${orgKinds.join(', ')}.` };
    case 'name_zh':
      return { zh: `中文名称 ${shown} 须为 1–80 个字符。`, en: `The Chinese name ${shown} must have 1–80 characters.` };
    default:
      return { zh: `${field} 的值 ${shown} 无效（1–80 个字符）。`, en: `${field} ${shown} is not valid (1–80 characters).` };
  }
}
