import type { ConversationTurn } from './stores.js';
import type { Language } from '../messages/language.js';
import type { Reply, ReplyFile, SourceRef } from './reply.js';

/**
 * The capabilities the engine routes to, as interfaces, so the engine and both adapters
 * stay the same while each capability grows behind its interface.
 */
export type AnswerKind = 'answer' | 'no_source' | 'out_of_scope' | 'medical_advice' | 'injection' | 'deadline' | 'eligibility' | 'thanks';

export interface QuestionAnswer {
  answer: string;
  citations: SourceRef[];
  outOfScope: boolean;
  language: Language;
  kind: AnswerKind;
}

export interface QuestionAnswering {
  answer(question: string, options?: { history?: ConversationTurn[]; language?: Language }): Promise<QuestionAnswer>;
}

export interface MatchFilters {
  type?: string;
  region?: string;
  cdm?: boolean;
  minPatients?: number;
}

export interface TeamMatch {
  teamId: string;
  hospital: string;
  department: string;
  score: number;
  reasons: string[];
  assets: string[];
}

export interface TeamMatching {
  /** `language` chooses the language of the reasons; by default the need's own. */
  rankTeams(need: string, options?: MatchFilters & { top?: number; language?: Language }): Promise<TeamMatch[]>;
}

/** The pre-application capability as the engine uses it (implemented in src/pre-application). */
export interface PreApplication {
  isStartRequest(text: string): boolean;
  /** With `text`: also true for a submitted draft when the text is one of the words that still apply to it (export, status). */
  hasActiveDraft(userId: string, text?: string): Promise<boolean>;
  /** Personal-data kinds the current question asks for (the applicant's contact e-mail), kept from redaction for the form only. */
  personalDataAsked(userId: string): Promise<string[]>;
  start(userId: string, language: Language): Promise<Reply[]>;
  handle(userId: string, text: string, language: Language): Promise<Reply[]>;
  describe(userId: string): Promise<{ status: string; filled: number; total: number; updatedAt: string; title?: string } | undefined>;
  exportDraft(userId: string, format: 'md' | 'docx', language?: Language): Promise<ReplyFile | undefined>;
  submit(
    userId: string,
    language: Language,
  ): Promise<{ replies: Reply[]; submission?: { userId: string; company: string; title: string; summary: string } }>;
  /** A submitted draft's research need in words, for the staff "팀 추천" button; undefined when none is submitted. */
  submittedResearchNeed(userId: string): Promise<string | undefined>;
}
