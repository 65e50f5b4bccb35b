/**
 * Demo case files for every office, as the case-type plugins' seeds make them (mediation,
 * consultation, legality review): one transaction per office (its scope), skipping an office that
 * has any case of the type already (demo or real), so the seed stays idempotent.
 *
 * The offices where the demo accounts work are taken step by step through the engine
 * (`open` / `transition` with the day of each step: each step issues its document, as staff
 * would); every other office's cases go in through `cases.import` (the same checks, no documents,
 * batched writes): the whole tree gets a plausible year in seconds instead of many minutes.
 */
import type { CaseImportInput, OrgNode, PluginSeedContext, ScopedServices } from '@sifa/core';

export type DemoCaseFile = CaseImportInput['cases'][number] & { steps: NonNullable<CaseImportInput['cases'][number]['steps']> };

export interface DemoCaseFilesOptions {
  /** The case type. */
  type: string;
  /** The offices (codes) that get cases. */
  offices: readonly string[];
  /** Offices whose cases are taken step by step (documents issued); the others are imported. */
  stepByStep: ReadonlySet<string>;
  /** The cases of one office (deterministic: from its code and the day). */
  plan(scoped: ScopedServices, office: OrgNode): DemoCaseFile[] | Promise<DemoCaseFile[]>;
}

export interface DemoCaseFilesResult {
  cases: number;
  /** Offices that got cases. */
  offices: number;
  /** Offices that had cases of the type already. */
  skipped: number;
  ms: number;
}

/**
 * The first day of the demo year that ends `today` (YYYY-MM-DD): the first of the month eleven
 * months back, the window the diary's demo history covers (12 months, the current one included),
 * so a figure's comparison with the previous year is "no comparable data" for every source alike
 * rather than a few weeks of case files against a full year.
 */
export function demoYearStart(today: string): string {
  const [y, m] = today.split('-').map(Number) as [number, number];
  const month = y * 12 + (m - 1) - 11;
  return `${Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}-01`;
}

/** Largest import call (the engine's limit). */
const batch = 500;

export async function seedDemoCaseFiles(ctx: PluginSeedContext, options: DemoCaseFilesOptions): Promise<DemoCaseFilesResult> {
  const started = Date.now();
  const result: DemoCaseFilesResult = { cases: 0, offices: 0, skipped: 0, ms: 0 };
  for (const code of options.offices) {
    await ctx.runScoped(code, async (scoped) => {
      if ((await scoped.cases.list(options.type, { orgCode: code, limit: 1 })).total > 0) {
        result.skipped += 1;
        return;
      }
      const planned = await options.plan(scoped, await scoped.orgs.get(code));
      if (planned.length === 0) return;
      if (options.stepByStep.has(code)) {
        for (const c of planned) {
          let file = await scoped.cases.open(options.type, { orgCode: code, on: c.on, fields: c.fields });
          for (const s of c.steps) file = await scoped.cases.transition(options.type, { id: file.id, revision: file.revision, ...s });
        }
      } else {
        for (let i = 0; i < planned.length; i += batch) {
          await scoped.cases.import(options.type, { cases: planned.slice(i, i + batch).map((c) => ({ ...c, orgCode: code })) });
        }
      }
      result.cases += planned.length;
      result.offices += 1;
    });
  }
  result.ms = Date.now() - started;
  return result;
}
