/**
 * For host sites' backends: mint an embed token for the signed-in user of the host site, to hand
 * to the private widget (which calls the host back for a new one before it expires). Keep the
 * secret key on the server; never send it to a browser.
 *
 * ```ts
 * const { token, expiresAt } = await mintEmbedToken({
 *   endpoint: 'https://sifa.example.gov.cn', secretKey: process.env.SIFA_SECRET_KEY!,
 *   user: { id: 'u-1024', displayName: '王芳' }, role: 'office_staff', orgCode: '150402001',
 * });
 * ```
 */
import type { Role } from '@sifa/core';

export interface MintEmbedTokenOptions {
  /** The Sifa Kit server's base URL (`https://sifa.example.gov.cn`); a trailing `/trpc` is accepted. */
  endpoint: string;
  /** `sk_…` */
  secretKey: string;
  user: { id: string; displayName: string };
  role: Role;
  orgCode: string;
  /** A department role (`platform.roles.define`) with `role` as its base: the token gets its permissions instead of the role's defaults. */
  department?: { key: string; orgCode: string };
  /** 60..3600, default 600. */
  ttlSeconds?: number;
  /** Defaults to the global fetch. */
  fetch?: typeof fetch;
  /** Locale of the error messages (`zh-CN`, `en`); default `en`. */
  locale?: string;
}

/** A refused or failed mint; `code` is the Sifa error code when the server answered with one. */
export class EmbedTokenError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string | null,
    readonly requestId: string | null,
  ) {
    super(message);
    this.name = 'EmbedTokenError';
  }
}

interface TrpcAnswer {
  result?: { data?: { token?: unknown; expiresAt?: unknown } };
  error?: { message?: string; data?: { sifaCode?: string; requestId?: string | null; issues?: { path: string; message: string }[] } };
}

function parseAnswer(text: string): TrpcAnswer | null {
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null ? (parsed as TrpcAnswer) : null;
  } catch {
    return null;
  }
}

export async function mintEmbedToken(options: MintEmbedTokenOptions): Promise<{ token: string; expiresAt: string }> {
  const base = options.endpoint.replace(/\/+$/, '').replace(/\/trpc$/, '');
  const url = `${base}/trpc/platform.embed.mint`;
  const doFetch = options.fetch ?? fetch;
  const input = {
    user: options.user,
    role: options.role,
    orgCode: options.orgCode,
    ...(options.department === undefined ? {} : { department: options.department }),
    ...(options.ttlSeconds === undefined ? {} : { ttlSeconds: options.ttlSeconds }),
  };
  let res: Response;
  try {
    res = await doFetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${options.secretKey}`, 'x-sifa-locale': options.locale ?? 'en' },
      body: JSON.stringify(input),
    });
  } catch (error) {
    throw new EmbedTokenError(`Could not reach ${url}: ${error instanceof Error ? error.message : String(error)}`, 0, null, null);
  }
  const text = await res.text();
  const body = parseAnswer(text);
  const data = body?.result?.data;
  if (res.ok && data && typeof data.token === 'string' && typeof data.expiresAt === 'string') {
    return { token: data.token, expiresAt: data.expiresAt };
  }
  const error = body?.error;
  const issues = error?.data?.issues?.map((i) => `${i.path || '(input)'}: ${i.message}`).join('; ');
  const requestId = error?.data?.requestId ?? res.headers.get('x-request-id');
  const message = error?.message
    ? `Minting an embed token failed (${res.status} ${error.data?.sifaCode ?? 'error'}): ${error.message}${issues ? ` [${issues}]` : ''}${requestId ? ` (request ${requestId})` : ''}`
    : `Minting an embed token failed: ${url} answered ${res.status} without a Sifa Kit result.`;
  throw new EmbedTokenError(message, res.status, error?.data?.sifaCode ?? null, requestId);
}
