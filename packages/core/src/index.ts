/** @sifa/core: the isomorphic heart of Sifa Kit. No DOM, no Node APIs. */
export { coreVersion } from './version.js';
export { locales, defaultLocale, pickText, negotiateLocale, type Locale, type LocalizedText } from './locale.js';
export { localizedTextSchema } from './locale-schema.js';
export { SifaError, sifaErrorCodes, toSifaError, isSifaError, databaseConnectionFailure, databaseRetryAfterSeconds, type SifaErrorCode, type FieldIssue, type SifaErrorOptions } from './errors.js';
export {
  pluginError,
  isPluginError,
  type PluginErrorDeclaration,
  type PluginErrorDetails,
  type PluginErrorDetailsOf,
  type PluginErrorOptions,
  type ErrorDetailValue,
} from './plugin-errors.js';
export { fieldIssuesOf } from './validation.js';
export { text, textSchema, findUnstorableCharacter, findUnstorableText, unstorableTextError, type UnstorableCharacter, type UnstorableText } from './text.js';
export { msg, catalogMessage, defineMessages, validationMessages, type ValidationMessageKey } from './messages.js';
export { orgLevels, orgCodeSchema, orgPathOf, isWithinScope, codesOfPath, childCodeUnder, type OrgLevel, type OrgCode, type OrgNode } from './org.js';
export { csvFields } from './csv.js';
export {
  orgKinds,
  defaultOrgKind,
  levelOfCode,
  orgImportFormats,
  orgImportColumns,
  orgImportRowSchema,
  orgImportInputSchema,
  orgCloseInputSchema,
  orgMergeInputSchema,
  orgHistoryInputSchema,
  parseOrgImportFile,
  type OrgKind,
  type OrgImportFormat,
  type OrgImportRow,
  type OrgImportInput,
  type OrgImportProblem,
  type OrgImportChange,
  type OrgImportResult,
  type OrgCloseInput,
  type OrgMergeInput,
  type OrgCloseResult,
  type OrgMergeResult,
  type OrgHistoryEntry,
} from './org-admin.js';
export { orgBoundariesInputSchema, type OrgBoundariesInput, type OrgBoundariesApi, type LngLat, type RegionFeature, type RegionCollection } from './org-boundaries.js';
export { roles, roleSchema, roleLevels, roleKeySchema, permissionNameSchema, type Role, type RoleLevel, type DepartmentRole, type Actor, type Scope } from './access.js';
export { isoDaySchema, type IsoDay } from './dates.js';
export {
  metricCodeSchema,
  metricDefinitionSchema,
  factSourceSchema,
  factInputSchema,
  factsQuerySchema,
  factsResultSchema,
  factGroupings,
  type MetricDefinition,
  type FactSource,
  type FactInput,
  type FactsQuery,
  type FactsRow,
  type FactsResult,
  type FactGrouping,
  type FactsService,
  type RecordOptions,
  factSourcesQuerySchema,
  type FactSourcesQuery,
  type FactSourceRow,
} from './facts.js';
export { periodSchema, periodRange, previousPeriod, monthsOf, periodOf, periodKind, type Period, type PeriodKind, type PeriodRange } from './periods.js';
export type { PluginJob, JobContext, JobResult, JobRunSummary } from './jobs.js';
export type {
  NotificationAudience,
  NotificationInput,
  NotificationSeverity,
  NotificationsService,
  NotificationView,
  NotificationChannel,
  OutboundNotification,
  SentNotification,
} from './notifications.js';
export {
  demoDocumentCatalogue,
  defineDocumentTemplate,
  titleBreak,
  type DocumentCatalogueSlot,
  type DocumentBlock,
  type DocumentSignatureLine,
  type DocumentLayoutKind,
  type DocumentContent,
  type DocumentRenderContext,
  type DocumentTemplate,
  type IssueDocumentInput,
  type IssuedDocument,
  type DocumentsService,
  type DocumentBatchStatus,
  type StartBatchInput,
} from './documents.js';
export type { Deadline, DeadlineSource, Indicator, SignalsService } from './deadlines.js';
export {
  definePlugin,
  defineServerPlugin,
  pluginManifestSchema,
  pluginIdSchema,
  type PluginManifest,
  type PluginManifestInput,
  type ServerPlugin,
  type ServerPluginParts,
  type PluginSeedContext,
  type SeedExports,
  type PluginRoute,
  type OpenPluginRoute,
  type PermittedPluginRoute,
  type PluginRouteContext,
  type RouteRequest,
  type RouteResponse,
} from './plugin.js';
export {
  createRouter,
  mergeRouters,
  createMiddleware,
  publicProcedure,
  signedInProcedure,
  permittedProcedure,
  scopedProcedure,
  closedUnitError,
  publicReadProcedure,
  scopedSubscription,
  requirePermission,
  listenForChange,
  type ChangeFeed,
  type ChangeWait,
  type SifaContext,
  type AnyRouterRecord,
  type SifaDb,
  type SifaErrorData,
  type SifaProcedureMeta,
  type PlatformServices,
  type PlatformCatalog,
  type ApiKeyIdentity,
  type ScopedServices,
  type PersonalDataSealer,
  type PublicReadServices,
  type AuditWriter,
  type AuditEntryInput,
  type OrgDirectory,
} from './trpc.js';
export type { ApiOf } from './api.js';
export { catalogIssues, assessmentParts, attachmentMetaSchema, brokenDiaryRule, diaryFieldsSchema, diaryEntryFacts, type AssessmentPart } from './diary-fields.js';
export {
  diaryFieldRuleSchema,
  diaryFieldSpecSchema,
  diaryItemSchema,
  type DiaryFieldRule,
  type DiaryFieldRuleInput,
  type DiaryFieldSpec,
  type DiaryFieldSpecInput,
  type DiaryItem,
  type DiaryItemInput,
} from './diary-items.js';
export { canonicalJson } from './canonical-json.js';
export {
  chartKinds,
  entryPointCombines,
  entryPointIdSchema,
  entryPointGroupIdSchema,
  entryPointGroupSchema,
  entryPointDefinitionSchema,
  ratioCohortProblem,
  type ChartKind,
  type EntryPointCombine,
  type EntryPointGroup,
  type EntryPointDefinition,
  type EntryPointGroupDefinition,
  type EntryPointDefinitionInput,
  type EntryPointGroupInput,
} from './entry-points.js';
export * from './calendar.js';
export { competitionRanking } from './ranking.js';
export * from './calendar-file.js';
export type * from './calendar-api.js';
export {
  personalKinds,
  caseFieldSpecSchema,
  caseFieldsSpecSchema,
  caseFactSpecSchema,
  caseStateSchema,
  caseTransitionSchema,
  caseDeadlineSchema,
  caseTypeSchema,
  defineCaseType,
  caseListQuerySchema,
  caseDocumentDataSchema,
  caseDocumentText,
  caseOpenInputSchema,
  caseAssignInputSchema,
  caseTransitionInputSchema,
  caseImportInputSchema,
  caseErrorKinds,
  caseChecksInputSchema,
  caseCheckSchema,
  caseCheckStates,
  type CaseCheck,
  type CaseCheckState,
  type CaseCheckRecord,
  type CaseCheckInput,
  type CaseCheckSource,
  type CaseChecksInput,
  type CaseImportInput,
  type CaseAssignInput,
  type PersonalKind,
  type CaseFieldSpec,
  type CaseFieldSpecInput,
  type CaseParty,
  type CaseSignature,
  type CaseFactSpec,
  type CaseTypeInput,
  type CaseType,
  type CaseDeadlineOverride,
  type CaseFieldValue,
  type CaseTypeView,
  type CaseDeadlineView,
  type CaseSummary,
  type CaseEventView,
  type CaseAttachmentView,
  type CaseNextStep,
  type CaseFile,
  type CaseDocumentData,
  type CaseListQuery,
  type CaseListQueryInput,
  type CasesService,
} from './casework.js';
export { caseFieldsSchema, isValidIdNumber, type CaseFieldsSchemaOptions } from './casework-fields.js';
export { caseworkRouter, caseworkDeadlineSource, type CaseworkPermissions, type CaseworkRouter } from './casework-router.js';
export * from './public-apply.js';
export { safeHref, safeHrefSchema, isUrlValuedAttributeName, isEventHandlerAttributeName } from './urls.js';
export * from './service-areas.js';
