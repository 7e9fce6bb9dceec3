import { parse as parseYaml } from 'yaml';
import type { Language } from '../messages/language.js';

export interface KnowledgeSection {
  /** The stable `{#id}` at the end of the `##` heading, shared by a file and its twin. */
  id: string;
  heading: string;
  /** The section's lines, bullets without their "- " marker. */
  lines: string[];
  /** Questions the section answers ("? …" lines): indexed with it, never shown as part of an answer. */
  questions?: string[];
}

export interface KnowledgeFile {
  /** Project-relative path, e.g. "knowledge/eligibility.en.md". */
  source: string;
  /** The file name without language and extension: "eligibility" for both twins. */
  topic: string;
  title: string;
  language: Language;
  asOf: string;
  sources: string[];
  sections: KnowledgeSection[];
}

export type ParsedKnowledgeFile = { ok: true; file: KnowledgeFile } | { ok: false; problem: string };

const HEADING_WITH_ID = /^## (.+?)\s*\{#([a-z0-9]+(?:-[a-z0-9]+)*)\}\s*$/;

/**
 * Reads one knowledge Markdown file. A problem is a value, not an exception, because a file
 * being saved in an editor is briefly half-written and the running index must survive that.
 */
export function parseKnowledgeFile(fileName: string, text: string): ParsedKnowledgeFile {
  const source = `knowledge/${fileName}`;
  const fail = (line: number | undefined, message: string): ParsedKnowledgeFile => ({
    ok: false,
    problem: `${source}${line ? `, line ${line}` : ''}: ${message}`,
  });
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n([\s\S]*)$/.exec(text);
  if (!match) return fail(1, 'no front matter between --- lines (fix: start the file with ---, title, language, as_of, sources, ---)');
  let frontMatter: Record<string, unknown>;
  try {
    frontMatter = (parseYaml(match[1]!) ?? {}) as Record<string, unknown>;
  } catch (error) {
    return fail(undefined, `front matter is not valid YAML (${(error as Error).message.split('\n')[0]})`);
  }
  const { title, language, as_of: asOf, sources } = frontMatter;
  if (typeof title !== 'string' || !title) return fail(2, 'front matter needs a title');
  if (language !== 'ko' && language !== 'en') return fail(undefined, 'front matter needs language: ko or language: en');
  const bodyStartLine = match[1]!.split('\n').length + 3;
  const sections: KnowledgeSection[] = [];
  const lines = match[2]!.split(/\r?\n/);
  for (const [offset, line] of lines.entries()) {
    if (line.startsWith('## ')) {
      const heading = HEADING_WITH_ID.exec(line);
      if (!heading) return fail(bodyStartLine + offset, `heading "${line}" needs a {#kebab-case-id} at its end`);
      if (sections.some((section) => section.id === heading[2])) return fail(bodyStartLine + offset, `section id {#${heading[2]}} is used twice`);
      sections.push({ id: heading[2]!, heading: heading[1]!, lines: [] });
      continue;
    }
    const asked = /^\s*\?\s+(.+)$/.exec(line);
    if (asked && sections.length > 0) {
      const section = sections.at(-1)!;
      (section.questions ??= []).push(asked[1]!.trim());
      continue;
    }
    const content = line.replace(/^\s*[-*]\s+/, '').trim();
    if (!content || line.startsWith('# ')) continue;
    sections.at(-1)?.lines.push(content);
  }
  if (sections.length === 0) return fail(undefined, 'no "## heading {#id}" sections');
  return {
    ok: true,
    file: {
      source,
      topic: fileName.replace(/(\.en)?\.md$/, ''),
      title,
      language,
      asOf: String(asOf ?? ''),
      sources: Array.isArray(sources) ? sources.map(String) : [],
      sections: sections.filter((section) => section.lines.length > 0),
    },
  };
}
