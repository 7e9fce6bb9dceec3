export interface CallSection {
  heading: string;
  /** The section's lines joined with newlines, as the document has them. */
  text: string;
}

// Korean calls number their parts "1. 사업 개요", "Ⅰ. 지원 내용", "□ 신청 자격", "【 문의처 】".
const HEADING = /^(?:(?:[IVX]{1,4}|[Ⅰ-Ⅻ]|\d{1,2})\s*[.)]|□|■|▣|◆|◇|【)\s*(.+?)\s*】?$/;
const MAX_HEADING_CHARACTERS = 40;

/**
 * Splits a call into its parts at the headings calls use. A numbered line that is really a
 * sentence (long, ends like one, or carries a date) stays text. Lines before the first heading
 * form the opening part, named after the document's title line.
 */
export function splitCallSections(lines: readonly string[]): CallSection[] {
  const sections: { heading: string; lines: string[] }[] = [];
  for (const line of lines) {
    const heading = headingOf(line);
    if (heading) {
      sections.push({ heading, lines: [] });
      continue;
    }
    if (sections.length === 0) sections.push({ heading: line.slice(0, MAX_HEADING_CHARACTERS).trim(), lines: [] });
    sections.at(-1)!.lines.push(line);
  }
  const merged: { heading: string; lines: string[] }[] = [];
  for (const section of sections) {
    // A heading with nothing under it (a part title followed by its first sub-heading) joins the next part.
    const previous = merged.at(-1);
    if (previous && previous.lines.length === 0) previous.heading = `${previous.heading} — ${section.heading}`, previous.lines.push(...section.lines);
    else merged.push({ heading: section.heading, lines: [...section.lines] });
  }
  return merged.filter((section) => section.lines.length > 0).map((section) => ({ heading: section.heading, text: section.lines.join('\n') }));
}

function headingOf(line: string): string | undefined {
  if (line.length > MAX_HEADING_CHARACTERS) return undefined;
  const match = HEADING.exec(line);
  if (!match) return undefined;
  const heading = match[1]!.replace(/[:：]\s*$/, '').trim();
  if (!heading || /(?:니다|[다요]\.)$/.test(heading) || /:|：|\d{4}\s*[.년]|\d+\s*원/.test(heading)) return undefined;
  return heading;
}
