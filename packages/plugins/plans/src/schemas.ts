/**
 * The zod schemas of the plans procedures' inputs, and their input types (`Plan*Input`: what a
 * caller writes, the same types `PlansApi` infers from the router). Rules that need the server (metrics installed, orgs in the owner's subtree, working days)
 * are checked by the service; everything a form can know is checked here.
 */
import { z } from 'zod';
import { isoDaySchema, metricCodeSchema, orgCodeSchema, periodSchema } from '@sifa/core';
import { pmsg } from './messages.js';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const planIdSchema = z.string().regex(uuidPattern, pmsg('id'));
const titleSchema = z.string().trim().min(1, pmsg('title')).max(200, pmsg('title'));
const targetSchema = z.number(pmsg('target')).int(pmsg('target')).min(1, pmsg('target')).max(10_000_000, pmsg('target'));
const revisionSchema = z.number().int().min(0);

export const splitModeSchema = z.enum(['even', 'weighted']);
export const itemKindSchema = z.enum(['metric', 'manual']);

export const weightsSchema = z.record(
  z.string().regex(/^\d{4}-(0[1-9]|1[0-2]|W(0[1-9]|[1-4]\d|5[0-3]))$/, pmsg('weightKey')),
  z.number(pmsg('weight')).int(pmsg('weight')).min(0, pmsg('weight')).max(1000, pmsg('weight')),
);

export const assigneeInputSchema = z.strictObject({
  orgCode: orgCodeSchema,
  target: targetSchema.optional(),
});

const assigneesSchema = z
  .array(assigneeInputSchema)
  .max(500, pmsg('assignees'))
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((a, i) => {
      if (seen.has(a.orgCode)) ctx.addIssue({ code: 'custom', path: [i, 'orgCode'], message: pmsg('duplicateAssignee') });
      seen.add(a.orgCode);
    });
  });

export const planItemInputSchema = z
  .strictObject({
    id: planIdSchema.optional(),
    title: titleSchema,
    kind: itemKindSchema,
    metric: metricCodeSchema.optional(),
    target: targetSchema.optional(),
    splitMode: splitModeSchema.optional(),
    weights: weightsSchema.optional(),
    due: isoDaySchema.optional(),
    assignees: assigneesSchema.optional(),
  })
  .superRefine((item, ctx) => {
    const issue = (path: (string | number)[], key: Parameters<typeof pmsg>[0]) => ctx.addIssue({ code: 'custom', path, message: pmsg(key) });
    if (item.kind === 'metric') {
      if (!item.metric) issue(['metric'], 'metricRequired');
      if (item.target === undefined) issue(['target'], 'targetRequired');
      if (item.splitMode === 'weighted' && !item.weights) issue(['weights'], 'weightsRequired');
      if (item.weights && item.splitMode !== 'weighted') issue(['weights'], 'weightsOnlyWeighted');
    } else {
      for (const field of ['metric', 'target', 'splitMode', 'weights'] as const) if (item[field] !== undefined) issue([field], 'manualNoMetric');
      item.assignees?.forEach((a, i) => {
        if (a.target !== undefined) issue(['assignees', i, 'target'], 'manualNoMetric');
      });
    }
  });

const itemsSchema = z
  .array(planItemInputSchema)
  .min(1, pmsg('items'))
  .max(100, pmsg('items'))
  .superRefine((items, ctx) => {
    const seen = new Set<string>();
    items.forEach((item, i) => {
      if (!item.id) return;
      if (seen.has(item.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: pmsg('duplicateItem') });
      seen.add(item.id);
    });
  });

export const planCreateInputSchema = z.strictObject({
  orgCode: orgCodeSchema.optional(),
  period: periodSchema,
  title: titleSchema,
  items: itemsSchema,
});

export const planUpdateInputSchema = z.strictObject({
  planId: planIdSchema,
  revision: revisionSchema.optional(),
  title: titleSchema.optional(),
  items: itemsSchema.optional(),
});

export const planAssignInputSchema = z.strictObject({
  planId: planIdSchema,
  itemId: planIdSchema,
  revision: revisionSchema.optional(),
  assignees: assigneesSchema,
});

export const planRemoveInputSchema = z.strictObject({ planId: planIdSchema, revision: revisionSchema.optional() });

const attachmentUrlSchema = z
  .string()
  .trim()
  .max(1000, pmsg('attachmentUrl'))
  .refine((v) => /^https:\/\/[^\s/?#]+[^\s]*$/i.test(v) || /^\/(?!\/)[^\s]*$/.test(v), pmsg('attachmentUrl'));

export const evidenceSchema = z.strictObject({
  text: z.string().trim().min(1, pmsg('evidence')).max(2000, pmsg('evidence')),
  attachment: z
    .strictObject({
      name: z.string().trim().min(1, pmsg('attachmentName')).max(200, pmsg('attachmentName')),
      url: attachmentUrlSchema,
    })
    .optional(),
});

export const planCheckInputSchema = z.strictObject({ instanceId: planIdSchema, evidence: evidenceSchema });
export const planUncheckInputSchema = z.strictObject({ instanceId: planIdSchema });

export const planScopeInputSchema = z.object({ orgCode: orgCodeSchema.optional(), period: periodSchema.optional() });
export const planRefInputSchema = z.object({ planId: planIdSchema, orgCode: orgCodeSchema.optional() });

export const splitInputSchema = z
  .object({
    period: periodSchema,
    target: targetSchema,
    mode: splitModeSchema.optional(),
    weights: weightsSchema.optional(),
    due: isoDaySchema.optional(),
  })
  .superRefine((input, ctx) => {
    if (input.mode === 'weighted' && !input.weights) ctx.addIssue({ code: 'custom', path: ['weights'], message: pmsg('weightsRequired') });
    if (input.weights && input.mode !== 'weighted') ctx.addIssue({ code: 'custom', path: ['weights'], message: pmsg('weightsOnlyWeighted') });
  });

/** One assignee of an item; `target`: this assignee's own target (metric items), the item's when absent. */
export type PlanAssigneeInput = z.input<typeof assigneeInputSchema>;
/** An item of a plan to create or update (`id`: an existing item's, which keeps its instances and history). */
export type PlanItemInput = z.input<typeof planItemInputSchema>;
export type PlanCreateInput = z.input<typeof planCreateInputSchema>;
/** `revision`: the one the editor started from (a save over someone else's change is refused); `items`: the whole new list. */
export type PlanUpdateInput = z.input<typeof planUpdateInputSchema>;
/** The whole new set of assignees of an item. */
export type PlanAssignInput = z.input<typeof planAssignInputSchema>;
export type PlanRemoveInput = z.input<typeof planRemoveInputSchema>;
export type PlanCheckInput = z.input<typeof planCheckInputSchema>;
export type PlanUncheckInput = z.input<typeof planUncheckInputSchema>;
/** Only this org's subtree (within the caller's scope) and plans overlapping this period (2026, 2026-Q4, 2026-10). */
export type PlanScopeInput = z.input<typeof planScopeInputSchema>;
/** One plan, seen from `orgCode` (default: the caller's scope). */
export type PlanRefInput = z.input<typeof planRefInputSchema>;
export type PlanSplitInput = z.input<typeof splitInputSchema>;

export type PlanItemInputParsed = z.output<typeof planItemInputSchema>;
export type PlanAssigneeParsed = z.output<typeof assigneeInputSchema>;
