import { DocxLoader } from '@langchain/community/document_loaders/fs/docx';
import { PDFLoader } from '@langchain/community/document_loaders/fs/pdf';
import type { BaseDocumentLoader } from '@langchain/core/document_loaders/base';
import { HwpxLoader } from './hwpx-loader.js';

/** What a call document said, as lines, or what is wrong with the file and what to send instead. */
export type CallDocumentText = { ok: true; lines: string[] } | { ok: false; problem: string };

/** Calls are a few hundred KB; anything past this is not a call document (or needs splitting). */
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;
/** A page of text has hundreds of characters; a scan without a text layer yields almost none. */
const MIN_TEXT_CHARACTERS = 40;

const SEND_INSTEAD = 'Send the call as a PDF with selectable text, a Word (.docx) file or an HWPX file (한글: 파일 → 다른 이름으로 저장 → HWPX).';

/**
 * Extracts the text of a call document with LangChain document loaders: `PDFLoader` (over
 * pdf-parse) and `DocxLoader` (over mammoth) from @langchain/community, and our `HwpxLoader` for
 * HWPX's zipped XML, which no maintained loader reads. Expected problems (broken, encrypted,
 * scanned, too large, unsupported) are values.
 */
export async function readCallDocument(fileName: string, bytes: Uint8Array): Promise<CallDocumentText> {
  const fail = (what: string): CallDocumentText => ({ ok: false, problem: `${fileName}: ${what}. ${SEND_INSTEAD}` });
  if (bytes.length === 0) return fail('the file is empty');
  if (bytes.length > MAX_DOCUMENT_BYTES) return fail(`the file is ${(bytes.length / 1024 / 1024).toFixed(1)} MB, more than the ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB a call document can be`);
  const kind = kindOf(fileName, bytes);
  if (kind === 'hwp') return fail('this is a binary HWP file, which Itda cannot read (no maintained HWP parser is available)');
  if (kind === 'unknown') return fail('this is not a PDF, DOCX or HWPX document');
  let text: string;
  try {
    text = (await loaderFor(kind, new Blob([bytes])).load()).map((document) => document.pageContent).join('\n');
  } catch (error) {
    const message = (error as Error).message ?? String(error);
    if (/password|encrypt/i.test(message) || (error as { name?: string }).name === 'PasswordException') return fail('the document is password-protected (encrypted)');
    return fail(`the ${kind.toUpperCase()} file could not be read; it looks damaged (${message.split('\n')[0]!.slice(0, 120)})`);
  }
  const lines = text.split(/\r?\n/).map((line) => line.replace(/\s+/g, ' ').trim()).filter(Boolean);
  if (lines.join('').replace(/\s/g, '').length < MIN_TEXT_CHARACTERS) {
    return fail(kind === 'pdf' ? 'the PDF has no text layer (it looks like a scan), so there is nothing to read' : 'the document has almost no text');
  }
  return { ok: true, lines };
}

type DocumentKind = 'pdf' | 'docx' | 'hwpx' | 'hwp' | 'unknown';

function kindOf(fileName: string, bytes: Uint8Array): DocumentKind {
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  const starts = (...signature: number[]) => signature.every((byte, index) => bytes[index] === byte);
  if (extension === 'pdf') return 'pdf';
  if (extension === 'docx') return 'docx';
  if (extension === 'hwpx') return 'hwpx';
  if (extension === 'hwp') return 'hwp';
  if (starts(0x25, 0x50, 0x44, 0x46)) return 'pdf';
  if (starts(0xd0, 0xcf, 0x11, 0xe0)) return 'hwp';
  return 'unknown';
}

/** The whole document as one text: page boundaries mean nothing to the call's sections. */
function loaderFor(kind: 'pdf' | 'docx' | 'hwpx', blob: Blob): BaseDocumentLoader {
  if (kind === 'pdf') return new PDFLoader(blob, { splitPages: false });
  if (kind === 'docx') return new DocxLoader(blob, { type: 'docx' });
  return new HwpxLoader(blob);
}
