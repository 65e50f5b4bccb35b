/**
 * Documents with personal data (`IssueDocumentInput.personal`, every case document) are stored
 * sealed with the server's field cipher, in the envelope case files use (`sealEnvelope`), and
 * `documents.sealed` says so. The columns keep their types: `data` and `content` hold
 * `{ "sealed": "<base64 envelope>" }`, `html` the base64 envelope, `docx` the envelope bytes.
 * `sha256` and `byte_length` stay those of the .docx as issued, so downloads are byte-identical.
 */
import { openEnvelope, sealEnvelope, type FieldCipher } from '../casework/cipher.js';

export interface DocumentBodies {
  data: unknown;
  content: unknown;
  html: string;
  docx: Uint8Array;
}

const sealedText = (cipher: FieldCipher, plain: string) => Buffer.from(sealEnvelope(cipher, Buffer.from(plain, 'utf8'))).toString('base64');
const openedText = (cipher: FieldCipher, sealed: string) => Buffer.from(openEnvelope(cipher, Buffer.from(sealed, 'base64'))).toString('utf8');

/** What a personal document's columns store. */
export function sealDocumentBodies(cipher: FieldCipher, plain: DocumentBodies): DocumentBodies {
  return {
    data: { sealed: sealedText(cipher, JSON.stringify(plain.data ?? null)) },
    content: { sealed: sealedText(cipher, JSON.stringify(plain.content)) },
    html: sealedText(cipher, plain.html),
    docx: sealEnvelope(cipher, plain.docx),
  };
}

/** The HTML of a row as issued. */
export const openDocumentHtml = (row: { html: string; sealed: boolean }, cipher: () => FieldCipher): string => (row.sealed ? openedText(cipher(), row.html) : row.html);

/** The .docx of a row as issued (the bytes its sha256 names). */
export const openDocumentDocx = (row: { docx: Uint8Array; sealed: boolean }, cipher: () => FieldCipher): Uint8Array =>
  row.sealed ? new Uint8Array(openEnvelope(cipher(), row.docx)) : row.docx;
