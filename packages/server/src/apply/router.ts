/**
 * `platform.publicForms.*`: citizens applying on a public page with the page's publishable key (see
 * service.ts). Public procedures: the key is the credential; limits and the proof of work guard them.
 */
import { createRouter, publicApplyChallengeInputSchema, publicApplyFormsInputSchema, publicApplyStatusInputSchema, publicApplySubmitInputSchema, publicProcedure } from '@sifa/core';
import type { ApplyPlatform } from './service.js';

export function createApplyRouter(apply: ApplyPlatform) {
  const caller = (ctx: { apiKey: import('@sifa/core').ApiKeyIdentity | null; clientAddress?: string | null | undefined }) => ({ apiKey: ctx.apiKey, clientAddress: ctx.clientAddress ?? null });
  return createRouter({
    /** The public forms offered (fields, consent and its version). */
    list: publicProcedure.input(publicApplyFormsInputSchema).query(({ ctx, input }) => apply.forms(caller(ctx), input.type)),
    /** A proof-of-work challenge, for a client asked for one (`CHALLENGE_REQUIRED`). */
    challenge: publicProcedure.input(publicApplyChallengeInputSchema).mutation(({ ctx, input }) => apply.challenge(caller(ctx), input.type)),
    /** Sends an application into an office of the key's subtree: its tracking number and secret code. */
    submit: publicProcedure.input(publicApplySubmitInputSchema).mutation(({ ctx, input }) => apply.submit(caller(ctx), input)),
    /**
     * The state of an application, by its number and secret code (nothing without both). A POST,
     * though it changes nothing: the code must never travel in a URL (access logs, history).
     */
    status: publicProcedure.input(publicApplyStatusInputSchema).mutation(({ ctx, input }) => apply.status(caller(ctx), input)),
  });
}
