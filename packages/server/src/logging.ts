/**
 * Structured logs (pino, one JSON line per event) with the request id on every request line.
 * Personal data never reaches a log: every string is scrubbed of resident ID numbers, mobile
 * numbers and bearer tokens before it is written, whatever field it sits in.
 */
import { pino, type Logger } from 'pino';

const idCard = /(?<![0-9])[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[0-9Xx](?![0-9])/g;
const mobile = /(?<![0-9])(?:\+?86[-\s]?)?1[3-9]\d{9}(?![0-9])/g;
const bearer = /\b(Bearer)\s+[A-Za-z0-9._~+/=-]+/gi;
const tokenParam = /([?&](?:token|key|access_token|tk)=)[^&\s]+/gi;

export function scrub(text: string): string {
  return text
    .replace(bearer, '$1 [redacted]')
    .replace(tokenParam, '$1[redacted]')
    .replace(idCard, '[id-number]')
    .replace(mobile, '[phone]');
}

function scrubDeep(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return scrub(value);
  if (value === null || typeof value !== 'object') return value;
  // Deeper than this is not walked, so it is not written either.
  if (depth > 6) return '[truncated]';
  if (value instanceof Error) return { type: value.name, message: scrub(value.message), stack: value.stack ? scrub(value.stack) : undefined };
  if (Array.isArray(value)) return value.map((v) => scrubDeep(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    out[k] = /authorization|password|token|secret|cookie/i.test(k) ? '[redacted]' : scrubDeep(v, depth + 1);
  }
  return out;
}

export function createLogger(options: { level?: string; destination?: pino.DestinationStream } = {}): Logger {
  return pino(
    {
      level: options.level ?? 'info',
      base: { service: 'sifa' },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { log: (object) => scrubDeep(object) as Record<string, unknown> },
      hooks: {
        logMethod(args, method) {
          // Given an Error and no message, pino writes the error's own message as msg, past the
          // formatter: pass it explicitly so it is scrubbed like every other string.
          const all: unknown[] = args[0] instanceof Error && typeof args[1] !== 'string' ? [args[0], args[0].message, ...args.slice(1)] : args;
          method.apply(this, all.map((a) => (typeof a === 'string' ? scrub(a) : a)) as Parameters<typeof method>);
        },
      },
    },
    options.destination,
  );
}

export type { Logger };
