/**
 * `platform.embed` (minting embed tokens with a secret key) and `platform.keys` (managing keys,
 * for administrators signed in with a session, within their own subtree). Key management goes
 * through the owner connection, not a scoped transaction: the scoped role has no grants on
 * api_keys, and the subtree filter is applied here.
 */
import { z } from 'zod';
import { createRouter, orgCodeSchema, permittedProcedure, publicProcedure, roleKeySchema, roleSchema, SifaError } from '@sifa/core';
import type { ApiKeyService } from './keys.js';
import { defaultEmbedTtlSeconds, maxEmbedTtlSeconds, minEmbedTtlSeconds, type EmbedTokenService } from './tokens.js';

export const keysManagePermission = 'platform.keys.manage';

/** Printable text without control characters. */
const plainText = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .regex(/^[^\p{Cc}]+$/u);

export const mintInputSchema = z.object({
  user: z.object({ id: plainText(128), displayName: plainText(100) }),
  role: roleSchema,
  orgCode: orgCodeSchema,
  /** A department role (`platform.roles.*`) with `role` as its base: the token carries its permissions instead of the role's defaults. */
  department: z.object({ key: roleKeySchema, orgCode: orgCodeSchema }).optional(),
  ttlSeconds: z.number().int().min(minEmbedTtlSeconds).max(maxEmbedTtlSeconds).default(defaultEmbedTtlSeconds),
});

const keyIdSchema = z.string().min(1).max(64);

/** Signed in with a session and holding platform.keys.manage (checked by the platform). */
const managerProcedure = permittedProcedure(keysManagePermission).use(({ ctx, next }) => {
  // An embed token is short-lived by design; it must not be able to create long-lived keys.
  if (ctx.actor.via !== 'session') {
    throw new SifaError('FORBIDDEN', {
      message: { zh: '密钥只能由登录的管理员管理，嵌入页面中不能管理。', en: 'Keys are managed by administrators signed in to Sifa Kit, not from an embedded widget.' },
      details: { permission: keysManagePermission },
    });
  }
  return next({ ctx: { manager: { actorId: ctx.actor.userId, actorRole: ctx.actor.role, withinPath: ctx.actor.scope.orgPath, locale: ctx.locale } } });
});

export function createEmbedRouters(deps: { keys: ApiKeyService; tokens: EmbedTokenService }) {
  const embed = createRouter({
    /** For host backends: `Authorization: Bearer sk_…`. Returns a token for one user and org. */
    mint: publicProcedure.input(mintInputSchema).mutation(({ ctx, input }) => {
      if (ctx.apiKey?.kind !== 'secret') {
        throw ctx.authError ??
          new SifaError('UNAUTHENTICATED', {
            message: { zh: '请使用密钥调用：Authorization: Bearer sk_…', en: 'Call this with your secret key: Authorization: Bearer sk_…' },
          });
      }
      return deps.tokens.mint(ctx.apiKey, input, ctx.locale);
    }),
  });

  const keys = createRouter({
    /** Creates a key; the returned `key` is shown this once. */
    create: managerProcedure
      .input(
        z.object({
          kind: z.enum(['publishable', 'secret']),
          label: z.string().trim().max(100).default(''),
          /** Defaults to the caller's own org. */
          orgCode: orgCodeSchema.optional(),
          allowedOrigins: z.array(z.string().max(300)).max(50).default([]),
          /** Publishable keys: only these public forms (case types); absent: every public form offered. */
          publicForms: z.array(z.string().regex(/^[a-z][a-z0-9-]*\.[a-z0-9][a-z0-9.-]*$/).max(80)).max(50).optional(),
        }),
      )
      .mutation(({ ctx, input }) =>
        deps.keys.create(ctx.manager, { kind: input.kind, label: input.label, orgCode: input.orgCode ?? ctx.actor.scope.orgCode, allowedOrigins: input.allowedOrigins, publicForms: input.publicForms ?? null }),
      ),
    /** Keys of the caller's subtree, revoked ones included; never a secret. */
    list: managerProcedure.query(({ ctx }) => deps.keys.list(ctx.manager.withinPath)),
    revoke: managerProcedure.input(z.object({ id: keyIdSchema })).mutation(({ ctx, input }) => deps.keys.revoke(ctx.manager, input.id)),
  });

  return { embed, keys };
}
