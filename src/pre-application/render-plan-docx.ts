import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType, ShadingType } from 'docx';
import type { PlanBlock, PlanDocument } from './plan-blocks.js';

/**
 * The draft as a Word file. Word picks fonts per script, so the East Asian font is set
 * explicitly; without it Korean may fall back to a font that shows empty boxes.
 */
const KOREAN_FONT = 'Malgun Gothic';
const FONT = { ascii: KOREAN_FONT, eastAsia: KOREAN_FONT, hAnsi: KOREAN_FONT, cs: KOREAN_FONT };
const HEADINGS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

export async function renderPlanDocx(plan: PlanDocument): Promise<Buffer> {
  const document = new Document({
    title: plan.title,
    creator: 'Itda',
    styles: {
      default: {
        document: { run: { font: FONT, size: 21 } },
        heading1: { run: { font: FONT, size: 32, bold: true } },
        heading2: { run: { font: FONT, size: 26, bold: true } },
        heading3: { run: { font: FONT, size: 22, bold: true } },
      },
    },
    sections: [{ children: plan.blocks.flatMap(toDocx) }],
  });
  return Packer.toBuffer(document);
}

function run(text: string, options: { bold?: boolean; italics?: boolean; color?: string } = {}): TextRun {
  return new TextRun({ text, font: FONT, ...options });
}

function toDocx(block: PlanBlock): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'heading':
      return [new Paragraph({ heading: HEADINGS[block.level], children: [run(block.text)] })];
    case 'answer':
      return block.text.split('\n').map((line) => new Paragraph({ children: [run(line)] }));
    case 'suggestion':
      return [new Paragraph({
        children: [run(block.text, { italics: true, color: '7A4F00' })],
        shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'FFF4D6' },
      })];
    case 'missing':
      return [new Paragraph({ children: [run(block.text, { bold: true, color: 'B00020' })] })];
    case 'note':
      return [new Paragraph({ children: [run(block.text, { italics: true, color: '555555' })] })];
    case 'bullets':
      return block.items.map((item) => new Paragraph({ bullet: { level: 0 }, children: [run(item)] }));
    case 'numbered':
      // Written numbers survive copy-paste into the BioHub web form, unlike Word list numbering.
      return block.items.map((item, index) => new Paragraph({ indent: { left: 360 }, children: [run(`${index + 1}. ${item}`)] }));
    case 'table':
      return [new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        rows: [block.header, ...block.rows].map((cells, index) => new TableRow({
          tableHeader: index === 0,
          children: cells.map((cell) => new TableCell({ children: [new Paragraph({ children: [run(cell, { bold: index === 0 })] })] })),
        })),
      }), new Paragraph({ children: [] })];
  }
}
