import type { Language } from '../messages/language.js';
import type { ReplyFile } from '../ports/reply.js';
import type { PartialAnswers, ResearchPlanAnswers } from './answers-schema.js';
import type { PlanKnowledge } from './plan-knowledge.js';
import type { PlanDocument, SuggestedTeam } from './plan-blocks.js';
import { draftResearchPlan } from './plan-document.js';
import { planChecklist, type ChecklistItem } from './plan-checklist.js';
import { validateAnswers } from './validate-answers.js';
import { renderPlanMarkdown } from './render-plan-markdown.js';
import { renderPlanDocx } from './render-plan-docx.js';
import { privacySources } from './privacy-sources.js';
import type { ChatModelSource } from '../llm/chat-model.js';
import { polishAnswers } from './polish-answers.js';

interface RendererDependencies {
  knowledgeDir: string;
  now: () => Date;
  suggestTeams?: (answers: ResearchPlanAnswers, language: Language) => Promise<SuggestedTeam[]>;
  /** When set, chat-style answers are rewritten in plan style (kept only if every number, name and date survives). */
  chatModel?: ChatModelSource;
}

/** Turns saved answers (complete or not) into the checklist, the draft and its files. */
export class DraftRenderer {
  constructor(private readonly deps: RendererDependencies, private readonly knowledge: PlanKnowledge) {}

  checklist(answers: PartialAnswers, language: Language): ChecklistItem[] {
    const { form, facts, privacyChecks } = this.knowledge.current();
    return planChecklist(form, facts, answers, language, this.deps.now(), privacyChecks);
  }

  /** Team suggestions need complete answers; a failing matcher must not block the draft. */
  async teams(answers: PartialAnswers, language: Language): Promise<SuggestedTeam[] | undefined> {
    if (!this.deps.suggestTeams) return undefined;
    const { form, facts } = this.knowledge.current();
    const validation = validateAnswers(answers, form, facts, this.deps.now());
    if (!validation.ok) return undefined;
    try {
      return (await this.deps.suggestTeams(validation.answers, language)).slice(0, 3);
    } catch {
      return undefined;
    }
  }

  async plan(answers: PartialAnswers, language: Language): Promise<PlanDocument> {
    const { form, facts, privacyChecks, polishPrompt } = this.knowledge.current();
    const polished = this.deps.chatModel ? await polishAnswers(this.deps.chatModel, form, answers, language, polishPrompt) : undefined;
    return draftResearchPlan({
      form,
      facts,
      answers,
      language,
      checklist: this.checklist(answers, language),
      privacySources: privacySources(this.deps.knowledgeDir, language),
      privacyChecks,
      ...(polished ? { polished } : {}),
      generatedAt: this.deps.now(),
    });
  }

  async markdown(answers: PartialAnswers, language: Language): Promise<string> {
    return renderPlanMarkdown(await this.plan(answers, language));
  }

  async file(answers: PartialAnswers, format: 'md' | 'docx', language: Language): Promise<ReplyFile> {
    const plan = await this.plan(answers, language);
    const date = this.deps.now().toISOString().slice(0, 10);
    const filename = `itda-research-plan-${date}.${format}`;
    const content = format === 'md' ? Buffer.from(renderPlanMarkdown(plan), 'utf8') : await renderPlanDocx(plan);
    return { filename, title: plan.title, content };
  }
}
