/**
 * `@sifa/components/testing`: what a widget's browser test needs (vitest browser mode, with the
 * repository's global setup running real Sifa servers): a page configuration for a test identity,
 * polling, unique ids, accessibility checks and the test clock. Plugins' widget tests use it too.
 */
export { connectTestServer, eventually, uniqueId, type TestConnection, type TestIdentity } from './test-server.js';
export { axeViolations, describeViolations } from './axe.js';
export { chineseOutside, chineseOutsideDeep, layoutReport, overflowing, tabbables, wordsSplit, type LayoutReport } from './layout.js';
export { testMonth, testNow, testToday, testYear } from './clock.js';
