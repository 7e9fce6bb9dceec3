import { parseArgs } from 'node:util';
import { StaffAccess } from '../access/staff-access.js';
import type { ItdaConfig } from '../config/config.js';
import type { Language } from '../messages/language.js';
import { createKnowledgeLoop } from '../knowledge-loop/create-knowledge-loop.js';
import { staffAnswerReplies } from '../knowledge-loop/staff-answer-reply.js';
import { loadProgramFacts } from '../program/program-facts.js';
import { slackTicketBoard } from '../slack/ticket-board.js';
import { openStorage } from '../storage/open-storage.js';
import { UsageError } from './cli-error.js';
import { describeTicket } from './tickets-command.js';

const USAGE = 'Usage: npm run --silent cli -- answer <ticket id> --text "answer" [--language ko|en] [--other "answer in the other language"] [--add-to-knowledge] [--name "담당자 이름"] [--staff U0123ABCD], or answer <ticket id> --duplicate-of <ticket id>';

/**
 * `answer <id>`: answers a ticket as staff from the terminal. With Slack configured the answer
 * reaches each asker and the staff-channel message updates, as from the modal; without, it is
 * stored and what each asker would get is printed. --add-to-knowledge writes knowledge/staff-answers.yaml.
 */
export async function answerCommand(config: ItdaConfig, args: string[]): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(args);
  } catch (error) {
    throw new UsageError(`answer: ${(error as Error).message}. ${USAGE}`);
  }
  const { values, positionals } = parsed;
  const ticketId = Number(positionals[0]);
  if (!Number.isInteger(ticketId) || ticketId <= 0) throw new UsageError(`answer: give the ticket number first (see \`tickets\`). ${USAGE}`);
  const duplicateOf = values['duplicate-of'] === undefined ? undefined : Number(values['duplicate-of']);
  if (duplicateOf !== undefined && !(Number.isInteger(duplicateOf) && duplicateOf > 0)) throw new UsageError(`answer: --duplicate-of needs a ticket number. ${USAGE}`);
  if (duplicateOf === undefined && !values.text?.trim()) throw new UsageError(`answer: missing --text with the answer. ${USAGE}`);
  const language = (values.language ?? 'ko') as Language;
  if (language !== 'ko' && language !== 'en') throw new UsageError(`answer: --language must be ko or en. ${USAGE}`);
  // Whoever runs the CLI on the server is staff, as for `forget`; --staff names them in the audit log.
  const staffId = values.staff ?? 'cli';
  const storage = await openStorage(config.databasePath);
  try {
    const loop = createKnowledgeLoop(config, storage, new StaffAccess([...config.staffUserIds, staffId]), { programFacts: oneShotFacts(config.knowledgeDir) });
    if (config.slack.kind !== 'console') {
      // Loaded only here: every other CLI command starts without Bolt.
      const { webApi } = await import('@slack/bolt');
      const client = new webApi.WebClient(config.slack.botToken, config.slackApiUrl ? { slackApiUrl: config.slackApiUrl.endsWith('/') ? config.slackApiUrl : `${config.slackApiUrl}/` } : {});
      loop.board = slackTicketBoard(client, config.staffChannelId);
    }
    if (duplicateOf !== undefined) {
      const merged = await loop.markDuplicate(staffId, ticketId, duplicateOf);
      if (!merged.ok) throw new UsageError(`answer: ${merged.problem}`);
      process.stdout.write(`#${ticketId} is a duplicate of #${duplicateOf}; its askers will get #${duplicateOf}'s answer.\n`);
      return 0;
    }
    const other = language === 'ko' ? 'en' : 'ko';
    const outcome = await loop.answer(staffId, ticketId, {
      text: { [language]: values.text ?? '', ...(values.other ? { [other]: values.other } : {}) },
      language,
      staffName: values.name ?? staffId,
      addToKnowledge: values['add-to-knowledge'] === true,
    });
    if (!outcome.ok) throw new UsageError(`answer: ${outcome.problem}`);
    process.stdout.write(`${describeTicket(outcome.ticket, config.now())}\n`);
    if (outcome.knowledgeEntry) process.stdout.write(`Added to knowledge/staff-answers.yaml as ${outcome.knowledgeEntry}; a running Itda picks it up.\n`);
    if (outcome.delivered > 0) {
      process.stdout.write(`Sent to ${outcome.delivered} asker(s) in Slack.\n`);
      return 0;
    }
    process.stdout.write('No Slack connection: the answer is stored. Each asker would get:\n');
    for (const asker of outcome.ticket.askers) {
      const reply = await staffAnswerReplies(outcome.ticket.answer!, asker.language, undefined);
      process.stdout.write(`--- ${asker.userId} (${asker.language})\n${reply.text}\n${(reply.notes ?? []).join('\n')}\n`);
    }
    return 0;
  } finally {
    await storage.database.close();
  }
}

function parse(args: string[]) {
  return parseArgs({
    args,
    allowPositionals: true,
    options: {
      text: { type: 'string' },
      other: { type: 'string' },
      language: { type: 'string' },
      name: { type: 'string' },
      staff: { type: 'string' },
      'add-to-knowledge': { type: 'boolean' },
      'duplicate-of': { type: 'string' },
    },
  });
}

/** A one-shot command reads program.yaml once, on first use (the running app follows edits live). */
function oneShotFacts(knowledgeDir: string): () => ReturnType<typeof loadProgramFacts> {
  let facts: ReturnType<typeof loadProgramFacts> | undefined;
  return () => (facts ??= loadProgramFacts(knowledgeDir));
}
