import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import type { ItdaConfig } from '../config/config.js';
import { renderReplyAsText } from '../console/render-reply-as-text.js';
import { seoulDate } from '../program/deadline-status.js';
import { MAX_DOCUMENT_BYTES, readCallDocument } from '../rounds/call-document-text.js';
import { reviewReply } from '../rounds/proposal-review.js';
import { planRoundFiles, writeRoundFiles } from '../rounds/round-files.js';
import { RoundNewsStore } from '../rounds/round-news-store.js';
import { correctProposal, parseCorrection, proposeRound } from '../rounds/round-proposal.js';
import { openStorage } from '../storage/open-storage.js';
import { UsageError } from './cli-error.js';

const USAGE = 'Usage: npm run --silent cli -- ingest FILE.pdf|.docx|.hwpx [--json] [--set field=value ...] [--approve] [--by NAME]';

/**
 * `ingest FILE [--json]` (fixed contract): reads a call document and prints the proposed round,
 * writing nothing. `--approve` writes program.yaml and the round's knowledge files (atomically),
 * records who approved in the audit log and queues one DM per round-news subscriber, which the
 * running Slack app sends. `--set deadline=2026-03-27` corrects a field first.
 */
export interface CommandOutput {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const PROCESS_OUTPUT: CommandOutput = { stdout: (text) => process.stdout.write(text), stderr: (text) => process.stderr.write(text) };

export async function ingestCommand(config: ItdaConfig, args: string[], output: CommandOutput = PROCESS_OUTPUT): Promise<number> {
  let parsed: { values: { json?: boolean; approve?: boolean; set?: string[]; by?: string }; positionals: string[] };
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean' }, approve: { type: 'boolean' }, set: { type: 'string', multiple: true }, by: { type: 'string' } } });
  } catch (error) {
    throw new UsageError(`ingest: ${(error as Error).message}. ${USAGE}`);
  }
  const { values, positionals } = parsed;
  const [file] = positionals;
  if (!file || positionals.length > 1) throw new UsageError(`ingest: name exactly one call document. ${USAGE}`);
  const size = await stat(file).then((found) => (found.isFile() ? found.size : -1), () => undefined);
  if (size === undefined) throw new UsageError(`ingest: ${file} does not exist. Check the path. ${USAGE}`);
  if (size < 0) throw new UsageError(`ingest: ${file} is not a file. ${USAGE}`);
  if (size > MAX_DOCUMENT_BYTES) throw new UsageError(`ingest: ${basename(file)} is ${(size / 1024 / 1024).toFixed(1)} MB, more than the ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB a call document can be. Send the call itself as a PDF with text, a DOCX or an HWPX file.`);
  const source = basename(file);
  // The CLI's own messages are English; the review it prints is the Korean one staff see in Slack.
  const read = await readCallDocument(source, await readFile(file), 'en');
  if (!read.ok) throw new UsageError(`ingest: ${read.problem}`);
  const approvedBy = values.by ?? `cli:${safeUserName()}`;
  const corrections: Record<string, string | number> = {};
  for (const assignment of values.set ?? []) {
    const [name = '', ...rest] = assignment.split('=');
    const correction = parseCorrection(name.trim(), rest.join('='), 'en');
    if (!correction.ok) throw new UsageError(`ingest: --set ${correction.problem}`);
    corrections[correction.field] = correction.value;
  }
  let proposal = proposeRound(source, read.lines);
  if (Object.keys(corrections).length > 0) proposal = correctProposal(proposal, corrections, approvedBy);
  const today = seoulDate(config.now());
  const plan = planRoundFiles(config.knowledgeDir, proposal, approvedBy, today, 'ko', '--set');
  if (values.json) output.stdout(`${JSON.stringify(proposal, null, 2)}\n`);
  else output.stdout(`${renderReplyAsText({ ...reviewReply('cli', proposal, plan, 'ko', 'terminal'), buttons: [] }, 'ko')}\n`);
  if (!values.approve) {
    if (!values.json) output.stdout('\nNothing was written. Approve with --approve, or correct a field with --set field=value.\n');
    return 0;
  }
  if (!plan.ok) {
    // The same plan once more, for the English error line with the CLI's way of correcting.
    const english = planRoundFiles(config.knowledgeDir, proposal, approvedBy, today, 'en', 'use --set, e.g. --set deadline=2026-03-27');
    throw new UsageError(`ingest: ${english.ok ? plan.problem : english.problem}`);
  }
  const written = await writeRoundFiles(config.knowledgeDir, plan.files);
  const storage = await openStorage(config.databasePath);
  try {
    const told = await new RoundNewsStore(storage.database).scheduleAnnouncement(proposal.round.id!, config.now());
    await storage.audit.record({ actorId: approvedBy, action: 'round_approve', detail: { source, round: proposal.round, eligibility: proposal.eligibility, files: written, changes: plan.changes } }, config.now());
    output.stderr(`Approved: wrote ${written.join(', ')}; ${told} subscriber(s) will get a DM from the running Slack app. Recorded in the audit log.\n`);
  } finally {
    await storage.database.close();
  }
  return 0;
}

function safeUserName(): string {
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}
