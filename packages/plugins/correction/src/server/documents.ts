/**
 * The receipt of a record, an official document: this template gives its text (a content model);
 * the platform numbers it (文号 per issuing org and year), lays it out per GB/T 9704 as .docx and
 * HTML, and stores it with the data it was made from.
 */
import { z } from 'zod';
import { defineDocumentTemplate, isoDaySchema } from '@sifa/core';

export const receiptDataSchema = z.object({
  title: z.string().min(1).max(200),
  day: isoDaySchema,
  people: z.number().int().min(0),
});
export type ReceiptData = z.infer<typeof receiptDataSchema>;

export const correctionReceiptTemplate = defineDocumentTemplate<ReceiptData>({
  code: 'correction.receipt',
  title: { zh: '社区矫正登记回执', en: 'Community correction receipt' },
  dataSchema: receiptDataSchema,
  render(data, ctx) {
    const [year, month, day] = data.day.split('-').map(Number);
    if (ctx.locale === 'en') {
      return {
        title: `Receipt: ${data.title}`,
        blocks: [
          { kind: 'paragraph', text: `${ctx.issuerName} has recorded “${data.title}” of ${data.day}: ${data.people} people served.` },
          { kind: 'table', columns: ['Day', 'People served'], rows: [[data.day, data.people]] },
        ],
      };
    }
    return {
      title: `关于“${data.title}”的登记回执`,
      blocks: [
        { kind: 'paragraph', text: `${ctx.issuerName}已登记${year}年${month}月${day}日“${data.title}”，服务${data.people}人。` },
        { kind: 'table', columns: ['日期', '服务人数'], rows: [[data.day, data.people]] },
      ],
    };
  },
});
