/**
 * The signature every outgoing POST of this server carries (notification webhooks, record-change
 * webhooks): `x-sifa-timestamp: <unix seconds>` and
 * `x-sifa-signature: sha256=<hex of HMAC-SHA256(secret, "<timestamp>.<body>")>`. A receiver
 * recomputes it over the raw body and rejects old timestamps (replays).
 */
import { createHmac } from 'node:crypto';

/** The signature header's value for `body` sent at `timestamp` (unix seconds, as a string). */
export function signatureOf(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export interface SignedPostOptions {
  url: string | URL;
  secret: string;
  /** The JSON text sent (signed exactly as sent). */
  body: string;
  /** Extra headers (`x-sifa-delivery`, `x-sifa-event-id`). */
  headers?: Record<string, string>;
  /** When it is sent (default: the machine's clock). */
  now?: Date;
  /** Default 10 s. */
  timeoutMs?: number;
}

/**
 * POSTs `body` signed; redirects are refused (a redirect could lead the request elsewhere).
 * Throws on a network failure, a timeout or an answer that is not 2xx.
 */
export async function postSigned(options: SignedPostOptions): Promise<void> {
  const timestamp = String(Math.floor((options.now ?? new Date()).getTime() / 1000));
  const res = await fetch(options.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...options.headers,
      'x-sifa-timestamp': timestamp,
      'x-sifa-signature': signatureOf(options.secret, timestamp, options.body),
    },
    body: options.body,
    signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
    redirect: 'error',
  });
  await res.arrayBuffer().catch(() => undefined);
  if (!res.ok) throw new Error(`webhook answered HTTP ${res.status}`);
}
