/**
 * Reading a year's holiday arrangement from a file an administrator loads (`platform.calendar.import`,
 * `sifa calendar import`). Three formats:
 *
 * - json: `{ "year": 2027, "days": [{ "date": "2027-01-01", "kind": "holiday", "name": { "zh": "元旦", "en": "New Year's Day" } }] }`
 *   (or the bare `days` array);
 * - csv: a header `date,kind,name_zh,name_en` (the name columns optional), one day per line;
 *   empty lines and lines starting with `#` are skipped;
 * - ics: the iCalendar files `chinese-days` publishes (`2026.ics`, `2026.en.ics`): VEVENTs with
 *   DTSTART/DTEND `VALUE=DATE` ranges (DTEND exclusive) and a SUMMARY such as `元旦(休)`,
 *   `春节(班)`, `New Year's Day(Holiday)`, `National Day(Workday)`. Both languages may come in
 *   one content (the two files one after the other): the same range in both is one festival
 *   with its two names.
 *
 * `kind` is `holiday` (a day off) or `workday` (a Saturday or Sunday worked, 调休). A name given
 * in one language only gets the other from the festivals the State Council names every year.
 *
 * Nothing is guessed and nothing half-read: any problem (a date given twice, a holiday and a
 * workday on one date, ranges that overlap, a date outside the year, an unknown kind, a workday
 * on a weekday, a file that is not in the format) is reported with its line, in Chinese and
 * English, and the whole file is refused (`CalendarFileError`).
 */
import { pickText, type Locale, type LocalizedText } from './locale.js';
import { SifaError } from './errors.js';
import { csvFields } from './csv.js';
import { addDays, isIsoDay, weekdayOf, type CalendarDay, type CalendarDayKind } from './calendar.js';

export const calendarFileFormats = ['json', 'csv', 'ics'] as const;
export type CalendarFileFormat = (typeof calendarFileFormats)[number];

export type CalendarFileProblemCode =
  | 'format'
  | 'bad-date'
  | 'unknown-kind'
  | 'outside-year'
  | 'duplicate'
  | 'overlap'
  | 'workday-on-weekday'
  | 'empty';

export interface CalendarFileProblem {
  code: CalendarFileProblemCode;
  /** 1-based line of the content the problem is on; null for the file as a whole. */
  line: number | null;
  message: LocalizedText;
}

/** The file was not imported; `problems` says what to fix, each with its line. */
export class CalendarFileError extends Error {
  constructor(readonly problems: readonly CalendarFileProblem[]) {
    super(problems.map((p) => (p.line ? `line ${p.line}: ${p.message.en}` : p.message.en)).join(' '));
    this.name = 'CalendarFileError';
  }
}

export interface ParsedCalendarFile {
  year: number;
  /** Sorted by date, each date once. */
  days: CalendarDay[];
}

/** The festivals the State Council's notices name, both ways (names read in one language get the other). */
const festivalNames: readonly LocalizedText[] = [
  { zh: '元旦', en: "New Year's Day" },
  { zh: '春节', en: 'Spring Festival' },
  { zh: '清明', en: 'Tomb-sweeping Day' },
  { zh: '清明节', en: 'Tomb-sweeping Day' },
  { zh: '劳动节', en: 'Labour Day' },
  { zh: '端午', en: 'Dragon Boat Festival' },
  { zh: '端午节', en: 'Dragon Boat Festival' },
  { zh: '中秋', en: 'Mid-autumn Festival' },
  { zh: '中秋节', en: 'Mid-autumn Festival' },
  { zh: '国庆节', en: 'National Day' },
];

function completeName(zh: string | undefined, en: string | undefined): LocalizedText | null {
  const z = zh?.trim() || undefined;
  const e = en?.trim() || undefined;
  if (!z && !e) return null;
  const known = festivalNames.find((f) => f.zh === z || f.en.toLowerCase() === e?.toLowerCase());
  return { zh: z ?? known?.zh ?? e!, en: e ?? known?.en ?? z! };
}

const maxProblems = 50;

class Problems {
  readonly list: CalendarFileProblem[] = [];
  add(code: CalendarFileProblemCode, line: number | null, zh: string, en: string): void {
    if (this.list.length < maxProblems) this.list.push({ code, line, message: { zh, en } });
  }
  get any(): boolean {
    return this.list.length > 0;
  }
}

const kindText: Record<CalendarDayKind, LocalizedText> = { holiday: { zh: '休息日（holiday）', en: 'holiday' }, workday: { zh: '调休上班日（workday）', en: 'workday' } };

interface Entry {
  date: string;
  kind: CalendarDayKind;
  name: LocalizedText | null;
  line: number;
}

/**
 * The checks every format shares: dates real and inside the year, kinds known, each date once,
 * adjusted working days on weekends. `year` is the option, else the file's own, else the first date's.
 */
function finish(entries: readonly Entry[], year: number | null, problems: Problems): ParsedCalendarFile {
  const theYear = year ?? (entries[0] ? Number(entries[0].date.slice(0, 4)) : null);
  if (entries.length === 0 && !problems.any) {
    problems.add('empty', null, '文件中没有任何日期：每年至少有法定节假日。', 'The file lists no dates; every year has public holidays.');
  }
  const seen = new Map<string, Entry>();
  for (const e of entries) {
    if (theYear !== null && Number(e.date.slice(0, 4)) !== theYear) {
      problems.add('outside-year', e.line, `日期 ${e.date} 不在 ${theYear} 年内：一次只能导入一年的安排。`, `The date ${e.date} is outside ${theYear}: import one year at a time.`);
      continue;
    }
    const before = seen.get(e.date);
    if (before) {
      if (before.kind === e.kind) {
        problems.add('duplicate', e.line, `日期 ${e.date} 重复（第 ${before.line} 行已列出）。`, `The date ${e.date} is listed twice (already on line ${before.line}).`);
      } else {
        problems.add(
          'overlap',
          e.line,
          `日期 ${e.date} 既是${kindText[before.kind].zh}（第 ${before.line} 行）又是${kindText[e.kind].zh}：同一天只能有一种安排。`,
          `The date ${e.date} is both a ${kindText[before.kind].en} (line ${before.line}) and a ${kindText[e.kind].en}: one date has one arrangement.`,
        );
      }
      continue;
    }
    seen.set(e.date, e);
    const weekday = weekdayOf(e.date);
    if (e.kind === 'workday' && weekday !== 0 && weekday !== 6) {
      problems.add(
        'workday-on-weekday',
        e.line,
        `${e.date} 是周一至周五，本来就是工作日：调休上班日（workday）只能是周六或周日。`,
        `${e.date} is a Monday to Friday, a working day anyway: an adjusted working day (workday) is a Saturday or Sunday.`,
      );
    }
  }
  if (problems.any) throw new CalendarFileError(problems.list);
  const days = [...seen.values()].sort((a, b) => (a.date < b.date ? -1 : 1)).map(({ date, kind, name }) => ({ date, kind, name }));
  return { year: theYear!, days };
}

function checkDate(value: unknown, line: number, problems: Problems): string | null {
  if (typeof value === 'string' && isIsoDay(value)) return value;
  problems.add('bad-date', line, `“${String(value)}”不是有效日期，日期格式为 YYYY-MM-DD（如 2027-01-01）。`, `"${String(value)}" is not a valid date; write dates as YYYY-MM-DD (e.g. 2027-01-01).`);
  return null;
}

function checkKind(value: unknown, line: number, problems: Problems): CalendarDayKind | null {
  if (value === 'holiday' || value === 'workday') return value;
  problems.add('unknown-kind', line, `未知的类型“${String(value)}”：只能是 holiday（休息）或 workday（调休上班）。`, `Unknown kind "${String(value)}": use holiday (a day off) or workday (a weekend worked).`);
  return null;
}

// ---- json ---------------------------------------------------------------------------------------

class JsonSyntaxError extends Error {
  constructor(readonly line: number, message: string) {
    super(message);
  }
}

/** A small JSON reader that remembers the line each object starts on (JSON.parse forgets). */
function readJson(text: string): { value: unknown; lineOf: WeakMap<object, number> } {
  const lineOf = new WeakMap<object, number>();
  let i = 0;
  let line = 1;
  const fail = (what: string): never => {
    throw new JsonSyntaxError(line, what);
  };
  const space = () => {
    for (; i < text.length; i++) {
      const c = text[i];
      if (c === '\n') line++;
      else if (c !== ' ' && c !== '\t' && c !== '\r' && c !== '\uFEFF') break;
    }
  };
  const str = (): string => {
    i++; // opening quote
    let out = '';
    for (;;) {
      if (i >= text.length) fail('unterminated string');
      const c = text[i++]!;
      if (c === '"') return out;
      if (c === '\n') fail('line break inside a string');
      if (c !== '\\') {
        out += c;
        continue;
      }
      const e = text[i++];
      if (e === 'u') {
        const hex = text.slice(i, i + 4);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail('bad \\u escape');
        out += String.fromCharCode(parseInt(hex, 16));
        i += 4;
      } else {
        const map: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
        const m = e === undefined ? undefined : map[e];
        if (m === undefined) fail('bad escape');
        out += m;
      }
    }
  };
  const value = (): unknown => {
    space();
    const c = text[i];
    if (c === '{') {
      const obj: Record<string, unknown> = {};
      lineOf.set(obj, line);
      i++;
      space();
      if (text[i] === '}') return i++, obj;
      for (;;) {
        space();
        if (text[i] !== '"') fail('expected a "key"');
        const key = str();
        space();
        if (text[i++] !== ':') fail('expected ":"');
        obj[key] = value();
        space();
        const next = text[i++];
        if (next === '}') return obj;
        if (next !== ',') fail('expected "," or "}"');
      }
    }
    if (c === '[') {
      const arr: unknown[] = [];
      lineOf.set(arr, line);
      i++;
      space();
      if (text[i] === ']') return i++, arr;
      for (;;) {
        arr.push(value());
        space();
        const next = text[i++];
        if (next === ']') return arr;
        if (next !== ',') fail('expected "," or "]"');
      }
    }
    if (c === '"') return str();
    const literal = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(i, i + 40));
    if (!literal) return fail(c === undefined ? 'unexpected end of the file' : `unexpected "${c}"`);
    i += literal[0].length;
    return literal[0] === 'true' ? true : literal[0] === 'false' ? false : literal[0] === 'null' ? null : Number(literal[0]);
  };
  const result = value();
  space();
  if (i < text.length) fail('unexpected text after the end');
  return { value: result, lineOf };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function parseJson(content: string, year: number | null, problems: Problems): ParsedCalendarFile {
  let read;
  try {
    read = readJson(content);
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    problems.add('format', error.line, `不是有效的 JSON（${error.message}）。`, `Not valid JSON (${error.message}).`);
    throw new CalendarFileError(problems.list);
  }
  const { value, lineOf } = read;
  let list: unknown;
  let fileYear: number | null = null;
  if (Array.isArray(value)) list = value;
  else if (isObject(value) && Array.isArray(value['days'])) {
    list = value['days'];
    const unknownKeys = Object.keys(value).filter((k) => k !== 'days' && k !== 'year');
    if (unknownKeys.length) problems.add('format', lineOf.get(value) ?? 1, `不认识的字段：${unknownKeys.join('、')}（只能有 year 和 days）。`, `Unknown field${unknownKeys.length > 1 ? 's' : ''} ${unknownKeys.join(', ')} (only "year" and "days").`);
    if (value['year'] !== undefined) {
      if (!Number.isInteger(value['year'])) problems.add('format', lineOf.get(value) ?? 1, 'year 须为整数年份（如 2027）。', '"year" must be a whole year (e.g. 2027).');
      else fileYear = value['year'] as number;
    }
  } else {
    problems.add('format', 1, 'JSON 文件须为 { "year": 2027, "days": [ … ] } 或日期数组。', 'A JSON file is { "year": 2027, "days": [ … ] } or an array of days.');
    throw new CalendarFileError(problems.list);
  }
  if (fileYear !== null && year !== null && fileYear !== year) {
    problems.add('outside-year', lineOf.get(value as object) ?? 1, `文件是 ${fileYear} 年的安排，不是 ${year} 年。`, `The file is for ${fileYear}, not ${year}.`);
  }
  const entries: Entry[] = [];
  for (const item of list as unknown[]) {
    const line = (isObject(item) ? lineOf.get(item) : undefined) ?? lineOf.get(list as object) ?? 1;
    if (!isObject(item)) {
      problems.add('format', line, '每一天须为 { "date": …, "kind": …, "name": { "zh": …, "en": … } }。', 'Each day is { "date": …, "kind": …, "name": { "zh": …, "en": … } }.');
      continue;
    }
    const unknownKeys = Object.keys(item).filter((k) => !['date', 'kind', 'name'].includes(k));
    if (unknownKeys.length) problems.add('format', line, `不认识的字段：${unknownKeys.join('、')}（只能有 date、kind、name）。`, `Unknown field${unknownKeys.length > 1 ? 's' : ''} ${unknownKeys.join(', ')} (only "date", "kind" and "name").`);
    const date = checkDate(item['date'], line, problems);
    const kind = checkKind(item['kind'], line, problems);
    const rawName = item['name'];
    let name: LocalizedText | null = null;
    if (rawName !== undefined && rawName !== null) {
      if (typeof rawName === 'string') name = completeName(rawName, undefined);
      else if (isObject(rawName) && (rawName['zh'] === undefined || typeof rawName['zh'] === 'string') && (rawName['en'] === undefined || typeof rawName['en'] === 'string')) {
        name = completeName(rawName['zh'] as string | undefined, rawName['en'] as string | undefined);
      } else problems.add('format', line, 'name 须为 { "zh": "元旦", "en": "New Year\'s Day" }。', 'A name is { "zh": "元旦", "en": "New Year\'s Day" }.');
    }
    if (date && kind) entries.push({ date, kind, name, line });
  }
  return finish(entries, year ?? fileYear, problems);
}

// ---- csv ----------------------------------------------------------------------------------------

const csvColumns = ['date', 'kind', 'name_zh', 'name_en'] as const;

function parseCsv(content: string, year: number | null, problems: Problems): ParsedCalendarFile {
  const lines = content.replace(/^\uFEFF/, '').split(/\r?\n/);
  let header: string[] | null = null;
  const entries: Entry[] = [];
  lines.forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '' || raw.trimStart().startsWith('#')) return;
    const fields = csvFields(raw);
    if (!fields) {
      problems.add('format', line, '引号没有闭合。', 'A quote is not closed.');
      return;
    }
    if (!header) {
      header = fields.map((f) => f.toLowerCase());
      const unknown = header.filter((h) => !(csvColumns as readonly string[]).includes(h));
      if (!header.includes('date') || !header.includes('kind') || unknown.length || new Set(header).size !== header.length) {
        problems.add('format', line, `第一行须为表头 date,kind,name_zh,name_en（名称两列可省略），实际为“${raw.trim()}”。`, `The first line must be the header date,kind,name_zh,name_en (the name columns optional), not "${raw.trim()}".`);
        header = [];
      }
      return;
    }
    if (header.length === 0) return;
    if (fields.length !== header.length) {
      problems.add('format', line, `应有 ${header.length} 列（${header.join(',')}），实际 ${fields.length} 列。`, `Expected ${header.length} columns (${header.join(',')}), found ${fields.length}.`);
      return;
    }
    const get = (column: (typeof csvColumns)[number]) => {
      const at = header!.indexOf(column);
      return at < 0 ? undefined : fields[at];
    };
    const date = checkDate(get('date'), line, problems);
    const kind = checkKind(get('kind')?.toLowerCase(), line, problems);
    if (date && kind) entries.push({ date, kind, name: completeName(get('name_zh'), get('name_en')), line });
  });
  if (!header) {
    problems.add('format', null, '文件是空的：第一行须为表头 date,kind,name_zh,name_en。', 'The file is empty: its first line must be the header date,kind,name_zh,name_en.');
    throw new CalendarFileError(problems.list);
  }
  return finish(entries, year, problems);
}

// ---- ics ----------------------------------------------------------------------------------------

interface IcsEvent {
  line: number;
  start: string | null;
  /** DTSTART was there (when `start` is null, its date was bad and already reported). */
  startSeen: boolean;
  end: string | null;
  summary: string | null;
  summaryLine: number;
  special: string | null;
  description: string | null;
}

const icsDate = (value: string): string | null => {
  const m = /^(\d{4})(\d{2})(\d{2})(?:T\d{6}Z?)?$/.exec(value.trim());
  if (!m) return null;
  const day = `${m[1]}-${m[2]}-${m[3]}`;
  return isIsoDay(day) ? day : null;
};

const icsText = (value: string) => value.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));

/** `元旦(休)` → 元旦 / holiday; `National Day(Workday)` → National Day / workday (full-width brackets too). */
function readSummary(summary: string): { name: string; kind: CalendarDayKind | null; language: 'zh' | 'en' } | null {
  const m = /^(.*?)\s*[(（]\s*([^()（）]+?)\s*[)）]\s*$/.exec(summary.trim());
  if (!m) return null;
  const tag = m[2]!.toLowerCase();
  const kind: CalendarDayKind | null = ['休', 'holiday', 'off'].includes(tag) ? 'holiday' : ['班', 'workday', 'work'].includes(tag) ? 'workday' : null;
  const name = m[1]!.trim();
  return { name, kind, language: /[\u3400-\u9fff]/.test(name) || tag === '休' || tag === '班' ? 'zh' : 'en' };
}

function parseIcs(content: string, year: number | null, problems: Problems): ParsedCalendarFile {
  // Unfold (a line starting with a space or tab continues the one before), keeping the first line's number.
  const logical: { text: string; line: number }[] = [];
  content
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((raw, index) => {
      if ((raw.startsWith(' ') || raw.startsWith('\t')) && logical.length > 0) logical[logical.length - 1]!.text += raw.slice(1);
      else logical.push({ text: raw, line: index + 1 });
    });
  const first = logical.find((l) => l.text.trim() !== '');
  if (!first || first.text.trim().toUpperCase() !== 'BEGIN:VCALENDAR') {
    problems.add('format', first?.line ?? 1, '不是 iCalendar（.ics）文件：第一行须为 BEGIN:VCALENDAR。', 'Not an iCalendar (.ics) file: the first line must be BEGIN:VCALENDAR.');
    throw new CalendarFileError(problems.list);
  }
  const events: IcsEvent[] = [];
  let current: IcsEvent | null = null;
  for (const { text, line } of logical) {
    const colon = text.indexOf(':');
    if (colon < 0) continue;
    const name = text.slice(0, colon).split(';', 1)[0]!.toUpperCase();
    const value = text.slice(colon + 1);
    if (name === 'BEGIN' && value.trim().toUpperCase() === 'VEVENT') {
      if (current) problems.add('format', line, 'VEVENT 没有以 END:VEVENT 结束就开始了下一个。', 'A VEVENT starts before the previous one ended (END:VEVENT).');
      current = { line, start: null, startSeen: false, end: null, summary: null, summaryLine: line, special: null, description: null };
    } else if (name === 'END' && value.trim().toUpperCase() === 'VEVENT') {
      if (current) events.push(current);
      current = null;
    } else if (current) {
      if (name === 'DTSTART' || name === 'DTEND') {
        const day = icsDate(value);
        if (!day) problems.add('bad-date', line, `${name} “${value.trim()}”不是有效日期（应为 YYYYMMDD）。`, `${name} "${value.trim()}" is not a valid date (YYYYMMDD).`);
        if (name === 'DTSTART') {
          current.start = day;
          current.startSeen = true;
        }
        else current.end = day;
      } else if (name === 'SUMMARY') {
        current.summary = icsText(value);
        current.summaryLine = line;
      } else if (name === 'X-APPLE-SPECIAL-DAY') current.special = value.trim().toUpperCase();
      else if (name === 'DESCRIPTION') current.description = icsText(value).trim().toLowerCase();
    }
  }
  if (current) problems.add('format', current.line, 'VEVENT 没有以 END:VEVENT 结束。', 'A VEVENT is not closed (END:VEVENT).');

  // One range of one kind, with its names in both languages (a zh and an en event of the same range merge).
  interface Group {
    start: string;
    end: string;
    kind: CalendarDayKind;
    zh?: string;
    en?: string;
    line: number;
  }
  const groups = new Map<string, Group>();
  for (const event of events) {
    if (!event.start) {
      if (!event.startSeen) problems.add('format', event.line, 'VEVENT 缺少 DTSTART。', 'A VEVENT has no DTSTART.');
      continue;
    }
    const end = event.end ?? addDays(event.start, 1);
    if (end <= event.start) {
      problems.add('bad-date', event.line, `DTEND ${end} 不晚于 DTSTART ${event.start}（DTEND 为结束后的第一天）。`, `DTEND ${end} is not after DTSTART ${event.start} (DTEND is the day after the last).`);
      continue;
    }
    const read = event.summary === null ? null : readSummary(event.summary);
    const fallback: CalendarDayKind | null =
      event.special === 'WORK-HOLIDAY' || event.description === '休' || event.description === 'holiday'
        ? 'holiday'
        : event.special === 'ALTERNATE-WORKDAY' || event.description === '班' || event.description === 'workday'
          ? 'workday'
          : null;
    const kind = read?.kind ?? fallback;
    if (!kind) {
      problems.add(
        'unknown-kind',
        event.summaryLine,
        `无法判断“${event.summary ?? ''}”是休息还是调休上班：SUMMARY 须以（休）或（班）、(Holiday) 或 (Workday) 结尾。`,
        `Cannot tell whether "${event.summary ?? ''}" is a day off or a day worked: SUMMARY must end in (休) or (班), (Holiday) or (Workday).`,
      );
      continue;
    }
    const key = `${event.start}|${end}|${kind}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { start: event.start, end, kind, line: event.line }));
    if (read?.name) {
      if (group[read.language] !== undefined) {
        problems.add('duplicate', event.line, `第 ${group.line} 行的事件已列出同一时段（${event.start} 起）。`, `The event on line ${group.line} already lists the same days (from ${event.start}).`);
        continue;
      }
      group[read.language] = read.name;
    }
  }
  const entries: Entry[] = [];
  for (const g of groups.values()) {
    const name = completeName(g.zh, g.en);
    for (let day = g.start; day < g.end; day = addDays(day, 1)) entries.push({ date: day, kind: g.kind, name, line: g.line });
  }
  // Ranges that share a day are an overlap, whatever their kinds (the package never has them).
  entries.sort((a, b) => a.line - b.line || (a.date < b.date ? -1 : 1));
  const byDate = new Map<string, Entry>();
  const rest: Entry[] = [];
  for (const e of entries) {
    const before = byDate.get(e.date);
    if (before && before.line !== e.line) {
      problems.add('overlap', e.line, `事件与第 ${before.line} 行的事件在 ${e.date} 重叠。`, `The event overlaps the one on line ${before.line} on ${e.date}.`);
      continue;
    }
    byDate.set(e.date, e);
    rest.push(e);
  }
  return finish(rest, year, problems);
}

/**
 * Reads one year's arrangement from `content`. Throws a `CalendarFileError` listing every problem
 * found (with lines) when anything is wrong; returns the days otherwise.
 */
export function parseCalendarFile(format: CalendarFileFormat, content: string, options: { year?: number | undefined } = {}): ParsedCalendarFile {
  const problems = new Problems();
  const year = options.year ?? null;
  if (format === 'json') return parseJson(content, year, problems);
  if (format === 'csv') return parseCsv(content, year, problems);
  return parseIcs(content, year, problems);
}

/**
 * The VALIDATION_FAILED error a refused file answers with: the first problem (with its line) as
 * the message, every problem as an issue on `content` in the reader's language, and the first
 * problem's line and code in `details` (`line`, `problem`).
 */
export function calendarFileSifaError(error: CalendarFileError, locale: Locale): SifaError {
  const at = (p: CalendarFileProblem): LocalizedText => ({
    zh: p.line ? `第 ${p.line} 行：${p.message.zh}` : p.message.zh,
    en: p.line ? `Line ${p.line}: ${p.message.en}` : p.message.en,
  });
  const first = error.problems[0]!;
  const more = error.problems.length - 1;
  return new SifaError('VALIDATION_FAILED', {
    message: {
      zh: `节假日数据未导入（文件有 ${error.problems.length} 处问题）。${at(first).zh}${more ? `（另有 ${more} 处，见各项提示）` : ''}`,
      en: `Nothing was imported (${error.problems.length} problem${more ? 's' : ''} in the file). ${at(first).en}${more ? ` (and ${more} more, see the issues)` : ''}`,
    },
    issues: error.problems.map((p) => ({ path: 'content', message: pickText(at(p), locale) })),
    details: { line: first.line, problem: first.code, problems: error.problems.length },
  });
}
