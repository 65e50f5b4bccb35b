/**
 * The diary's offline outbox. Every change a user makes (save, update, remove) is first written
 * to IndexedDB in a `durability: 'strict'` transaction, with an idempotency key made here, and
 * only then sent. The server stores a save once per (author, key), so sending the same record
 * again after a lost answer, a crash or a restart returns the stored entry instead of a second one.
 *
 * `sync()` sends queued records strictly in the order they were made, one at a time: a change
 * to an entry saved offline refers to the save's key and is sent after it. A failure that may
 * pass (offline, 5xx, RETRY_LATER, no token right now) leaves the record queued and backs off;
 * a refusal (validation, conflict, forbidden …) marks it rejected with the server's message in
 * the user's language. One sync at a time: a Web Lock spans tabs (another tab syncing is left
 * to it); without Web Locks, within the page.
 *
 * Triggers when started: `online`, the page becoming visible, each new record, and a backoff
 * timer. Other tabs hear about changes through a BroadcastChannel.
 */
import type { FieldIssue, Locale } from '@sifa/core';
import type { DiaryApi, DiaryEntry, DiarySaveInput } from '@sifa/plugin-diary';
import { SifaClientError, type SifaClient } from '../client/client.js';

/** The diary's procedures as the client calls them (`DiaryApi`, inferred from the diary plugin's router). */
export type DiaryCalls = DiaryApi;
/** The platform's "who is calling" (any signed-in user or embed token may ask). */
type CallerCalls = { 'platform.auth.me': { type: 'query'; input: undefined; output: { userId: string } } };

export type OutboxOp = 'save' | 'update' | 'remove';
export type OutboxState = 'queued' | 'syncing' | 'synced' | 'rejected';

/** The entry a change applies to: a server id, or the key of a save still known only here. */
export type EntryRef = { id: string } | { key: string };

export type SavePayload = Omit<DiarySaveInput, 'idempotencyKey'>;
export interface UpdatePayload {
  target: EntryRef;
  fields: Record<string, unknown>;
  /** Day and item of the entry, for showing the change before it is synced. */
  day: string;
  itemCode: string;
}
export interface RemovePayload {
  target: EntryRef;
  day: string;
  itemCode: string;
}

interface RecordBase {
  /** A random UUID made before the record is stored; the key of the server's idempotency. */
  idempotencyKey: string;
  /** Order of making (sent in this order). */
  seq: number;
  state: OutboxState;
  /** Why the server refused it, in the user's language (rejected only). */
  reason: string | null;
  code: string | null;
  /** The permission the server said the caller lacks (a FORBIDDEN naming one), for a plain-words reason. */
  permission?: string | null;
  issues: FieldIssue[];
  attempts: number;
  createdAt: number;
  updatedAt: number;
  /** Not sent again before this time (ms since epoch) unless forced (back online, page shown). */
  nextAttemptAt: number;
  /** The entry as the server stored it (synced saves and updates). */
  entry: DiaryEntry | null;
}
export type OutboxRecord =
  | (RecordBase & { op: 'save'; payload: SavePayload })
  | (RecordBase & { op: 'update'; payload: UpdatePayload })
  | (RecordBase & { op: 'remove'; payload: RemovePayload });

/*
 * The database (version 1): the object store `outbox` (OutboxRecord by `idempotencyKey`, a
 * unique index `seq`) and `cache` (last answers of the server, catalog and months, and small
 * facts such as the own author id, for offline use; out-of-line keys). Plain IndexedDB through
 * the three helpers below: a request's promise settles in its event handler, so code awaiting it
 * runs while its transaction is still active, and a failed request aborts the transaction.
 */

/** A request's result (rejects with its error). */
function result<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/** Resolves when the transaction has committed; rejects when it aborted (a failed request, quota, close). */
function committed(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error ?? new DOMException('AbortError', 'AbortError'));
  });
}

/**
 * Calls `each` with every position of a cursor, in its order, until it returns true (stop);
 * resolves after the last one, rejects with what a step threw.
 */
function walk(request: IDBRequest<IDBCursorWithValue | null>, each: (cursor: IDBCursorWithValue) => boolean | void): Promise<void> {
  return new Promise((resolve, reject) => {
    request.onerror = () => reject(request.error);
    request.onsuccess = () => {
      try {
        const cursor = request.result;
        if (!cursor || each(cursor)) resolve();
        else cursor.continue();
      } catch (error) {
        reject(error);
      }
    };
  });
}

export interface SyncReport {
  synced: number;
  rejected: number;
  /** True when the last attempt failed in a way that may pass (the rest stays queued). */
  deferred: boolean;
  /** True when another tab held the sync lock. */
  skipped: boolean;
}

export interface OutboxOptions {
  client: SifaClient;
  /** IndexedDB database name; one per server and user (<sifa-diary> names it `<storage>:<user id>`). */
  name: string;
  /**
   * The user whose changes these are (the server's id, `platform.auth.me`). Sent with each change
   * as `author`: the server refuses one that arrives with another user's token (`diary.otherUser`),
   * and the record waits for its author instead of being stored under, or refused for, someone else.
   */
  owner?: string;
  /** The user's language: asked at each send, so refusals come back in it. */
  locale?: () => Locale;
  /** Backoff after a failure that may pass: base × 2^(attempts−1), at most max (ms). */
  retryBaseMs?: number;
  retryMaxMs?: number;
  /** Most saves sent in one `diary.saveMany` (default 100; the server takes up to 200). */
  batchSize?: number;
  /** Synced records are kept this long for showing their state, then pruned (ms). */
  keepSyncedMs?: number;
}

export interface OutboxEventMap {
  change: Event;
  synced: CustomEvent<OutboxRecord>;
  rejected: CustomEvent<OutboxRecord>;
}

const retryAfterOfflineCodes = new Set(['UNAUTHENTICATED', 'TOKEN_EXPIRED', 'NOT_CONFIGURED', 'ORIGIN_NOT_ALLOWED', 'RATE_LIMITED', 'ACCOUNT_LOCKED']);

/**
 * Whether a failed send is kept for later. Besides the client's `retryable` (offline, 5xx,
 * RETRY_LATER), failures about the connection rather than the entry (no token just now, a
 * misconfigured page) keep it too: a user's entry is never dropped because the host was down.
 */
export function keepsForRetry(error: unknown, owner?: string): boolean {
  if (!(error instanceof SifaClientError)) return true;
  return error.retryable || retryAfterOfflineCodes.has(error.sifaCode) || isOtherUser(error, owner);
}

/** The server's `diary.otherUser` for this store's owner: someone else is signed in now; the record waits for its author. */
function isOtherUser(error: SifaClientError, owner: string | undefined): boolean {
  return owner !== undefined && error.sifaCode === 'CONFLICT' && error.details['author'] === owner;
}

const strict: IDBTransactionOptions = { durability: 'strict' };

type SendOutcome = { kind: 'synced'; entry: DiaryEntry | null } | { kind: 'rejected'; reason: string; code: string; permission?: string | null; issues: FieldIssue[] } | { kind: 'retry' };

/**
 * A random (v4) UUID. `crypto.randomUUID` exists only in secure contexts; intranet portals
 * served over plain http still have `crypto.getRandomValues`.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
const dayMs = 86_400_000;

/** Page-wide fallback when Web Locks are missing: one sync per database name. */
const pageLocks = new Map<string, Promise<unknown>>();

/** The state of a record that enters the queue afresh: a new key, last in line, never tried. */
function freshQueued(seq: number, now: number) {
  return {
    idempotencyKey: newIdempotencyKey(),
    seq,
    state: 'queued' as const,
    reason: null,
    code: null,
    issues: [],
    attempts: 0,
    createdAt: now,
    updatedAt: now,
    nextAttemptAt: 0,
  };
}

export class Outbox extends EventTarget {
  private running: Promise<SyncReport> | null = null;
  private again = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private started = false;
  private readonly channel: BroadcastChannel | null;
  private readonly retryBaseMs: number;
  private readonly retryMaxMs: number;
  private readonly batchSize: number;

  private constructor(
    private readonly db: IDBDatabase,
    private readonly options: OutboxOptions,
  ) {
    super();
    this.retryBaseMs = options.retryBaseMs ?? 2_000;
    this.retryMaxMs = options.retryMaxMs ?? 5 * 60_000;
    this.batchSize = options.batchSize ?? 100;
    this.channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(`sifa-outbox:${options.name}`) : null;
    this.channel?.addEventListener('message', () => this.dispatchEvent(new Event('change')));
  }

  static async open(options: OutboxOptions): Promise<Outbox> {
    const request = indexedDB.open(options.name, 1);
    request.onupgradeneeded = () => {
      const database = request.result;
      database.createObjectStore('outbox', { keyPath: 'idempotencyKey' }).createIndex('seq', 'seq', { unique: true });
      database.createObjectStore('cache');
    };
    const outbox = new Outbox(await result(request), options);
    await outbox.prune();
    return outbox;
  }

  get name(): string {
    return this.options.name;
  }

  /** A store in a transaction of its own: read-only, or read-write with strict durability (the outbox's changes). */
  private store(name: 'outbox' | 'cache' = 'outbox', write?: 'readwrite', options: IDBTransactionOptions = strict): IDBObjectStore {
    return this.db.transaction(name, write, options).objectStore(name);
  }

  /** Attaches the triggers: online, page shown, the backoff timer; syncs once now. */
  start(): void {
    if (this.started) return;
    this.started = true;
    addEventListener('online', this.onOnline);
    document.addEventListener('visibilitychange', this.onVisible);
    void this.sync({ force: true });
  }

  stop(): void {
    if (!this.started) return;
    this.started = false;
    removeEventListener('online', this.onOnline);
    document.removeEventListener('visibilitychange', this.onVisible);
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Stops the triggers and closes the database (a running sync finishes first). */
  async close(): Promise<void> {
    this.stop();
    await this.running?.catch(() => undefined);
    this.channel?.close();
    this.db.close();
  }

  private readonly onOnline = () => void this.sync({ force: true });
  private readonly onVisible = () => {
    if (document.visibilityState === 'visible') void this.sync({ force: true });
  };

  // ---- writing (always before any network call) -------------------------------------------

  /** Queues a new entry; resolves once it is durably stored on this device. */
  async save(payload: SavePayload): Promise<OutboxRecord> {
    const record = await this.append({ op: 'save', payload });
    this.afterWrite();
    return record;
  }

  /**
   * Queues a change of an entry's fields. A save not yet sent is rewritten in place; a rejected
   * save is queued again under a new key (its old key may be spent on the server).
   */
  async update(target: EntryRef, fields: Record<string, unknown>, about: { day: string; itemCode: string }): Promise<OutboxRecord> {
    const rewritten = 'key' in target ? await this.rewriteLocalSave(target.key, fields) : null;
    const record = rewritten ?? (await this.append({ op: 'update', payload: { target, fields, ...about } }));
    this.afterWrite();
    return record;
  }

  /** Queues a removal; a save that never left this device (or was rejected) is simply dropped. */
  async remove(target: EntryRef, about: { day: string; itemCode: string }): Promise<OutboxRecord | null> {
    if ('key' in target) {
      const dropped = await this.dropLocalSave(target.key);
      if (dropped) {
        this.afterWrite();
        return null;
      }
    }
    const record = await this.append({ op: 'remove', payload: { target, ...about } });
    this.afterWrite();
    return record;
  }

  /** Forgets a rejected record (the user has read the reason). */
  async discard(idempotencyKey: string): Promise<void> {
    const store = this.store('outbox', 'readwrite');
    const record = await result<OutboxRecord | undefined>(store.get(idempotencyKey));
    if (record?.state === 'rejected') await result(store.delete(idempotencyKey));
    await committed(store.transaction);
    this.notify();
  }

  /** Every record, in the order made. */
  async list(): Promise<OutboxRecord[]> {
    return result<OutboxRecord[]>(this.store().index('seq').getAll());
  }

  async get(idempotencyKey: string): Promise<OutboxRecord | undefined> {
    return result<OutboxRecord | undefined>(this.store().get(idempotencyKey));
  }

  /** Small cache beside the outbox (last catalog and months seen), for offline rendering. */
  async cached<T>(key: string): Promise<T | undefined> {
    return result<T | undefined>(this.store('cache').get(key));
  }

  async cache(key: string, value: unknown): Promise<void> {
    // Default durability: a cache, refilled by the next answer.
    const store = this.store('cache', 'readwrite', {});
    await Promise.all([result(store.put(value, key)), committed(store.transaction)]);
  }

  private async append(change: Pick<OutboxRecord, 'op' | 'payload'>): Promise<OutboxRecord> {
    const now = Date.now();
    const store = this.store('outbox', 'readwrite');
    const record = { ...change, ...freshQueued((await this.lastSeq(store)) + 1, now), entry: null } as OutboxRecord;
    await result(store.add(record));
    await committed(store.transaction);
    return record;
  }

  private async rewriteLocalSave(key: string, fields: Record<string, unknown>): Promise<OutboxRecord | null> {
    const store = this.store('outbox', 'readwrite');
    const record = await result<OutboxRecord | undefined>(store.get(key));
    let rewritten: OutboxRecord | null = null;
    if (record?.op === 'save' && record.state === 'queued' && record.attempts === 0) {
      rewritten = { ...record, payload: { ...record.payload, fields }, updatedAt: Date.now() };
      await result(store.put(rewritten));
    } else if (record?.op === 'save' && record.state === 'rejected') {
      const seq = (await this.lastSeq(store)) + 1;
      rewritten = { ...record, payload: { ...record.payload, fields }, ...freshQueued(seq, Date.now()) };
      await result(store.delete(key));
      await result(store.add(rewritten));
    }
    await committed(store.transaction);
    return rewritten;
  }

  private async dropLocalSave(key: string): Promise<boolean> {
    const store = this.store('outbox', 'readwrite');
    const record = await result<OutboxRecord | undefined>(store.get(key));
    const droppable = record?.op === 'save' && ((record.state === 'queued' && record.attempts === 0) || record.state === 'rejected');
    if (droppable) await result(store.delete(key));
    await committed(store.transaction);
    return droppable;
  }

  /** The highest `seq` in the store (0 when empty), read in the caller's transaction. */
  private async lastSeq(store: IDBObjectStore): Promise<number> {
    const last = await result(store.index('seq').openCursor(null, 'prev'));
    return (last?.value as OutboxRecord | undefined)?.seq ?? 0;
  }

  private afterWrite(): void {
    this.notify();
    if (this.started) void this.sync();
  }

  private notify(): void {
    this.dispatchEvent(new Event('change'));
    this.channel?.postMessage('change');
  }

  // ---- syncing ------------------------------------------------------------------------------

  /**
   * Sends queued records in order until none is due or one must wait. `force` ignores the
   * backoff (the network just came back). A call while a sync runs makes it look again.
   */
  sync(options: { force?: boolean } = {}): Promise<SyncReport> {
    if (this.running) {
      this.again = true;
      this.forceAgain ||= Boolean(options.force);
      return this.running;
    }
    const run = this.locked(() => this.drain(Boolean(options.force)));
    this.running = run;
    void run
      .catch(() => undefined)
      .finally(() => {
        this.running = null;
        if (this.again) {
          const force = this.forceAgain;
          this.again = false;
          this.forceAgain = false;
          void this.sync({ force });
        }
      });
    return run;
  }

  private forceAgain = false;

  private async locked(work: () => Promise<SyncReport>): Promise<SyncReport> {
    const skipped: SyncReport = { synced: 0, rejected: 0, deferred: false, skipped: true };
    const lockName = `sifa-outbox:${this.options.name}`;
    if (typeof navigator !== 'undefined' && navigator.locks) {
      const report = await navigator.locks.request(lockName, { ifAvailable: true }, (lock) => (lock ? work() : skipped));
      // Another tab syncs now; look again later in case it goes away before finishing.
      if (report.skipped) this.schedule(Date.now() + this.retryBaseMs);
      return report;
    }
    if (pageLocks.has(lockName)) return skipped;
    const running = work();
    pageLocks.set(lockName, running);
    try {
      return await running;
    } finally {
      pageLocks.delete(lockName);
    }
  }

  private async drain(force: boolean): Promise<SyncReport> {
    const report: SyncReport = { synced: 0, rejected: 0, deferred: false, skipped: false };
    // We hold the lock: a record still marked syncing was left by a page that died mid-send.
    await this.requeueStale();
    for (;;) {
      const due = await this.nextQueued(force);
      const next = due[0];
      if (!next) break;
      if (!force && next.nextAttemptAt > Date.now()) {
        report.deferred = true;
        this.schedule(next.nextAttemptAt);
        break;
      }
      force = false;
      const sending = await this.markAll(due.map((r) => [r.idempotencyKey, (r) => ({ ...r, state: 'syncing', attempts: r.attempts + 1 })]));
      if (!sending.length) continue;
      this.notify();
      const outcomes = sending.length > 1 ? await this.sendSaves(sending) : [await this.send(sending[0]!)];
      let retryAt = 0;
      const done = await this.markAll(
        sending.map((r, i): [string, (r: OutboxRecord) => OutboxRecord] => {
          const outcome = outcomes[i]!;
          if (outcome.kind === 'synced') return [r.idempotencyKey, (r) => ({ ...r, state: 'synced', entry: outcome.entry, reason: null, code: null, issues: [] })];
          if (outcome.kind === 'rejected') {
            return [r.idempotencyKey, (r) => ({ ...r, state: 'rejected', reason: outcome.reason, code: outcome.code, permission: outcome.permission ?? null, issues: outcome.issues })];
          }
          const at = Date.now() + this.backoff(r.attempts);
          retryAt = retryAt ? Math.min(retryAt, at) : at;
          return [r.idempotencyKey, (r) => ({ ...r, state: 'queued', nextAttemptAt: at })];
        }),
      );
      for (const record of done) {
        if (record.state === 'synced') report.synced++;
        if (record.state === 'rejected') report.rejected++;
        if (record.state !== 'queued') this.dispatchEvent(new CustomEvent(record.state, { detail: record }));
      }
      this.notify();
      if (retryAt) {
        report.deferred = true;
        this.schedule(retryAt);
        break;
      }
    }
    return report;
  }

  private backoff(attempts: number): number {
    const base = Math.min(this.retryMaxMs, this.retryBaseMs * 2 ** Math.max(0, attempts - 1));
    // ±25 % so that many devices coming back at once do not knock in step.
    return Math.round(base * (0.75 + Math.random() * 0.5));
  }

  private schedule(at: number): void {
    if (!this.started) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(
      () => {
        this.timer = null;
        void this.sync();
      },
      Math.max(0, at - Date.now()),
    );
  }

  private async requeueStale(): Promise<void> {
    const store = this.store('outbox', 'readwrite');
    await walk(store.openCursor(), (cursor) => {
      const record = cursor.value as OutboxRecord;
      if (record.state === 'syncing') cursor.update({ ...record, state: 'queued' });
    });
    await committed(store.transaction);
  }

  /**
   * The first queued record, and when it is a save, the saves queued right after it that are due
   * too (up to `batchSize`): they go in one `diary.saveMany`. An update or removal is sent alone,
   * after the saves before it.
   */
  private async nextQueued(force: boolean): Promise<OutboxRecord[]> {
    const due: OutboxRecord[] = [];
    await walk(this.store().index('seq').openCursor(), (cursor) => {
      const record = cursor.value as OutboxRecord;
      if (record.state !== 'queued') return;
      if (due.length && (record.op !== 'save' || due[0]!.op !== 'save' || due.length >= this.batchSize || (!force && record.nextAttemptAt > Date.now()))) return true;
      due.push(record);
    });
    return due;
  }

  /** Changes several records in one IndexedDB transaction; the changed records (missing ones are skipped). */
  private async markAll(changes: [string, (record: OutboxRecord) => OutboxRecord][]): Promise<OutboxRecord[]> {
    const store = this.store('outbox', 'readwrite');
    const out: OutboxRecord[] = [];
    for (const [key, change] of changes) {
      const record = await result<OutboxRecord | undefined>(store.get(key));
      if (!record) continue;
      const next = { ...change(record), updatedAt: Date.now() };
      await result(store.put(next));
      out.push(next);
    }
    await committed(store.transaction);
    return out;
  }

  /** Several saves in one `diary.saveMany`: each entry's own outcome, or the call's for all. */
  private async sendSaves(records: OutboxRecord[]): Promise<SendOutcome[]> {
    const { client, owner } = this.options;
    const author = owner === undefined ? {} : { author: owner };
    try {
      const entries = records.map((r) => ({ ...(r.payload as SavePayload), ...author, idempotencyKey: r.idempotencyKey }));
      const { results } = await client.mutate<DiaryCalls, 'diary.saveMany'>('diary.saveMany', { entries }, this.options.locale?.());
      const outcomes: SendOutcome[] = [];
      for (const result of results) {
        if (result.ok) {
          if (!this.authorId) await this.rememberAuthor(result.entry.authorId);
          outcomes.push({ kind: 'synced', entry: result.entry });
        } else {
          const { message, ...data } = result.error;
          outcomes.push(await this.refused(new SifaClientError({ message, data: { ...data, httpStatus: 400, requestId: null } }, 400)));
        }
      }
      return outcomes;
    } catch (error) {
      const outcome = await this.refused(error);
      return records.map(() => outcome);
    }
  }

  private async send(record: OutboxRecord): Promise<SendOutcome> {
    const { client, owner } = this.options;
    const locale = this.options.locale?.();
    const author = owner === undefined ? {} : { author: owner };
    try {
      if (record.op === 'save') {
        const entry = await client.mutate<DiaryCalls, 'diary.save'>('diary.save', { ...record.payload, ...author, idempotencyKey: record.idempotencyKey }, locale);
        if (!this.authorId) await this.rememberAuthor(entry.authorId);
        return { kind: 'synced', entry };
      }
      const id = await this.resolve(record.payload.target);
      if (typeof id !== 'string') return { kind: 'rejected', ...id };
      if (record.op === 'update') {
        return { kind: 'synced', entry: await client.mutate<DiaryCalls, 'diary.update'>('diary.update', { id, fields: record.payload.fields, ...author }, locale) };
      }
      try {
        await client.mutate<DiaryCalls, 'diary.remove'>('diary.remove', { id, ...author }, locale);
      } catch (error) {
        // Sent before and the answer was lost: it is gone, which is what was asked.
        if (!(error instanceof SifaClientError && error.sifaCode === 'NOT_FOUND' && record.attempts > 1)) throw error;
      }
      return { kind: 'synced', entry: null };
    } catch (error) {
      return this.refused(error);
    }
  }

  /** What a failed send means for its record: try again later, or refused for good (with why). */
  private async refused(error: unknown): Promise<SendOutcome> {
    const { owner } = this.options;
    if (keepsForRetry(error, owner)) return { kind: 'retry' };
    // Refused: if someone else is signed in now (a shared computer), the refusal was theirs, not the record's: it waits for its author.
    if (owner !== undefined && (await this.callerNow()) !== owner) return { kind: 'retry' };
    const e = error as SifaClientError;
    const permission = e.sifaCode === 'FORBIDDEN' && typeof e.details['permission'] === 'string' ? e.details['permission'] : null;
    return { kind: 'rejected', reason: e.message, code: e.sifaCode, permission, issues: e.issues };
  }

  /** Who the server says is signed in now (`platform.auth.me`), or null when that cannot be told. */
  private async callerNow(): Promise<string | null> {
    try {
      return (await this.options.client.query<CallerCalls, 'platform.auth.me'>('platform.auth.me', undefined)).userId;
    } catch {
      return null;
    }
  }

  /** The server id behind a reference; a save this device made is synced before (order of making). */
  private async resolve(target: EntryRef): Promise<string | { reason: string; code: string; issues: FieldIssue[] }> {
    if ('id' in target) return target.id;
    const save = await this.get(target.key);
    if (save?.state === 'synced' && save.entry) return save.entry.id;
    return { reason: save?.reason ?? '', code: 'DEPENDENCY_REJECTED', issues: [] };
  }

  // ---- who "I" am, and housekeeping --------------------------------------------------------

  private authorId: string | null = null;

  /** The server's author id of this device's user, learnt from the first synced save. */
  async ownAuthorId(): Promise<string | null> {
    this.authorId ??= (await this.cached<string>('authorId')) ?? null;
    return this.authorId;
  }

  private async rememberAuthor(id: string): Promise<void> {
    this.authorId = id;
    await this.cache('authorId', id);
  }

  /** Drops synced records older than `keepSyncedMs` that no queued change still refers to. */
  private async prune(): Promise<void> {
    const before = Date.now() - (this.options.keepSyncedMs ?? 40 * dayMs);
    const store = this.store('outbox', 'readwrite');
    const all = await result<OutboxRecord[]>(store.getAll());
    const referenced = new Set(all.flatMap((r) => (r.op !== 'save' && r.state !== 'synced' && 'key' in r.payload.target ? [r.payload.target.key] : [])));
    for (const record of all) {
      if (record.state === 'synced' && record.updatedAt < before && !referenced.has(record.idempotencyKey)) await result(store.delete(record.idempotencyKey));
    }
    await committed(store.transaction);
  }

  override addEventListener<K extends keyof OutboxEventMap>(type: K, listener: (event: OutboxEventMap[K]) => void, options?: AddEventListenerOptions | boolean): void;
  override addEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: AddEventListenerOptions | boolean): void;
  override addEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: AddEventListenerOptions | boolean): void {
    super.addEventListener(type, listener, options);
  }

  override removeEventListener<K extends keyof OutboxEventMap>(type: K, listener: (event: OutboxEventMap[K]) => void, options?: EventListenerOptions | boolean): void;
  override removeEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: EventListenerOptions | boolean): void;
  override removeEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: EventListenerOptions | boolean): void {
    super.removeEventListener(type, listener, options);
  }
}
