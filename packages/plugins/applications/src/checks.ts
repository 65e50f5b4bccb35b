/**
 * The checks before forwarding a reconsideration application, as pure functions (browser-safe:
 * the server's check source and any widget compute the same). Each answers a core `CaseCheck`:
 * its state, the article, what matched where, what to do.
 *
 * - `period` (arts. 20–21): late → attention (`reconsiderationPeriod`, period.ts).
 * - `scope` (arts. 11–12 and the local negative list): an exclusion of art. 12 or an entry of the
 *   negative list matched → attention; else an item of art. 11 matched → pass; nothing → unknown.
 * - `reconsideration-first` (art. 23): a matter that must go to reconsideration before a court →
 *   info (the applicant cannot sue first); else pass.
 * - `jurisdiction` (arts. 24, 27, 28): the body the respondent points to, from the city's list of
 *   reconsideration bodies, compared with the body entered at forwarding: the same → pass, another
 *   or one off the list → attention, not told from the respondent → unknown.
 */
import type { CaseCheck, CaseFieldValue, LocalizedText, WorkingCalendar } from '@sifa/core';
import { reconsiderationPeriod } from './period.js';
import { justiceBureauKeywords, matterFieldTitles, matterFields, reconsiderationFirst, scopeExclusions, scopeItems, verticalBodyKeywords, type MatterField, type MatterRule } from './rules.js';

const t = (zh: string, en: string): LocalizedText => ({ zh, en });

export const reconsiderationCheckCodes = ['period', 'scope', 'reconsideration-first', 'jurisdiction'] as const;
export type ReconsiderationCheckCode = (typeof reconsiderationCheckCodes)[number];

/** An entry of the local negative list (事项负面清单), as the checks read it. */
export interface NegativeListEntry {
  id: string;
  /** What is not accepted (zh; en where given). */
  title: { zh: string; en?: string | undefined };
  /** Where the list says so (赤峰市行政复议不予受理事项清单第3项). */
  basis: string;
  /** Why, shown to staff. */
  note?: { zh: string; en?: string | undefined } | undefined;
  fields: readonly MatterField[];
  keywords: readonly string[];
}

/** A reconsideration body of the city's list: a county-level or the city government, with the places of its area. */
export interface ReconsiderationBody {
  id: string;
  /** 红山区人民政府 */
  name: string;
  level: 'city' | 'county';
  /** The division it governs (1504, 150402). */
  divisionCode: string;
  /** Names of its division and the townships and streets in it, as respondents are written (红山区, 西屯街道 …). */
  area: readonly string[];
}

const gapOf = 20;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const patterns = new Map<string, RegExp>();
/** A keyword as a pattern: plain text, `*` a gap of up to 20 characters. */
function patternOf(keyword: string): RegExp {
  let re = patterns.get(keyword);
  if (!re) {
    re = new RegExp(
      keyword
        .split('*')
        .map((part) => escape(part.trim()))
        .join(`[^\\n]{0,${gapOf}}?`),
    );
    patterns.set(keyword, re);
  }
  return re;
}

const textOf = (value: CaseFieldValue | undefined): string => (typeof value === 'string' ? value : '');

export interface RuleMatch<R> {
  rule: R;
  field: MatterField;
  /** The text that matched. */
  found: string;
}

/** The first place each rule matches (rules in order, fields in the rule's order). */
export function matchRules<R extends Pick<MatterRule, 'fields' | 'keywords'>>(rules: readonly R[], fields: Readonly<Record<string, CaseFieldValue>>): RuleMatch<R>[] {
  const out: RuleMatch<R>[] = [];
  for (const rule of rules) {
    found: for (const field of rule.fields) {
      const text = textOf(fields[field]);
      if (!text) continue;
      for (const keyword of rule.keywords) {
        if (!keyword.replaceAll('*', '').trim()) continue;
        const m = patternOf(keyword).exec(text);
        if (m) {
          out.push({ rule, field, found: m[0] });
          break found;
        }
      }
    }
  }
  return out;
}

const where = (m: RuleMatch<unknown>): LocalizedText => t(`${matterFieldTitles[m.field].zh}中有“${m.found}”`, `${matterFieldTitles[m.field].en} says “${m.found}”`);
const joined = (parts: LocalizedText[]): LocalizedText => t(parts.map((p) => p.zh).join('；'), parts.map((p) => p.en).join('; '));
const local = (text: { zh: string; en?: string | undefined }): LocalizedText => t(text.zh, text.en ?? text.zh);

/** Art. 20–21: whether the application was made in time. */
export function periodCheck(calendar: Pick<WorkingCalendar, 'addWorkingDays'>, fields: Readonly<Record<string, CaseFieldValue>>, receivedOn: string): CaseCheck {
  const title = t('申请期限', 'Application period');
  const knewOn = textOf(fields.knewOn);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(knewOn)) {
    return { code: 'period', state: 'unknown', article: '第二十条', title, explanation: t('没有登记知道该行政行为的日期，无法计算申请期限。', 'The day the applicant learned of the act is not recorded: the period cannot be computed.') };
  }
  const actOn = textOf(fields.actOn);
  const p = reconsiderationPeriod(calendar, { knewOn, receivedOn, rightNotified: fields.rightNotified === true, actOn: actOn || null, immovable: fields.immovable === true });
  const article = p.rule === 'art21-cap' ? '第二十一条' : p.rule === 'art20-one-year' ? '第二十条第三款' : '第二十条第一款';
  return {
    code: 'period',
    state: p.state === 'late' ? 'attention' : 'pass',
    article,
    title,
    explanation: p.explanation,
    ...(p.state === 'late'
      ? {
          suggestion: t(
            '核实申请人是否因不可抗力或者其他正当理由耽误期限（第二十条第二款：申请期限自障碍消除之日起继续计算）；仍予转递的，写明理由，由复议机关审查决定。',
            'Check whether force majeure or another good reason kept the applicant from applying in time (art. 20 para. 2: the period resumes when the obstacle ends); to forward anyway, give the reason: the body decides.',
          ),
        }
      : {}),
  };
}

/** Arts. 11–12 and the local negative list. */
export function scopeCheck(fields: Readonly<Record<string, CaseFieldValue>>, negativeList: readonly NegativeListEntry[]): CaseCheck {
  const title = t('受理范围', 'Scope of reconsideration');
  const excluded = matchRules(scopeExclusions, fields);
  const listed = matchRules(negativeList, fields);
  if (excluded.length || listed.length) {
    const parts = [
      ...excluded.map((m) => t(`${where(m).zh}，可能属于${m.rule.title.zh}：${m.rule.explanation.zh}`, `${where(m).en}: possibly ${m.rule.title.en.toLowerCase()}. ${m.rule.explanation.en}`)),
      ...listed.map((m) => {
        const note = m.rule.note ? local(m.rule.note) : null;
        return t(`${where(m).zh}，可能属于本地负面清单事项“${m.rule.title.zh}”（${m.rule.basis}）${note ? `：${note.zh}` : ''}`, `${where(m).en}: possibly on the local negative list, “${local(m.rule.title).en}” (${m.rule.basis})${note ? `. ${note.en}` : ''}`);
      }),
    ];
    const articles = [...new Set(excluded.map((m) => m.rule.article))];
    const suggestion = excluded.find((m) => m.rule.suggestion)?.rule.suggestion;
    return {
      code: 'scope',
      state: 'attention',
      article: articles.length ? articles.join('、') : '第十二条',
      title,
      explanation: joined(parts),
      suggestion: suggestion ?? t('核实申请事项是否属于行政复议范围；不属于的，告知申请人救济途径；仍予转递的，写明理由，由复议机关审查决定。', 'Check whether the matter is within reconsideration; if not, tell the applicant where to turn; to forward anyway, give the reason: the body decides.'),
    };
  }
  const items = matchRules(scopeItems, fields);
  const item = items.find((m) => m.rule.code !== 'other') ?? items[0];
  if (item) {
    return {
      code: 'scope',
      state: 'pass',
      article: item.rule.article,
      title,
      explanation: t(
        `${where(item).zh}：属于${item.rule.explanation.zh}（第十一条），未发现第十二条排除的事项或本地负面清单事项（${negativeList.length} 项）。`,
        `${where(item).en}: ${item.rule.explanation.en} (art. 11); nothing art. 12 excludes nor any of the ${negativeList.length} entries of the local negative list found.`,
      ),
    };
  }
  return {
    code: 'scope',
    state: 'unknown',
    article: '第十一条',
    title,
    explanation: t(
      `未能从申请内容判断属于第十一条的哪一项；也未发现第十二条排除的事项或本地负面清单事项（${negativeList.length} 项）。`,
      `Could not tell which item of art. 11 the application falls under; nothing art. 12 excludes nor any of the ${negativeList.length} entries of the local negative list found.`,
    ),
    suggestion: t('请对照第十一条逐项核实。', 'Check it against the items of art. 11.'),
  };
}

/** Art. 23: matters the applicant must take to reconsideration before a court. */
export function reconsiderationFirstCheck(fields: Readonly<Record<string, CaseFieldValue>>): CaseCheck {
  const title = t('复议前置', 'Reconsideration first');
  const found = matchRules(reconsiderationFirst, fields);
  if (found.length === 0) {
    return {
      code: 'reconsideration-first',
      state: 'pass',
      article: '第二十三条',
      title,
      explanation: t('未发现第二十三条规定应当先申请行政复议的情形：申请人也可以依法直接向人民法院提起行政诉讼。', 'None of the matters art. 23 sends to reconsideration first found: the applicant may also go to court directly.'),
    };
  }
  return {
    code: 'reconsideration-first',
    state: 'info',
    article: [...new Set(found.map((m) => m.rule.article))].join('、'),
    title,
    explanation: t(
      `${found.map((m) => `${where(m).zh}：${m.rule.explanation.zh}（${m.rule.article}）`).join('；')}。申请人不能直接向人民法院提起行政诉讼，对复议决定不服的，可以再依法起诉。`,
      `${found.map((m) => `${where(m).en}: ${m.rule.explanation.en} (${m.rule.article})`).join('; ')}. The applicant cannot sue first; after the decision they may go to court.`,
    ),
    suggestion: t('告知申请人：此类事项须先经行政复议。', 'Tell the applicant that this matter must go to reconsideration first.'),
  };
}

const normalize = (s: string) => s.replace(/[\s　]/g, '').replace(/[（(][^）)]*[）)]/g, '');

export interface BodySuggestion {
  /** found: a body of the list; elsewhere: outside the list (the region, a higher department); unknown: not told. */
  kind: 'found' | 'elsewhere' | 'unknown';
  body?: ReconsiderationBody | undefined;
  /** Bodies that may also hear it (art. 24 para. 4, art. 28). */
  also: ReconsiderationBody[];
  article: string;
  why: LocalizedText;
}

/** The body the respondent's name points to (arts. 24, 27, 28), from the city's list. */
export function suggestBody(bodies: readonly ReconsiderationBody[], respondentRaw: string): BodySuggestion {
  const respondent = normalize(respondentRaw);
  const none = (why: LocalizedText): BodySuggestion => ({ kind: 'unknown', also: [], article: '第二十四条', why });
  if (!respondent) return none(t('没有登记被申请人。', 'No respondent is recorded.'));
  const vertical = verticalBodyKeywords.find((k) => respondent.includes(k));
  if (vertical) {
    return {
      kind: 'elsewhere',
      also: [],
      article: '第二十七条',
      why: t(`被申请人“${respondentRaw}”属于${vertical}等实行垂直领导的机关或者税务、国家安全机关，应当向其上一级主管部门申请行政复议（第二十七条），不由地方人民政府管辖。`, `The respondent “${respondentRaw}” is a ${vertical} body under vertical leadership (or tax, state security): the application goes to the next higher department (art. 27), not a local government.`),
    };
  }
  const counties = bodies.filter((b) => b.level === 'county');
  const cities = bodies.filter((b) => b.level === 'city');
  // The most specific place named: a township or street of a county's area, else the county, else the city.
  const hits = (list: readonly ReconsiderationBody[], own: (b: ReconsiderationBody) => readonly string[]) => list.filter((b) => own(b).some((place) => place && respondent.includes(normalize(place))));
  const countyName = (b: ReconsiderationBody) => b.area[0] ?? '';
  const byTownship = hits(counties, (b) => b.area.slice(1));
  const byCounty = hits(counties, (b) => [countyName(b)]);
  const byCity = hits(cities, (b) => b.area);
  const cityOf = (county: ReconsiderationBody) => cities.find((c) => county.divisionCode.startsWith(c.divisionCode));
  const isGovernment = /政府$/.test(respondent);
  const isStreetOffice = /街道(办事处)?$/.test(respondent);
  const justice = justiceBureauKeywords.some((k) => respondent.includes(k));

  if (byCounty.length > 1 || (byCounty.length === 0 && byTownship.length > 1)) {
    const names = (byCounty.length > 1 ? byCounty : byTownship).map((b) => b.name).join('、');
    return none(t(`被申请人“${respondentRaw}”可能属于多个旗县区（${names}），请核实。`, `The respondent “${respondentRaw}” could belong to several counties (${names}): check which.`));
  }
  const townshipCounty = byTownship.length === 1 ? byTownship[0] : undefined;
  const county = byCounty[0] ?? townshipCounty;
  // A township or street of the county is named (not only the county).
  const namedTownship = townshipCounty !== undefined && townshipCounty.id === county?.id;
  if (county) {
    const city = cityOf(county);
    if (namedTownship && (isGovernment || isStreetOffice)) {
      return isStreetOffice
        ? { kind: 'found', body: county, also: [], article: '第二十四条第一款第三项', why: t(`被申请人“${respondentRaw}”是${county.name}设立的派出机关（街道办事处），由${county.name}管辖（第二十四条第一款第三项）。`, `The respondent “${respondentRaw}” is a street office set up by ${county.name}: ${county.name} hears it (art. 24 para. 1 item 3).`) }
        : { kind: 'found', body: county, also: [], article: '第二十四条第一款第二项', why: t(`被申请人“${respondentRaw}”是${county.name}的下一级人民政府（乡镇），由${county.name}管辖（第二十四条第一款第二项）。`, `The respondent “${respondentRaw}” is a township government under ${county.name}: ${county.name} hears it (art. 24 para. 1 item 2).`) };
    }
    if (isGovernment && !namedTownship) {
      return city
        ? { kind: 'found', body: city, also: [], article: '第二十四条第一款第二项', why: t(`被申请人“${respondentRaw}”是县级人民政府，由上一级的${city.name}管辖（第二十四条第一款第二项）。`, `The respondent “${respondentRaw}” is a county-level government: the government above it, ${city.name}, hears it (art. 24 para. 1 item 2).`) }
        : { kind: 'elsewhere', also: [], article: '第二十四条第一款第二项', why: t(`被申请人“${respondentRaw}”是县级人民政府，由上一级人民政府管辖（第二十四条第一款第二项），名单中没有该机关。`, `The respondent “${respondentRaw}” is a county-level government: the government above it hears it (art. 24 para. 1 item 2); it is not on the list.`) };
    }
    if (byCity.length && city && /分局$/.test(respondent)) {
      return { kind: 'found', body: city, also: [county], article: '第二十四条第四款', why: t(`被申请人“${respondentRaw}”是市人民政府工作部门按行政区划设立的派出机构，由${city.name}管辖，也可以由所在地的${county.name}管辖（第二十四条第四款）。`, `The respondent “${respondentRaw}” is a branch a city department set up for a district: ${city.name} hears it, or the local ${county.name} (art. 24 para. 4).`) };
    }
    if (justice) {
      return { kind: 'found', body: county, also: [], article: '第二十八条', why: t(`被申请人“${respondentRaw}”是履行行政复议机构职责的司法行政部门，可以向${county.name}申请，也可以向上一级司法行政部门申请（第二十八条）。`, `The respondent “${respondentRaw}” is the justice department acting as the reconsideration office: ${county.name} may hear it, or the next higher justice department (art. 28).`) };
    }
    return { kind: 'found', body: county, also: [], article: '第二十四条第一款第一项', why: t(`被申请人“${respondentRaw}”是${county.name}的工作部门或其管理的组织，由${county.name}管辖（第二十四条第一款第一项、第四项）。`, `The respondent “${respondentRaw}” is a department of ${county.name} (or an organisation it manages): ${county.name} hears it (art. 24 para. 1 items 1, 4).`) };
  }
  const city = byCity.length === 1 ? byCity[0]! : undefined;
  if (city) {
    if (isGovernment) {
      return { kind: 'elsewhere', also: [], article: '第二十四条第一款第二项', why: t(`被申请人“${respondentRaw}”是设区的市人民政府，由上一级的自治区（省）人民政府管辖（第二十四条第一款第二项），不在本市行政复议机关名单内。`, `The respondent “${respondentRaw}” is the city government: the regional (provincial) government above it hears it (art. 24 para. 1 item 2), not a body on the city's list.`) };
    }
    return { kind: 'found', body: city, also: [], article: '第二十四条第一款第一项', why: t(`被申请人“${respondentRaw}”是${city.name}的工作部门或其管理的组织，由${city.name}管辖（第二十四条第一款第一项、第四项）。`, `The respondent “${respondentRaw}” is a department of ${city.name} (or an organisation it manages): ${city.name} hears it (art. 24 para. 1 items 1, 4).`) };
  }
  return none(
    bodies.length
      ? t(`未能从被申请人“${respondentRaw}”判断其所属的人民政府（名单中 ${bodies.length} 个行政复议机关的辖区都不包含它），请对照第二十四条核实。`, `Could not tell from the respondent “${respondentRaw}” which government it belongs to (none of the ${bodies.length} bodies on the list covers it): check art. 24.`)
      : t('尚未配置本市行政复议机关名单，无法判断管辖。', "The city's list of reconsideration bodies is not set up: jurisdiction cannot be told."),
  );
}

/** Art. 24 (27, 28): the body suggested from the respondent, compared with the one entered. */
export function jurisdictionCheck(bodies: readonly ReconsiderationBody[], input: { respondent: string; body?: string | null | undefined }): CaseCheck {
  const title = t('管辖', 'Jurisdiction');
  const s = suggestBody(bodies, input.respondent);
  const entered = normalize(input.body ?? '');
  const proposes = s.body ? { proposes: { body: s.body.name } } : {};
  const suggested = s.body ? t(`建议转递：${s.body.name}${s.also.length ? `（也可以：${s.also.map((b) => b.name).join('、')}）` : ''}。`, `Suggested body: ${s.body.name}${s.also.length ? ` (or ${s.also.map((b) => b.name).join(', ')})` : ''}.`) : undefined;
  const base = { code: 'jurisdiction', article: s.article, title, ...proposes, ...(suggested ? { suggestion: suggested } : {}) };
  if (!entered) {
    return { ...base, state: s.kind === 'found' ? 'info' : s.kind === 'elsewhere' ? 'attention' : 'unknown', explanation: s.why };
  }
  const onList = bodies.find((b) => normalize(b.name) === entered);
  if (s.kind === 'found') {
    const fits = [s.body!, ...s.also].some((b) => normalize(b.name) === entered);
    if (fits) return { ...base, state: 'pass', explanation: t(`${s.why.zh}与填写的“${input.body}”一致。`, `${s.why.en} The body entered, “${input.body}”, fits.`) };
    return {
      ...base,
      state: 'attention',
      explanation: t(
        `${s.why.zh}填写的是“${input.body}”${onList ? '' : '（不在本市行政复议机关名单内）'}。`,
        `${s.why.en} The body entered is “${input.body}”${onList ? '' : ' (not on the list of reconsideration bodies)'}.`,
      ),
    };
  }
  if (s.kind === 'elsewhere') {
    return { ...base, state: 'attention', explanation: t(`${s.why.zh}填写的是“${input.body}”。`, `${s.why.en} The body entered is “${input.body}”.`), suggestion: t('告知申请人向有管辖权的机关申请；仍由本所转递的，写明理由。', 'Tell the applicant which body hears it; to forward it anyway, give the reason.') };
  }
  return {
    ...base,
    // Without a list nothing can be compared: unknown, not attention.
    state: onList || bodies.length === 0 ? 'unknown' : 'attention',
    explanation: onList || bodies.length === 0 ? t(`${s.why.zh}${onList ? `填写的“${input.body}”在本市行政复议机关名单内。` : ''}`, `${s.why.en}${onList ? ` The body entered, “${input.body}”, is on the list.` : ''}`) : t(`${s.why.zh}填写的“${input.body}”不在本市行政复议机关名单内。`, `${s.why.en} The body entered, “${input.body}”, is not on the list of reconsideration bodies.`),
  };
}

export interface ReconsiderationChecksInput {
  fields: Readonly<Record<string, CaseFieldValue>>;
  /** The day the office received the application (the case's opening). */
  receivedOn: string;
  /** The body entered at forwarding, when there is one yet. */
  body?: string | null | undefined;
  negativeList: readonly NegativeListEntry[];
  bodies: readonly ReconsiderationBody[];
}

/** Every check before forwarding, in the order staff read them. */
export function reconsiderationChecks(calendar: Pick<WorkingCalendar, 'addWorkingDays'>, input: ReconsiderationChecksInput): CaseCheck[] {
  return [
    periodCheck(calendar, input.fields, input.receivedOn),
    scopeCheck(input.fields, input.negativeList),
    reconsiderationFirstCheck(input.fields),
    jurisdictionCheck(input.bodies, { respondent: textOf(input.fields.respondent), body: input.body }),
  ];
}

export { matterFields };
