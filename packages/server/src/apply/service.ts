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
 * steps' titles and days and the next deadline: no personal data, no staff names. A wrong code
 * and an unknown number get the same answer.
 */
import { createHash, createHmac, randomBytes, randomInt } from 'node:crypto';
import { and, eq, gt } from 'drizzle-orm';
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
  type PublicApplyChallenge,
  type PublicApplyStatus,
  type PublicApplySubmitInput,
  type PublicApplySubmitResult,
  type PublicFormView,
  type SifaDb,
} from '@sifa/core';
import { publicApplications, sifaSettings } from '../db/schema.js';
import { createChallengeIssuer } from './challenge.js';
import { SlidingWindow } from './limiter.js';

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
}

const text = (zh: string, en: string): LocalizedText => ({ zh, en });
const secretSetting = 'apply.secret';
/** Codes without 0/O, 1/I/L: read aloud and typed from paper without mistakes. */
const codeAlphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

interface Form {
  type: CaseType & { plugin: string };
  view: PublicFormView;
  opening: CaseType['transitions'][number];
}

function formsOf(caseTypes: readonly (CaseType & { plugin: string })[]): Map<string, Form> {
  const out = new Map<string, Form>();
  for (const type of caseTypes) {
    const pf = type.publicForm;
    if (!pf) continue;
    const opening = type.transitions.find((t) => t.from.length === 0)!;
    const specs: Record<string, CaseFieldSpec> = { ...type.fields, ...opening.fields };
    out.set(type.code, {
      type,
      opening,
      view: {
        type: type.code,
        title: type.title,
        description: type.description ?? null,
        intro: pf.intro ?? null,
        fields: Object.fromEntries(pf.fields.map((f) => [f, specs[f]!])),
        order: [...pf.fields],
        consent: pf.consent,
        consentVersion: sha256(canonicalJson(pf.consent)).slice(0, 16),
      },
    });
  }
  return out;
}

export function createApplyPlatform(deps: { db: SifaDb; platform: PlatformServices; now: () => Date; options?: PublicApplyOptions | undefined }): ApplyPlatform {
  const o = { perKeyPerMinute: 120, perClientPerHour: 20, challengeAfter: 3, difficulty: 18, statusPerMinute: 30, ...deps.options };
  const clock = () => deps.now().getTime();
  const forms = formsOf(deps.platform.catalog.caseTypes);
  const perKey = new SlidingWindow({ max: o.perKeyPerMinute, windowMs: 60_000 }, clock);
  const perClient = new SlidingWindow({ max: o.perClientPerHour, windowMs: 3_600_000 }, clock);
  const lookups = new SlidingWindow({ max: o.statusPerMinute, windowMs: 60_000 }, clock);

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
    new SifaError('TOO_MANY_REQUESTS', {
      message: text(`提交过于频繁，请 ${retryAfter} 秒后再试。`, `Too many submissions. Try again in ${retryAfter} seconds.`),
      details: { retryAfter },
    });
  const clientOf = (caller: ApplyCaller) => caller.clientAddress ?? 'unknown';

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
      const dedupe = createHmac('sha256', await secretKey())
        .update(canonicalJson({ type: input.type, orgCode: input.orgCode, fields: normalized(asked) }))
        .digest('hex');
      const at = deps.now();

      return deps.platform.runScoped(applicant(key, form), async (scoped) => {
        const office = await scoped.orgs.get(input.orgCode);
        if (office.level !== 'office') {
          throw new SifaError('VALIDATION_FAILED', { issues: [{ path: 'orgCode', message: msg('publicOfficeOnly') }] });
        }
        const orgName = { zh: office.name.zh, en: office.name.en ?? office.name.zh, ...(office.name.mn ? { mn: office.name.mn } : {}) };
        const [repeat] = await scoped.db
          .select({ number: publicApplications.number, submittedAt: publicApplications.submittedAt })
          .from(publicApplications)
          .where(and(eq(publicApplications.dedupe, dedupe), gt(publicApplications.submittedAt, new Date(at.getTime() - 86_400_000))))
          .limit(1);
        if (repeat) return { duplicate: true, number: repeat.number, receivedOn: chinaDay(repeat.submittedAt), orgName };
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
        return { duplicate: false, number: file.number, code, receivedOn: file.openedOn, orgName };
      });
    },

    async status(caller, rawInput) {
      const key = requireKey(caller);
      const client = `client:${clientOf(caller)}`;
      const wait = lookups.retryAfter(client);
      if (wait > 0) throw tooMany(wait);
      lookups.hit(client);
      const input = publicApplyStatusInputSchema.parse(rawInput);
      const notFound = new SifaError('NOT_FOUND', {
        message: text('没有找到该申请：请核对受理编号和查询码。', 'No application matches: check the number and the code.'),
      });
      // Read as the key's subtree with the read permissions of the public forms (nothing else).
      const readAll: Actor = { ...reader(key, ''), permissions: new Set([...forms.values()].map((f) => f.type.readPermission)) };
      const found = await deps.platform.runScoped(readAll, async (scoped) => {
        const [row] = await scoped.db
          .select({ caseId: publicApplications.caseId, type: publicApplications.type })
          .from(publicApplications)
          .where(and(eq(publicApplications.number, input.number), eq(publicApplications.codeHash, sha256(input.code))))
          .limit(1);
        const form = row ? forms.get(row.type) : undefined;
        return row && form ? { form, file: await scoped.cases.get(row.type, row.caseId) } : null;
      });
      if (!found) throw notFound;
      const { form, file } = found;
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
      };
    },
  };
}

const chinaDayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });
const chinaDay = (at: Date) => chinaDayFormat.format(at);
