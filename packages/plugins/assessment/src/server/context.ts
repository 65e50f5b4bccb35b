/** What the assessment services need from a scoped procedure's context (and tests can build). */
import type { Actor, AuditWriter, DocumentsService, FactsService, Locale, MetricDefinition, OrgDirectory, Scope, SifaDb } from '@sifa/core';

export interface AssessmentContext {
  db: SifaDb;
  orgs: OrgDirectory;
  facts: FactsService;
  audit: AuditWriter;
  documents: DocumentsService;
  actor: Actor;
  scope: Scope;
  locale: Locale;
  now: Date;
  /** Declared metrics (titles, units, aggregation). */
  metrics: ReadonlyMap<string, MetricDefinition>;
}
