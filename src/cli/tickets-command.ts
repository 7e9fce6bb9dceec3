import { parseArgs } from 'node:util';
import type { ItdaConfig } from '../config/config.js';
import type { Ticket } from '../storage/ticket.js';
import { openStorage } from '../storage/open-storage.js';
import { UsageError } from './cli-error.js';

const USAGE = 'Usage: npm run --silent cli -- tickets [--all] [--json]';
const STATES = ['open', 'answered', 'resolved', 'duplicate'] as const;

/**
 * `tickets`: the open tickets, oldest first (with --all every state). The terminal is for staff
 * on the server, like `forget`; the questions shown are redacted.
 */
export async function ticketsCommand(config: ItdaConfig, args: string[]): Promise<number> {
  let values: { all?: boolean; json?: boolean };
  try {
    ({ values } = parseArgs({ args, options: { all: { type: 'boolean' }, json: { type: 'boolean' } } }));
  } catch (error) {
    throw new UsageError(`tickets: ${(error as Error).message}. ${USAGE}`);
  }
  const storage = await openStorage(config.databasePath);
  try {
    const tickets = await storage.tickets.list(values.all ? [...STATES] : ['open'], 500);
    if (values.json) process.stdout.write(`${JSON.stringify({ tickets: tickets.map(summaryOf) })}\n`);
    else process.stdout.write(tickets.length === 0 ? 'No open tickets.\n' : `${tickets.map((ticket) => describeTicket(ticket, config.now())).join('\n\n')}\n`);
    return 0;
  } finally {
    await storage.database.close();
  }
}

function summaryOf(ticket: Ticket) {
  return { id: ticket.id, state: ticket.state, reason: ticket.reason, question: ticket.question, language: ticket.language, askers: ticket.askers.length, createdAt: ticket.createdAt };
}

export function describeTicket(ticket: Ticket, now: Date): string {
  const days = Math.floor((now.getTime() - Date.parse(ticket.createdAt)) / 86_400_000);
  return [
    `#${ticket.id} [${ticket.state}] ${ticket.question}`,
    `   ${ticket.askers.length} asked · ${ticket.reason} · ${ticket.language} · ${days} day(s) old`,
    `   Itda answered: ${ticket.itdaAnswer.split('\n')[0]}`,
    ...(ticket.answer ? [`   Answer (${ticket.answer.staffName}, ${ticket.answer.answeredAt}): ${Object.values(ticket.answer.text)[0]}`] : []),
  ].join('\n');
}
