import type { webApi } from '@slack/bolt';
import { answerSafely } from '../../../conversation/answer-safely.js';
import { MAX_DOCUMENT_BYTES } from '../../../rounds/call-document-text.js';
import { deliverReplies, type Destination } from '../../deliver-replies.js';
import type { DeliveryScope } from '../../durable-inbox/delivery-scope.js';
import type { ListenerContext } from '../../listener-context.js';
import type { SharedFile } from '../conversation/incoming-message.js';
import type { Language } from '../../../messages/language.js';
import { text } from '../../../messages/messages.js';

const CALL_DOCUMENT = /\.(pdf|docx|hwpx|hwp)$/i;

/**
 * Reads the call documents a staff member shared and posts the review. Returns false (and does
 * nothing) when the user is not staff or no file is a call document, so a founders' file-share
 * handler can call this first and carry on when it returns false.
 */
export async function shareCallDocumentWithItda(
  client: webApi.WebClient,
  context: ListenerContext,
  share: { userId: string; destination: Destination; files: SharedFile[]; botToken: string; scope?: DeliveryScope },
): Promise<boolean> {
  const rounds = context.rounds;
  const documents = share.files.filter((file) => CALL_DOCUMENT.test(file.name));
  if (!rounds || documents.length === 0 || !(await rounds.isStaff(share.userId))) return false;
  const language = context.itda.languageOf(share.userId);
  await answerSafely(
    context.logger,
    { userId: share.userId, surface: 'call-document' },
    (apology) => client.chat.postMessage({ channel: share.destination.channel, thread_ts: share.destination.threadTs, text: apology }),
    async () => {
      for (const file of documents) {
        const name = file.name;
        const bytes = await download(file, share.botToken, language);
        const replies = typeof bytes === 'string' ? [{ text: `${name}: ${bytes}` }] : await rounds.ingest(share.userId, name, bytes, language);
        await deliverReplies(client, share.destination, replies, language, share.scope);
      }
    },
    language,
  );
  return true;
}

/** The file's bytes, or what went wrong in words staff can act on, in their language. */
async function download(file: SharedFile, botToken: string, language: Language): Promise<Uint8Array | string> {
  const tooLarge = text(language, 'slack.callFileTooLarge', { megabytes: String(MAX_DOCUMENT_BYTES / 1024 / 1024) });
  if ((file.size ?? 0) > MAX_DOCUMENT_BYTES) return tooLarge;
  const url = file.url_private_download ?? file.url_private;
  if (!url) return text(language, 'slack.callFileNoLink');
  const response = await fetch(url, { headers: { Authorization: `Bearer ${botToken}` } });
  // Without the files:read scope Slack answers with its sign-in page instead of the file.
  if (!response.ok || (response.headers.get('content-type') ?? '').includes('text/html')) {
    return text(language, 'slack.callFileNotHanded', { status: String(response.status) });
  }
  const bytes = new Uint8Array(await response.arrayBuffer());
  return bytes.length > MAX_DOCUMENT_BYTES ? tooLarge : bytes;
}
