/** Reading request bodies within a limit, for tRPC and plugin routes alike. */
import type { IncomingMessage } from 'node:http';
import { SifaError, type LocalizedText } from '@sifa/core';

/** The body, refused with PAYLOAD_TOO_LARGE (`message`, else the generic one) as soon as it (or its declared length) passes `limit`. */
export function readBodyBytes(req: IncomingMessage, limit: number, message?: LocalizedText): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const tooLarge = () => new SifaError('PAYLOAD_TOO_LARGE', { ...(message ? { message } : {}), details: { maxBytes: limit } });
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) {
      req.resume();
      reject(tooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.resume();
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
