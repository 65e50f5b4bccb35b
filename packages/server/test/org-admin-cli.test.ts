/**
 * Seeding other cities from the national division list, and the `sifa` CLI seeding one and
 * importing an org tree file (a child process on a database of its own). Apart from
 * org-admin.test.ts because nothing here reads the test clock: the pinned-clock runs leave it out.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cityOrgTree } from '@sifa/server';
import { createCliDatabase, runCli, type CliDatabase } from '@sifa/server/testing';
import { orgCsv as csv } from './fixtures/org-csv.js';

describe('seeds and the CLI', () => {
  it('builds any prefecture-level city from the national division list', async () => {
    const tongliao = await cityOrgTree('1505');
    expect(tongliao.slice(0, 2)).toEqual([
      expect.objectContaining({ code: '15', level: 'region', nameZh: '内蒙古自治区' }),
      expect.objectContaining({ code: '1505', level: 'city', nameZh: '通辽市', parentCode: '15' }),
    ]);
    const shenzhen = await cityOrgTree('4403');
    const counties = shenzhen.filter((o) => o.level === 'county');
    const offices = shenzhen.filter((o) => o.level === 'office');
    expect(counties.map((c) => c.nameZh)).toContain('南山区');
    expect(offices.length).toBeGreaterThan(50);
    for (const o of offices) {
      expect(o.path).toBe(`/44/4403/${o.parentCode}/${o.code}/`);
      expect(o.nameZh).toMatch(/司法所$/);
    }
    await expect(cityOrgTree('1599')).rejects.toThrow('1599 is not a prefecture-level city code');
  });

  describe('the sifa command', () => {
    let db: CliDatabase;
    const dir = mkdtempSync(join(tmpdir(), 'sifa-org-'));
    beforeAll(async () => {
      db = await createCliDatabase();
    });
    afterAll(async () => {
      rmSync(dir, { recursive: true, force: true });
      await db?.drop();
    });

    it('seeds another city, imports a file with line-numbered errors, then applies it', async () => {
      const seeded = await runCli(['seed', '--city', '4403'], db.env, { timeout: 120_000 });
      expect(seeded.stderr).toBe('');
      expect(seeded.code).toBe(0);
      const total = (await cityOrgTree('4403')).length;
      expect(seeded.stdout).toContain(`Seeded ${total} new organisation(s).`);
      expect(seeded.stdout).toMatch(/demo\.city\s/);
      const unknown = await runCli(['seed', '--city', '9999'], db.env);
      expect(unknown).toMatchObject({ code: 1, stderr: expect.stringContaining('9999 is not a prefecture-level city code') });

      const office = (await cityOrgTree('4403')).find((o) => o.level === 'office')!;
      writeFileSync(join(dir, 'bad.csv'), csv(`${office.code},${office.parentCode},office,${office.nameZh},,,`, `${office.code},${office.parentCode},office,重复,,,`));
      const bad = await runCli(['org', 'import', join(dir, 'bad.csv')], db.env);
      expect(bad.code).toBe(1);
      expect(bad.stderr).toContain('line 3: Code');
      expect(bad.stderr).not.toMatch(/\n\s+at /);
      writeFileSync(join(dir, 'tree.csv'), csv(`${office.code},${office.parentCode},office,${office.nameZh},Renamed Office,,`));
      const applied = await runCli(['org', 'import', join(dir, 'tree.csv')], db.env);
      expect(applied).toMatchObject({ code: 0, stdout: expect.stringContaining('Imported: 1 rows; 0 added, 1 renamed, 0 moved, 0 unchanged') });
      const again = await runCli(['org', 'import', join(dir, 'tree.csv')], db.env);
      expect(again.stdout).toContain('Unchanged: 1 rows; 0 added, 0 renamed, 0 moved, 1 unchanged');
      const history = await runCli(['org', 'history', office.code], db.env);
      expect(history.stdout).toContain('renamed');
    }, 240_000);
  });
});
