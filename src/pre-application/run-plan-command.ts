import { readFile, writeFile } from 'node:fs/promises';
import { loadProgramFacts } from '../program/program-facts.js';
import { loadResearchPlanForm } from './form-definition.js';
import { validateAnswers } from './validate-answers.js';
import { planChecklist } from './plan-checklist.js';
import { draftResearchPlan } from './plan-document.js';
import { renderPlanMarkdown } from './render-plan-markdown.js';
import { renderPlanDocx } from './render-plan-docx.js';
import { privacySources } from './privacy-sources.js';
import { detectLanguage } from '../messages/detect-language.js';
import { loadPrivacyChecks, type PrivacyCheck } from './privacy-checks.js';

export interface PlanCommandArgs {
  answersPath: string;
  format: 'md' | 'docx';
  outPath: string;
  knowledgeDir: string;
  now?: Date;
}

export interface PlanCommandResult {
  exitCode: 0 | 2;
  stdout: string[];
  stderr: string[];
}

/**
 * `itda plan --answers <file.json> --format md|docx --out <file>`: validates an answers file
 * and writes the draft. Invalid input exits 2 with one line per problem and writes nothing.
 */
export async function runPlanCommand(args: PlanCommandArgs): Promise<PlanCommandResult> {
  const fail = (...stderr: string[]): PlanCommandResult => ({ exitCode: 2, stdout: [], stderr });
  if (args.format !== 'md' && args.format !== 'docx') return fail(`format: "${String(args.format)}" is not supported; use md or docx`);
  let text: string;
  try {
    text = await readFile(args.answersPath, 'utf8');
  } catch (error) {
    return fail(`answers: cannot read ${args.answersPath} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return fail(`answers: ${args.answersPath} is not valid JSON (${(error as Error).message})`);
  }
  let form: ReturnType<typeof loadResearchPlanForm>;
  let facts: ReturnType<typeof loadProgramFacts>;
  try {
    form = loadResearchPlanForm(args.knowledgeDir);
    facts = loadProgramFacts(args.knowledgeDir);
  } catch (error) {
    return fail(...String((error as Error).message).split('\n'));
  }
  const now = args.now ?? new Date();
  const privacyChecks = loadPrivacyChecksSafely(args.knowledgeDir);
  if ('problem' in privacyChecks) return fail(...privacyChecks.problem.split('\n'));
  // Problems are told in the file's own language when it says one ("language": "ko"), else in English.
  const declared = (raw as { language?: unknown } | null)?.language;
  const validation = validateAnswers(raw, form, facts, now, declared === 'ko' ? 'ko' : 'en');
  const warnings = validation.warnings.map((warning) => `warning: ${warning.replace(/^⚠️\s*/, '')}`);
  if (!validation.ok) return fail(...validation.problems, ...warnings);
  const answers = validation.answers as unknown as Record<string, unknown>;
  const language = (raw as { language?: unknown }).language === 'en' || (raw as { language?: unknown }).language === 'ko'
    ? ((raw as { language: 'ko' | 'en' }).language)
    : detectLanguage(`${validation.answers.title} ${validation.answers.background}`);
  const plan = draftResearchPlan({
    form, facts, answers, language, generatedAt: now,
    checklist: planChecklist(form, facts, answers, language, now, privacyChecks.checks),
    privacySources: privacySources(args.knowledgeDir, language),
    privacyChecks: privacyChecks.checks,
  });
  const content = args.format === 'md' ? renderPlanMarkdown(plan) : await renderPlanDocx(plan);
  try {
    await writeFile(args.outPath, content);
  } catch (error) {
    return fail(`out: cannot write ${args.outPath} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  return { exitCode: 0, stdout: [`wrote ${args.outPath} (${args.format}, ${language}, ${content.length} bytes)`, ...warnings], stderr: [] };
}

function loadPrivacyChecksSafely(knowledgeDir: string): { checks: PrivacyCheck[] } | { problem: string } {
  try {
    return { checks: loadPrivacyChecks(knowledgeDir) };
  } catch (error) {
    return { problem: String((error as Error).message) };
  }
}
