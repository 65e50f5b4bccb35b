/** Reading an issued document back in a test: download it as a user and take the text out of the .docx. */
import JSZip from 'jszip';

const unescapeXml = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** Every text run of word/document.xml, joined (values split over lines are found line by line). */
export async function docxText(bytes: Uint8Array): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file('word/document.xml')!.async('string');
  return [...xml.matchAll(/<w:t(?: [^>]*)?>(.*?)<\/w:t>/gs)].map((m) => unescapeXml(m[1]!)).join('');
}

/** The issued document's .docx as `token`'s user downloads it (`/plugins/platform/documents/:id`). */
export async function downloadDocument(url: string, token: string, documentId: string): Promise<{ status: number; bytes: Uint8Array }> {
  const res = await fetch(`${url}/plugins/platform/documents/${documentId}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, bytes: new Uint8Array(await res.arrayBuffer()) };
}
