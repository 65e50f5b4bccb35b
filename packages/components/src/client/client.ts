/**
 * The client every widget on a page shares. It speaks the Sifa server's tRPC wire protocol
 * directly (GET for queries, POST for mutations, `?batch=1`): calls made in the same tick go out
 * as one batch of at most `maxBatchSize`. Private widgets authenticate with embed tokens, which
 * it refreshes before they expire and once more when the server says one did.
 */
import type { Locale } from '@sifa/core';
import type { EmbedToken, SifaConfig } from '../config/config.js';

/** A procedure map: path → { type, input, output } (e.g. `DiaryApi` from @sifa/plugin-diary, inferred from its router). */
export type ApiMap = Record<string, { type: 'query' | 'mutation' | 'subscription'; input: unknown; output: unknown }>;

export interface SubscriptionHandlers<T> {
  /** Each event's data (for tracked events, `id` is the event id the stream resumes after). */
  onData(data: T, id: string | null): void;
  /** A refusal (not signed in, no permission, bad input) ends the subscription; outages only delay it. */
  onError?(error: SifaClientError): void;
  /** The stream is open (again, after a reconnect). */
  onStarted?(): void;
  /** The stream dropped (server restart, database or network outage): it reconnects by itself, then `onStarted` again. */
  onInterrupted?(): void;
}

export interface SifaErrorBody {
  message: string;
  data?: { sifaCode?: string; httpStatus?: number; issues?: { path: string; message: string }[]; requestId?: string | null; details?: Record<string, unknown> };
}

/** A call the server answered with an error (or that could not reach it: sifaCode NETWORK). */
export class SifaClientError extends Error {
  readonly sifaCode: string;
  readonly httpStatus: number;
  readonly issues: { path: string; message: string }[];
  readonly requestId: string | null;
  /** What the server adds for the caller to act on (e.g. `retryAfter` seconds of a rate limit). */
  readonly details: Record<string, unknown>;
  constructor(body: SifaErrorBody, httpStatus: number) {
    super(body.message);
    this.name = 'SifaClientError';
    this.sifaCode = body.data?.sifaCode ?? (httpStatus === 0 ? 'NETWORK' : 'INTERNAL');
    this.httpStatus = body.data?.httpStatus ?? httpStatus;
    this.issues = body.data?.issues ?? [];
    this.requestId = body.data?.requestId ?? null;
    this.details = body.data?.details ?? {};
  }

  /** True when retrying later may succeed (offline, server down, busy). */
  get retryable(): boolean {
    return this.sifaCode === 'NETWORK' || this.sifaCode === 'RETRY_LATER' || this.sifaCode === 'UNAVAILABLE' || this.httpStatus >= 500;
  }
}

/** What to tell the reader about a failed call: `unreachable` when the server could not be reached, else the server's (localized) message. */
export function failureReason(error: unknown, unreachable: string): string {
  if (error instanceof SifaClientError && error.sifaCode === 'NETWORK') return unreachable;
  return error instanceof Error ? error.message : String(error);
}

interface Pending {
  path: string;
  input: unknown;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

const refreshMarginMs = 60_000;
/** How long a "nobody is signed in" answer of the token source holds before it is asked again. */
const anonymousRecheckMs = 60_000;

export class SifaClient {
  private token: EmbedToken | null = null;
  /** Until when "nobody is signed in on the host" (a null token) is believed without asking again. */
  private anonymousUntil = 0;
  private refreshing: Promise<EmbedToken | null> | null = null;
  private queue: Pending[] = [];
  private flushScheduled = false;

  constructor(
    /** @internal */ public config: Readonly<SifaConfig>,
    /** @internal */ readonly options: { maxBatchSize?: number; fetch?: typeof fetch; now?: () => number } = {},
  ) {}

  /** Swaps the page configuration (a new token source drops the cached token). */
  reconfigure(config: Readonly<SifaConfig>): void {
    if (config.getToken !== this.config.getToken || config.tokenUrl !== this.config.tokenUrl) {
      this.token = null;
      this.anonymousUntil = 0;
    }
    this.config = config;
  }

  get canAuthenticate(): boolean {
    return Boolean(this.config.getToken || this.config.tokenUrl);
  }

  query<A extends ApiMap, P extends keyof A & string>(path: P, input: A[P]['input'], locale?: Locale): Promise<A[P]['output']> {
    return this.enqueue(path, input, locale) as Promise<A[P]['output']>;
  }

  /** Mutations go out one per request, so a failed one never takes others with it. */
  async mutate<A extends ApiMap, P extends keyof A & string>(path: P, input: A[P]['input'], locale?: Locale): Promise<A[P]['output']> {
    return this.withAuthRetry(async (headers) => {
      const res = await this.send(`${this.base()}/${path}`, { method: 'POST', headers: { ...headers, ...this.localeHeader(locale), 'content-type': 'application/json' }, body: JSON.stringify(input) });
      return this.unwrap(res.status, res.body);
    }) as Promise<A[P]['output']>;
  }

  /**
   * A file from a signed-in route of the Sifa server (e.g. an issued document,
   * `/plugins/platform/documents/<id>`), fetched with the embed token like any call. A refusal
   * comes back as the server's typed error.
   */
  async download(path: `/${string}`): Promise<{ blob: Blob; filename: string | null }> {
    if (!this.config.endpoint) this.base();
    return this.withAuthRetry(async (headers) => {
      let res: Response;
      try {
        res = await this.fetcher()(`${this.config.endpoint}${path}`, { method: 'GET', credentials: 'omit', headers: { ...headers, ...this.localeHeader() } });
      } catch {
        throw new SifaClientError({ message: 'network unreachable', data: { sifaCode: 'NETWORK' } }, 0);
      }
      if (!res.ok) {
        let body: unknown = null;
        try {
          body = await res.json();
        } catch {
          // Not JSON.
        }
        throw this.toError(res.status, body);
      }
      const disposition = res.headers.get('content-disposition') ?? '';
      const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
      const plain = /filename="([^"]+)"/i.exec(disposition)?.[1];
      return { blob: await res.blob(), filename: encoded ? decodeURIComponent(encoded) : (plain ?? null) };
    });
  }

  /**
   * Listens to a tRPC subscription (server-sent events) over fetch, so the embed token goes in
   * the Authorization header rather than the URL. Reconnects with back-off after outages, resuming
   * after the last event id; a refusal ends it through `onError`. Returns the unsubscribe function.
   */
  subscribe<A extends ApiMap, P extends keyof A & string>(path: P, input: A[P]['input'], handlers: SubscriptionHandlers<A[P]['output']>, locale?: Locale): () => void {
    const abort = new AbortController();
    const open = async (headers: Record<string, string>, lastEventId: string | null) => {
      let res: Response;
      try {
        res = await this.fetcher()(`${this.base()}/${path}?input=${encodeURIComponent(JSON.stringify(input ?? {}))}`, {
          method: 'GET',
          credentials: 'omit',
          signal: abort.signal,
          headers: { ...headers, ...this.localeHeader(locale), accept: 'text/event-stream', ...(lastEventId ? { 'last-event-id': lastEventId } : {}) },
        });
      } catch {
        throw new SifaClientError({ message: 'network unreachable', data: { sifaCode: 'NETWORK' } }, 0);
      }
      if (!res.ok || !res.body) {
        const text = await res.text().catch(() => '');
        let body: unknown = null;
        try {
          body = text ? JSON.parse(text) : null;
        } catch {
          // Not JSON: a proxy's error page.
        }
        throw this.toError(res.status, body);
      }
      return res.body;
    };
    // The reading and reconnecting is a chunk of its own: pages without a live widget never load it.
    void import('./events.js').then(
      ({ follow }) => follow((lastEventId) => this.withAuthRetry((headers) => open(headers, lastEventId)), handlers, abort.signal),
      // The chunk did not load (offline since the page opened): said like any outage.
      () => handlers.onError?.(new SifaClientError({ message: 'network unreachable', data: { sifaCode: 'NETWORK' } }, 0)),
    );
    return () => abort.abort();
  }

  /** @internal */
  localeHeader(locale?: Locale): Record<string, string> {
    const l = locale ?? this.config.locale;
    return l ? { 'x-sifa-locale': l } : {};
  }

  /** @internal */
  base(): string {
    if (!this.config.endpoint) throw new SifaClientError({ message: 'Sifa is not configured: call configureSifa({ endpoint }) or load embed.js with data-sifa-endpoint.', data: { sifaCode: 'NOT_CONFIGURED' } }, 0);
    return `${this.config.endpoint}/trpc`;
  }

  private enqueue(path: string, input: unknown, locale?: Locale): Promise<unknown> {
    // Different locales cannot share one request's headers: send those alone.
    if (locale && locale !== this.config.locale) {
      return this.withAuthRetry(async (headers) => {
        const res = await this.send(`${this.base()}/${path}?input=${encodeURIComponent(JSON.stringify(input ?? null))}`, { method: 'GET', headers: { ...headers, ...this.localeHeader(locale) } });
        return this.unwrap(res.status, res.body);
      });
    }
    return new Promise((resolve, reject) => {
      this.queue.push({ path, input, resolve, reject });
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        queueMicrotask(() => void this.flush());
      }
    });
  }

  private async flush(): Promise<void> {
    this.flushScheduled = false;
    const max = this.options.maxBatchSize ?? 20;
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, max);
      const inputs: Record<number, unknown> = {};
      batch.forEach((call, i) => {
        if (call.input !== undefined) inputs[i] = call.input;
      });
      try {
        const results = await this.withAuthRetry(async (headers) => {
          const url = `${this.base()}/${batch.map((c) => c.path).join(',')}?batch=1&input=${encodeURIComponent(JSON.stringify(inputs))}`;
          const res = await this.send(url, { method: 'GET', headers: { ...headers, ...this.localeHeader() } });
          if (!Array.isArray(res.body)) throw this.toError(res.status, res.body);
          // An expired token fails every call alike: surface it so the retry refreshes.
          const first = res.body[0] as { error?: SifaErrorBody } | undefined;
          if (first?.error?.data?.sifaCode === 'TOKEN_EXPIRED') throw this.toError(res.status, first);
          return res.body as { result?: { data: unknown }; error?: SifaErrorBody }[];
        });
        batch.forEach((call, i) => {
          const item = results[i];
          if (item?.error) call.reject(new SifaClientError(item.error, item.error.data?.httpStatus ?? 500));
          else call.resolve(item?.result?.data);
        });
      } catch (error) {
        for (const call of batch) call.reject(error);
      }
    }
  }

  private async send(url: string, init: RequestInit): Promise<{ status: number; body: unknown }> {
    const doFetch = this.fetcher();
    let res: Response;
    try {
      res = await doFetch(url, { ...init, credentials: 'omit' });
    } catch {
      throw new SifaClientError({ message: 'network unreachable', data: { sifaCode: 'NETWORK' } }, 0);
    }
    const text = await res.text();
    let body: unknown = null;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      throw new SifaClientError({ message: `unexpected response (${res.status})`, data: { sifaCode: res.status >= 500 ? 'UNAVAILABLE' : 'INTERNAL' } }, res.status);
    }
    return { status: res.status, body };
  }

  /** The client's own fetch option, else the page configuration's, else the global fetch. */
  private fetcher(): typeof fetch {
    return this.options.fetch ?? this.config.fetch ?? globalThis.fetch.bind(globalThis);
  }

  /** @internal */
  toError(status: number, body: unknown): SifaClientError {
    const error = (body as { error?: SifaErrorBody } | null)?.error;
    return new SifaClientError(error ?? { message: `unexpected response (${status})` }, status);
  }

  private unwrap(status: number, body: unknown): unknown {
    const result = body as { result?: { data: unknown }; error?: SifaErrorBody } | null;
    if (result?.error || !result || !('result' in result)) throw this.toError(status, body);
    return result.result?.data;
  }

  private async authHeaders(forceRefresh: boolean): Promise<Record<string, string>> {
    const headers: Record<string, string> = {};
    if (this.config.publishableKey) headers['x-sifa-key'] = this.config.publishableKey;
    if (this.canAuthenticate) {
      const token = await this.currentToken(forceRefresh);
      if (token) headers['authorization'] = `Bearer ${token.token}`;
    }
    return headers;
  }

  /** @internal */
  async withAuthRetry<T>(work: (headers: Record<string, string>) => Promise<T>): Promise<T> {
    try {
      return await work(await this.authHeaders(false));
    } catch (error) {
      if (error instanceof SifaClientError && error.sifaCode === 'TOKEN_EXPIRED' && this.canAuthenticate) {
        return work(await this.authHeaders(true));
      }
      throw error;
    }
  }

  /**
   * The cached token, refreshed when it is about to expire (one refresh at a time); null while
   * nobody is signed in on the host (asked again after `anonymousRecheckMs`).
   */
  private currentToken(force: boolean): Promise<EmbedToken | null> {
    const now = this.options.now?.() ?? Date.now();
    if (!force && this.token && Date.parse(this.token.expiresAt) - refreshMarginMs > now) return Promise.resolve(this.token);
    if (!force && !this.token && this.anonymousUntil > now) return Promise.resolve(null);
    this.refreshing ??= this.fetchToken().then(
      (token) => {
        this.token = token;
        this.anonymousUntil = token ? 0 : (this.options.now?.() ?? Date.now()) + anonymousRecheckMs;
        this.refreshing = null;
        return token;
      },
      (error: unknown) => {
        this.refreshing = null;
        throw error instanceof SifaClientError ? error : new SifaClientError({ message: `could not get an embed token: ${String(error)}`, data: { sifaCode: 'UNAUTHENTICATED' } }, 401);
      },
    );
    return this.refreshing;
  }

  private async fetchToken(): Promise<EmbedToken | null> {
    if (this.config.getToken) return this.config.getToken();
    const res = await this.fetcher()(this.config.tokenUrl!, { method: 'POST', credentials: 'include', headers: { accept: 'application/json' } });
    // Nobody signed in on the host: public reads go on with the publishable key alone.
    if (res.status === 401 || res.status === 403) return null;
    if (!res.ok) throw new Error(`token endpoint answered ${res.status}`);
    return (await res.json()) as EmbedToken;
  }
}
