/**
 * The transaction runners every procedure, route, job and seed goes through, and the platform
 * services that live beside them:
 * - `runScoped(actor, work)`: one transaction with `sifa.scope` = the actor's org path, `sifa.user`
 *   = the actor's id (sealed cases: only their responsible staff) and role `sifa_app`, so
 *   row-level security limits every row to that subtree; hands `work` the scoped
 *   services (facts, audit, orgs, notifications, documents, signals, calendar, cases); runs the
 *   after-commit callbacks once it committed.
 * - `runPublicRead(scope, work)`: one READ ONLY transaction under the same security.
 * The calendar, documents and notifications platforms run their own work through `runScoped`
 * (imports, batches, the dispatcher's reads) while `runScoped` hands out their services: the two
 * are mutually recursive, resolved at call time, and all of them exist before this returns.
 */
import { sql } from 'drizzle-orm';
import {
  demoDocumentCatalogue,
  type Actor,
  type CalendarChangeContext,
  type CaseDeadlineOverride,
  type DocumentCatalogueSlot,
  type NotificationChannel,
  type PlatformServices,
  type ScopedServices,
  type PersonalDataSealer,
  type SifaDb,
  type WorkingCalendar,
} from '@sifa/core';
import type { Composition } from '../plugins/compose.js';
import type { ServerChangeFeed } from '../events/changes.js';
import type { Logger } from '../logging.js';
import { scopedOrgDirectory } from '../orgs/directory.js';
import { createFactsService } from '../facts/service.js';
import { appendAudit, digestOf } from '../audit/log.js';
import { createDocumentsPlatform, createDocumentsService, type DocumentsPlatform } from '../documents/service.js';
import type { IssuerOverrides } from '../documents/numbering.js';
import { createNotificationsPlatform, createNotificationsService, type NotificationsPlatform } from '../notifications/service.js';
import { createSignalsService } from '../signals/service.js';
import { createCalendarPlatform, type CalendarPlatform } from '../calendar/service.js';
import { rootOrgCode, systemActor } from '../auth/system-actor.js';
import { createCaseworkPlatform, type CaseworkPlatform } from '../casework/service.js';
import { openEnvelope, sealEnvelope, type FieldCipher } from '../casework/cipher.js';

export interface PlatformRuntimeOptions {
  /** The owner's handle (tables are owned by it; `runScoped` switches to `sifa_app` per transaction). */
  db: SifaDb;
  /** What the plugins declared (step 1 of composition). */
  composition: Composition;
  changes: ServerChangeFeed;
  /** The working-day calendar as loaded at start. */
  calendar: WorkingCalendar;
  now(): Date;
  logger: Logger;
  /** Where "today" is for the calendar's status and for which plans are still open at an import. */
  timeZone: string;
  documents?: { catalogue?: readonly DocumentCatalogueSlot[]; issuers?: IssuerOverrides; timeZone?: string } | undefined;
  notificationChannels?: readonly NotificationChannel[] | undefined;
  /** The casework engine's field cipher and the deployment's deadline days. */
  casework: { cipher: FieldCipher; deadlines?: Readonly<Record<string, CaseDeadlineOverride>> | undefined };
}

export interface PlatformRuntime {
  runScoped: PlatformServices['runScoped'];
  /**
   * `runScoped` that also sees sealed cases (`sifa.sealed = 'all'` for this transaction only): for
   * the job runner alone, for jobs that declare `readsSealedCases`. Not in `PlatformServices`, so
   * no procedure, route or seed reaches it.
   */
  runScopedSealedCases: PlatformServices['runScoped'];
  runPublicRead: PlatformServices['runPublicRead'];
  /** What every request context carries. */
  platform: PlatformServices;
  calendar: CalendarPlatform;
  documents: DocumentsPlatform;
  notifications: NotificationsPlatform;
  casework: CaseworkPlatform;
}

export function createPlatformRuntime(options: PlatformRuntimeOptions): PlatformRuntime {
  const { db, composition, changes, now, logger } = options;
  const { catalog } = composition;

  const casework = createCaseworkPlatform({ catalog, checks: composition.caseChecks, cipher: options.casework.cipher, deadlines: options.casework.deadlines, timeZone: options.timeZone, changes });
  const calendar = createCalendarPlatform({
    db,
    loaded: options.calendar,
    changes,
    hooks: [
      ...composition.plugins.flatMap((p) => (p.source.onCalendarChange ? [{ plugin: p.manifest.id, run: p.source.onCalendarChange }] : [])),
      // Open cases' stored due days follow a holiday import (only when some case type is installed).
      ...(casework.types.length ? [{ plugin: 'platform', run: (ctx: CalendarChangeContext) => casework.refreshDeadlines(ctx) }] : []),
    ],
    runScoped,
    permissions: composition.permissions,
    now,
    timeZone: options.timeZone,
    logger,
  });
  const documents = createDocumentsPlatform({
    templates: composition.documentTemplates,
    catalogue: options.documents?.catalogue ?? demoDocumentCatalogue,
    issuers: options.documents?.issuers,
    timeZone: options.documents?.timeZone,
    changes,
    now,
    runScoped,
    logger,
    // Documents with personal data (case documents) are sealed like the case files they come from.
    fieldCipher: options.casework.cipher,
  });
  const notifications = createNotificationsPlatform({
    db,
    readAll: async (work) => runScoped(await systemActor(db, await rootOrgCode(db), 'platform:notifications', 'Notification dispatcher', new Set()), (s) => work(s.db)),
    channels: options.notificationChannels ?? [],
    changes,
    now,
    logger,
  });

  const text = { encoder: new TextEncoder(), decoder: new TextDecoder() };
  const personalData: PersonalDataSealer = {
    seal: (plain) => sealEnvelope(options.casework.cipher, text.encoder.encode(plain)),
    open: (sealed) => text.decoder.decode(openEnvelope(options.casework.cipher, sealed)),
  };

  function runScoped<T>(actor: Actor, work: (scoped: ScopedServices) => Promise<T>): Promise<T> {
    return runIn(actor, work, false);
  }
  function runScopedSealedCases<T>(actor: Actor, work: (scoped: ScopedServices) => Promise<T>): Promise<T> {
    return runIn(actor, work, true);
  }

  async function runIn<T>(actor: Actor, work: (scoped: ScopedServices) => Promise<T>, sealedCases: boolean): Promise<T> {
    const afterCommit: (() => void | Promise<void>)[] = [];
    const result = await db.transaction(async (tx) => {
      // Both settings end with the transaction: the scope for the RLS policies, and the role
      // that owns no tables so the policies apply. Sent without waiting for the answer: the
      // body's first query follows it on the same connection (a transaction's statements run in
      // the order sent), so the settings hold for it, and the two share a round trip.
      // `sifa.user`: whom a sealed case's policy lets see it (its responsible staff, cases.responsible).
      // `sifa.sealed`: 'all' only for a job that declares `readsSealedCases` (runScopedSealedCases).
      const settings = tx.execute(
        sql`SELECT set_config('sifa.scope', ${actor.scope.orgPath}, true), set_config('sifa.user', ${actor.userId}, true), set_config('sifa.sealed', ${sealedCases ? 'all' : ''}, true), set_config('role', 'sifa_app', true)`,
      );
      settings.catch(() => {}); // awaited below; a failure also fails every statement after it
      const orgs = scopedOrgDirectory(tx, actor.scope);
      const onCommit = (callback: () => void | Promise<void>) => void afterCommit.push(callback);
      // Org paths whose facts this transaction changed: one 'facts' change each, after commit.
      const factPaths = new Set<string>();
      let auditEntries = 0;
      const onFactsRecorded = (paths: string[]) => {
        if (factPaths.size === 0) onCommit(() => factPaths.forEach((path) => changes.publish('facts', path)));
        paths.forEach((path) => factPaths.add(path));
      };
      const base: Omit<ScopedServices, 'cases'> = {
        db: tx,
        orgs,
        actor,
        afterCommit: onCommit,
        catalog,
        now,
        calendar: calendar.current(),
        facts: createFactsService(tx, actor, orgs, composition.metrics, onFactsRecorded),
        audit: {
          entries: () => auditEntries,
          async record(entry) {
            auditEntries += 1;
            const org = await orgs.get(entry.orgCode);
            await appendAudit(tx, {
              actorId: actor.userId,
              actorRole: actor.role,
              action: entry.action ?? 'unknown',
              scopePath: org.path,
              entity: entry.entity,
              entityId: entry.entityId,
              beforeDigest: digestOf(entry.before),
              afterDigest: digestOf(entry.after),
              rowHash: entry.rowHash,
              sealed: entry.sealed === true,
            });
          },
        },
        notifications: createNotificationsService({ db: tx, actor, orgs, afterCommit: onCommit, platform: notifications }),
        documents: createDocumentsService({ db: tx, actor, orgs, afterCommit: onCommit, platform: documents }),
        signals: createSignalsService(composition, () => services),
        personalData,
      };
      const services: ScopedServices = { ...base, cases: casework.service(base) };
      const out = await work(services);
      await settings;
      return out;
    });
    for (const callback of afterCommit) {
      try {
        await callback();
      } catch (error) {
        // The change is committed; a failed follow-up (a push to open widgets) must not turn it into an error.
        logger.error({ err: error }, 'after-commit callback failed');
      }
    }
    return result;
  }

  const runPublicRead: PlatformServices['runPublicRead'] = (scope, work) =>
    db.transaction(async (tx) => {
      // As in runScoped: sent ahead of the body's first query, in order, without a round trip each.
      const settings = Promise.all([
        tx.execute(sql`SET TRANSACTION READ ONLY`),
        tx.execute(sql`SELECT set_config('sifa.scope', ${scope.orgPath}, true), set_config('role', 'sifa_app', true)`),
      ]);
      settings.catch(() => {});
      const out = await work({ db: tx, orgs: scopedOrgDirectory(tx, scope) });
      await settings;
      return out;
    });

  const platform: PlatformServices = {
    changes,
    runScoped,
    runPublicRead,
    referenceDb: db,
    now,
    catalog,
    get calendar() {
      return calendar.current();
    },
  };
  return { runScoped, runScopedSealedCases, runPublicRead, platform, calendar, documents, notifications, casework };
}
