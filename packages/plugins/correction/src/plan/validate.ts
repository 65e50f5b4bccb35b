/**
 * Checks a catalogue beyond its shape: every id a rule or measure names exists, each operator fits
 * its condition's kind, enum values are options of their condition, ids are unique. Every problem
 * is reported (not only the first), each with a path that names the rule (`rules[3] strict-report
 * .when.all[1].in[0]`) so whoever edits the catalogue finds it.
 */
import {
  catalogueSchema,
  isAll,
  isAny,
  isNot,
  operatorOf,
  operatorsByKind,
  type Catalogue,
  type Condition,
  type Expression,
} from './catalogue.js';

export interface CatalogueIssue {
  /** Where: `rules[3] strict-report.when.all[1].equals`, `measures[7] visit-home.category`. */
  path: string;
  message: string;
}

export class CatalogueError extends Error {
  override name = 'CatalogueError';
  constructor(
    readonly catalogue: string,
    readonly issues: CatalogueIssue[],
  ) {
    super(`Catalogue ${catalogue} is not valid (${issues.length} problem${issues.length === 1 ? '' : 's'}):\n${issues.map((i) => `  ${i.path}: ${i.message}`).join('\n')}`);
  }
}

function duplicates(kind: string, items: readonly { id: string }[], issues: CatalogueIssue[]) {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (seen.has(item.id)) issues.push({ path: `${kind}[${i}] ${item.id}`, message: `duplicate ${kind.replace(/ies$/, 'y').replace(/s$/, '')} id "${item.id}"` });
    seen.add(item.id);
  });
}

function checkExpression(expr: Expression, path: string, conditions: Map<string, Condition>, issues: CatalogueIssue[]) {
  if (isAll(expr)) return expr.all.forEach((e, i) => checkExpression(e, `${path}.all[${i}]`, conditions, issues));
  if (isAny(expr)) return expr.any.forEach((e, i) => checkExpression(e, `${path}.any[${i}]`, conditions, issues));
  if (isNot(expr)) return checkExpression(expr.not, `${path}.not`, conditions, issues);
  const condition = conditions.get(expr.condition);
  const op = operatorOf(expr);
  if (!condition) {
    issues.push({ path: `${path}.condition`, message: `unknown condition "${expr.condition}"` });
    return;
  }
  if (!operatorsByKind[condition.kind].includes(op)) {
    issues.push({
      path: `${path}.${op}`,
      message: `operator "${op}" does not fit ${condition.kind} condition "${condition.id}" (use ${operatorsByKind[condition.kind].join(', ')})`,
    });
    return;
  }
  if (condition.kind === 'enum') {
    const options = new Set(condition.options.map((o) => o.value));
    const values = 'equals' in expr ? [expr.equals] : 'in' in expr ? expr.in : [];
    values.forEach((value, i) => {
      if (!options.has(value)) {
        issues.push({
          path: `${path}.${op}${'in' in expr ? `[${i}]` : ''}`,
          message: `"${value}" is not an option of condition "${condition.id}" (options: ${[...options].join(', ')})`,
        });
      }
    });
  }
  if ('between' in expr && expr.between[0] > expr.between[1]) {
    issues.push({ path: `${path}.between`, message: `between [${expr.between[0]}, ${expr.between[1]}]: the lower bound is above the upper bound` });
  }
}

/** All problems of a parsed catalogue (empty: valid). */
export function catalogueIssues(catalogue: Catalogue): CatalogueIssue[] {
  const issues: CatalogueIssue[] = [];
  duplicates('conditions', catalogue.conditions, issues);
  duplicates('categories', catalogue.categories, issues);
  duplicates('measures', catalogue.measures, issues);
  duplicates('rules', catalogue.rules, issues);
  catalogue.conditions.forEach((c, i) => {
    if (c.kind === 'enum') {
      const seen = new Set<string>();
      c.options.forEach((o, j) => {
        if (seen.has(o.value)) issues.push({ path: `conditions[${i}] ${c.id}.options[${j}]`, message: `duplicate option "${o.value}"` });
        seen.add(o.value);
      });
    }
    if (c.kind === 'number' && c.min !== undefined && c.max !== undefined && c.min > c.max) {
      issues.push({ path: `conditions[${i}] ${c.id}.min`, message: `min ${c.min} is above max ${c.max}` });
    }
  });
  const categories = new Set(catalogue.categories.map((c) => c.id));
  const measures = new Set(catalogue.measures.map((m) => m.id));
  const conditions = new Map(catalogue.conditions.map((c) => [c.id, c]));
  catalogue.measures.forEach((m, i) => {
    if (!categories.has(m.category)) issues.push({ path: `measures[${i}] ${m.id}.category`, message: `unknown category "${m.category}"` });
  });
  catalogue.rules.forEach((rule, i) => {
    const at = `rules[${i}] ${rule.id}`;
    checkExpression(rule.when, `${at}.when`, conditions, issues);
    if (rule.adds.length === 0 && rule.excludes.length === 0) issues.push({ path: at, message: 'a rule must add or exclude at least one measure' });
    for (const key of ['adds', 'excludes'] as const) {
      rule[key].forEach((id, j) => {
        if (!measures.has(id)) issues.push({ path: `${at}.${key}[${j}]`, message: `unknown measure "${id}"` });
      });
    }
    for (const id of rule.adds) {
      if (rule.excludes.includes(id)) issues.push({ path: `${at}.excludes`, message: `measure "${id}" is both added and excluded by the same rule` });
    }
  });
  return issues;
}

function zodPath(path: readonly PropertyKey[], input: unknown): string {
  // Name the rule (or condition, measure) by its id where the input has one.
  let out = '';
  let node: unknown = input;
  for (const key of path) {
    node = node && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key] : undefined;
    if (typeof key === 'number') {
      const id = node && typeof node === 'object' ? (node as { id?: unknown }).id : undefined;
      out += `[${key}]${typeof id === 'string' ? ` ${id}` : ''}`;
    } else out += `${out ? '.' : ''}${String(key)}`;
  }
  return out || '(catalogue)';
}

/** Parses and checks a catalogue; throws a CatalogueError naming every problem. */
export function parseCatalogue(input: unknown): Catalogue {
  const parsed = catalogueSchema.safeParse(input);
  const name: string =
    input && typeof input === 'object' ? `${String((input as { id?: unknown }).id)}@${String((input as { version?: unknown }).version)}` : '(not an object)';
  if (!parsed.success) {
    throw new CatalogueError(
      name,
      parsed.error.issues.map((issue) => ({ path: zodPath(issue.path, input), message: issue.message })),
    );
  }
  const issues = catalogueIssues(parsed.data);
  if (issues.length > 0) throw new CatalogueError(name, issues);
  return parsed.data;
}

