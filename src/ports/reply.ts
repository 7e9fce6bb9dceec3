/**
 * What Itda says back, independent of where it is shown. The Slack adapter turns a Reply
 * into Block Kit; the console adapter turns it into plain text. Text uses Slack's light
 * markup (*bold*, _italic_, "• " bullets), which reads fine in a terminal too.
 */
import type { Language } from '../messages/language.js';

export interface SourceRef {
  /** Path relative to the project, e.g. "knowledge/eligibility.md". */
  source: string;
  title: string;
  section: string;
  asOf?: string;
}

export interface ReplyButton {
  actionId: string;
  label: string;
  value: string;
  style?: 'primary' | 'danger';
}

export interface ReplyFile {
  filename: string;
  title: string;
  content: Buffer;
}

export interface Reply {
  text: string;
  sources?: SourceRef[];
  /** Small context lines shown under the main text (warnings, "as of" notes). */
  notes?: string[];
  buttons?: ReplyButton[];
  files?: ReplyFile[];
  /** When set, the reply offers 👍/👎 and the vote is stored against this id. */
  feedbackId?: string;
  /**
   * Notes for the person who wrote the message only (what was redacted or cut). In a channel
   * Slack shows them to that person alone; in a DM and the terminal they sit with the notes.
   */
  authorNotes?: string[];
  /** The whole reply is for the person who wrote (e.g. "slow down"): private in a channel. */
  onlyForAuthor?: boolean;
  /** Slack user ids the text mentions as "<@U…>" on purpose; any other "<@…>" is shown as text. */
  mentions?: string[];
  /**
   * For program staff only (team matches): kept out of conversation history, and in a channel
   * shown only to the staff member who asked (ephemeral), never to the thread.
   */
  staffOnly?: boolean;
}
