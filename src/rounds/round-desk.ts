import { randomUUID } from 'node:crypto';
import type { StaffAccess } from '../access/staff-access.js';
import type { AuditLog } from '../ports/stores.js';
import type { Language } from '../messages/language.js';
import type { Reply } from '../ports/reply.js';
import { seoulDate } from '../program/deadline-status.js';
import { readCallDocument } from './call-document-text.js';
import { reviewReply } from './proposal-review.js';
import { planRoundFiles, writeRoundFiles } from './round-files.js';
import type { RoundNews } from './round-news.js';
import type { RoundNewsStore } from './round-news-store.js';
import { correctProposal, parseCorrection, proposeRound, type RoundProposal } from './round-proposal.js';
import { text } from '../messages/messages.js';

export interface RoundDeskDependencies {
  knowledgeDir: string;
  store: RoundNewsStore;
  news: RoundNews;
  staff: StaffAccess;
  audit: AuditLog;
  now: () => Date;
  /** Reads the staff files just written at once (the live reload policy), so the next answer already has the new round. */
  afterWrite?: () => Promise<unknown>;
}

/** "Already approved/cancelled (by whom)": the four sentences in rounds.yaml. */
function alreadyDecided(language: Language, status: string, by?: string): string {
  const key = status === 'approved' ? (by ? 'rounds.deskAlreadyApprovedBy' : 'rounds.deskAlreadyApproved') : by ? 'rounds.deskAlreadyCancelledBy' : 'rounds.deskAlreadyCancelled';
  return text(language, key, by ? { by } : {});
}

const fileList = (files: string[]) => files.map((file) => `\`${file}\``).join(', ');

/**
 * New rounds from the call document: staff hand Itda the file, review what it read, correct
 * or approve. Every path asks StaffAccess first; approval writes knowledge/ atomically, records
 * who approved what, and schedules one announcement per subscriber.
 */
export class RoundDesk {
  constructor(private readonly deps: RoundDeskDependencies) {}

  isStaff(userId: string): Promise<boolean> {
    return this.deps.staff.isStaff(userId);
  }

  async ingest(userId: string, fileName: string, bytes: Uint8Array, language: Language): Promise<Reply[]> {
    if (!(await this.deps.staff.isStaff(userId))) return [{ text: text(language, 'rounds.deskStaffOnly') }];
    const read = await readCallDocument(fileName, bytes, language);
    if (!read.ok) return [{ text: read.problem }];
    const proposal = proposeRound(fileName, read.lines);
    const id = randomUUID().slice(0, 12);
    await this.deps.store.saveProposal(id, userId, proposal, this.deps.now());
    await this.deps.audit.record({ actorId: userId, action: 'round_ingest', detail: { proposal: id, source: fileName, round: proposal.round, missing: proposal.missing } }, this.deps.now());
    return [this.review(id, proposal, userId, language)];
  }

  async proposal(userId: string, proposalId: string): Promise<RoundProposal | undefined> {
    if (!(await this.deps.staff.isStaff(userId))) return undefined;
    const stored = await this.deps.store.loadProposal(proposalId);
    return stored?.status === 'pending' ? stored.proposal : undefined;
  }

  /** Staff corrections from the Edit form: field name → typed value; an empty value leaves the field as read. */
  async correct(userId: string, proposalId: string, values: Record<string, string>, language: Language): Promise<{ replies: Reply[]; problems: Record<string, string> }> {
    if (!(await this.deps.staff.isStaff(userId))) return { replies: [{ text: text(language, 'rounds.deskStaffOnly') }], problems: {} };
    const stored = await this.deps.store.loadProposal(proposalId);
    if (!stored || stored.status !== 'pending') return { replies: [{ text: stored ? alreadyDecided(language, stored.status, stored.decidedBy) : text(language, 'rounds.deskGone') }], problems: {} };
    const corrections: Record<string, string | number> = {};
    const problems: Record<string, string> = {};
    for (const [name, raw] of Object.entries(values)) {
      if (!raw.trim()) continue;
      const parsed = parseCorrection(name, raw, language);
      if (!parsed.ok) problems[name] = parsed.problem;
      else if (String(currentValue(stored.proposal, parsed.field)) !== String(parsed.value)) corrections[parsed.field] = parsed.value;
    }
    if (Object.keys(problems).length > 0) return { replies: [], problems };
    const corrected = correctProposal(stored.proposal, corrections, userId);
    await this.deps.store.saveProposal(proposalId, stored.staffId, corrected, this.deps.now());
    await this.deps.audit.record({ actorId: userId, action: 'round_correct', detail: { proposal: proposalId, corrections } }, this.deps.now());
    return { replies: [{ text: text(language, 'rounds.deskCorrected') }, this.review(proposalId, corrected, userId, language)], problems };
  }

  async action(userId: string, actionId: string, value: string, language: Language): Promise<Reply[]> {
    switch (actionId) {
      case 'round_subscribe':
        return [{ text: (await this.subscribe(userId, language)) ? text(language, 'rounds.newsSubscribed') : text(language, 'rounds.newsAlready') }];
      case 'round_unsubscribe':
        await this.deps.store.setSubscription(userId, 'unsubscribed', language, this.deps.now());
        return [{ text: text(language, 'rounds.newsUnsubscribed') }];
      case 'round_approve':
        return this.approve(userId, value, language);
      case 'round_cancel':
        return this.cancel(userId, value, language);
      default:
        return [{ text: text(language, 'conversation.unknownButton') }];

    }
  }

  /** True when newly subscribed. */
  async subscribe(userId: string, language: Language): Promise<boolean> {
    const before = await this.deps.store.subscription(userId);
    await this.deps.store.setSubscription(userId, 'subscribed', language, this.deps.now());
    return before !== 'subscribed';
  }

  forgetUser(userId: string): Promise<void> {
    return this.deps.store.deleteForUser(userId);
  }

  private async approve(userId: string, proposalId: string, language: Language): Promise<Reply[]> {
    if (!(await this.deps.staff.isStaff(userId))) return [{ text: text(language, 'rounds.deskStaffOnly') }];
    const stored = await this.deps.store.loadProposal(proposalId);
    if (!stored) return [{ text: text(language, 'rounds.deskGone') }];
    if (stored.status !== 'pending') return [{ text: alreadyDecided(language, stored.status, stored.decidedBy) }];
    const plan = planRoundFiles(this.deps.knowledgeDir, stored.proposal, userId, seoulDate(this.deps.now()), language);
    if (!plan.ok) return [this.review(proposalId, stored.proposal, userId, language)];
    if (!(await this.deps.store.decide(proposalId, 'approved', userId, this.deps.now()))) return [{ text: alreadyDecided(language, 'approved') }];
    const files = await writeRoundFiles(this.deps.knowledgeDir, plan.files);
    await this.deps.afterWrite?.();
    const roundId = stored.proposal.round.id!;
    const told = await this.deps.store.scheduleAnnouncement(roundId, this.deps.now());
    await this.deps.audit.record({ actorId: userId, action: 'round_approve', detail: { proposal: proposalId, source: stored.proposal.source, round: stored.proposal.round, eligibility: stored.proposal.eligibility, files, changes: plan.changes } }, this.deps.now());
    void this.deps.news.tick();
    return [{ text: [text(language, 'rounds.deskApproved', { id: roundId, files: fileList(files), told }), ...(plan.stale.length > 0 ? [text(language, 'rounds.deskStale', { files: fileList(plan.stale) })] : [])].join('\n') }];
  }

  private async cancel(userId: string, proposalId: string, language: Language): Promise<Reply[]> {
    if (!(await this.deps.staff.isStaff(userId))) return [{ text: text(language, 'rounds.deskStaffOnly') }];
    const stored = await this.deps.store.loadProposal(proposalId);
    if (!stored) return [{ text: text(language, 'rounds.deskGone') }];
    if (!(await this.deps.store.decide(proposalId, 'cancelled', userId, this.deps.now()))) return [{ text: alreadyDecided(language, stored.status, stored.decidedBy) }];
    await this.deps.audit.record({ actorId: userId, action: 'round_cancel', detail: { proposal: proposalId, source: stored.proposal.source } }, this.deps.now());
    return [{ text: text(language, 'rounds.deskCancelled') }];
  }

  private review(proposalId: string, proposal: RoundProposal, userId: string, language: Language): Reply {
    return reviewReply(proposalId, proposal, planRoundFiles(this.deps.knowledgeDir, proposal, userId, seoulDate(this.deps.now()), language), language);
  }
}

function currentValue(proposal: RoundProposal, field: string): unknown {
  return proposal.facts.find((fact) => fact.field === field)?.value;
}
