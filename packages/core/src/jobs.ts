/**
 * Scheduled jobs contributed by plugins (reminders, escalation, warning evaluation). The server
 * runs each on its cron schedule; a run is claimed once per scheduled slot in the database, so
 * with several server instances exactly one of them runs it. `sifa jobs run <name>` runs one now.
 */
import type { LocalizedText } from './locale.js';
import type { PlatformCatalog, ScopedServices } from './trpc.js';
import type { WorkingCalendar } from './calendar.js';

export interface JobContext {
  /** The instant the run is for: the scheduled slot, or `--at` of a manual run (tests pass a controllable clock). */
  now: Date;
  /** Code of the root of the org tree (the whole installation). */
  rootOrgCode: string;
  /**
   * Runs `work` in one transaction scoped to `orgCode`'s subtree as the job's system actor
   * (`job:<plugin>.<name>`, holding every permission); row-level security applies as for a user.
   */
  runScoped<T>(orgCode: string, work: (scoped: ScopedServices) => Promise<T>): Promise<T>;
  log(message: string): void;
  /** What the installed plugins contributed (metric titles and units, diary items). */
  catalog: PlatformCatalog;
  /** The live working-day calendar when the run started (each `runScoped` transaction has its own, `scoped.calendar`). */
  calendar: WorkingCalendar;
  /** Aborted when the server shuts down: stop at the next safe point. */
  signal: AbortSignal;
}

/** What a run reports (stored with the run, printed by the CLI). */
export interface JobResult {
  summary: string;
  counts?: Record<string, number>;
}

export interface PluginJob {
  /** Unique within the plugin; the job's full name is `<plugin id>.<name>`. */
  name: string;
  title: LocalizedText;
  /** Cron expression (5 or 6 fields, croner syntax) in the server's time zone (default Asia/Shanghai). */
  schedule: string;
  /**
   * Declares that the job reads sealed cases (casework `privacy.sealedWhen`, e.g. juveniles under
   * correction), which row-level security otherwise shows only to their responsible staff: every
   * `runScoped` transaction of this job then sees them (`sifa.sealed = 'all'` for that transaction
   * only). The reason is shown to operators (`sifa jobs list`). Only jobs may declare it: no
   * procedure, route or seed can lift the seal (a seed may run its plugin's own job, which keeps
   * its declaration: `PluginSeedContext.runJob`). What such a job writes must keep the seal: figures
   * of a sealed case at the county-level unit above its office (`scoped.cases.factsOrgs`),
   * notifications to the case's responsible staff only, nothing personal in them.
   */
  readsSealedCases?: { reason: LocalizedText };
  run(ctx: JobContext): Promise<JobResult | void>;
}

export interface JobRunSummary {
  job: string;
  /** ISO instant of the slot (scheduled) or `manual:<id>`. */
  slot: string;
  trigger: 'schedule' | 'manual';
  status: 'running' | 'succeeded' | 'failed';
  startedAt: string;
  finishedAt: string | null;
  summary: string | null;
  counts: Record<string, number>;
}
