/**
 * Cross-plugin signals. A plugin contributes *deadline sources* (statutory or planned due dates
 * of its records) and *indicators* (values it computes per org and period, such as an
 * assessment score); other plugins (early warnings) read them through the scoped services
 * without knowing which plugin answers, nor reading its tables.
 */
import type { LocalizedText } from './locale.js';
import type { ScopedServices } from './trpc.js';

export interface Deadline {
  /** The contributing source's code, `<plugin id>.<name>`. */
  source: string;
  /** Id of the record within the source. */
  id: string;
  orgCode: string;
  /** Last day to act (YYYY-MM-DD). */
  due: string;
  title: LocalizedText;
  /** Basis of the deadline, e.g. 人民调解法 or a plan, shown with the warning. */
  basis?: LocalizedText;
  entity: { kind: string; id: string };
}

export interface DeadlineSource {
  /** `<plugin id>.<name>`. */
  code: string;
  title: LocalizedText;
  /** Open (not yet done) deadlines with `due` in [from, to], within the caller's scope. */
  list(scoped: ScopedServices, range: { from: string; to: string }): Promise<Deadline[]>;
}

export interface Indicator {
  /** `<plugin id>.<name>`, e.g. `assessment.total-score`. */
  code: string;
  title: LocalizedText;
  unit: LocalizedText;
  /** Values of `orgCodes` for `period` (YYYY, YYYY-Qn, YYYY-MM); orgs without a value are left out. */
  compute(scoped: ScopedServices, input: { orgCodes: string[]; period: string }): Promise<Map<string, number>>;
}

/** What every scoped procedure can read across plugins. */
export interface SignalsService {
  /** Deadlines of every installed source (or of `sources`) due in [from, to]. */
  deadlines(range: { from: string; to: string; sources?: string[] }): Promise<Deadline[]>;
  /** The indicator `code` for orgs and a period; NOT_FOUND when no installed plugin provides it. */
  indicator(code: string, input: { orgCodes: string[]; period: string }): Promise<Map<string, number>>;
  /** Codes and titles of the installed deadline sources and indicators. */
  catalog(): { deadlineSources: { code: string; title: LocalizedText }[]; indicators: { code: string; title: LocalizedText; unit: LocalizedText }[] };
}
