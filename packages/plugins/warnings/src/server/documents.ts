/**
 * The documents a warning's steps issue, filling slots of the supervisory-document catalogue:
 * 预警单 (warning slip, with the notice), 整改通知书 (rectification notice, optional with the
 * notice), 交办单 (assignment slip), 反馈单 (feedback slip, by the warned org) and 工作建议书
 * (work advice letter, optional at closing). Each template validates its data (stored by the
 * platform as the document's snapshot) and turns it into structured content; the platform lays
 * it out per GB/T 9704. Labels are Chinese and English; the Mongolian half of a bilingual
 * document falls back to Chinese until reviewed translations exist (pass `bilingual` only then).
 */
import { z } from 'zod';
import { defineDocumentTemplate, isoDaySchema, titleBreak, localizedTextSchema, orgCodeSchema, pickText, type DocumentBlock, type DocumentRenderContext, type LocalizedText } from '@sifa/core';
import { warningSeveritySchema } from '../schemas.js';
import { severityLabel } from './texts.js';

/** What every document says about the warning it belongs to (a snapshot at the step). */
export const warningRefSchema = z.object({
  id: z.uuid(),
  title: localizedTextSchema,
  summary: localizedTextSchema,
  severity: warningSeveritySchema,
  /** The warned org. */
  orgCode: orgCodeSchema,
  /** The level above it (the manager), to whom feedback goes. */
  managerOrgCode: orgCodeSchema,
  raisedOn: isoDaySchema,
  /** The particulars (missing days, the overdue record), at most 60 lines. */
  details: z.array(localizedTextSchema).max(60),
});
export type WarningRef = z.infer<typeof warningRefSchema>;

const text = (max: number) => z.string().trim().min(1).max(max);

const labels = {
  item: { zh: '项目', en: 'Item' },
  content: { zh: '内容', en: 'Details' },
  matter: { zh: '预警事项', en: 'Warning' },
  level: { zh: '预警等级', en: 'Severity' },
  org: { zh: '被预警单位', en: 'Organisation warned' },
  basis: { zh: '预警情况', en: 'Finding' },
  raisedOn: { zh: '发现日期', en: 'Raised on' },
  respondBy: { zh: '反馈期限', en: 'Feedback due by' },
  particulars: { zh: '具体情况：', en: 'Particulars:' },
  assignee: { zh: '承办单位', en: 'Assigned to' },
  person: { zh: '责任人', en: 'Person responsible' },
  task: { zh: '交办事项', en: 'Task' },
  feedback: { zh: '核查整改情况', en: 'Findings and action taken' },
  measures: { zh: '整改措施：', en: 'Measures:' },
  respondedBy: { zh: '反馈人', en: 'Submitted by' },
  respondedOn: { zh: '反馈日期', en: 'Submitted on' },
  requirements: { zh: '整改要求：', en: 'Requirements:' },
  legalBasis: { zh: '依据', en: 'Basis' },
} as const satisfies Record<string, LocalizedText>;

const say = (text: LocalizedText, ctx: DocumentRenderContext) => pickText(text, ctx.locale);
/** The platform's limits for a title (200) and a table cell (500): long user text is cut, marked with an ellipsis. */
const cap = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);
const l = (key: keyof typeof labels, ctx: DocumentRenderContext) => say(labels[key], ctx);
const zhOr = (ctx: DocumentRenderContext, zh: string, en: string) => (ctx.locale === 'en' ? en : zh);
/**
 * A title of parts it may break between on two lines (关于…司法所 / the matter / 的整改通知书), never
 * inside a word; cut to the platform's 200 characters.
 */
const titleOf = (...parts: string[]) => {
  const joined = parts.filter((p) => p.length > 0).join(titleBreak);
  return joined.length > 200 ? `${joined.slice(0, 199)}…` : joined;
};

function warningTable(w: WarningRef, orgName: string, ctx: DocumentRenderContext, extra: [string, string][] = []): DocumentBlock {
  const rows: [string, string][] = [
    [l('matter', ctx), say(w.title, ctx)],
    [l('level', ctx), say(severityLabel[w.severity], ctx)],
    [l('org', ctx), orgName],
    [l('basis', ctx), say(w.summary, ctx)],
    [l('raisedOn', ctx), w.raisedOn],
    ...extra,
  ];
  return {
    kind: 'table',
    columns: [l('item', ctx), l('content', ctx)],
    rows: rows.map(([k, v]) => [k, cap(v, 500)]),
  };
}

function particulars(w: WarningRef, ctx: DocumentRenderContext): DocumentBlock[] {
  if (w.details.length === 0) return [];
  return [
    { kind: 'paragraph', text: l('particulars', ctx) },
    { kind: 'list', items: w.details.map((d) => say(d, ctx)) },
  ];
}

export const warningSlipDataSchema = z.object({
  warning: warningRefSchema,
  requirement: text(2000),
  respondBy: isoDaySchema,
});

export const warningSlip = defineDocumentTemplate<z.infer<typeof warningSlipDataSchema>>({
  code: 'warnings.warning-slip',
  slot: 'warning-slip',
  title: { zh: '预警单', en: 'Warning slip' },
  dataSchema: warningSlipDataSchema,
  async render(data, ctx) {
    const w = data.warning;
    const org = await ctx.orgName(w.orgCode);
    const addressee = await ctx.authorityName(w.orgCode);
    return {
      title: zhOr(ctx, titleOf(`关于${org}`, say(w.title, ctx), '的预警单'), cap(`Warning slip: ${say(w.title, ctx)} (${org})`, 200)),
      recipients: [addressee],
      blocks: [
        {
          kind: 'paragraph',
          text: zhOr(
            ctx,
            `经${ctx.issuerName}智慧预警监测，你单位存在以下预警事项。请高度重视，认真核查，按要求整改，并于${data.respondBy}前将核查整改情况书面反馈${ctx.issuerName}。`,
            `${ctx.issuerName}'s early-warning monitoring found the following about your organisation. Look into it, act as required and report in writing to ${ctx.issuerName} by ${data.respondBy}.`,
          ),
        },
        warningTable(w, org, ctx, [[l('respondBy', ctx), data.respondBy]]),
        ...particulars(w, ctx),
        { kind: 'heading', level: 1, text: zhOr(ctx, '一、工作要求', '1. What is required') },
        { kind: 'paragraph', text: data.requirement },
      ],
    };
  },
});

export const rectificationNoticeDataSchema = z.object({
  warning: warningRefSchema,
  requirements: z.array(text(500)).min(1).max(20),
  basis: z.string().trim().max(500).optional(),
  respondBy: isoDaySchema,
});

export const rectificationNotice = defineDocumentTemplate<z.infer<typeof rectificationNoticeDataSchema>>({
  code: 'warnings.rectification-notice',
  slot: 'rectification-notice',
  title: { zh: '整改通知书', en: 'Rectification notice' },
  dataSchema: rectificationNoticeDataSchema,
  async render(data, ctx) {
    const w = data.warning;
    const org = await ctx.orgName(w.orgCode);
    const addressee = await ctx.authorityName(w.orgCode);
    const numbered = data.requirements.map((r, i) => `${i + 1}. ${r}`);
    return {
      title: zhOr(ctx, titleOf(`关于${org}`, say(w.title, ctx), '的整改通知书'), cap(`Rectification notice: ${say(w.title, ctx)} (${org})`, 200)),
      recipients: [addressee],
      blocks: [
        {
          kind: 'paragraph',
          text: zhOr(
            ctx,
            `经核查，你单位存在以下问题：${say(w.summary, ctx)}现通知你单位限期整改，并于${data.respondBy}前将整改情况书面报送${ctx.issuerName}。`,
            `Our review found: ${say(w.summary, ctx)} You are required to rectify this and report to ${ctx.issuerName} in writing by ${data.respondBy}.`,
          ),
        },
        ...particulars(w, ctx),
        { kind: 'heading', level: 1, text: zhOr(ctx, '一、整改要求', '1. Requirements') },
        { kind: 'list', items: numbered },
        ...(data.basis ? [{ kind: 'paragraph' as const, text: `${l('legalBasis', ctx)}：${data.basis}` }] : []),
      ],
    };
  },
});

export const assignmentSlipDataSchema = z.object({
  warning: warningRefSchema,
  assignee: z.object({ orgCode: orgCodeSchema, person: z.string().trim().min(1).max(40).optional() }),
  task: text(2000),
  respondBy: isoDaySchema,
});

export const assignmentSlip = defineDocumentTemplate<z.infer<typeof assignmentSlipDataSchema>>({
  code: 'warnings.assignment-slip',
  slot: 'assignment-slip',
  title: { zh: '交办单', en: 'Assignment slip' },
  dataSchema: assignmentSlipDataSchema,
  async render(data, ctx) {
    const w = data.warning;
    const [org, assignee] = [await ctx.orgName(w.orgCode), await ctx.authorityName(data.assignee.orgCode)];
    const extra: [string, string][] = [[l('assignee', ctx), assignee]];
    if (data.assignee.person) extra.push([l('person', ctx), data.assignee.person]);
    extra.push([l('respondBy', ctx), data.respondBy]);
    return {
      title: zhOr(ctx, titleOf(`关于${org}`, say(w.title, ctx), '的交办单'), cap(`Assignment slip: ${say(w.title, ctx)} (${org})`, 200)),
      recipients: [assignee],
      blocks: [
        {
          kind: 'paragraph',
          text: zhOr(
            ctx,
            `现将以下预警事项交由${assignee}${data.assignee.person ? `（责任人：${data.assignee.person}）` : ''}办理，请于${data.respondBy}前办结并反馈办理情况。`,
            `The following warning is assigned to ${assignee}${data.assignee.person ? ` (person responsible: ${data.assignee.person})` : ''}. Complete it and report back by ${data.respondBy}.`,
          ),
        },
        warningTable(w, org, ctx, extra),
        ...particulars(w, ctx),
        { kind: 'heading', level: 1, text: zhOr(ctx, `一、${labels.task.zh}`, `1. ${labels.task.en}`) },
        { kind: 'paragraph', text: data.task },
      ],
    };
  },
});

export const feedbackSlipDataSchema = z.object({
  warning: warningRefSchema,
  text: text(4000),
  measures: z.array(text(500)).max(20),
  respondedBy: text(80),
  respondedOn: isoDaySchema,
});

export const feedbackSlip = defineDocumentTemplate<z.infer<typeof feedbackSlipDataSchema>>({
  code: 'warnings.feedback-slip',
  slot: 'feedback-slip',
  title: { zh: '反馈单', en: 'Feedback slip' },
  dataSchema: feedbackSlipDataSchema,
  async render(data, ctx) {
    const w = data.warning;
    // Feedback goes to the managing authority (红山区司法局), not to the division (红山区).
    const [org, manager] = [await ctx.orgName(w.orgCode), await ctx.authorityName(w.managerOrgCode)];
    return {
      title: zhOr(ctx, titleOf(`关于${say(w.title, ctx)}`, '预警的反馈单'), cap(`Feedback slip: ${say(w.title, ctx)}`, 200)),
      recipients: [manager],
      blocks: [
        warningTable(w, org, ctx, [
          [l('respondedBy', ctx), data.respondedBy],
          [l('respondedOn', ctx), data.respondedOn],
        ]),
        { kind: 'heading', level: 1, text: zhOr(ctx, `一、${labels.feedback.zh}`, `1. ${labels.feedback.en}`) },
        ...data.text.split(/\n+/).map((p): DocumentBlock => ({ kind: 'paragraph', text: p })),
        ...(data.measures.length > 0 ? [{ kind: 'heading' as const, level: 1 as const, text: zhOr(ctx, '二、整改措施', '2. Measures') }, { kind: 'list' as const, items: data.measures }] : []),
      ],
    };
  },
});

export const adviceLetterDataSchema = z.object({
  warning: warningRefSchema,
  advice: text(4000),
  /** The warned org's latest feedback, quoted. */
  feedback: z.string().trim().max(4000).optional(),
});

export const adviceLetter = defineDocumentTemplate<z.infer<typeof adviceLetterDataSchema>>({
  code: 'warnings.advice-letter',
  slot: 'advice-letter',
  title: { zh: '工作建议书', en: 'Work advice letter' },
  dataSchema: adviceLetterDataSchema,
  async render(data, ctx) {
    const w = data.warning;
    const org = await ctx.orgName(w.orgCode);
    const addressee = await ctx.authorityName(w.orgCode);
    return {
      title: zhOr(ctx, titleOf(`关于${org}`, say(w.title, ctx), '的工作建议书'), cap(`Work advice: ${say(w.title, ctx)} (${org})`, 200)),
      recipients: [addressee],
      blocks: [
        {
          kind: 'paragraph',
          text: zhOr(ctx, `针对“${say(w.title, ctx)}”预警（${say(w.summary, ctx)}），结合你单位的反馈情况，提出以下工作建议：`, `Regarding the warning "${say(w.title, ctx)}" (${say(w.summary, ctx)}) and your feedback, we advise as follows:`),
        },
        ...data.advice.split(/\n+/).map((p): DocumentBlock => ({ kind: 'paragraph', text: p })),
        ...(data.feedback ? [{ kind: 'heading' as const, level: 1 as const, text: zhOr(ctx, '附：反馈情况', 'Annex: the feedback') }, { kind: 'paragraph' as const, text: data.feedback }] : []),
      ],
    };
  },
});

export const warningDocumentTemplateParts = [warningSlip, assignmentSlip, feedbackSlip, rectificationNotice, adviceLetter] as const;
