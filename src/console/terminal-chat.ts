import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Itda } from '../conversation/itda.js';
import { detectLanguage } from '../messages/detect-language.js';
import type { Language } from '../messages/language.js';
import { text } from '../messages/messages.js';
import type { Reply, ReplyButton } from '../ports/reply.js';
import { answerSafely } from '../conversation/answer-safely.js';
import type { Logger } from '../observability/logger.js';
import { renderReplyAsText } from './render-reply-as-text.js';

export interface TerminalChatOptions {
  itda: Itda;
  userId: string;
  input: Readable;
  output: Writable;
  /** A prompt and a greeting in a TTY; bare replies when lines are piped in. */
  interactive: boolean;
  /** Where exported drafts are written. */
  exportDir: string;
  logger: Logger;
}

/**
 * The terminal chat: the same engine as Slack, one line per message. Buttons are numbered and
 * pressed by typing the number; files are written to exportDir and their path printed.
 */
export async function runTerminalChat(options: TerminalChatOptions): Promise<void> {
  const { itda, userId, output, interactive } = options;
  // Asked before readline starts: lines typed while an await is pending before the loop would be lost.
  const reminder = interactive ? await draftReminder(itda, userId) : '';
  // In a TTY readline must own the output stream: it echoes what the user types there.
  const lines = createInterface({ input: options.input, ...(interactive ? { output } : {}), terminal: interactive });
  let buttons: ReplyButton[] = [];
  let language: Language = 'ko';
  lines.setPrompt(text('ko', 'conversation.terminalYou'));
  const prompt = () => {
    if (!interactive) return;
    output.write('\n');
    lines.prompt();
  };
  const print = (replies: Reply[], pressed: boolean) => {
    const shown = replies.flatMap((reply) => reply.buttons ?? []);
    // A button press keeps the numbered list it was pressed from, so "1" then "2" both work;
    // a typed message (an answer, a question) retires it.
    if (shown.length > 0 || !pressed) buttons = shown;
    let number = 1;
    for (const reply of replies) {
      output.write(`${interactive ? `\n${text('ko', 'conversation.terminalItda')}` : ''}${renderReplyAsText(reply, language, number)}\n`);
      number += reply.buttons?.length ?? 0;
      for (const file of reply.files ?? []) output.write(`💾 ${writeExport(options.exportDir, file.filename, file.content)}\n`);
    }
    if (!interactive) output.write('\n');
  };
  if (interactive) {
    output.write(`${text('ko', 'conversation.terminalWelcome')}\n`);
    output.write(reminder);
  }
  prompt();
  for await (const line of lines) {
    const text = line.trim();
    if (text !== '') language = detectLanguage(text, language);
    const pressed = /^\d{1,2}$/.test(text) ? buttons[Number(text) - 1] : undefined;
    await answerSafely(
      options.logger,
      { userId, surface: 'terminal' },
      async (apology) => print([{ text: apology }], false),
      async () => {
        const replies = pressed
          ? await itda.action(userId, pressed.actionId, pressed.value, language)
          : await itda.respond({ userId, conversationId: `console:${userId}`, text });
        print(replies, pressed !== undefined);
      },
      language,
    );
    prompt();
  }
  if (interactive) output.write('\n');
}

/** A second export the same day gets "-2", "-3" … so an earlier file is never overwritten. */
export function writeExport(directory: string, filename: string, content: Buffer): string {
  mkdirSync(directory, { recursive: true });
  const extension = extname(filename);
  const stem = filename.slice(0, filename.length - extension.length);
  let path = resolve(join(directory, filename));
  for (let copy = 2; existsSync(path); copy += 1) path = resolve(join(directory, `${stem}-${copy}${extension}`));
  writeFileSync(path, content, { flag: 'wx' });
  return path;
}

/** A terminal session that starts over a saved draft says so before the first prompt. */
async function draftReminder(itda: Itda, userId: string): Promise<string> {
  const draft = (await itda.home(userId).catch(() => undefined))?.draft;
  if (draft?.status !== 'in_progress') return '';
  const counts = { filled: draft.filled, total: draft.total };
  return `${draft.title ? text('ko', 'conversation.terminalDraftWaitingTitled', { ...counts, title: draft.title }) : text('ko', 'conversation.terminalDraftWaiting', counts)}\n`;
}
