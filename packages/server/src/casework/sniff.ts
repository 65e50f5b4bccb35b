/**
 * What a case attachment is, read from its bytes (never from its name or the declared type):
 * PDF, PNG, JPEG, Word (.docx) and Excel (.xlsx) files (zip packages with the part that makes
 * them one) and plain UTF-8 text. Anything else is refused by the engine.
 */

export type CaseFileType = {
  mimeType: string;
  /** The usual extension, for download names. */
  ext: string;
};

export const acceptedCaseFileTypes = [
  { mimeType: 'application/pdf', ext: 'pdf' },
  { mimeType: 'image/png', ext: 'png' },
  { mimeType: 'image/jpeg', ext: 'jpg' },
  { mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', ext: 'docx' },
  { mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', ext: 'xlsx' },
  { mimeType: 'text/plain', ext: 'txt' },
] as const satisfies readonly CaseFileType[];

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) => bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);

/** File names in a zip's central directory (empty when it is not a well-formed zip). */
export function zipEntryNames(bytes: Uint8Array): string[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // End of central directory: 22 bytes + a comment of at most 65,535 bytes, at the end.
  const lowest = Math.max(0, bytes.length - 22 - 65_535);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= lowest; i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return [];
  const count = view.getUint16(eocd + 10, true);
  let offset = view.getUint32(eocd + 16, true);
  const names: string[] = [];
  const decoder = new TextDecoder('utf-8');
  for (let n = 0; n < count && n < 10_000; n++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== 0x02014b50) return [];
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    if (offset + 46 + nameLength > bytes.length) return [];
    names.push(decoder.decode(bytes.subarray(offset + 46, offset + 46 + nameLength)));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

/** Valid UTF-8 without control characters other than tab, line breaks and form feed. */
function isPlainText(bytes: Uint8Array): boolean {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return false;
  }
  // eslint-disable-next-line no-control-regex
  return !/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text);
}

/** The type of `bytes`, or null when it is none of the accepted ones. */
export function sniffCaseFile(bytes: Uint8Array): CaseFileType | null {
  const [pdf, png, jpeg, docx, xlsx, text] = acceptedCaseFileTypes;
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return pdf;
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return png;
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return jpeg;
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    const names = new Set(zipEntryNames(bytes));
    if (!names.has('[Content_Types].xml')) return null;
    if (names.has('word/document.xml')) return docx;
    if (names.has('xl/workbook.xml')) return xlsx;
    return null;
  }
  if (bytes.length > 0 && isPlainText(bytes)) return text;
  return null;
}
