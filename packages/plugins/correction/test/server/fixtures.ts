/**
 * A small hand-made catalogue with one measure per rule kind, so each expected plan in the tests
 * can be worked out by hand. Categories are listed in another order than their measures, so the
 * plan's order (category, then measure) shows.
 */
import type { CatalogueInput, Plan } from '@sifa/plugin-correction';

const l = (en: string) => ({ zh: `中${en}`, en, mn: `ᠮ${en}` });
const m = (id: string, category: string) => ({ id, category, kind: 'supervision' as const, label: l(id), frequency: { every: 'month' as const, times: 1 }, responsible: 'office-staff' as const });

export const testCatalogue = (version = 't-1'): CatalogueInput => ({
  id: 'test-catalogue',
  version,
  title: l('Test'),
  conditions: [
    { id: 'sex', kind: 'enum', label: { zh: '性别', en: 'Sex', mn: 'ᠬᠦᠢᠰᠦ' }, options: [{ value: 'male', label: { zh: '男', en: 'male', mn: 'ᠡᠷᠡ' } }, { value: 'female', label: { zh: '女', en: 'female', mn: 'ᠡᠮᠡ' } }] },
    { id: 'age', kind: 'number', label: { zh: '年龄', en: 'Age', mn: 'ᠨᠠᠰᠤ' }, unit: { zh: '岁', en: 'years', mn: 'ᠨᠠᠰᠤ' }, min: 0, max: 120, integer: true },
    { id: 'juvenile', kind: 'boolean', label: { zh: '未成年', en: 'Juvenile', mn: 'ᠪᠠᠭ᠎ᠠ' } },
    {
      id: 'cls',
      kind: 'enum',
      label: { zh: '管理类别', en: 'Class', mn: 'ᠳᠡᠰ' },
      options: [
        { value: 'strict', label: { zh: '严管', en: 'strict', mn: 'ᠴᠢᠩ' } },
        { value: 'normal', label: { zh: '普管', en: 'normal', mn: 'ᠡᠩ' } },
        { value: 'lenient', label: { zh: '宽管', en: 'lenient', mn: 'ᠠᠭᠤᠤ' } },
      ],
    },
    { id: 'score', kind: 'number', label: { zh: '评分', en: 'Score', mn: 'ᠤᠨᠤᠭ᠎ᠠ' }, unit: { zh: '分', en: 'points', mn: 'ᠤᠨᠤᠭ᠎ᠠ' }, min: 0, max: 100 },
  ],
  categories: [
    { id: 'leaves', label: l('Leaves') },
    { id: 'trees', label: l('Trees') },
    { id: 'ties', label: l('Ties') },
  ],
  measures: [
    m('x', 'ties'),
    m('m-all', 'trees'),
    m('m-eq', 'leaves'),
    m('m-in', 'leaves'),
    m('m-true', 'leaves'),
    m('m-false', 'leaves'),
    m('m-gt', 'leaves'),
    m('m-gte', 'leaves'),
    m('m-lt', 'leaves'),
    m('m-lte', 'leaves'),
    m('m-between', 'leaves'),
    m('m-any', 'trees'),
    m('m-not', 'trees'),
    m('y', 'ties'),
    m('z', 'ties'),
  ],
  rules: [
    { id: 'eq', label: l('eq'), when: { condition: 'cls', equals: 'strict' }, priority: 10, adds: ['m-eq'] },
    { id: 'in', label: l('in'), when: { condition: 'cls', in: ['normal', 'lenient'] }, priority: 10, adds: ['m-in'] },
    { id: 'true', label: l('true'), when: { condition: 'juvenile', is: true }, priority: 10, adds: ['m-true'] },
    { id: 'false', label: l('false'), when: { condition: 'juvenile', is: false }, priority: 10, adds: ['m-false'] },
    { id: 'gt', label: l('gt'), when: { condition: 'age', gt: 60 }, priority: 10, adds: ['m-gt'] },
    { id: 'gte', label: l('gte'), when: { condition: 'age', gte: 60 }, priority: 10, adds: ['m-gte'] },
    { id: 'lt', label: l('lt'), when: { condition: 'age', lt: 18 }, priority: 10, adds: ['m-lt'] },
    { id: 'lte', label: l('lte'), when: { condition: 'age', lte: 18 }, priority: 10, adds: ['m-lte'] },
    { id: 'between', label: l('between'), when: { condition: 'score', between: [40, 60] }, priority: 10, adds: ['m-between'] },
    { id: 'all', label: l('all'), when: { all: [{ condition: 'sex', equals: 'female' }, { condition: 'age', gte: 18 }] }, priority: 10, adds: ['m-all'] },
    { id: 'any', label: l('any'), when: { any: [{ condition: 'score', gt: 90 }, { condition: 'cls', equals: 'strict' }] }, priority: 10, adds: ['m-any'] },
    { id: 'not', label: l('not'), when: { not: { any: [{ condition: 'juvenile', is: true }, { condition: 'sex', equals: 'female' }] } }, priority: 10, adds: ['m-not'] },
    { id: 'add-low', label: l('add-low'), when: { condition: 'score', gte: 50 }, priority: 10, adds: ['x', 'y', 'z'] },
    { id: 'excl-tie', label: l('excl-tie'), when: { condition: 'cls', equals: 'lenient' }, priority: 10, excludes: ['x'] },
    { id: 'excl-low', label: l('excl-low'), when: { condition: 'sex', equals: 'female' }, priority: 5, excludes: ['y'] },
    { id: 'excl-high', label: l('excl-high'), when: { condition: 'juvenile', is: true }, priority: 20, excludes: ['z'] },
    { id: 'add-high', label: l('add-high'), when: { condition: 'score', gte: 95 }, priority: 30, adds: ['z'] },
  ],
});

/** A plan as ids only: [measure, rules that chose it, rules it outranked] and [measure, excluding rules, outranked adders]. */
export function summary(plan: Plan) {
  const ids = (fs: readonly { rule: string }[]) => fs.map((f) => f.rule);
  return {
    measures: plan.measures.map((m) => [m.measure, ids(m.chosenBy), ids(m.overruled)]),
    excluded: plan.excluded.map((m) => [m.measure, ids(m.excludedBy), ids(m.overruled)]),
  };
}

/**
 * A plan with every measure's reasons read through the measure's own properties (the planner
 * builds them on first read, behind getters), as plain objects: what a reader of the plan sees,
 * in a shape `toEqual` compares field by field with the reference interpreter's plain plan.
 */
export function readPlan(plan: Plan): Plan {
  return {
    ...plan,
    measures: plan.measures.map((m) => ({ measure: m.measure, category: m.category, chosenBy: m.chosenBy, overruled: m.overruled, ...(m.staff ? { staff: m.staff } : {}) })),
    excluded: plan.excluded.map((m) => ({ measure: m.measure, category: m.category, excludedBy: m.excludedBy, overruled: m.overruled })),
  };
}
