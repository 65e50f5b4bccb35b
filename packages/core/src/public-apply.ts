/**
 * Citizens applying on a public page, without an account (`platform.publicForms.*`): the first public
 * write path. A case type opts in with `publicForm` (casework.ts); a page presents a publishable key
 * (`x-sifa-key`), whose subtree bounds the offices it can send to. The server limits submissions per
 * key and per client (`TOO_MANY_REQUESTS` with `retryAfter`), asks a client past its threshold for a
 * proof of work (`CHALLENGE_REQUIRED`: no third-party service), answers a repeated application (the
 * same applicant and matter within a day) with the first one's number, records the consent, and
 * gives the applicant a tracking number and a secret code to follow the application without an
 * account (`platform.publicForms.status` reveals nothing without both).
 */
import { z } from 'zod';
import type { LocalizedText } from './locale.js';
import type { CaseFieldSpec } from './casework.js';

const typeCode = z.string().regex(/^[a-z][a-z0-9-]*\.[a-z0-9][a-z0-9.-]*$/).max(80);

export const publicApplyFormsInputSchema = z.object({ type: typeCode.optional() }).default({});

export const publicApplyChallengeInputSchema = z.object({ type: typeCode });

export const publicApplySubmitInputSchema = z.object({
  type: typeCode,
  /** The office that receives it (a 9-digit township office code in the key's subtree). */
  orgCode: z.string().regex(/^\d{9}$/),
  fields: z.record(z.string(), z.unknown()),
  /** The consent shown (its `consentVersion`) and accepted. */
  consent: z.object({ accepted: z.literal(true), version: z.string().regex(/^[0-9a-f]{16}$/) }),
  /** A solved challenge, when the server asked for one (`platform.publicForms.challenge`). */
  proof: z.object({ challenge: z.string().max(300), nonce: z.string().regex(/^[0-9a-f]{1,16}$/) }).optional(),
});
export type PublicApplySubmitInput = z.input<typeof publicApplySubmitInputSchema>;

export const publicApplyStatusInputSchema = z.object({
  /** The tracking number (the case number). */
  number: z.string().trim().min(1).max(60),
  /** The secret code given with it. */
  code: z
    .string()
    .trim()
    .regex(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/i)
    .transform((c) => c.toUpperCase()),
});
export type PublicApplyStatusInput = z.input<typeof publicApplyStatusInputSchema>;

/** A public form as pages get it. */
export interface PublicFormView {
  type: string;
  title: LocalizedText;
  description: LocalizedText | null;
  intro: LocalizedText | null;
  /** The fields asked, in order (`caseFieldsSchema` validates them, as the server does). */
  fields: Record<string, CaseFieldSpec>;
  order: string[];
  consent: LocalizedText;
  /** Changes whenever the consent text does: sent back with the submission. */
  consentVersion: string;
}

export interface PublicApplyChallenge {
  challenge: string;
  /** Leading zero bits SHA-256(challenge + ':' + nonce) must have. */
  difficulty: number;
  expiresAt: string;
}

export type PublicApplySubmitResult =
  | { duplicate: false; number: string; code: string; receivedOn: string; orgName: LocalizedText }
  /** The same applicant and matter within a day: the first application's number (its code was given then). */
  | { duplicate: true; number: string; receivedOn: string; orgName: LocalizedText };

/** What an applicant sees of their application: no personal data, no staff names. */
export interface PublicApplyStatus {
  number: string;
  type: string;
  typeTitle: LocalizedText;
  orgName: LocalizedText;
  receivedOn: string;
  state: string;
  stateTitle: LocalizedText;
  closed: boolean;
  steps: { title: LocalizedText; on: string }[];
  nextDeadline: { title: LocalizedText; due: string } | null;
}
