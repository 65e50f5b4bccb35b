/** @sifa/plugin-statistics/server: the server half (Node: router, live view, export route). */
export { createStatisticsPlugin, entryPointRegistry, factsTopic, type StatisticsPluginOptions, type StatisticsRouter } from './plugin.js';
export { computeView, listEntries, availableEntryPoints, findEntryPoint, yearAgoPeriod, comparisonPeriod, rankOf, percent, ownShare, type EntryPointRegistry, type StatisticsServices, type ComputedView } from './view.js';
export { exportDocument, toXlsx, toCsv, csvField, changePercent, type ExportDocument, type ExportSection, type ExportColumn, type ExportCell } from './export.js';
export { statisticsManifest } from '../index.js';
export { monthlyReportJob, monthlyReportRoute, monthlyReports, monthlyReport, monthlyReportCsv, recordMonthlyFigures, monthBefore, monthBounds } from './monthly-report.js';
export { monthlyFigures } from './schema.js';
