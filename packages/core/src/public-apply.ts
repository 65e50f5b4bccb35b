/**
 * Citizens applying on a public page, without an account (`platform.publicForms.*`): the first public
 * write path. A case type opts in with `publicForm` (casework.ts); a page presents a publishable key
 * (`x-sifa-key`), whose subtree bounds the offices it can send to. The server limits submissions per
 * key and per client (`RATE_LIMITED` with `retryAfter`), asks a client past its threshold for a
 * proof of work (`CHALLENGE_REQUIRED`: no third-party service), answers a repeated application (the
 * same applicant and matter within a day) with the first one's number, records the consent, and
 * gives the applicant a tracking number and a secret code to follow the application without an
 * account (`platform.publicForms.status` reveals nothing without both).
 *
 * ## Adding documents (a scan of the application letter, evidence)
 * Where the form's case type names an attachments field (`publicForm.attachments`; the form's
 * `documents` is then not null), the applicant adds documents after sending, then or later, with
 * the number and the code. Binary bodies do not fit tRPC's JSON, so this is one HTTP route;
 * `publicApplyAttachmentRequest` builds its request (a widget sends it with `fetch`):
 *
 * ```
 * POST /plugins/platform/public-forms/attachments        (below the server's base URL)
 * x-sifa-key: pk_…                                       the page's publishable key (Origin rules as for /trpc)
 * x-sifa-application-number: <encodeURIComponent(number)> the tracking number (it holds Chinese characters)
 * x-sifa-application-code: ABCD-EFGH-JKLM                 the secret code (any case)
 * x-sifa-file-name: <encodeURIComponent(file name)>      shown to the office and back to the applicant
 * content-type: <File.type or application/octet-stream>  informational: the type is read from the bytes
 * x-sifa-locale: zh-CN | en                               the language of error messages (optional)
 * body: the file's bytes, nothing else
 * ```
 * Number and code travel in headers, never in the URL (access logs, history), and are never logged.
 * The answer is JSON: 201 `PublicApplyAttachResult` when the document was added, 200 with
 * `added: false` when the application already has exactly these bytes (nothing written). Refusals
 * are `{ error: { message, code, data: { sifaCode, httpStatus, issues, details, requestId, … } } }`
 * (tRPC's error JSON; `message` in the request's language, telling what to fix), nothing written:
 * - 400 VALIDATION_FAILED: number or code missing or malformed, an empty file, too many documents
 *   (`details.maxFiles`);
 * - 401 UNAUTHENTICATED: no publishable key;
 * - 403 FORBIDDEN: the key may not serve this form, or the form takes no documents online;
 * - 404 NOT_FOUND: no application with this number and code in the key's subtree (a wrong code and
 *   an unknown number get the same answer);
 * - 409 CONFLICT: the application is closed (the office has finished it);
 * - 413 PAYLOAD_TOO_LARGE: the file is larger than `documents.maxFileBytes`, or the application's
 *   documents would pass `documents.maxTotalBytes` (`details`);
 * - 415 UNSUPPORTED_MEDIA_TYPE: the bytes are not one of `documents.accept` (a renamed file is
 *   read for what it is);
 * - 429 RATE_LIMITED: too many uploads from this client (`details.retryAfter`, seconds;
 *   refused attempts count too).
 * The office sees the document in the case file (its attachments, and listed in the named field),
 * added by the public applicant; `platform.publicForms.status` lists the applicant's documents.
 */
import { z } from 'zod';
import type { LocalizedText } from './locale.js';
import { msg } from './messages.js';
import type { CaseFieldSpec } from './casework.js';

const typeCode = z.string().regex(/^[a-z][a-z0-9-]*\.[a-z0-9][a-z0-9.-]*$/).max(80);

export const publicApplyFormsInputSchema = z.object({ type: typeCode.optional() }).default({});

export const publicApplyChallengeInputSchema = z.object({ type: typeCode });

export const publicApplySubmitInputSchema = z.object({
  type: typeCode,
  /**
   * The office that receives it (a 9-digit judicial office code in the key's subtree), when the
   * applicant chose the office itself (on the map, or the page fixed it). Give this or `division`.
   */
  orgCode: z.string().regex(/^\d{9}$/).optional(),
  /**
   * The township (9 digits) or village (12 digits) where the applicant lives or the matter arises:
   * the office serving it receives the application (`platform.org.servingOffice`).
   */
  division: z.string().regex(/^(\d{9}|\d{12})$/).optional(),
  fields: z.record(z.string(), z.unknown()),
  /** The consent shown (its `consentVersion`) and accepted. */
  consent: z.object({ accepted: z.literal(true), version: z.string().regex(/^[0-9a-f]{16}$/) }),
  /** A solved challenge, when the server asked for one (`platform.publicForms.challenge`). */
  proof: z.object({ challenge: z.string().max(300), nonce: z.string().regex(/^[0-9a-f]{1,16}$/) }).optional(),
}).refine((input) => (input.orgCode === undefined) !== (input.division === undefined), {
  message: msg('publicOfficeOnly'),
  path: ['orgCode'],
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
  /**
   * The documents an applicant may add after sending (see the module comment), or null: none
   * online. Always sent by this server; optional for pages built against an older one (absent = null).
   */
  documents?: PublicFormDocuments | null;
  /** The office's receiving step issues a receipt the applicant can download (`publicApplyReceiptPath`). */
  receipt?: boolean;
}

/** What the document upload of a form accepts. */
export interface PublicFormDocuments {
  /** The case field they go to (e.g. 申请书及证据材料). */
  title: LocalizedText;
  /** MIME types read from the bytes (PDF, JPEG, PNG, Word .docx). */
  accept: string[];
  /** Largest file. */
  maxFileBytes: number;
  /** Documents per application. */
  maxFiles: number;
  /** All of an application's documents together. */
  maxTotalBytes: number;
}

/** A document the applicant added, as they see it back. */
export interface PublicApplyDocument {
  name: string;
  bytes: number;
  /** The day it was added (YYYY-MM-DD, China time). */
  addedOn: string;
}

/** The answer of the document upload. */
export interface PublicApplyAttachResult {
  /** false: the application already had exactly these bytes (nothing written). */
  added: boolean;
  document: PublicApplyDocument;
  /** Every document the applicant has added to the application, oldest first. */
  documents: PublicApplyDocument[];
}

/** The upload route, below the server's base URL. */
export const publicApplyAttachmentPath = '/plugins/platform/public-forms/attachments';
/**
 * The receipt issued when the application was received (the opening step's document, e.g. the 行政复议
 * 申请接收回执), as a .docx: `POST` with the key, number and code headers of the attachments route
 * and no body; 200 with the file (content-disposition names it), else the errors above (404 also
 * when the form issues no receipt; 429 shares the status lookups' limit).
 */
export const publicApplyReceiptPath = '/plugins/platform/public-forms/receipt';

/** The headers of the upload (see the module comment). */
export const publicApplyAttachmentHeaders = {
  key: 'x-sifa-key',
  number: 'x-sifa-application-number',
  code: 'x-sifa-application-code',
  fileName: 'x-sifa-file-name',
} as const;

/**
 * The request that adds a document (browser-safe, no fetch of its own):
 * `const r = publicApplyAttachmentRequest({ key, number, code, fileName: file.name, contentType: file.type });
 *  const res = await fetch(baseUrl + r.path, { method: r.method, headers: r.headers, body: file });`
 * then `res.json()`: a `PublicApplyAttachResult` when `res.ok`, else `{ error }` as described above.
 */
export function publicApplyAttachmentRequest(input: { key: string; number: string; code: string; fileName: string; contentType?: string | undefined; locale?: string | undefined }): {
  method: 'POST';
  path: string;
  headers: Record<string, string>;
} {
  const h = publicApplyAttachmentHeaders;
  return {
    method: 'POST',
    path: publicApplyAttachmentPath,
    headers: {
      [h.key]: input.key,
      [h.number]: encodeURIComponent(input.number.trim()),
      [h.code]: input.code.trim(),
      [h.fileName]: encodeURIComponent(input.fileName),
      'content-type': input.contentType || 'application/octet-stream',
      ...(input.locale ? { 'x-sifa-locale': input.locale } : {}),
    },
  };
}

export interface PublicApplyChallenge {
  challenge: string;
  /** Leading zero bits SHA-256(challenge + ':' + nonce) must have. */
  difficulty: number;
  expiresAt: string;
}

export type PublicApplySubmitResult =
  | { duplicate: false; number: string; code: string; receivedOn: string; orgCode: string; orgName: LocalizedText }
  /** The same applicant and matter within a day: the first application's number (its code was given then). */
  | { duplicate: true; number: string; receivedOn: string; orgCode: string; orgName: LocalizedText };

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
  /** The documents the applicant added (their own: name, size, day; none of the office's). */
  documents: PublicApplyDocument[];
}
