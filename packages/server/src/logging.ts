/**
 * Structured logs (pino, one JSON line per event) with the request id on every request line.
 * Personal data never reaches a log: every string is scrubbed of resident ID numbers, mobile
 * numbers and bearer tokens before it is written, whatever field it sits in.
 * A database error is logged by what the database said (`errorForLog`): message, SQLSTATE,
 * severity and the schema/table/column/constraint names — never the query's parameters, the
 * error's `detail` (it can hold row values) or the query text.
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

/** The fields of a PostgreSQL error that name things, never values (postgres.js and PGlite spellings). */
const dbNameFields = [
  ['schema', 'schema_name', 'schema'],
  ['table', 'table_name', 'table'],
  ['column', 'column_name', 'column'],
  ['dataType', 'data_type_name', 'dataType'],
  ['constraint', 'constraint_name', 'constraint'],
] as const;

type Fields = Record<string, unknown>;

/** A PostgreSQL error as postgres.js (`PostgresError`) or PGlite (`DatabaseError`) throws it. */
function isDatabaseError(value: Fields): boolean {
  return typeof value.code === 'string' && /^[0-9A-Z]{5}$/.test(value.code) && typeof value.message === 'string' && (typeof value.severity === 'string' || typeof value.routine === 'string');
}

/** A wrapper that carries the query and its parameters (drizzle's `DrizzleQueryError`): its message quotes both. */
function carriesQuery(value: Fields): boolean {
  return 'params' in value || 'parameters' in value || 'query' in value;
}

/**
 * The database's message. Data exceptions (SQLSTATE class 22) quote the offending input
 * (`invalid input syntax for type integer: "…"`), so their quoted parts are dropped.
 */
function databaseMessage(code: string, message: string): string {
  return code.startsWith('22') ? message.replace(/"[^"]*"/g, '"[value]"') : message;
}

/** The stack's frames only: its first lines repeat the message, which may quote a query. */
function framesOf(stack: unknown): string | undefined {
  if (typeof stack !== 'string') return undefined;
  const frames = stack.split('\n').filter((line) => /^\s+at /.test(line));
  return frames.length ? frames.join('\n') : undefined;
}

/**
 * What a log line says about an error. The cause chain is walked: when it holds a database error,
 * the line carries that error's message, code, severity and names (schema, table, column, data
 * type, constraint), and no message of a link that quotes the query or its parameters; otherwise
 * the outermost message that quotes no query. Parameters, `detail`, `where`, hints and query text
 * are never copied. Strings are scrubbed afterwards like every other logged string.
 */
export function errorForLog(error: Error): Record<string, unknown> {
  const chain: Fields[] = [];
  for (let link: unknown = error; link !== null && typeof link === 'object' && chain.length < 8 && !chain.includes(link as Fields); link = (link as Fields).cause) {
    chain.push(link as Fields);
  }
  const stack = framesOf(error.stack);
  const database = chain.find(isDatabaseError);
  if (database) {
    const code = database.code as string;
    const out: Record<string, unknown> = { type: 'DatabaseError', message: databaseMessage(code, database.message as string), code };
    const severity = database.severity ?? database.severity_local;
    if (typeof severity === 'string') out.severity = severity;
    for (const [name, ...spellings] of dbNameFields) {
      for (const spelling of spellings) {
        const value = database[spelling];
        if (typeof value === 'string' && value) {
          out[name] = value;
          break;
        }
      }
    }
    if (typeof database.routine === 'string') out.routine = database.routine;
    if (stack) out.stack = stack;
    return out;
  }
  // Messages that quote a query: the wrapper's own and any copy of it further out (tRPC copies its cause's message).
  const quoting = new Set(chain.filter(carriesQuery).map((link) => link.message));
  const readable = chain.find((link) => !carriesQuery(link) && typeof link.message === 'string' && !quoting.has(link.message));
  return {
    type: typeof error.name === 'string' ? error.name : 'Error',
    message: readable ? (readable.message as string) : '[a failed query]',
    stack: quoting.size ? stack : error.stack,
  };
}

function scrubDeep(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return scrub(value);
  if (value === null || typeof value !== 'object') return value;
  // Deeper than this is not walked, so it is not written either.
  if (depth > 6) return '[truncated]';
  if (value instanceof Error) return scrubDeep(errorForLog(value), depth + 1);
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
      // The formatter has already made errors plain objects (errorForLog); pino's own error
      // serializer would rename their type and copy every field back.
      serializers: { err: (value: unknown) => value },
      hooks: {
        logMethod(args, method) {
          // Given an Error and no message, pino writes the error's own message as msg, past the
          // formatter: pass it explicitly so it is scrubbed like every other string.
          const all: unknown[] = args[0] instanceof Error && typeof args[1] !== 'string' ? [args[0], errorForLog(args[0]).message, ...args.slice(1)] : args;
          method.apply(this, all.map((a) => (typeof a === 'string' ? scrub(a) : a)) as Parameters<typeof method>);
        },
      },
    },
    options.destination,
  );
}

export type { Logger };
