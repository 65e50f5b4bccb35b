/**
 * What the server tests of this plugin share: reading raw rows as the owner (to prove what is
 * stored), running a job as of an instant, and a new arrival's profile with few measures.
 */
import { expect } from 'vitest';
import type { SQL } from 'drizzle-orm';
import { rowsOf } from '@sifa/core/db';
import type { TestServerOf } from '@sifa/server/testing';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyTestServer = TestServerOf<any>;

/** `raw` and `runJob` for the test server `server()` returns (called once it has started). */
export function serverHelpers(server: () => AnyTestServer) {
  return {
    /** Rows as the database owner holds them (no row-level security): what is at rest. */
    raw: async <T>(query: SQL) => rowsOf<T>(await server().db.handle.db.execute(query)),
    /** Runs `correction.<name>` as if the clock read `instant`; it must succeed. */
    runJob: async (name: 'tasks' | 'evaluation' | 'rollup', instant: string) => {
      const run = await server().server.jobs.run(`correction.${name}`, { at: new Date(instant) });
      expect(run.status, run.summary ?? '').toBe('succeeded');
      return run.counts;
    },
  };
}

/** A new arrival with few measures: normal class, low risk, first offence, sincere, employed, harmonious family. */
export const newArrival = {
  sex: 'male', age: 46, juvenile: false, 'subject-kind': 'probation', 'management-class': 'normal', stage: 'regular', 'months-in-correction': 0, 'months-remaining': 12,
  'risk-level': 'low', 'offence-type': 'other', 'offence-cause': 'other', 'serious-circumstances': false, remorse: 'sincere', 'psych-state': 'stable', 'psych-score': 30,
  health: 'good', 'pregnant-or-nursing': false, family: 'harmonious', dependants: 1, employment: 'employed', 'monthly-income': 4000, residence: 'own',
  'household-elsewhere': false, addiction: 'none', 'prior-convictions': 0, reprimands: 0, 'education-level': 'secondary',
};
