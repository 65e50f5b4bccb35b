/**
 * The HTTP routes of the public forms, for what tRPC's JSON cannot carry: an applicant's document
 * (the raw file as the body) and the receipt (a .docx). Mounted with the platform's routes at
 * `/plugins/platform/public-forms/attachments` and `/plugins/platform/public-forms/receipt`; the
 * contract (headers, answers, errors) is written down in core `public-apply.ts` for the widgets. The number and the code come in headers, never
 * in the URL, so neither reaches an access log; the body is read within the per-file limit
 * before the handler runs (413 with the message below).
 */
import { publicApplyAttachmentHeaders, SifaError, type PluginRoute } from '@sifa/core';
import { contentDisposition } from '../documents/router.js';
import { sizeText, type ApplyPlatform } from './service.js';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' } });

/** A percent-encoded header (UTF-8 names and numbers survive every browser's fetch). */
function decodedHeader(value: string | null, what: { zh: string; en: string }): string {
  try {
    return decodeURIComponent(value ?? '');
  } catch {
    throw new SifaError('VALIDATION_FAILED', {
      message: { zh: `${what.zh}的编码不正确：请用 encodeURIComponent 编码后放入请求头。`, en: `The ${what.en} is not correctly encoded: send it through encodeURIComponent.` },
    });
  }
}

export function createApplyRoutes(apply: ApplyPlatform): PluginRoute[] {
  const h = publicApplyAttachmentHeaders;
  const max = apply.documentLimits.maxFileBytes;
  const mb = sizeText(max);
  return [
    {
      method: 'POST',
      path: '/public-forms/attachments',
      maxBodyBytes: max,
      tooLargeMessage: { zh: `每份材料不能超过 ${mb}：请压缩图片或分成几份上传。`, en: `Each document may be at most ${mb}: make the picture smaller or split it into several files.` },
      async handler(request, ctx) {
        const result = await apply.attach(
          { apiKey: ctx.apiKey, clientAddress: ctx.clientAddress ?? null },
          {
            number: decodedHeader(request.headers.get(h.number), { zh: '受理编号', en: 'tracking number' }),
            code: request.headers.get(h.code) ?? '',
            name: decodedHeader(request.headers.get(h.fileName), { zh: '文件名', en: 'file name' }),
            bytes: new Uint8Array(await request.arrayBuffer()),
          },
        );
        return json(result.added ? 201 : 200, result);
      },
    },
    {
      // A POST, though it changes nothing: the code travels in a header, never in a URL.
      method: 'POST',
      path: '/public-forms/receipt',
      maxBodyBytes: 1024,
      async handler(request, ctx) {
        const receipt = await apply.receipt(
          { apiKey: ctx.apiKey, clientAddress: ctx.clientAddress ?? null },
          { number: decodedHeader(request.headers.get(h.number), { zh: '受理编号', en: 'tracking number' }), code: request.headers.get(h.code) ?? '' },
        );
        return new Response(new Uint8Array(receipt.bytes), {
          status: 200,
          headers: {
            'content-type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
            'content-disposition': contentDisposition(receipt.fileName, `${receipt.documentId}.docx`),
            'cache-control': 'no-store',
            'x-content-type-options': 'nosniff',
          },
        });
      },
    },
  ];
}
