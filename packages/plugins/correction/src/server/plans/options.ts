/**
 * The plugin's options for plans, tasks and evaluations: which catalogues the server knows (every
 * version a stored plan names must stay listed, so old plans stay reproducible), which one new
 * plans use, and the local practice the monthly evaluation goes by (thresholds as data).
 */
import { z } from 'zod';
import { compileCatalogue, demoCatalogue, type CatalogueInput, type Planner } from '../../plan/index.js';

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Local practice for the monthly evaluation (严管 ↔ 普管 ↔ 宽管); not statute. */
export const evaluationThresholdsSchema = z.object({
  /** Points taken off the on-time percentage per sanction (warning, penalty) in the month. */
  sanctionPenalty: z.number().int().min(0).max(100).default(20),
  /** A score below this suggests one class stricter. */
  stricterBelow: z.number().int().min(0).max(100).default(60),
  /** A score at or above this, with no sanction, suggests one class more lenient. */
  lenientFrom: z.number().int().min(0).max(100).default(90),
  /** Months a person must have been evaluated at or above `lenientFrom` in a row (this one included). */
  lenientAfterMonths: z.number().int().min(1).max(12).default(1),
  /** Measure categories whose tasks count as report-ins (报到) and as visits (走访). */
  reportInCategories: z.array(z.string()).default(['reporting', 'contact']),
  visitCategories: z.array(z.string()).default(['visits']),
  /**
   * Steps of `correction.case` that record a report-in (报到 at intake, 报到、报告 after) and a home
   * visit (实地查访): each one recorded in a task's period, on or before its due day, meets one
   * report-in (visit) task of that period, as if the task were done on time.
   */
  reportInTransitions: z.array(z.string()).default(['report-in', 'report']),
  visitTransitions: z.array(z.string()).default(['home-visit']),
  /** Steps of `correction.case` that are sanctions: 训诫, 警告, 提请治安管理处罚, 提请撤销缓刑、假释或收监执行. */
  sanctionTransitions: z.array(z.string()).default(['reprimand', 'warning', 'propose-penalty', 'propose-revocation']),
});
export type EvaluationThresholds = z.output<typeof evaluationThresholdsSchema>;

export const correctionPlansOptionsSchema = z.object({
  /** Every catalogue (and version) plans may name; default the demo catalogue. */
  catalogues: z.array(z.custom<CatalogueInput>((v) => typeof v === 'object' && v !== null)).min(1).default([demoCatalogue]),
  /**
   * The catalogue new plans use (`id@version`); default the last listed. A function is asked at
   * every generation and preview (a deployment switching versions without a restart).
   */
  catalogue: z.union([z.string(), z.custom<() => string>((v) => typeof v === 'function')]).optional(),
  timeZone: z.string().refine(isTimeZone, 'Not an IANA time zone, e.g. "Asia/Shanghai"').default('Asia/Shanghai'),
  /** Working days a one-off measure (`every: 'once'`) is due after the plan takes effect. */
  onceWithinWorkingDays: z.number().int().min(1).max(60).default(10),
  /** Measure categories whose tasks are verifications (核查) in the rollups. */
  verificationCategories: z.array(z.string()).default(['contact', 'visits', 'location']),
  /** 漏管 in the rollups: an open case still without a plan this many working days after it opened. */
  intakeWithinWorkingDays: z.number().int().min(1).max(60).default(10),
  /** Steps of `correction.case` that record a new offence (再犯罪, the step `reoffence`), for the rollups. */
  reoffenceTransitions: z.array(z.string()).default(['reoffence']),
  evaluation: evaluationThresholdsSchema.default(evaluationThresholdsSchema.parse({})),
  schedules: z
    .object({ tasks: z.string().min(9).default('15 6 * * *'), evaluation: z.string().min(9).default('0 7 1 * *'), rollup: z.string().min(9).default('45 23 * * *') })
    .default({ tasks: '15 6 * * *', evaluation: '0 7 1 * *', rollup: '45 23 * * *' }),
});
export type CorrectionPlansOptions = z.input<typeof correctionPlansOptionsSchema>;

export interface PlansConfig {
  intakeWithinWorkingDays: number;
  reoffenceTransitions: readonly string[];
  planners: ReadonlyMap<string, Planner>;
  /** The planner new plans use now. */
  current(): Planner;
  timeZone: string;
  onceWithinWorkingDays: number;
  verificationCategories: readonly string[];
  evaluation: EvaluationThresholds;
}

export const catalogueKey = (id: string, version: string) => `${id}@${version}`;

export function plansConfig(options: CorrectionPlansOptions = {}): PlansConfig & { schedules: { tasks: string; evaluation: string; rollup: string } } {
  const parsed = correctionPlansOptionsSchema.parse(options);
  const planners = new Map<string, Planner>();
  for (const c of parsed.catalogues) {
    const planner = compileCatalogue(c);
    planners.set(catalogueKey(planner.catalogue.id, planner.catalogue.version), planner);
  }
  const choice = parsed.catalogue ?? [...planners.keys()].at(-1)!;
  const current = () => {
    const key = typeof choice === 'function' ? choice() : choice;
    const planner = planners.get(key);
    if (!planner) throw new Error(`correction: catalogue "${key}" is not among the catalogues listed (${[...planners.keys()].join(', ')}).`);
    return planner;
  };
  current();
  return { intakeWithinWorkingDays: parsed.intakeWithinWorkingDays, reoffenceTransitions: parsed.reoffenceTransitions, planners, current, timeZone: parsed.timeZone, onceWithinWorkingDays: parsed.onceWithinWorkingDays, verificationCategories: parsed.verificationCategories, evaluation: parsed.evaluation, schedules: parsed.schedules };
}
