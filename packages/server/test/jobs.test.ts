/**
 * The plugins' scheduled jobs: manual runs for a given instant (the controllable clock of
 * reminder and escalation tests), each scheduled slot run by exactly one of several server
 * instances, failures recorded, the `sifa jobs` CLI.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { definePlugin, defineServerPlugin } from '@sifa/core';
import { createSifaServer, PluginCompositionError } from '@sifa/server';
import { createCliDatabase, memoryLogger, runCli, startTestServer, type CliDatabase, type TestServer } from '@sifa/server/testing';
import { tickerPlugin, ticks } from './fixtures/jobs/plugin.js';

describe('job runner', () => {
  let t: TestServer<any>;

  beforeAll(async () => {
    t = await startTestServer({ plugins: [tickerPlugin] });
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it('lists the jobs with their next slot in China time', () => {
    const tick = t.server.jobs.list().find((j) => j.name === 'ticker.tick')!;
    expect(tick.schedule).toBe('0 8 * * *');
    // 08:00 in Asia/Shanghai is 00:00 UTC.
    expect(tick.nextRun).toMatch(/T00:00:00\.000Z$/);
  });

  it('runs a job now for a given instant, as a system actor scoped to the whole tree', async () => {
    ticks.length = 0;
    const at = new Date('2026-10-09T00:00:00Z');
    const run = await t.server.jobs.run('ticker.tick', { at });
    expect(run.status).toBe('succeeded');
    expect(run.trigger).toBe('manual');
    expect(ticks).toHaveLength(1);
    expect(ticks[0]!.at).toBe(at.toISOString());
    expect(ticks[0]!.actor).toBe('job:ticker.tick');
    expect(ticks[0]!.orgs).toBeGreaterThan(200); // the whole Chifeng tree is visible at the root
    expect(run.summary).toBe(`counted ${ticks[0]!.orgs} orgs for ${at.toISOString()}`);
    expect(run.counts).toEqual({ orgs: ticks[0]!.orgs });
    const history = await t.server.jobs.history({ job: 'ticker.tick' });
    expect(history[0]).toEqual(run);
  });

  it('records a failing run with its reason', async () => {
    const run = await t.server.jobs.run('ticker.boom');
    expect(run.status).toBe('failed');
    expect(run.summary).toBe('the upstream system is down');
  });

  it('says which jobs exist when asked for an unknown one', async () => {
    await expect(t.server.jobs.run('ticker.nope')).rejects.toMatchObject({ sifaCode: 'NOT_FOUND' });
  });

  it('runs each scheduled slot once, whichever of several instances gets there first', async () => {
    const { logger } = memoryLogger();
    // A second instance on the same database, as behind a load balancer.
    const second = await createSifaServer({ plugins: [tickerPlugin], database: t.db.handle, logger, jobs: { schedule: false }, port: 0 });
    try {
      ticks.length = 0;
      const slot = new Date('2026-11-27T00:00:00Z');
      const results = await Promise.all([t.server.jobs.runSlot('ticker.tick', slot), second.jobs.runSlot('ticker.tick', slot), t.server.jobs.runSlot('ticker.tick', slot)]);
      expect(results.filter((r) => r !== null)).toHaveLength(1);
      expect(ticks).toHaveLength(1);
      expect(results.find((r) => r)!.slot).toBe(slot.toISOString());
      // The next slot is a new claim.
      expect(await second.jobs.runSlot('ticker.tick', new Date('2026-11-28T00:00:00Z'))).not.toBeNull();
      expect(ticks).toHaveLength(2);
    } finally {
      await second.close();
    }
  });

  it('refuses to start with a job whose schedule is not a cron pattern', async () => {
    const bad = defineServerPlugin(definePlugin({ id: 'badjob', version: '0.1.0', core: '^0.1.0', title: { zh: '坏', en: 'Bad' } }), {
      jobs: [{ name: 'x', title: { zh: 'x', en: 'x' }, schedule: 'every morning', run: async () => {} }],
    });
    const { logger } = memoryLogger();
    const attempt = createSifaServer({ plugins: [bad], database: t.db.handle, logger, migrate: false });
    await expect(attempt).rejects.toBeInstanceOf(PluginCompositionError);
    await expect(attempt).rejects.toThrow(/job "x" has an invalid schedule "every morning"/);
  });
});

describe('sifa jobs (CLI)', () => {
  let cliDb: CliDatabase;
  const config = ['--config', 'packages/server/test/fixtures/jobs/sifa.config.ts'];

  beforeAll(async () => {
    cliDb = await createCliDatabase();
    const seeded = await runCli(['seed', ...config], cliDb.env);
    expect(seeded.code, `sifa seed: ${seeded.stderr}`).toBe(0);
  }, 180_000);
  afterAll(async () => {
    await cliDb?.drop();
  });

  it('lists, runs for an instant and shows the history; a failed run exits 1', async () => {
    const list = await runCli(['jobs', 'list', ...config], cliDb.env);
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout).toMatch(/ticker\.tick\s+0 8 \* \* \*\s+next \d{4}-\d\d-\d\dT00:00:00\.000Z\s+Count orgs/);

    const run = await runCli(['jobs', 'run', 'ticker.tick', '--at', '2026-10-10T08:00:00+08:00', ...config], cliDb.env);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^ticker\.tick succeeded .*: counted \d+ orgs for 2026-10-10T00:00:00\.000Z \[orgs=\d+\]/);

    const failed = await runCli(['jobs', 'run', 'ticker.boom', ...config], cliDb.env);
    expect(failed.code).toBe(1);
    expect(failed.stdout).toContain('ticker.boom failed');

    const badAt = await runCli(['jobs', 'run', 'ticker.tick', '--at', 'tomorrow', ...config], cliDb.env);
    expect(badAt.code).toBe(1);
    expect(badAt.stderr).toContain('--at must be an ISO instant');

    const history = await runCli(['jobs', 'history', ...config], cliDb.env);
    expect(history.stdout).toMatch(/ticker\.boom\s+manual\s+failed\s+the upstream system is down/);
    expect(history.stdout).toMatch(/ticker\.tick\s+manual\s+succeeded\s+counted/);
  }, 120_000);
});
