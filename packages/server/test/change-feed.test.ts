/**
 * The change feed between server instances (PostgreSQL: NOTIFY/LISTEN): announcements made in one
 * turn of the event loop leave together, each (topic, path) once, in as few NOTIFYs as fit, and
 * every one of them reaches the other instance's subscribers; on PGlite, one instance, they wake
 * the local subscribers only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../src/db/engine.js';
import { createChangeFeed, type ServerChangeFeed } from '../src/events/changes.js';
import { createTestDatabase, engine, memoryLogger, type TestDatabase } from '../src/testing/index.js';

let db: TestDatabase;
let second: DatabaseHandle | null = null;
let a: ServerChangeFeed;
let b: ServerChangeFeed;
const notifications: string[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  a = createChangeFeed(db.handle, memoryLogger().logger);
  await a.start();
  if (db.url) {
    second = await openDatabase({ engine: 'postgres', url: db.url, maxConnections: 2 });
    b = createChangeFeed(second, memoryLogger().logger);
    await b.start();
    // What travels on the channel, seen by a third listener.
    await second.listen!('sifa_changes', (payload) => void notifications.push(payload));
  }
}, 120_000);
afterAll(async () => {
  await a?.stop();
  await b?.stop();
  await second?.close();
  await db?.drop();
});

const offices = Array.from({ length: 300 }, (_, i) => `/15/1504/150402/150402${String(i).padStart(3, '0')}/`);

describe('change feed', () => {
  it.runIf(engine === 'postgres')('sends a burst of announcements in few NOTIFYs, and the other instance hears every one', async () => {
    const controller = new AbortController();
    // The other instance's subscribers: one per office, and a county watching all of them.
    const waits = offices.map((path) => b.next('diary.entries', path, { signal: controller.signal, timeoutMs: 20_000 }));
    const county = b.next('diary.entries', '/15/1504/150402/', { signal: controller.signal, timeoutMs: 20_000 });
    const unrelated = b.next('plans.plans', '/15/1504/150402/', { signal: controller.signal, timeoutMs: 1_500 });
    notifications.length = 0;
    for (const path of offices) {
      a.publish('diary.entries', path);
      a.publish('diary.entries', path); // the same change twice in one turn: announced once
    }
    expect(await Promise.all(waits)).toEqual(offices.map(() => true));
    expect(await county).toBe(true);
    expect(await unrelated).toBe(false);
    // 300 changes of ~40 bytes: a few NOTIFYs of under 8,000 bytes, not 600.
    await expect.poll(() => notifications.length).toBeGreaterThan(0);
    expect(notifications.length).toBeLessThanOrEqual(4);
    expect(notifications.every((n) => Buffer.byteLength(n) < 8_000)).toBe(true);
    const announced = notifications.flatMap((n) => {
      const [, , changes] = JSON.parse(n) as [string, string, string | [string, string][]];
      return Array.isArray(changes) ? changes.map(([, path]) => path) : [changes];
    });
    expect(announced.sort()).toEqual([...offices].sort());
  });

  it.runIf(engine === 'postgres')('still announces a single change alone, in the format older instances read', async () => {
    notifications.length = 0;
    const heard = b.next('plans.plans', '/15/1504/', { timeoutMs: 20_000 });
    a.publish('plans.plans', '/15/1504/150402/');
    expect(await heard).toBe(true);
    await expect.poll(() => notifications.length).toBe(1);
    expect(JSON.parse(notifications[0]!)).toEqual([expect.any(String), 'plans.plans', '/15/1504/150402/']);
  });

  it('wakes local subscribers at once', async () => {
    const heard = a.next('diary.entries', '/15/1504/150402/150402001/', { timeoutMs: 20_000 });
    a.publish('diary.entries', '/15/1504/150402/150402001/');
    expect(await heard).toBe(true);
  });
});
