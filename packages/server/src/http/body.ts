/**
 * Reading request bodies within a limit and a deadline, for tRPC and plugin routes alike, and
 * refusing a body without reading it. A refused or abandoned body ends its connection: the answer
 * goes out with `Connection: close` and the socket is closed after it, so a client cannot keep
 * streaming (or trickling) bytes the server has already said no to.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { SifaError, type LocalizedText } from '@sifa/core';

/** How long a refused upload's connection still discards incoming bytes after the answer, before it is destroyed. */
const lingerMs = 2_000;

/** The slowest uplink an upload must still succeed on: 1 Mbit/s (a township office's line). */
export const slowestUploadBytesPerSecond = 125_000;

/** A body slower than this over any window (`rateWindowMs`) is cut before its deadline: a trickle holds no connection for long. */
export const minBodyBytesPerSecond = 1024;

/** How often the minimum rate is checked (shorter deadlines check at their end only). */
export const rateWindowMs = 5_000;

/** The deadline of a body of at most `maxBytes` when none is declared: at the slowest uplink, and never under `floorMs`. */
export function bodyDeadlineFor(maxBytes: number, floorMs: number): number {
  return Math.max(floorMs, Math.ceil(maxBytes / slowestUploadBytesPerSecond) * 1000);
}

export interface BodyReadOptions {
  /** The 413's message (default: the generic one). */
  message?: LocalizedText | undefined;
  /** The whole body must have arrived this many ms after reading starts, else REQUEST_TIMEOUT (408). */
  timeoutMs: number;
  /** At least this many bytes a second in every rate window (default `minBodyBytesPerSecond`). */
  minBytesPerSecond?: number;
}

/** The declared `Content-Length`, or null when there is none (chunked) or it is not a number. */
export function declaredLength(req: IncomingMessage): number | null {
  const header = req.headers['content-length'];
  if (header === undefined) return null;
  const value = Number(header);
  return Number.isFinite(value) && value >= 0 ? value : null;
}

/** PAYLOAD_TOO_LARGE before a byte is read when the declared length passes `limit`. */
export function refuseDeclaredTooLarge(req: IncomingMessage, limit: number, message?: LocalizedText): void {
  const declared = declaredLength(req);
  if (declared !== null && declared > limit) throw tooLarge(limit, message);
}

const tooLarge = (limit: number, message?: LocalizedText) => new SifaError('PAYLOAD_TOO_LARGE', { ...(message ? { message } : {}), details: { maxBytes: limit } });

/**
 * The body, refused with PAYLOAD_TOO_LARGE as soon as it (or its declared length) passes `limit`,
 * and with REQUEST_TIMEOUT when it has not all arrived within `timeoutMs` or arrives slower than
 * the minimum rate. On refusal nothing more is read (answer with `closeUnreadBody` first).
 */
export function readBodyBytes(req: IncomingMessage, limit: number, options: BodyReadOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = declaredLength(req);
    if (declared !== null && declared > limit) {
      reject(tooLarge(limit, options.message));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const minRate = options.minBytesPerSecond ?? minBodyBytesPerSecond;
    const timedOut = () => new SifaError('REQUEST_TIMEOUT', { details: { timeoutMs: options.timeoutMs, minBytesPerSecond: minRate } });
    const settle = (error: unknown, body?: Buffer) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      clearInterval(rateCheck);
      req.off('data', onData).off('end', onEnd).off('error', onError).off('close', onClose);
      if (error) {
        // Stop taking bytes in; the answer closes the connection (closeUnreadBody).
        req.pause();
        reject(error);
      } else resolve(body!);
    };
    const deadline = setTimeout(() => settle(timedOut()), options.timeoutMs);
    // The minimum rate: every window must bring its share (or what is left of the declared length).
    const window = Math.min(rateWindowMs, options.timeoutMs);
    let sizeAtWindowStart = 0;
    const rateCheck = setInterval(() => {
      const needed = Math.min((minRate * window) / 1000, declared === null ? Infinity : declared - sizeAtWindowStart);
      if (size - sizeAtWindowStart < needed) settle(timedOut());
      sizeAtWindowStart = size;
    }, window);
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        settle(tooLarge(limit, options.message));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => settle(null, Buffer.concat(chunks));
    const onError = (error: unknown) => settle(error);
    // The client went away before the end: nothing will come.
    const onClose = () => settle(new SifaError('BAD_REQUEST', { message: { zh: '请求内容未完整送达。', en: 'The request body did not arrive completely.' } }));
    req.on('data', onData).on('end', onEnd).on('error', onError).on('close', onClose);
  });
}

/** True when the request has a body that was not (entirely) read. */
export function bodyUnread(req: IncomingMessage): boolean {
  if (req.complete && req.readableEnded) return false;
  const declared = declaredLength(req);
  return req.headers['transfer-encoding'] !== undefined || (declared !== null && declared > 0);
}

/**
 * Call before answering a request whose body may be unread (a refusal before or while reading it):
 * the answer says `Connection: close` and the socket is closed once it is written, so the client's
 * upload stops instead of being drained (a keep-alive connection would read the whole body first).
 */
export function closeUnreadBody(req: IncomingMessage, res: ServerResponse): void {
  if (!bodyUnread(req) || res.headersSent) return;
  res.setHeader('connection', 'close');
  const socket = req.socket as IncomingMessage['socket'] & { destroySoon?: () => void };
  // Node ends a `Connection: close` answer with destroySoon(): the socket destroyed as soon as the
  // answer is written. With body bytes still arriving that close is a reset, which can make the
  // client lose the answer. Instead: end our side (FIN), discard what still comes for a moment
  // (lingering close), then destroy.
  socket.destroySoon = () => {
    socket.end();
    setTimeout(() => socket.destroy(), lingerMs).unref();
  };
  res.once('finish', () => {
    req.resume();
    setTimeout(() => {
      if (!socket.destroyed) socket.destroy();
    }, lingerMs).unref();
  });
}
