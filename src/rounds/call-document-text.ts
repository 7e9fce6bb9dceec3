import { DocxLoader } from '@langchain/community/document_loaders/fs/docx';
import { PDFLoader } from '@langchain/community/document_loaders/fs/pdf';
import type { BaseDocumentLoader } from '@langchain/core/document_loaders/base';
import { HwpxLoader } from './hwpx-loader.js';
import type { Language } from '../messages/language.js';
import { text as messageText, type MessageVars } from '../messages/messages.js';

/** What a call document said, as lines, or what is wrong with the file and what to send instead. */
export type CallDocumentText = { ok: true; lines: string[] } | { ok: false; problem: string };

/** Calls are a few hundred KB; anything past this is not a call document (or needs splitting). */
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;
/** A page of text has hundreds of characters; a scan without a text layer yields almost none. */
const MIN_TEXT_CHARACTERS = 40;

/**
 * Extracts the text of a call document with LangChain document loaders: `PDFLoader` (over
 * pdf-parse) and `DocxLoader` (over mammoth) from @langchain/community, and our `HwpxLoader` for
 * HWPX's zipped XML, which no maintained loader reads. Expected problems (broken, encrypted,
 * scanned, too large, unsupported) are values, in the reader's language, each followed by what
 * to send instead (rounds.readProblem).
 */
export async function readCallDocument(fileName: string, bytes: Uint8Array, language: Language): Promise<CallDocumentText> {
  const fail = (key: string, vars: MessageVars = {}): CallDocumentText => ({ ok: false, problem: messageText(language, 'rounds.readProblem', { file: fileName, what: messageText(language, key, vars) }) });
  if (bytes.length === 0) return fail('rounds.readEmpty');
  if (bytes.length > MAX_DOCUMENT_BYTES) return fail('rounds.readTooLarge', { size: (bytes.length / 1024 / 1024).toFixed(1), max: MAX_DOCUMENT_BYTES / 1024 / 1024 });
  const kind = kindOf(fileName, bytes);
  if (kind === 'hwp') return fail('rounds.readBinaryHwp');
  if (kind === 'unknown') return fail('rounds.readUnknownKind');
  let text: string;
  try {
    text = (await loaderFor(kind, new Blob([bytes])).load()).map((document) => document.pageContent).join('\n');
  } catch (error) {
    const message = (error as Error).message ?? String(error);
    if (/password|encrypt/i.test(message) || (error as { name?: string }).name === 'PasswordException') return fail('rounds.readEncrypted');
    return fail('rounds.readDamaged', { kind: kind.toUpperCase(), detail: message.split('\n')[0]!.slice(0, 120) });
  }
  const lines = text.split(/\r?\n/).map((line) => line.replace(/\s+/g, ' ').trim()).filter(Boolean);
  if (lines.join('').replace(/\s/g, '').length < MIN_TEXT_CHARACTERS) {
    return fail(kind === 'pdf' ? 'rounds.readScan' : 'rounds.readNoText');
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
