/**
 * Who a request is, from its credentials and its Origin:
 *
 * - `Authorization: Bearer sk_…`  a host backend with its secret key (`ctx.apiKey`, no actor);
 *                                 only to mint embed tokens, never from a browser on another site
 * - `Authorization: Bearer <jwt>` an embed token → an Actor (`via: 'embed-token'`)
 * - `Authorization: Bearer <other>` a session (auth/sessions.ts)
 * - `x-sifa-key: pk_…`            a publishable key (`ctx.apiKey`)
 *
 * A request from a browser on another origin (Origin present and not one of this server's public
 * origins; the Host header plays no part) must carry a publishable key allowing that origin
 * (exactly or by a one-label wildcard), or an embed token whose key allows it; otherwise every call
 * is refused with ORIGIN_NOT_ALLOWED. Origins bind browsers only: a client that sends no Origin
 * (a script, curl) is not cross-origin, and a publishable key alone reads its subtree's public
 * data. A bad publishable key refuses every call too (UNAUTHENTICATED).
 * A bad bearer token only sets `authError`: public procedures still answer, as for sessions.
 * Only the first resolution of a request slides a session's idle window: an open stream's
 * re-checks (the same request resolved again) must not keep an idle session alive.
 * Requests with no credentials and no foreign Origin never wait for anything here.
 */
import type { IncomingMessage } from 'node:http';
import { SifaError, toSifaError, type ApiKeyIdentity, type SifaContext } from '@sifa/core';
import type { AuthService } from '../auth/sessions.js';
import type { ApiKeyService } from './keys.js';
import { looksLikeSecretKey } from './keys.js';
import { looksLikeJwt, type EmbedTokenService } from './tokens.js';
import { isSameOrigin, originAllowedBy, type PublicOrigins } from './origins.js';
import type { BucketLimit, RateLimiter } from '../auth/rate-limit.js';

export interface RequestAuthDeps {
  auth: AuthService;
  keys: ApiKeyService;
  tokens: EmbedTokenService;
  /** The server's own public origins (known once it listens, when derived from its address). */
  publicOrigins(): PublicOrigins;
  /**
   * Requests per API key (publishable or secret; embed tokens are their users' own), one bucket
   * per key shared by every instance: RATE_LIMITED with retryAfter once it is empty. Absent: no limit.
   */
  keyRate?: { limiter: RateLimiter; limit: BucketLimit };
}

const originNotAllowed = (origin: string) =>
  new SifaError('ORIGIN_NOT_ALLOWED', { details: { origin: origin.slice(0, 200) } });

export function createRequestAuthenticator(deps: RequestAuthDeps) {
  const { auth, keys, tokens, keyRate } = deps;
  // A request is counted once: an open stream re-checks its credential with the same request.
  const counted = new WeakSet<IncomingMessage>();
  // Requests whose session has been resolved once: a later resolution of the same request is an
  // open stream's re-check, which must not slide the session's idle window (only real use does).
  const sessionSeen = new WeakSet<IncomingMessage>();

  const countKeyRequest = async (req: IncomingMessage, key: ApiKeyIdentity) => {
    if (!keyRate || counted.has(req)) return;
    counted.add(req);
    await keyRate.limiter.takeOrThrow(`api-key:${key.id}`, keyRate.limit, (retryAfter) => ({
      zh: `此网站的请求过于频繁，请 ${retryAfter} 秒后再试。`,
      en: `Too many requests with this site's key. Try again in ${retryAfter} seconds.`,
    }));
  };

  const resolve = async (req: IncomingMessage, ctx: SifaContext, token: string | null, publishable: string | undefined, crossOrigin: string | null): Promise<SifaContext> => {
    let apiKey: ApiKeyIdentity | null = null;
    if (publishable !== undefined) {
      apiKey = await keys.resolvePublishable(publishable);
      if (crossOrigin !== null && !originAllowedBy(apiKey.allowedOrigins, crossOrigin)) throw originNotAllowed(crossOrigin);
      await countKeyRequest(req, apiKey);
    }
    // From here on, a cross-origin request with `apiKey` set has a key that allows its origin.
    if (token === null) {
      if (crossOrigin !== null && apiKey === null) throw originNotAllowed(crossOrigin);
      return { ...ctx, apiKey };
    }
    if (looksLikeSecretKey(token)) {
      // A secret key in a browser on another site has leaked; never accept it there.
      if (crossOrigin !== null) throw originNotAllowed(crossOrigin);
      let secret: ApiKeyIdentity;
      try {
        secret = await keys.resolveSecret(token);
      } catch (error) {
        return { ...ctx, authError: toSifaError(error) };
      }
      await countKeyRequest(req, secret);
      return { ...ctx, apiKey: secret };
    }
    if (looksLikeJwt(token)) {
      const verified = await tokens.verify(token);
      if (crossOrigin !== null) {
        // The token's own key must allow the origin, whatever publishable key came with it.
        if (verified.key === null) {
          if (apiKey === null) throw verified.error ?? originNotAllowed(crossOrigin);
        } else if (!originAllowedBy(verified.key.allowedOrigins, crossOrigin)) throw originNotAllowed(crossOrigin);
      }
      return verified.actor ? { ...ctx, apiKey, actor: verified.actor } : { ...ctx, apiKey, authError: verified.error };
    }
    if (crossOrigin !== null && apiKey === null) throw originNotAllowed(crossOrigin);
    try {
      const recheck = sessionSeen.has(req);
      sessionSeen.add(req);
      return { ...ctx, apiKey, actor: await auth.resolve(token, { slide: !recheck }) };
    } catch (error) {
      return { ...ctx, apiKey, authError: toSifaError(error) };
    }
  };

  /** Adds the caller to `ctx` (built with `actor: null`, `apiKey: null`). */
  return (req: IncomingMessage, ctx: SifaContext): SifaContext | Promise<SifaContext> => {
    const token = ctx.bearerToken;
    const publishable = req.headers['x-sifa-key'] as string | undefined;
    const crossOrigin = ctx.origin !== null && !isSameOrigin(ctx.origin, deps.publicOrigins()) ? ctx.origin : null;
    if (token === null && publishable === undefined && crossOrigin === null) return ctx;
    return resolve(req, ctx, token, publishable, crossOrigin);
  };
}
