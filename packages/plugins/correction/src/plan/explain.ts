/**
 * Plans in words: why a measure is in a person's plan (or not), in zh-CN, English and
 * traditional Mongolian, from the reasons the plan carries and the catalogue's labels.
 */
import { compiledCatalogue } from './compile.js';
import type { Catalogue, Condition, Label, LeafTest } from './catalogue.js';
import type { ConditionWitness, Plan, RuleFiring } from './plan.js';

export type ExplainLanguage = 'zh-CN' | 'en' | 'mn';
type Lang = keyof Label;

const langOf = (lang: string): Lang => (lang.startsWith('zh') ? 'zh' : lang.startsWith('mn') ? 'mn' : 'en');

interface Words {
  quote(s: string): string;
  yes: string;
  no: string;
  or: string;
  list: string;
  end: string;
  actual(value: string): string;
  chosen(measure: string, rule: string, priority: number, because: string): string;
  alsoChosen(rule: string, priority: number, because: string): string;
  outranked(rule: string, priority: number, because: string): string;
  excluded(measure: string, rule: string, priority: number, because: string): string;
  wanted(rule: string, priority: number): string;
  staffAdded(measure: string, reason: string): string;
  staffRemoved(measure: string, reason: string): string;
  staffKept(reason: string): string;
  absent(measure: string): string;
}

const words: Record<Lang, Words> = {
  zh: {
    quote: (s) => `「${s}」`,
    yes: '是',
    no: '否',
    or: '或',
    list: '；',
    end: '。',
    actual: (v) => `（实际为${v}）`,
    chosen: (m, r, p, b) => `${m}由规则${r}（优先级 ${p}）选定，因为${b}。`,
    alsoChosen: (r, p, b) => `规则${r}（优先级 ${p}）也选定此项，因为${b}。`,
    outranked: (r, p, b) => `规则${r}（优先级 ${p}）要求排除此项（因为${b}），但优先级较低。`,
    excluded: (m, r, p, b) => `${m}未列入方案：规则${r}（优先级 ${p}）排除此项，因为${b}。`,
    wanted: (r, p) => `规则${r}（优先级 ${p}）要求列入，但未超过排除规则的优先级。`,
    staffAdded: (m, reason) => `${m}由工作人员添加，理由：${reason}。`,
    staffRemoved: (m, reason) => `${m}由工作人员移除，理由：${reason}。`,
    staffKept: (reason) => `工作人员亦确认此项，理由：${reason}。`,
    absent: (m) => `${m}不在方案中，也没有规则涉及。`,
  },
  en: {
    quote: (s) => `“${s}”`,
    yes: 'yes',
    no: 'no',
    or: ' or ',
    list: '; ',
    end: '.',
    actual: (v) => ` (is ${v})`,
    chosen: (m, r, p, b) => `${m} was chosen by rule ${r} (priority ${p}) because ${b}.`,
    alsoChosen: (r, p, b) => `Rule ${r} (priority ${p}) also chose it because ${b}.`,
    outranked: (r, p, b) => `Rule ${r} (priority ${p}) would exclude it (because ${b}) but ranks lower.`,
    excluded: (m, r, p, b) => `${m} is not in the plan: rule ${r} (priority ${p}) excludes it because ${b}.`,
    wanted: (r, p) => `Rule ${r} (priority ${p}) would add it but does not outrank the exclusion.`,
    staffAdded: (m, reason) => `${m} was added by staff: ${reason}.`,
    staffRemoved: (m, reason) => `${m} was removed by staff: ${reason}.`,
    staffKept: (reason) => `Staff also confirmed it: ${reason}.`,
    absent: (m) => `${m} is not in the plan and no rule concerns it.`,
  },
  // Traditional Mongolian script; punctuation ᠂ (comma) ᠃ (full stop) ᠄ (colon).
  mn: {
    quote: (s) => `«${s}»`,
    yes: 'ᠲᠡᠢᠮᠦ',
    no: 'ᠦᠭᠡᠢ',
    or: ' ᠪᠤᠶᠤ ',
    list: '᠂ ',
    end: '᠃',
    actual: (v) => ` (${v})`,
    chosen: (m, r, p, b) => `${m} ᠢ ${r} ᠳᠦᠷᠢᠮ ᠰᠣᠩᠭᠣᠪᠠ (ᠲᠡᠷᠢᠭᠦᠯᠡᠬᠦ ᠳᠡᠰ ${p})᠄ ${b}᠃`,
    alsoChosen: (r, p, b) => `${r} ᠳᠦᠷᠢᠮ ᠪᠠᠰᠠ ᠰᠣᠩᠭᠣᠪᠠ (ᠲᠡᠷᠢᠭᠦᠯᠡᠬᠦ ᠳᠡᠰ ${p})᠄ ${b}᠃`,
    outranked: (r, p, b) => `${r} ᠳᠦᠷᠢᠮ (ᠲᠡᠷᠢᠭᠦᠯᠡᠬᠦ ᠳᠡᠰ ${p}) ᠬᠠᠰᠤᠬᠤ ᠭᠡᠰᠡᠨ ᠪᠣᠯᠪᠠᠴᠤ ᠳᠡᠰ ᠨᠢ ᠳᠤᠤᠷ᠎ᠠ᠄ ${b}᠃`,
    excluded: (m, r, p, b) => `${m} ᠲᠥᠯᠦᠪᠯᠡᠭᠡᠨ ᠳᠦ ᠣᠷᠣᠭᠰᠠᠨ ᠦᠭᠡᠢ᠄ ${r} ᠳᠦᠷᠢᠮ (ᠲᠡᠷᠢᠭᠦᠯᠡᠬᠦ ᠳᠡᠰ ${p}) ᠬᠠᠰᠤᠪᠠ᠂ ${b}᠃`,
    wanted: (r, p) => `${r} ᠳᠦᠷᠢᠮ (ᠲᠡᠷᠢᠭᠦᠯᠡᠬᠦ ᠳᠡᠰ ${p}) ᠨᠡᠮᠡᠬᠦ ᠭᠡᠰᠡᠨ ᠪᠣᠯᠪᠠᠴᠤ ᠳᠡᠰ ᠨᠢ ᠬᠦᠷᠦᠯᠴᠡᠬᠦ ᠦᠭᠡᠢ᠃`,
    staffAdded: (m, reason) => `${m} ᠢ ᠠᠵᠢᠯᠲᠠᠨ ᠨᠡᠮᠡᠪᠡ᠄ ${reason}᠃`,
    staffRemoved: (m, reason) => `${m} ᠢ ᠠᠵᠢᠯᠲᠠᠨ ᠬᠠᠰᠤᠪᠠ᠄ ${reason}᠃`,
    staffKept: (reason) => `ᠠᠵᠢᠯᠲᠠᠨ ᠪᠠᠰᠠ ᠪᠠᠲᠤᠯᠠᠪᠠ᠄ ${reason}᠃`,
    absent: (m) => `${m} ᠲᠥᠯᠦᠪᠯᠡᠭᠡᠨ ᠳᠦ ᠦᠭᠡᠢ᠃`,
  },
};

const numberText = (n: number) => String(n);

/** One test in words, with the profile's value where the test alone does not say it. */
export function describeWitness(catalogue: Catalogue, w: ConditionWitness, lang: ExplainLanguage | string): string {
  const l = langOf(lang);
  const t = words[l];
  const condition = catalogue.conditions.find((c) => c.id === w.condition);
  if (!condition) return `${w.condition} = ${String(w.value)}`;
  // English labels are capitalised; inside a sentence they are not.
  const name = l === 'en' ? condition.label.en[0]!.toLowerCase() + condition.label.en.slice(1) : condition.label[l];
  const option = (c: Condition, v: string) => (c.kind === 'enum' ? (c.options.find((o) => o.value === v)?.label[l] ?? v) : v);
  const test: LeafTest = w.test;
  // A test that failed (under `not`) is said the positive way: "age < 18", "sex is not “female”".
  if ('is' in test) return `${name}${l === 'zh' ? '：' : ': '}${w.value ? t.yes : t.no}`;
  if ('equals' in test || 'in' in test) {
    const values = 'equals' in test ? [test.equals] : test.in;
    const listed = values.map((v) => t.quote(option(condition, v))).join(t.or);
    const actual = !w.holds || values.length > 1 ? t.actual(t.quote(option(condition, String(w.value)))) : '';
    if (l === 'zh') return `${name}${w.holds ? '为' : '不为'}${listed}${actual}`;
    if (l === 'en') return `${name} is ${w.holds ? '' : 'not '}${listed}${actual}`;
    return `${name} ᠨᠢ ${listed}${w.holds ? '' : ' ᠪᠢᠰᠢ'}${actual}`;
  }
  const unit = condition.kind === 'number' ? condition.unit[l] : '';
  const value = t.actual(`${numberText(w.value as number)}${l === 'zh' ? '' : ' '}${unit}`);
  let bound: string;
  if ('between' in test) {
    const range = `${test.between[0]}–${test.between[1]}`;
    bound = w.holds ? range : l === 'zh' ? `不在 ${range}` : l === 'en' ? `outside ${range}` : `${range} ᠡᠴᠡ ᠭᠠᠳᠠᠨ᠎ᠠ`;
  } else {
    const [op, n] = 'gt' in test ? ['>', test.gt] : 'gte' in test ? ['≥', test.gte] : 'lt' in test ? ['<', test.lt] : ['≤', (test as { lte: number }).lte];
    const negated: Record<string, string> = { '>': '≤', '≥': '<', '<': '≥', '≤': '>' };
    bound = `${w.holds ? op : negated[op]} ${n}`;
  }
  return `${name} ${bound}${value}`;
}

function because(catalogue: Catalogue, f: RuleFiring, lang: ExplainLanguage | string): string {
  return f.because.map((w) => describeWitness(catalogue, w, lang)).join(words[langOf(lang)].list);
}

function catalogueFor(plan: Plan, catalogue?: Catalogue): Catalogue {
  if (catalogue) return catalogue;
  const planner = compiledCatalogue(plan.catalogue.id, plan.catalogue.version);
  if (!planner) throw new Error(`Catalogue ${plan.catalogue.id}@${plan.catalogue.version} is not compiled here: pass it to explainMeasure.`);
  return planner.catalogue;
}

/**
 * Why a measure is (or is not) in the plan, as sentences in the language asked for ('zh-CN',
 * 'en', 'mn'): each rule that chose it with the conditions that made it fire and the person's
 * values, exclusions it outranked, staff overrides with their reasons.
 */
export function explainMeasure(plan: Plan, measureId: string, lang: ExplainLanguage | string, catalogue?: Catalogue): string {
  const cat = catalogueFor(plan, catalogue);
  const l = langOf(lang);
  const t = words[l];
  const measure = cat.measures.find((m) => m.id === measureId);
  if (!measure) throw new Error(`unknown measure "${measureId}" in catalogue ${cat.id}@${cat.version}`);
  const ruleName = (id: string) => t.quote(cat.rules.find((r) => r.id === id)?.label[l] ?? id);
  const m = t.quote(measure.label[l]);
  const sentences: string[] = [];
  const planned = plan.measures.find((x) => x.measure === measureId);
  const removed = plan.removedByStaff.find((x) => x.measure === measureId);
  const excluded = plan.excluded.find((x) => x.measure === measureId);
  const chosen = (fs: readonly RuleFiring[]) =>
    fs.forEach((f, i) => sentences.push((i === 0 ? t.chosen(m, ruleName(f.rule), f.priority, because(cat, f, lang)) : t.alsoChosen(ruleName(f.rule), f.priority, because(cat, f, lang)))));
  if (planned) {
    chosen(planned.chosenBy);
    planned.overruled.forEach((f) => sentences.push(t.outranked(ruleName(f.rule), f.priority, because(cat, f, lang))));
    if (planned.staff) sentences.push(planned.chosenBy.length === 0 ? t.staffAdded(m, planned.staff.reason) : t.staffKept(planned.staff.reason));
  } else if (removed) {
    chosen(removed.chosenBy);
    sentences.push(t.staffRemoved(m, removed.staff.reason));
  }
  if (excluded && !removed) {
    if (!planned) {
      excluded.excludedBy.forEach((f) => sentences.push(t.excluded(m, ruleName(f.rule), f.priority, because(cat, f, lang))));
      excluded.overruled.forEach((f) => sentences.push(t.wanted(ruleName(f.rule), f.priority)));
    }
  }
  if (sentences.length === 0) sentences.push(t.absent(m));
  return sentences.join(l === 'en' ? ' ' : '');
}

/** Every measure of the plan explained, in plan order. */
export function explainPlan(plan: Plan, lang: ExplainLanguage | string, catalogue?: Catalogue): { measure: string; text: string }[] {
  return plan.measures.map((m) => ({ measure: m.measure, text: explainMeasure(plan, m.measure, lang, catalogue) }));
}
