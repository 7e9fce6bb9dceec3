import { Document } from '@langchain/core/documents';
import { BaseDocumentLoader } from '@langchain/core/document_loaders/base';
import JSZip from 'jszip';

/**
 * HWPX (한글's open format) as a LangChain document loader: a zip of OWPML XML in which each
 * Contents/sectionN.xml holds paragraphs (<hp:p>) of text runs (<hp:t>). One Document, one line per
 * paragraph. @langchain/community has loaders for PDF and DOCX but none for HWPX.
 */
export class HwpxLoader extends BaseDocumentLoader {
  constructor(private readonly blob: Blob) {
    super();
  }

  override async load(): Promise<Document[]> {
    const zip = await JSZip.loadAsync(await this.blob.arrayBuffer());
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
    return [new Document({ pageContent: paragraphs.join('\n'), metadata: { source: 'blob', sections: sections.length } })];
  }
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
