/**
 * Citizens applying on a public page (`platform.publicForms.*`, core `public-apply.ts`): the forms the
 * installed case types offer (`publicForm`), submissions through a publishable key into an office of
 * its subtree (limited per key and per client, a proof of work past a client's threshold, a repeat
 * within a day answered with the first number, the consent recorded), and status lookups by
 * tracking number and secret code.
 *
 * A submission runs as the public applicant of the key (`public:<key id>`, `via: 'public-form'`):
 * only the opening step's permission, in a transaction scoped to the key's subtree, through the
 * casework engine's `open` (the same validation, sealing, numbering, document and facts as staff
 * get). A lookup runs as a reader of the key's subtree and answers only the case's state, its
 * steps' titles and days, the next deadline and the applicant's own documents: no personal data,
 * no staff names. A wrong code and an unknown number get the same answer.
 *
 * Documents (`attach`, the route in routes.ts): where the form names an attachments field
 * (`publicForm.attachments`), the applicant adds files with the number and the code. The bytes are
 * checked first (type sniffed by the engine's sniffer, limited to PDF, JPEG, PNG and Word .docx;
 * size), then the application is found in the key's subtree and locked, refused once closed or
 * past its count or total, stored through the engine's `attach` (the staff's attachment storage,
 * its audit entry by `public:<key id>` with no personal data) and listed in the attachments field
 * as a new revision of the case (a step prepared on the old one answers CONFLICT and reloads).
 * Uploads are limited per client (refused attempts count too: guessing codes costs).
 */
import { createHash, createHmac, randomBytes, randomInt } from 'node:crypto';
import { and, asc, eq, gt, like } from 'drizzle-orm';
import {
  canonicalJson,
  caseFieldsSchema,
  catalogMessage,
  msg,
  publicApplyStatusInputSchema,
  publicApplySubmitInputSchema,
  SifaError,
  type Actor,
  type ApiKeyIdentity,
  type CaseFieldSpec,
  type CaseType,
  type LocalizedText,
  type PlatformServices,
  type PublicApplyAttachResult,
  type PublicApplyChallenge,
  type PublicApplyDocument,
  type PublicApplyStatus,
  type PublicApplySubmitInput,
  type PublicApplySubmitResult,
  type PublicFormView,
  type SifaDb,
} from '@sifa/core';
import { caseAttachments, caseFiles, cases, documents as issuedDocuments, publicApplications, sifaSettings } from '../db/schema.js';
import { openDocumentDocx } from '../documents/sealing.js';
import { documentFileName } from '../documents/router.js';
import type { DocumentsPlatform } from '../documents/service.js';
import { cleanFileName, maxCaseFileBytes } from '../casework/service.js';
import { acceptedCaseFileTypes, sniffCaseFile, type CaseFileType } from '../casework/sniff.js';
import { createChallengeIssuer } from './challenge.js';
import { SlidingWindow } from './limiter.js';
import { servingOffice } from '../orgs/service-areas.js';

export interface PublicApplyOptions {
  /** Submissions per publishable key per minute (default 120). */
  perKeyPerMinute?: number;
  /** Submissions per client address per hour (default 20). */
  perClientPerHour?: number;
  /** Submissions per client per hour before each one needs a proof of work (default 3). */
  challengeAfter?: number;
  /** Leading zero bits the proof must have (default 18: a second or two in a browser). */
  difficulty?: number;
  /** Status lookups per client per minute (default 30). */
  statusPerMinute?: number;
  /** The largest document an applicant may add (default 10 MiB; at most the engine's 20 MiB). */
  documentMaxBytes?: number;
  /** Documents an applicant may add to one application (default 10; never more than the field's `maxFiles` allows). */
  documentsPerApplication?: number;
  /** All of one application's documents together (default 30 MiB). */
  documentsTotalBytes?: number;
  /** Document uploads per client address per hour, refused ones included (default 30). */
  documentsPerClientPerHour?: number;
}

/** A document as the upload route hands it over (headers decoded, body read within `documentMaxBytes`). */
export interface PublicApplyAttachInput {
  number: string;
  code: string;
  name: string;
  bytes: Uint8Array;
}

export interface ApplyCaller {
  apiKey: ApiKeyIdentity | null;
  clientAddress: string | null;
}

export interface ApplyPlatform {
  forms(caller: ApplyCaller, type?: string): PublicFormView[];
  challenge(caller: ApplyCaller, type: string): Promise<PublicApplyChallenge>;
  submit(caller: ApplyCaller, input: PublicApplySubmitInput): Promise<PublicApplySubmitResult>;
  status(caller: ApplyCaller, input: unknown): Promise<PublicApplyStatus>;
  /** Adds a document to an application (by its number and code); see the module comment. */
  attach(caller: ApplyCaller, input: PublicApplyAttachInput): Promise<PublicApplyAttachResult>;
  /** The receipt issued when the application was received (the opening step's document), as the applicant downloads it. */
  receipt(caller: ApplyCaller, input: unknown): Promise<{ bytes: Uint8Array; fileName: string; documentId: string }>;
  /** The document limits in force (the route's body limit is `documentMaxBytes`). */
  readonly documentLimits: Readonly<{ maxFileBytes: number; maxFiles: number; maxTotalBytes: number; perClientPerHour: number }>;
}

const text = (zh: string, en: string): LocalizedText => ({ zh, en });
const secretSetting = 'apply.secret';
/** Codes without 0/O, 1/I/L: read aloud and typed from paper without mistakes. */
const codeAlphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
/** What citizens may add: documents and photos, not the spreadsheets and plain text staff may attach (an HTML page is valid text). */
const documentTypes: readonly CaseFileType[] = acceptedCaseFileTypes.filter((t) => ['pdf', 'jpg', 'png', 'docx'].includes(t.ext));
/** The file-name endings that fit each sniffed type (anything else gets the right one appended). */
const extensionsOf: Record<string, readonly string[]> = { pdf: ['pdf'], jpg: ['jpg', 'jpeg'], png: ['png'], docx: ['docx'] };
/** A size as limits are told to people: 64 KB, 10 MB, 2.5 MB. */
export const sizeText = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.round(bytes / 1024)} KB` : `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`);
/** The uploader of a public document: `public:<key id>` (as the applicant that opened the case). */
const publicUploader = 'public:';

interface Form {
  type: CaseType & { plugin: string };
  view: PublicFormView;
  opening: CaseType['transitions'][number];
  /** The attachments field receiving the applicant's documents, with its own limit; null: none online. */
  documents: { field: string; fieldMaxFiles: number } | null;
}

interface DocumentLimits {
  maxFileBytes: number;
  maxFiles: number;
  maxTotalBytes: number;
  perClientPerHour: number;
}

function formsOf(caseTypes: readonly (CaseType & { plugin: string })[], limits: DocumentLimits): Map<string, Form> {
  const out = new Map<string, Form>();
  for (const type of caseTypes) {
    const pf = type.publicForm;
    if (!pf) continue;
    const opening = type.transitions.find((t) => t.from.length === 0)!;
    const specs: Record<string, CaseFieldSpec> = { ...type.fields, ...opening.fields };
    // The case type's schema made sure it is an attachments field of the type.
    const field = pf.attachments ? type.fields[pf.attachments] : undefined;
    const documents = pf.attachments && field?.kind === 'attachments' ? { field: pf.attachments, fieldMaxFiles: field.maxFiles } : null;
    out.set(type.code, {
      type,
      opening,
      documents,
      view: {
        type: type.code,
        title: type.title,
        description: type.description ?? null,
        intro: pf.intro ?? null,
        fields: Object.fromEntries(pf.fields.map((f) => [f, specs[f]!])),
        order: [...pf.fields],
        consent: pf.consent,
        receipt: !!opening.document,
        consentVersion: sha256(canonicalJson(pf.consent)).slice(0, 16),
        documents:
          documents && field
            ? {
                title: field.title,
                accept: documentTypes.map((t) => t.mimeType),
                maxFileBytes: limits.maxFileBytes,
                maxFiles: Math.min(limits.maxFiles, documents.fieldMaxFiles),
                maxTotalBytes: limits.maxTotalBytes,
              }
            : null,
      },
    });
  }
  return out;
}

export function createApplyPlatform(deps: {
  db: SifaDb;
  platform: PlatformServices;
  /** Opens the issued receipt (its personal data is sealed at rest). */
  documents: Pick<DocumentsPlatform, 'fieldCipher'>;
  now: () => Date;
  options?: PublicApplyOptions | undefined;
}): ApplyPlatform {
  const o = {
    perKeyPerMinute: 120,
    perClientPerHour: 20,
    challengeAfter: 3,
    difficulty: 18,
    statusPerMinute: 30,
    documentMaxBytes: 10 * 1024 * 1024,
    documentsPerApplication: 10,
    documentsTotalBytes: 30 * 1024 * 1024,
    documentsPerClientPerHour: 30,
    ...deps.options,
  };
  if (!(o.documentMaxBytes > 0 && o.documentMaxBytes <= maxCaseFileBytes)) throw new Error(`publicApply.documentMaxBytes must be between 1 and ${maxCaseFileBytes} (the engine's limit).`);
  const documentLimits: DocumentLimits = { maxFileBytes: o.documentMaxBytes, maxFiles: o.documentsPerApplication, maxTotalBytes: o.documentsTotalBytes, perClientPerHour: o.documentsPerClientPerHour };
  const clock = () => deps.now().getTime();
  const forms = formsOf(deps.platform.catalog.caseTypes, documentLimits);
  const perKey = new SlidingWindow({ max: o.perKeyPerMinute, windowMs: 60_000 }, clock);
  const perClient = new SlidingWindow({ max: o.perClientPerHour, windowMs: 3_600_000 }, clock);
  const lookups = new SlidingWindow({ max: o.statusPerMinute, windowMs: 60_000 }, clock);
  const uploads = new SlidingWindow({ max: o.documentsPerClientPerHour, windowMs: 3_600_000 }, clock);

  let secret: Promise<Uint8Array> | null = null;
  /** A key kept in the database (one per installation, shared by every server process). */
  const secretKey = () =>
    (secret ??= (async () => {
      await deps.db.insert(sifaSettings).values({ key: secretSetting, value: randomBytes(32).toString('base64url') }).onConflictDoNothing();
      const [row] = await deps.db.select().from(sifaSettings).where(eq(sifaSettings.key, secretSetting));
      return new Uint8Array(Buffer.from(row!.value, 'base64url'));
    })());
  const issuer = createChallengeIssuer({ secret: secretKey, difficulty: o.difficulty, ttlMs: 10 * 60_000, now: clock });

  const requireKey = (caller: ApplyCaller): ApiKeyIdentity & { kind: 'publishable' } => {
    if (caller.apiKey?.kind === 'publishable') return caller.apiKey as ApiKeyIdentity & { kind: 'publishable' };
    throw new SifaError('UNAUTHENTICATED', {
      message: text('网上申请须通过发布密钥（publishable key）提交：请在嵌入脚本上设置 data-sifa-key。', 'Public applications are sent with a publishable key: set data-sifa-key on the embed script tag.'),
    });
  };
  const formOf = (type: string, key?: ApiKeyIdentity): Form => {
    const form = forms.get(type);
    if (!form) throw new SifaError('NOT_FOUND', { message: text(`没有可网上申请的“${type}”。`, `No public form "${type}" is offered here.`), details: { type } });
    if (key?.publicForms && !key.publicForms.includes(type)) {
      throw new SifaError('FORBIDDEN', { message: text(`本网站的密钥不能提交“${form.type.title.zh}”。`, `This site's key may not submit "${form.type.title.en}".`), details: { type } });
    }
    return form;
  };
  /** The forms a key may submit (all offered, or those it lists). */
  const allowed = (key: ApiKeyIdentity) => [...forms.values()].filter((f) => !key.publicForms || key.publicForms.includes(f.type.code));
  const tooMany = (retryAfter: number) =>
    new SifaError('RATE_LIMITED', {
      message: text(`提交过于频繁，请 ${retryAfter} 秒后再试。`, `Too many submissions. Try again in ${retryAfter} seconds.`),
      details: { retryAfter },
    });
  const clientOf = (caller: ApplyCaller) => caller.clientAddress ?? 'unknown';
  /** One answer for an unknown number and a wrong code (and another subtree's application). */
  const notFound = () =>
    new SifaError('NOT_FOUND', {
      message: text('没有找到该申请：请核对受理编号和查询码。', 'No application matches: check the number and the code.'),
    });
  /** The read permissions of every public form's case type (what a lookup by number and code may read). */
  const readPermissions = () => new Set([...forms.values()].map((f) => f.type.readPermission));
  /** The documents the applicant added to a case (uploaded as a public applicant), oldest first. */
  const documentsOf = (db: SifaDb, caseId: string) =>
    db
      .select({ sha256: caseAttachments.sha256, name: caseAttachments.name, uploadedAt: caseAttachments.uploadedAt, bytes: caseFiles.bytes })
      .from(caseAttachments)
      .innerJoin(caseFiles, eq(caseFiles.sha256, caseAttachments.sha256))
      .where(and(eq(caseAttachments.caseId, caseId), like(caseAttachments.uploadedBy, `${publicUploader}%`)))
      .orderBy(asc(caseAttachments.uploadedAt), asc(caseAttachments.sha256));
  const documentView = (d: { name: string; bytes: number; uploadedAt: Date }): PublicApplyDocument => ({ name: d.name, bytes: d.bytes, addedOn: chinaDay(d.uploadedAt) });
  /** A name that says what the file is: the sniffed type's extension appended when the name claims another. */
  const documentName = (name: string, type: CaseFileType) => {
    const clean = cleanFileName(name, type.ext);
    const ext = clean.match(/\.([A-Za-z0-9]{1,5})$/)?.[1]?.toLowerCase() ?? '';
    return extensionsOf[type.ext]!.includes(ext) ? clean : `${clean}.${type.ext}`;
  };

  /** The applicant of a key: the opening's permission only, in the key's subtree. */
  const applicant = (key: ApiKeyIdentity, form: Form): Actor => ({
    userId: `public:${key.id}`,
    username: `public:${key.id}`,
    displayName: '网上申请',
    role: 'office_staff',
    scope: { orgCode: key.orgCode, orgPath: key.orgPath },
    permissions: new Set([form.opening.permission]),
    via: 'public-form',
  });
  const reader = (key: ApiKeyIdentity, permission: string): Actor => ({
    userId: `public:${key.id}`,
    username: `public:${key.id}`,
    displayName: '网上申请查询',
    role: 'office_staff',
    scope: { orgCode: key.orgCode, orgPath: key.orgPath },
    permissions: new Set(permission ? [permission] : []),
    via: 'public-form',
  });

  const newCode = () => {
    const chars = Array.from({ length: 12 }, () => codeAlphabet[randomInt(codeAlphabet.length)]!).join('');
    return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8)}`;
  };
  /** What makes two submissions the same: the form, the office and every value asked (trimmed, case-folded). */
  const normalized = (value: unknown): unknown =>
    typeof value === 'string' ? value.trim().replace(/\s+/g, ' ').toLowerCase() : Array.isArray(value) ? value.map(normalized) : value && typeof value === 'object' ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalized(v)])) : value;

  /**
   * An application found by its number and secret code (a status lookup, the receipt): limited per
   * client, read as the key's subtree with the read permissions of the public forms and nothing
   * else; `read` takes what the caller needs from it. Null for a wrong code or an unknown number alike.
   */
  const lookUp = async <T>(
    caller: ApplyCaller,
    rawInput: unknown,
    read: (scoped: Parameters<Parameters<PlatformServices['runScoped']>[1]>[0], row: { caseId: string; type: string }, form: Form) => Promise<T>,
  ): Promise<T | null> => {
    const key = requireKey(caller);
    const client = `client:${clientOf(caller)}`;
    const wait = lookups.retryAfter(client);
    if (wait > 0) throw tooMany(wait);
    lookups.hit(client);
    const input = publicApplyStatusInputSchema.parse(rawInput);
    const readAll: Actor = { ...reader(key, ''), permissions: readPermissions() };
    return deps.platform.runScoped(readAll, async (scoped) => {
      const [row] = await scoped.db
        .select({ caseId: publicApplications.caseId, type: publicApplications.type })
        .from(publicApplications)
        .where(and(eq(publicApplications.number, input.number), eq(publicApplications.codeHash, sha256(input.code))))
        .limit(1);
      const form = row ? forms.get(row.type) : undefined;
      return row && form ? read(scoped, row, form) : null;
    });
  };

  return {
    forms(caller, type) {
      return allowed(requireKey(caller))
        .filter((f) => !type || f.type.code === type)
        .map((f) => f.view);
    },

    async challenge(caller, type) {
      formOf(type, requireKey(caller));
      await issuer.ready();
      return issuer.issue(`${clientOf(caller)}|${type}`);
    },

    async submit(caller, rawInput) {
      const key = requireKey(caller);
      const input = publicApplySubmitInputSchema.parse(rawInput);
      const form = formOf(input.type, key);
      const client = clientOf(caller);
      const keyWindow = `key:${key.id}`;
      const clientWindow = `client:${client}`;
      const keyWait = perKey.retryAfter(keyWindow);
      if (keyWait > 0) throw tooMany(keyWait);
      const clientWait = perClient.retryAfter(clientWindow);
      if (clientWait > 0) throw tooMany(clientWait);
      // Past the threshold every submission carries a solved challenge (a refused one still counts).
      if (perClient.count(clientWindow) >= o.challengeAfter) {
        await issuer.ready();
        const why = input.proof ? issuer.verify(`${client}|${input.type}`, input.proof) : 'missing';
        if (why) {
          perKey.hit(keyWindow);
          throw new SifaError('CHALLENGE_REQUIRED', { details: { difficulty: o.difficulty, reason: why } });
        }
      }
      perKey.hit(keyWindow);
      perClient.hit(clientWindow);

      if (input.consent.version !== form.view.consentVersion) {
        throw new SifaError('VALIDATION_FAILED', { issues: [{ path: 'consent.version', message: msg('publicConsentChanged') }] });
      }
      const unknown = Object.keys(input.fields).filter((f) => !form.view.order.includes(f));
      if (unknown.length) throw new SifaError('VALIDATION_FAILED', { issues: unknown.map((f) => ({ path: `fields.${f}`, message: msg('caseUnknownField') })) });
      // The form's own check first (the engine checks again, with the preset values).
      const checked = caseFieldsSchema(form.view.fields, { partyCount: 0 }).safeParse(input.fields);
      if (!checked.success) {
        throw new SifaError('VALIDATION_FAILED', {
          issues: checked.error.issues.map((i) => ({ path: ['fields', ...i.path.map(String)].join('.'), message: catalogMessage(i.message) ? i.message : msg('invalidValue') })),
        });
      }
      const asked = checked.data as Record<string, unknown>;
      const fields = { ...(form.type.publicForm!.preset as Record<string, unknown>), ...asked };
      const secret = await secretKey();
      const at = deps.now();

      return deps.platform.runScoped(applicant(key, form), async (scoped) => {
        // A township or village goes to the office serving it (one office may serve several).
        const officeCode = input.division ? (await servingOffice(scoped.db, input.division)).office.code : input.orgCode!;
        const office = await scoped.orgs.get(officeCode);
        if (office.level !== 'office') {
          throw new SifaError('VALIDATION_FAILED', { issues: [{ path: 'orgCode', message: msg('publicOfficeOnly') }] });
        }
        const dedupe = createHmac('sha256', secret)
          .update(canonicalJson({ type: input.type, orgCode: office.code, fields: normalized(asked) }))
          .digest('hex');
        const orgName = { zh: office.name.zh, en: office.name.en ?? office.name.zh, ...(office.name.mn ? { mn: office.name.mn } : {}) };
        const [repeat] = await scoped.db
          .select({ number: publicApplications.number, submittedAt: publicApplications.submittedAt })
          .from(publicApplications)
          .where(and(eq(publicApplications.dedupe, dedupe), gt(publicApplications.submittedAt, new Date(at.getTime() - 86_400_000))))
          .limit(1);
        if (repeat) return { duplicate: true, number: repeat.number, receivedOn: chinaDay(repeat.submittedAt), orgCode: office.code, orgName };
        const file = await scoped.cases.open(input.type, { orgCode: office.code, fields });
        const code = newCode();
        await scoped.db.insert(publicApplications).values({
          caseId: file.id,
          orgCode: office.code,
          orgPath: office.path,
          type: input.type,
          number: file.number,
          codeHash: sha256(code),
          dedupe,
          consentVersion: input.consent.version,
          keyId: key.id,
          submittedAt: at,
        });
        return { duplicate: false, number: file.number, code, receivedOn: file.openedOn, orgCode: office.code, orgName };
      });
    },

    documentLimits,

    async status(caller, rawInput) {
      const found = await lookUp(caller, rawInput, async (scoped, row, form) => ({ form, file: await scoped.cases.get(row.type, row.caseId), documents: await documentsOf(scoped.db, row.caseId) }));
      if (!found) throw notFound();
      const { form, file, documents } = found;
      const stateOf = (code: string) => form.type.states.find((s) => s.code === code);
      const titleOf = (transition: string) => form.type.transitions.find((t) => t.code === transition)?.title ?? text(transition, transition);
      return {
        number: file.number,
        type: file.type,
        typeTitle: form.type.title,
        orgName: file.orgName,
        receivedOn: file.openedOn,
        state: file.state,
        stateTitle: stateOf(file.state)?.title ?? text(file.state, file.state),
        closed: file.closed,
        steps: file.events.map((e) => ({ title: titleOf(e.transition), on: e.on })),
        nextDeadline: file.nextDeadline ? { title: file.nextDeadline.title, due: file.nextDeadline.due } : null,
        documents: documents.map(documentView),
      };
    },

    async receipt(caller, rawInput) {
      const found = await lookUp(caller, rawInput, async (scoped, row) => {
        const file = await scoped.cases.get(row.type, row.caseId);
        const documentId = file.events[0]?.documentId;
        if (!documentId) return { none: true as const };
        const [doc] = await scoped.db
          .select({ docx: issuedDocuments.docx, sealed: issuedDocuments.sealed, number: issuedDocuments.number, title: issuedDocuments.title })
          .from(issuedDocuments)
          .where(eq(issuedDocuments.id, documentId))
          .limit(1);
        return doc ? { doc, documentId } : { none: true as const };
      });
      if (!found) throw notFound();
      if ('none' in found) {
        throw new SifaError('NOT_FOUND', { message: text('这类申请不出具回执：受理编号和查询码就是您的凭证。', 'No receipt is issued for this kind of application: the number and the code are your record.') });
      }
      return { bytes: openDocumentDocx(found.doc, deps.documents.fieldCipher), fileName: documentFileName(found.doc.number, found.doc.title), documentId: found.documentId };
    },

    async attach(caller, input) {
      const key = requireKey(caller);
      const client = `client:${clientOf(caller)}`;
      const wait = uploads.retryAfter(client);
      if (wait > 0) {
        throw new SifaError('RATE_LIMITED', {
          message: text(`上传材料过于频繁，请 ${wait} 秒后再试。`, `Too many uploads. Try again in ${wait} seconds.`),
          details: { retryAfter: wait },
        });
      }
      uploads.hit(client);
      const credentials = publicApplyStatusInputSchema.safeParse({ number: input.number, code: input.code });
      if (!credentials.success) {
        throw new SifaError('VALIDATION_FAILED', {
          message: text('请填写受理编号和查询码（查询码形如 ABCD-EFGH-JKLM，提交申请时给出）。', 'Enter the tracking number and the code (like ABCD-EFGH-JKLM, given when you sent the application).'),
          issues: credentials.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: msg('invalidValue') })),
        });
      }
      const { number, code } = credentials.data;
      // The bytes first: a file refused anyway costs no lookup.
      const size = input.bytes.byteLength;
      if (size === 0) {
        throw new SifaError('VALIDATION_FAILED', { message: text('这个文件是空的，请选择要提交的材料文件。', 'The file is empty: choose the document to send.') });
      }
      if (size > o.documentMaxBytes) {
        throw new SifaError('PAYLOAD_TOO_LARGE', {
          message: text(`每份材料不能超过 ${sizeText(o.documentMaxBytes)}：请压缩图片或分成几份上传。`, `Each document may be at most ${sizeText(o.documentMaxBytes)}: make the picture smaller or split it into several files.`),
          details: { maxBytes: o.documentMaxBytes, bytes: size },
        });
      }
      const sniffed = sniffCaseFile(input.bytes);
      if (!sniffed || !documentTypes.includes(sniffed)) {
        throw new SifaError('UNSUPPORTED_MEDIA_TYPE', {
          message: text('材料只能是 PDF、JPG、PNG 图片或 Word（.docx）文件：请另存为其中一种格式后上传（只改文件名不行）。', 'A document must be a PDF, a JPG or PNG picture or a Word (.docx) file: save it as one of these and upload it again (renaming it is not enough).'),
          details: { accepted: documentTypes.map((t) => t.mimeType).join(',') },
        });
      }
      const name = documentName(input.name, sniffed);
      const digest = createHash('sha256').update(input.bytes).digest('hex');

      // The applicant of the key: reads what a status lookup reads, adds files (the engine's attach).
      const uploader: Actor = { ...reader(key, ''), displayName: '申请人（网上提交）', permissions: readPermissions() };
      return deps.platform.runScoped(uploader, async (scoped) => {
        const [application] = await scoped.db
          .select({ caseId: publicApplications.caseId, type: publicApplications.type })
          .from(publicApplications)
          .where(and(eq(publicApplications.number, number), eq(publicApplications.codeHash, sha256(code))))
          .limit(1);
        if (!application || !forms.has(application.type)) throw notFound();
        const form = formOf(application.type, key);
        if (!form.documents || !form.view.documents) {
          throw new SifaError('FORBIDDEN', {
            message: text(`“${form.type.title.zh}”不能在网上补充材料，请将材料交到受理的司法所。`, `Documents for "${form.type.title.en}" cannot be added online: bring them to the office that received the application.`),
            details: { type: form.type.code },
          });
        }
        // Locked: two uploads to one application are counted one after the other.
        const [row] = await scoped.db
          .select({ id: cases.id, closed: cases.closed, fields: cases.fields, revision: cases.revision })
          .from(cases)
          .where(eq(cases.id, application.caseId))
          .for('update');
        if (!row) throw notFound();
        if (row.closed) {
          throw new SifaError('CONFLICT', {
            message: text('该申请已办结，不能再补充材料；如有需要，请联系受理的司法所。', 'This application is closed: documents can no longer be added. Contact the office if you need to.'),
          });
        }
        const documents = await documentsOf(scoped.db, row.id);
        const same = documents.find((d) => d.sha256 === digest);
        if (same) return { added: false, document: documentView(same), documents: documents.map(documentView) };
        // The office attached exactly these bytes itself: nothing to add (and nothing of theirs shown).
        const [staffs] = await scoped.db
          .select({ sha256: caseAttachments.sha256 })
          .from(caseAttachments)
          .where(and(eq(caseAttachments.caseId, row.id), eq(caseAttachments.sha256, digest)));
        if (staffs) return { added: false, document: { name, bytes: size, addedOn: chinaDay(deps.now()) }, documents: documents.map(documentView) };
        const field = form.documents.field;
        const fields = row.fields as Record<string, unknown>;
        const listed = Array.isArray(fields[field]) ? (fields[field] as string[]) : [];
        const maxFiles = form.view.documents.maxFiles;
        if (documents.length >= maxFiles || listed.length >= form.documents.fieldMaxFiles) {
          throw new SifaError('VALIDATION_FAILED', {
            message: text(`每份申请最多补充 ${maxFiles} 份材料，已达上限：请把多页材料合并为一个 PDF，或将其余材料交到受理的司法所。`, `An application takes at most ${maxFiles} documents and has them: put several pages into one PDF, or bring the rest to the office.`),
            details: { maxFiles },
          });
        }
        const used = documents.reduce((sum, d) => sum + d.bytes, 0);
        if (used + size > o.documentsTotalBytes) {
          throw new SifaError('PAYLOAD_TOO_LARGE', {
            message: text(
              `每份申请的材料合计不能超过 ${sizeText(o.documentsTotalBytes)}（已上传 ${sizeText(used)}）：请压缩后再上传，或将其余材料交到受理的司法所。`,
              `An application's documents may total at most ${sizeText(o.documentsTotalBytes)} (${sizeText(used)} already sent): make them smaller, or bring the rest to the office.`,
            ),
            details: { maxTotalBytes: o.documentsTotalBytes, usedBytes: used, bytes: size },
          });
        }
        // Listed in the case's field, as a new revision (a step prepared on the old one gets CONFLICT, keeps its form, reloads).
        // Attachment fields are never personal: they stay in the open part of the row.
        await scoped.db
          .update(cases)
          .set({ fields: { ...fields, [field]: [...listed.filter((sha) => sha !== digest), digest] }, revision: row.revision + 1, updatedAt: deps.now() })
          .where(eq(cases.id, row.id));
        // The staff's storage and audit entry (`<type>.attach` by public:<key id>: hash, size, type; no name). After the
        // listing, so the entry records the case row as it now stands (its row hash, checked by `sifa audit verify`).
        await scoped.cases.attach(application.type, row.id, { name, bytes: input.bytes });
        const all = await documentsOf(scoped.db, row.id);
        const added = all.find((d) => d.sha256 === digest)!;
        return { added: true, document: documentView(added), documents: all.map(documentView) };
      });
    },
  };
}

const chinaDayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });
const chinaDay = (at: Date) => chinaDayFormat.format(at);
