/**
 * A plain HTTP endpoint on a free port for what the server sends out under test (record-change
 * webhooks, the webhook notification channel): it keeps each request's headers and body, in order,
 * and answers with the status `answer()` gives for it (200 unless told otherwise).
 *
 * ```ts
 * const hook = await startHttpReceiver(() => (failing ? 500 : 200));
 * // … subscribe hook.url, make a change, dispatch …
 * expect(hook.received.map((r) => JSON.parse(r.body).type)).toEqual(['diary.entry.saved']);
 * await hook.close();
 * ```
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface HttpReceiver {
  /** `http://127.0.0.1:<port>/hook`. */
  url: string;
  /** Every request so far, oldest first (clear it with `received.length = 0`). */
  received: ReceivedRequest[];
  close(): Promise<void>;
}

export async function startHttpReceiver(answer: (request: ReceivedRequest) => number = () => 200): Promise<HttpReceiver> {
  const received: ReceivedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const request = { method: req.method ?? 'GET', path: req.url ?? '/', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      received.push(request);
      res.writeHead(answer(request)).end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
