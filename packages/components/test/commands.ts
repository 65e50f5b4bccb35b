/**
 * Browser-test commands: functions that run in Node and that tests in the browser call through
 * `commands` from `vitest/browser` (e.g. to stop and restart the Sifa server mid-sync).
 */
import type { BrowserCommand } from 'vitest/node';

export const commands: Record<string, BrowserCommand<never[]>> = {};
