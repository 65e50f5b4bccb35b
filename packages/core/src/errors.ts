/**
 * The one error model of Sifa Kit. Every failure that reaches a caller is a SifaError with a
 * code from a closed set; each code maps to one tRPC code (and so one HTTP status) and carries
 * a message that tells the user what to do, in every UI language. Internals (stack, SQL, table
 * names) never leave the server: `toSifaError` replaces anything unknown with INTERNAL.
 */
import { TRPCError } from '@trpc/server';
import type { Locale, LocalizedText } from './locale.js';
import { pickText } from './locale.js';

type TRPCCode = TRPCError['code'];

interface CodeSpec {
  trpc: TRPCCode;
  http: number;
  message: LocalizedText;
}

export const sifaErrorCodes = {
  PARSE_ERROR: {
    trpc: 'PARSE_ERROR',
    http: 400,
    message: {
      zh: '请求内容不是有效的 JSON，请检查后重新提交。',
      en: 'The request body is not valid JSON. Check it and send it again.',
    },
  },
  VALIDATION_FAILED: {
    trpc: 'BAD_REQUEST',
    http: 400,
    message: {
      zh: '填写的内容有误，请按提示修改后再提交。',
      en: 'Some fields are not valid. Correct them as indicated and submit again.',
    },
  },
  BAD_REQUEST: {
    trpc: 'BAD_REQUEST',
    http: 400,
    message: {
      zh: '请求格式不正确。',
      en: 'The request is not well formed.',
    },
  },
  UNAUTHENTICATED: {
    trpc: 'UNAUTHORIZED',
    http: 401,
    message: {
      zh: '请先登录。',
      en: 'Please sign in first.',
    },
  },
  TOKEN_EXPIRED: {
    trpc: 'UNAUTHORIZED',
    http: 401,
    message: {
      zh: '登录已过期，请重新登录。',
      en: 'Your session has expired. Please sign in again.',
    },
  },
  INVALID_CREDENTIALS: {
    trpc: 'UNAUTHORIZED',
    http: 401,
    message: {
      zh: '用户名或密码不正确。',
      en: 'The user name or password is not correct.',
    },
  },
  ACCOUNT_LOCKED: {
    trpc: 'TOO_MANY_REQUESTS',
    http: 429,
    message: {
      zh: '登录失败次数过多，账号已暂时锁定，请稍后再试。',
      en: 'Too many failed sign-in attempts. The account is locked for a while; try again later.',
    },
  },
  FORBIDDEN: {
    trpc: 'FORBIDDEN',
    http: 403,
    message: {
      zh: '您没有执行此操作的权限。',
      en: 'You do not have permission to do this.',
    },
  },
  ORIGIN_NOT_ALLOWED: {
    trpc: 'FORBIDDEN',
    http: 403,
    message: {
      zh: '此网站未获准调用该服务，请管理员在密钥的允许来源中加入本站地址。',
      en: 'This website is not allowed to call the service. An administrator must add its origin to the key\'s allowed origins.',
    },
  },
  OUT_OF_SCOPE: {
    trpc: 'FORBIDDEN',
    http: 403,
    message: {
      zh: '该单位不在您的管辖范围内。',
      en: 'That organisation is outside the area you manage.',
    },
  },
  NOT_FOUND: {
    trpc: 'NOT_FOUND',
    http: 404,
    message: {
      zh: '找不到请求的内容。',
      en: 'The requested item was not found.',
    },
  },
  PROCEDURE_NOT_FOUND: {
    trpc: 'NOT_FOUND',
    http: 404,
    message: {
      zh: '请求的接口不存在，请检查接口名称和 SDK 版本。',
      en: 'No such API procedure. Check the procedure name and your SDK version.',
    },
  },
  METHOD_NOT_SUPPORTED: {
    trpc: 'METHOD_NOT_SUPPORTED',
    http: 405,
    message: {
      zh: '请求方法不正确：查询用 GET，修改用 POST。',
      en: 'Wrong HTTP method: use GET for queries and POST for mutations.',
    },
  },
  CONFLICT: {
    trpc: 'CONFLICT',
    http: 409,
    message: {
      zh: '数据已被修改或已存在，请刷新后重试。',
      en: 'The data was changed or already exists. Refresh and try again.',
    },
  },
  RETRY_LATER: {
    trpc: 'CONFLICT',
    http: 409,
    message: {
      zh: '相同的请求正在处理中，请稍后重试。',
      en: 'The same request is still being processed. Try again shortly.',
    },
  },
  REQUEST_TIMEOUT: {
    trpc: 'TIMEOUT',
    http: 408,
    message: {
      zh: '请求内容传输过慢，未能按时送达，请检查网络后重新提交。',
      en: 'The request body arrived too slowly and was not accepted. Check the connection and send it again.',
    },
  },
  PAYLOAD_TOO_LARGE: {
    trpc: 'PAYLOAD_TOO_LARGE',
    http: 413,
    message: {
      zh: '提交的内容过大，请减少内容或分批提交。',
      en: 'The request is too large. Send less data, or send it in smaller batches.',
    },
  },
  UNSUPPORTED_MEDIA_TYPE: {
    trpc: 'UNSUPPORTED_MEDIA_TYPE',
    http: 415,
    message: {
      zh: '请以 application/json 格式提交。',
      en: 'Send the request body as application/json.',
    },
  },
  RATE_LIMITED: {
    trpc: 'TOO_MANY_REQUESTS',
    http: 429,
    message: {
      zh: '请求过于频繁，请稍后再试。',
      en: 'Too many requests. Try again later.',
    },
  },
  CHALLENGE_REQUIRED: {
    trpc: 'TOO_MANY_REQUESTS',
    http: 429,
    message: {
      zh: '提交较多，请先完成验证（浏览器将自动计算，几秒钟即可）。',
      en: 'Many submissions came from here: solve the check first (the browser computes it in a few seconds).',
    },
  },
  UNAVAILABLE: {
    trpc: 'SERVICE_UNAVAILABLE',
    http: 503,
    message: {
      zh: '服务暂时不可用，请稍后再试。',
      en: 'The service is temporarily unavailable. Try again later.',
    },
  },
  DATABASE_UNAVAILABLE: {
    trpc: 'SERVICE_UNAVAILABLE',
    http: 503,
    message: {
      zh: '数据库暂时无法连接，本次操作没有确认保存。请过几秒钟再试一次。',
      en: 'The database cannot be reached right now, so this was not confirmed as saved. Try again in a few seconds.',
    },
  },
  INTERNAL: {
    trpc: 'INTERNAL_SERVER_ERROR',
    http: 500,
    message: {
      zh: '服务器内部错误，请稍后重试；如果问题持续，请把请求编号告诉管理员。',
      en: 'Something went wrong on the server. Try again; if it persists, give the request id to your administrator.',
    },
  },
} as const satisfies Record<string, CodeSpec>;

export type SifaErrorCode = keyof typeof sifaErrorCodes;

/** One problem with one field of the input, as shown next to that field. */
export interface FieldIssue {
  /** Dotted path of the field, '' for the whole input. */
  path: string;
  message: string;
}

export interface SifaErrorOptions {
  /** A more specific message than the code's default. */
  message?: LocalizedText;
  issues?: FieldIssue[];
  /** Safe, non-secret details for the caller (ranges, limits, ids). */
  details?: Record<string, string | number | boolean | null>;
  /**
   * The declared error this is (`plans.revisionConflict`), set by `pluginError()` once the
   * details matched the declared shape; clients narrow on it with `isPluginError`.
   */
  pluginError?: string;
  cause?: unknown;
}

export class SifaError extends TRPCError {
  readonly sifaCode: SifaErrorCode;
  readonly localized: LocalizedText;
  readonly issues: FieldIssue[];
  readonly details: Record<string, string | number | boolean | null>;
  /** The declared plugin error (`<plugin id>.<name>`), or null. */
  readonly pluginError: string | null;

  constructor(code: SifaErrorCode, options: SifaErrorOptions = {}) {
    const spec: CodeSpec = sifaErrorCodes[code];
    const localized = options.message ?? spec.message;
    super({ code: spec.trpc, message: localized.en, cause: options.cause });
    this.name = 'SifaError';
    this.sifaCode = code;
    this.localized = localized;
    this.issues = options.issues ?? [];
    this.details = options.details ?? {};
    this.pluginError = options.pluginError ?? null;
  }

  get httpStatus(): number {
    return sifaErrorCodes[this.sifaCode].http;
  }

  messageFor(locale: Locale): string {
    return pickText(this.localized, locale);
  }
}

const trpcToSifa: Partial<Record<TRPCCode, SifaErrorCode>> = {
  PARSE_ERROR: 'PARSE_ERROR',
  BAD_REQUEST: 'BAD_REQUEST',
  UNAUTHORIZED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  METHOD_NOT_SUPPORTED: 'METHOD_NOT_SUPPORTED',
  CONFLICT: 'CONFLICT',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  UNSUPPORTED_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  TOO_MANY_REQUESTS: 'RATE_LIMITED',
  SERVICE_UNAVAILABLE: 'UNAVAILABLE',
};

/** Seconds a caller is told to wait (`Retry-After`) when the database cannot be reached. */
export const databaseRetryAfterSeconds = 5;

// postgres.js connection codes and Node socket errors: the connection, not the query, failed.
const connectionFailureCodes = new Set([
  'CONNECTION_CLOSED',
  'CONNECTION_DESTROYED',
  'CONNECTION_ENDED',
  'CONNECT_TIMEOUT',
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

/**
 * The code of a lost or refused database connection in `error` or its causes (drizzle wraps the
 * driver's error), or null: a socket failure, or SQLSTATE class 08 (connection exception) or
 * 57P01–57P03 (the server shutting down, crashed, or not yet accepting connections).
 * Structural, so core needs no driver.
 */
export function databaseConnectionFailure(error: unknown): string | null {
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code !== 'string') continue;
    if (connectionFailureCodes.has(code) || /^08[0-9A-Z]{3}$/.test(code) || /^57P0[123]$/.test(code)) return code;
  }
  return null;
}

/** Structural check so a SifaError from another copy of this package is still recognised. */
export function isSifaError(value: unknown): value is SifaError {
  return value instanceof SifaError || (value instanceof Error && typeof (value as Partial<SifaError>).sifaCode === 'string' && 'localized' in value);
}

/**
 * Normalises anything thrown into a SifaError. Validation failures keep their field issues
 * (localized by `formatIssues`); unknown errors become INTERNAL and keep the original only as
 * `cause` for the server log.
 */
export function toSifaError(
  error: unknown,
  formatIssues?: (zodLikeError: unknown) => FieldIssue[] | null,
): SifaError {
  if (isSifaError(error)) return error;
  if (error instanceof TRPCError) {
    if (error.cause && isSifaError(error.cause)) return error.cause;
    const issues = formatIssues?.(error.cause) ?? null;
    if (issues) return new SifaError('VALIDATION_FAILED', { issues, cause: error });
    if (error.code === 'NOT_FOUND' && /procedure (found )?on path/i.test(error.message)) {
      return new SifaError('PROCEDURE_NOT_FOUND', { cause: error });
    }
    const mapped = trpcToSifa[error.code];
    if (mapped) return new SifaError(mapped, { cause: error });
  }
  const issues = formatIssues?.(error) ?? null;
  if (issues) return new SifaError('VALIDATION_FAILED', { issues, cause: error });
  // A database that went away mid-request is an outage to wait out, not a bug: 503 + Retry-After.
  const lost = databaseConnectionFailure(error);
  if (lost) return new SifaError('DATABASE_UNAVAILABLE', { details: { retryAfter: databaseRetryAfterSeconds }, cause: error });
  return new SifaError('INTERNAL', { cause: error });
}
