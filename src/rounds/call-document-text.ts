import JSZip from 'jszip';

/** What a call document said, as lines, or what is wrong with the file and what to send instead. */
export type CallDocumentText = { ok: true; lines: string[] } | { ok: false; problem: string };

/** Calls are a few hundred KB; anything past this is not a call document (or needs splitting). */
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;
/** A page of text has hundreds of characters; a scan without a text layer yields almost none. */
const MIN_TEXT_CHARACTERS = 40;

const SEND_INSTEAD = 'Send the call as a PDF with selectable text, a Word (.docx) file or an HWPX file (한글: 파일 → 다른 이름으로 저장 → HWPX).';

/**
 * Extracts the text of a call document with maintained parsers: pdf-parse (what LangChain's
 * PDFLoader builds on), mammoth (LangChain's DocxLoader), and HWPX's own zipped XML.
 * Expected problems (broken, encrypted, scanned, too large, unsupported) are values.
 */
export async function readCallDocument(fileName: string, bytes: Uint8Array): Promise<CallDocumentText> {
  const fail = (what: string): CallDocumentText => ({ ok: false, problem: `${fileName}: ${what}. ${SEND_INSTEAD}` });
  if (bytes.length === 0) return fail('the file is empty');
  if (bytes.length > MAX_DOCUMENT_BYTES) return fail(`the file is ${(bytes.length / 1024 / 1024).toFixed(1)} MB, more than the ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB a call document can be`);
  const kind = kindOf(fileName, bytes);
  let text: string;
  try {
    switch (kind) {
      case 'pdf':
        text = await pdfText(bytes);
        break;
      case 'docx':
        text = await docxText(bytes);
        break;
      case 'hwpx':
        text = await hwpxText(bytes);
        break;
      case 'hwp':
        return fail('this is a binary HWP file, which Itda cannot read (no maintained HWP parser is available)');
      default:
        return fail('this is not a PDF, DOCX or HWPX document');
    }
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

async function pdfText(bytes: Uint8Array): Promise<string> {
  const { PDFParse } = await import('pdf-parse');
  // pdf.js takes ownership of the buffer it is given, so it gets a copy.
  const parser = new PDFParse({ data: new Uint8Array(bytes) });
  try {
    const result = await parser.getText();
    return result.pages.map((page) => page.text).join('\n');
  } finally {
    await parser.destroy();
  }
}

async function docxText(bytes: Uint8Array): Promise<string> {
  const mammoth = (await import('mammoth')).default;
  const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
  return value;
}

/** HWPX is a zip of OWPML XML: each Contents/sectionN.xml holds paragraphs (<hp:p>) of text runs (<hp:t>). */
async function hwpxText(bytes: Uint8Array): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const sections = Object.keys(zip.files)
    .filter((name) => /^Contents\/section\d+\.xml$/i.test(name))
    .sort((a, b) => Number(/\d+/.exec(a)![0]) - Number(/\d+/.exec(b)![0]));
  if (sections.length === 0) throw new Error('no Contents/section*.xml inside');
  const paragraphs: string[] = [];
  for (const name of sections) {
    const xml = await zip.file(name)!.async('string');
    // Tables nest paragraphs; closing tags end each one, so nested cells still come out as their own lines.
    for (const chunk of xml.split(/<\/hp:p>/)) {
      const runs = [...chunk.matchAll(/<hp:t(?:\s[^>]*)?>([\s\S]*?)<\/hp:t>/g)].map((match) => decodeXml(match[1]!.replace(/<[^>]+>/g, '')));
      if (runs.length > 0) paragraphs.push(runs.join(''));
    }
  }
  return paragraphs.join('\n');
}

function decodeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&#x([0-9a-f]+);/gi, (_, code: string) => String.fromCodePoint(parseInt(code, 16)))
    .replace(/&amp;/g, '&');
}
