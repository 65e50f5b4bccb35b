/**
 * Scheduled jobs of the plugins. Each job's cron pattern gives its slots (instants, in the
 * configured time zone); when a slot comes, every server instance tries to claim it by inserting
 * (job, slot) into job_runs — the unique index lets exactly one succeed, the others skip — so any
 * number of instances run each slot once. `run` (the CLI's `sifa jobs run`) starts a manual run
 * now, for the instant given (`--at`). Runs and their outcomes stay in job_runs.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { and, desc, eq } from 'drizzle-orm';
import { Cron } from 'croner';
import { databaseConnectionFailure, SifaError, type JobRunSummary, type PlatformCatalog, type ScopedServices, type SifaDb, type WorkingCalendar } from '@sifa/core';
import { jobRuns } from '../db/schema.js';
import { rootOrgCode, systemActor } from '../auth/system-actor.js';
import type { Composition } from '../plugins/compose.js';
import type { Logger } from '../logging.js';

export interface JobRunnerOptions {
  db: SifaDb;
  catalog: PlatformCatalog;
  jobs: Composition['jobs'];
  permissions: ReadonlySet<string>;
  runScoped: <T>(actor: Awaited<ReturnType<typeof systemActor>>, work: (scoped: ScopedServices) => Promise<T>) => Promise<T>;
  /** `runScoped` that also sees sealed cases: only for jobs that declare `readsSealedCases`. */
  runScopedSealedCases: <T>(actor: Awaited<ReturnType<typeof systemActor>>, work: (scoped: ScopedServices) => Promise<T>) => Promise<T>;
  now(): Date;
  logger: Logger;
  /** IANA zone the cron patterns are read in (default Asia/Shanghai). */
  timeZone?: string;
  /** The live working-day calendar (read when a run starts). */
  calendar(): WorkingCalendar;
}

export interface JobInfo {
  name: string;
  plugin: string;
  title: { zh: string; en: string; mn?: string | undefined };
  schedule: string;
  /** Why the job reads sealed cases (it declares `readsSealedCases`), or null: it sees none. */
  readsSealedCases: { zh: string; en: string; mn?: string | undefined } | null;
  /** The next slot after now, ISO. */
  nextRun: string | null;
}

export interface JobRunner {
  list(): JobInfo[];
  /** Runs `name` now as a manual run for instant `at` (default: the clock's now). */
  run(name: string, options?: { at?: Date }): Promise<JobRunSummary>;
  /**
   * What the scheduler does when a slot of `name` comes: claims (job, slot) and runs it, or
   * resolves null when another instance claimed it first. A database outage is waited out (the
   * slot is tried again, a run cut short resumed under its claim) for about ten minutes.
   */
  runSlot(name: string, slot: Date): Promise<JobRunSummary | null>;
  /** Recent runs of a job (or of all), newest first. */
  history(options?: { job?: string; limit?: number }): Promise<JobRunSummary[]>;
  start(): void;
  stop(): Promise<void>;
}

/** Longest single timer; longer waits re-arm, so clock changes and sleeps are caught up. */
const maxTimerMs = 60 * 60_000;
/** Tries of a scheduled slot while the database cannot be reached (0.5 s doubling to 30 s: about ten minutes). */
const maxSlotRetries = 25;
const retryDelayMs = (attempt: number) => Math.min(500 * 2 ** attempt, 30_000);

/**
 * A run cut short because the database could not be reached (`code`): its claim on the slot
 * (`claimId`, still `running`) is kept, so the slot is resumed under it, not lost or run twice.
 */
class InterruptedRun extends Error {
  constructor(
    readonly claimId: number,
    readonly code: string,
    cause: unknown,
  ) {
    super(`job run interrupted: the database could not be reached (${code})`, { cause });
  }
}

export function createJobRunner(options: JobRunnerOptions): JobRunner {
  const { db, jobs, logger } = options;
  const timeZone = options.timeZone ?? 'Asia/Shanghai';
  const instance = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const patterns = new Map([...jobs.values()].map((job) => [`${job.plugin}.${job.name}`, new Cron(job.schedule, { timezone: timeZone, paused: true })]));
  const timers = new Map<string, NodeJS.Timeout>();
  /** Slots waiting to be tried again after the database could not be reached. */
  const retries = new Set<NodeJS.Timeout>();
  const active = new Set<Promise<unknown>>();
  const shutdown = new AbortController();
  let rootCode: string | null = null;

  const root = async () => (rootCode ??= await rootOrgCode(db));

  const summaryOf = (row: typeof jobRuns.$inferSelect): JobRunSummary => ({
    job: row.job,
    slot: row.slot,
    trigger: row.trigger,
    status: row.status,
    startedAt: row.startedAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    summary: row.summary,
    counts: (row.counts ?? {}) as Record<string, number>,
  });

  /**
   * Claims (job, slot) and runs it; with `resume`, runs again under a claim this instance kept
   * when the database went away mid-run (null when the claim is no longer this instance's).
   */
  const execute = async (name: string, slot: string, trigger: 'schedule' | 'manual', at: Date, resume?: number): Promise<JobRunSummary | null> => {
    const job = jobs.get(name);
    if (!job) {
      throw new SifaError('NOT_FOUND', {
        message: { zh: `没有名为 ${name} 的任务。`, en: `There is no job named ${name}. Known jobs: ${[...jobs.keys()].join(', ') || 'none'}.` },
        details: { job: name },
      });
    }
    const [claimed] = resume
      ? await db
          .update(jobRuns)
          .set({ startedAt: options.now() })
          .where(and(eq(jobRuns.id, resume), eq(jobRuns.status, 'running'), eq(jobRuns.instance, instance)))
          .returning()
      : await db
          .insert(jobRuns)
          .values({ job: name, slot, trigger, status: 'running', instance, startedAt: options.now() })
          .onConflictDoNothing({ target: [jobRuns.job, jobRuns.slot] })
          .returning();
    if (!claimed) return null; // Another instance has this slot.
    const lines: string[] = [];
    // Sealed cases only for a job that declares it; each of its transactions, none of anyone else's.
    const runIn = job.readsSealedCases ? options.runScopedSealedCases : options.runScoped;
    try {
      const rootOrgCode = await root();
      const result = await job.run({
        now: at,
        rootOrgCode,
        runScoped: async (orgCode, work) => runIn(await systemActor(db, orgCode, `job:${name}`, `Job ${name}`, options.permissions), work),
        log: (message) => {
          lines.push(message);
          logger.info({ job: name, slot }, message);
        },
        signal: shutdown.signal,
        catalog: options.catalog,
        calendar: options.calendar(),
      });
      const [row] = await db
        .update(jobRuns)
        .set({ status: 'succeeded', finishedAt: options.now(), summary: result?.summary ?? (lines.at(-1) ?? null), counts: result?.counts ?? {} })
        .where(eq(jobRuns.id, claimed.id))
        .returning();
      return summaryOf(row!);
    } catch (error) {
      // The database went away under the run (or under its record): the claim stays `running`
      // and the run is resumed under it once the database answers again.
      const lost = databaseConnectionFailure(error);
      if (lost) throw new InterruptedRun(claimed.id, lost, error);
      const message = error instanceof SifaError ? error.messageFor('en') : error instanceof Error ? error.message : String(error);
      logger.error({ job: name, slot, err: error }, 'job failed');
      const [row] = await db
        .update(jobRuns)
        .set({ status: 'failed', finishedAt: options.now(), error: message.slice(0, 2000), summary: message.slice(0, 500) })
        .where(eq(jobRuns.id, claimed.id))
        .returning();
      return summaryOf(row!);
    }
  };

  const track = <T>(promise: Promise<T>) => {
    active.add(promise);
    void promise.finally(() => active.delete(promise)).catch(() => {});
    return promise;
  };

  /**
   * Runs a slot; when the database cannot be reached the slot is tried again (0.5 s doubling to
   * 30 s, for about ten minutes), so an outage delays a job instead of skipping it. Claiming
   * stays once per slot, so a retry never runs a slot another instance has taken; a run the
   * outage cut short is resumed under its own claim.
   */
  const runSlot = (name: string, slot: Date): Promise<JobRunSummary | null> =>
    new Promise((resolve, reject) => {
      const attempt = (n: number, resume?: number) => {
        track(execute(name, slot.toISOString(), 'schedule', slot, resume)).then(resolve, (error: unknown) => {
          const lost = error instanceof InterruptedRun ? error.code : databaseConnectionFailure(error);
          if (!lost || n >= maxSlotRetries || shutdown.signal.aborted) return reject(error);
          const delay = retryDelayMs(n);
          const claim = error instanceof InterruptedRun ? error.claimId : resume;
          logger.warn({ job: name, slot: slot.toISOString(), code: lost, retryInMs: delay, resumes: claim ?? null }, 'job slot waits for the database');
          const retry = setTimeout(() => {
            retries.delete(retry);
            attempt(n + 1, claim);
          }, delay);
          retry.unref();
          retries.add(retry);
        });
      };
      attempt(0);
    });

  /**
   * A manual run the outage cut short: its caller has the error; its record is closed as failed
   * once the database answers, so it does not stay `running`.
   */
  const closeInterrupted = (claimId: number, code: string, n = 0) => {
    if (shutdown.signal.aborted || n >= maxSlotRetries) return;
    const message = `interrupted: the database could not be reached (${code})`;
    db.update(jobRuns)
      .set({ status: 'failed', finishedAt: options.now(), error: message, summary: message })
      .where(and(eq(jobRuns.id, claimId), eq(jobRuns.status, 'running')))
      .then(
        () => {},
        () => {
          const retry = setTimeout(() => {
            retries.delete(retry);
            closeInterrupted(claimId, code, n + 1);
          }, retryDelayMs(n));
          retry.unref();
          retries.add(retry);
        },
      );
  };

  const arm = (name: string) => {
    const pattern = patterns.get(name)!;
    // Slots follow the server's clock (SIFA_NOW moves it); the timer waits the same real time.
    const from = options.now();
    const next = pattern.nextRun(from);
    if (!next || shutdown.signal.aborted) return;
    const wait = next.getTime() - from.getTime();
    const timer = setTimeout(
      () => {
        timers.delete(name);
        if (wait > maxTimerMs) return arm(name);
        runSlot(name, next).catch((error: unknown) => logger.error({ job: name, slot: next.toISOString(), err: error }, 'job could not start'));
        arm(name);
      },
      Math.min(Math.max(wait, 0), maxTimerMs),
    );
    timer.unref();
    timers.set(name, timer);
  };

  return {
    list() {
      return [...jobs.entries()].map(([name, job]) => ({
        name,
        plugin: job.plugin,
        title: job.title,
        schedule: job.schedule,
        readsSealedCases: job.readsSealedCases?.reason ?? null,
        nextRun: patterns.get(name)!.nextRun(options.now())?.toISOString() ?? null,
      }));
    },
    async run(name, { at } = {}) {
      const when = at ?? options.now();
      try {
        const result = await track(execute(name, `manual:${when.toISOString()}:${randomUUID()}`, 'manual', when));
        return result!;
      } catch (error) {
        if (!(error instanceof InterruptedRun)) throw error;
        closeInterrupted(error.claimId, error.code);
        throw error.cause;
      }
    },
    runSlot,
    async history({ job, limit = 20 } = {}) {
      const rows = await db
        .select()
        .from(jobRuns)
        .where(job ? eq(jobRuns.job, job) : undefined)
        .orderBy(desc(jobRuns.startedAt), desc(jobRuns.id))
        .limit(Math.min(Math.max(limit, 1), 200));
      return rows.map(summaryOf);
    },
    start() {
      for (const name of jobs.keys()) if (!timers.has(name)) arm(name);
    },
    async stop() {
      shutdown.abort();
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
      for (const retry of retries) clearTimeout(retry);
      retries.clear();
      await Promise.allSettled([...active]);
    },
  };
}
