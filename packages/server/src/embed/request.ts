/**
 * Who a request is, from its credentials and its Origin:
 *
 * - `Authorization: Bearer sk_…`  a host backend with its secret key (`ctx.apiKey`, no actor);
 *                                 only to mint embed tokens, never from a browser on another site
 * - `Authorization: Bearer <jwt>` an embed token → an Actor (`via: 'embed-token'`)
 * - `Authorization: Bearer <other>` a session (auth/sessions.ts)
 * - `x-sifa-key: pk_…`            a publishable key (`ctx.apiKey`)
 *
 * A request from a browser on another origin (Origin present and not this server's) must carry a
 * publishable key listing that origin, or an embed token whose key lists it; otherwise every call
 * is refused with ORIGIN_NOT_ALLOWED. A bad publishable key refuses every call too (UNAUTHENTICATED).
 * A bad bearer token only sets `authError`: public procedures still answer, as for sessions.
 * Requests with no credentials and no foreign Origin never wait for anything here.
 */
import type { IncomingMessage } from 'node:http';
import { SifaError, toSifaError, type ApiKeyIdentity, type SifaContext } from '@sifa/core';
import type { AuthService } from '../auth/sessions.js';
import type { ApiKeyService } from './keys.js';
import { looksLikeSecretKey } from './keys.js';
import { looksLikeJwt, type EmbedTokenService } from './tokens.js';
import { isSameOrigin } from './origins.js';

export interface RequestAuthDeps {
  auth: AuthService;
  keys: ApiKeyService;
  tokens: EmbedTokenService;
}

const originNotAllowed = (origin: string) =>
  new SifaError('ORIGIN_NOT_ALLOWED', { details: { origin: origin.slice(0, 200) } });

export function createRequestAuthenticator(deps: RequestAuthDeps) {
  const { auth, keys, tokens } = deps;

  const resolve = async (ctx: SifaContext, token: string | null, publishable: string | undefined, crossOrigin: string | null): Promise<SifaContext> => {
    let apiKey: ApiKeyIdentity | null = null;
    if (publishable !== undefined) {
      apiKey = await keys.resolvePublishable(publishable);
      if (crossOrigin !== null && !apiKey.allowedOrigins.includes(crossOrigin)) throw originNotAllowed(crossOrigin);
    }
    // From here on, a cross-origin request with `apiKey` set has a key that allows its origin.
    if (token === null) {
      if (crossOrigin !== null && apiKey === null) throw originNotAllowed(crossOrigin);
      return { ...ctx, apiKey };
    }
    if (looksLikeSecretKey(token)) {
      // A secret key in a browser on another site has leaked; never accept it there.
      if (crossOrigin !== null) throw originNotAllowed(crossOrigin);
      try {
        return { ...ctx, apiKey: await keys.resolveSecret(token) };
      } catch (error) {
        return { ...ctx, authError: toSifaError(error) };
      }
    }
    if (looksLikeJwt(token)) {
      const verified = await tokens.verify(token);
      if (crossOrigin !== null) {
        // The token's own key must allow the origin, whatever publishable key came with it.
        if (verified.key === null) {
          if (apiKey === null) throw verified.error ?? originNotAllowed(crossOrigin);
        } else if (!verified.key.allowedOrigins.includes(crossOrigin)) throw originNotAllowed(crossOrigin);
      }
      return verified.actor ? { ...ctx, apiKey, actor: verified.actor } : { ...ctx, apiKey, authError: verified.error };
    }
    if (crossOrigin !== null && apiKey === null) throw originNotAllowed(crossOrigin);
    try {
      return { ...ctx, apiKey, actor: await auth.resolve(token) };
    } catch (error) {
      return { ...ctx, apiKey, authError: toSifaError(error) };
    }
  };

  /** Adds the caller to `ctx` (built with `actor: null`, `apiKey: null`). */
  return (req: IncomingMessage, ctx: SifaContext): SifaContext | Promise<SifaContext> => {
    const token = ctx.bearerToken;
    const publishable = req.headers['x-sifa-key'] as string | undefined;
    const crossOrigin = ctx.origin !== null && !isSameOrigin(ctx.origin, req.headers.host) ? ctx.origin : null;
    if (token === null && publishable === undefined && crossOrigin === null) return ctx;
    return resolve(ctx, token, publishable, crossOrigin);
  };
}
