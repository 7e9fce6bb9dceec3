import type { PlanDocument } from './plan-blocks.js';

/** The draft as Markdown: easy to paste into the Seoul BioHub form or to edit anywhere. */
export function renderPlanMarkdown(document: PlanDocument): string {
  const lines: string[] = [];
  for (const block of document.blocks) {
    switch (block.kind) {
      case 'heading':
        lines.push(`${'#'.repeat(block.level)} ${block.text}`, '');
        break;
      case 'answer':
        lines.push(block.text, '');
        break;
      case 'suggestion':
        lines.push(`> ${block.text.replace(/\n/g, '\n> ')}`, '');
        break;
      case 'missing':
        lines.push(`**${block.text}**`, '');
        break;
      case 'note':
        lines.push(`_${block.text}_`, '');
        break;
      case 'bullets':
        lines.push(...block.items.map((item) => `- ${item}`), '');
        break;
      case 'numbered':
        lines.push(...block.items.map((item, index) => `${index + 1}. ${item}`), '');
        break;
      case 'table':
        lines.push(row(block.header), row(block.header.map(() => '---')), ...block.rows.map(row), '');
        break;
    }
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

function row(cells: string[]): string {
  return `| ${cells.map((cell) => cell.replace(/\|/g, '\\|').replace(/\n/g, ' ')).join(' | ')} |`;
}
