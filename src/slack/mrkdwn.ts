import { replaceMaskedNameStars } from '../privacy/masked-names.js';

/**
 * Text crossing the Slack boundary, both ways. Itda's replies are plain text with light markup
 * (*bold*, _italic_, `code`, "• " bullets, "> " quotes) and may carry a founder's words, a
 * model's answer or a catalog entry; nothing in them may become Slack markup (<!channel>,
 * <@U…>, <url|disguised label>). So every reply is escaped here, once, as it leaves, and
 * Slack's own escaping is undone here, once, as a message arrives.
 */

const ZERO_WIDTH_SPACE = '\u200B';
const SLACK_ID = /^[UWBCDGS][A-Z0-9]{2,}$/;

/** Slack's three control characters as entities; the rest of mrkdwn stays as written. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/[&<>]/g, (character) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[character]!);
}

/** A link whose label is shown as text: only http(s) and mailto targets, label escaped. */
export function slackLink(url: string, label?: string): string {
  const shownLabel = escapeMrkdwn((label ?? url).replace(/\|/g, '¦'));
  if (!/^(https?:\/\/|mailto:)[^\s<>|]+$/i.test(url)) return shownLabel;
  return `<${url.replace(/&/g, '&amp;')}|${shownLabel}>`;
}

/** A mention of a Slack user id that Itda itself put there (never one taken from text). */
export function slackMention(userId: string): string {
  return SLACK_ID.test(userId) ? `<@${userId}>` : escapeMrkdwn(userId);
}

/**
 * A reply's text as mrkdwn: escaped, quotes kept, mentions restored only for the user ids the
 * reply names itself, and a zero-width boundary where Korean touches a markup character.
 */
export function replyTextToMrkdwn(text: string, mentions: readonly string[] = []): string {
  let mrkdwn = escapeMrkdwn(text).replace(/^&gt; /gm, '> ');
  for (const userId of mentions) {
    if (SLACK_ID.test(userId)) mrkdwn = mrkdwn.split(`&lt;@${userId}&gt;`).join(`<@${userId}>`);
  }
  return withMarkupBoundaries(mrkdwn);
}

/**
 * Slack only honours *bold* (and _italic_, `code`) at a word boundary, and Korean
 * particles follow words directly ("*지원금*은"). A zero-width space there makes it render.
 */
export function withMarkupBoundaries(mrkdwn: string): string {
  return mrkdwn.replace(/([^\n]?)([*_`])([^\s*_`](?:[^*_`\n]*[^\s*_`])?)\2(?=([^\n]?))/gu, (_whole, before: string, marker: string, inner: string, after: string) => {
    const leftNeeds = before !== '' && needsBoundary(before, marker);
    const rightNeeds = after !== '' && needsBoundary(after, marker);
    // "파일_초안_v2" is a name, not italics: only bold may be joined to words on both sides.
    if (marker !== '*' && isWordCharacter(before) && isWordCharacter(after)) return `${before}${marker}${inner}${marker}`;
    const left = leftNeeds ? ZERO_WIDTH_SPACE : '';
    const right = rightNeeds ? ZERO_WIDTH_SPACE : '';
    return `${before}${left}${marker}${inner}${marker}${right}`;
  });
}

function isWordCharacter(character: string): boolean {
  return /[\p{L}\p{N}]/u.test(character);
}

function needsBoundary(character: string, marker: string): boolean {
  if (/[\p{Script=Hangul}\p{Script=Han}]/u.test(character)) return true;
  // Outside Korean only bold is widened: "_" and "`" sit inside identifiers such as file_name.
  return marker === '*' && /[\p{L}\p{N}]/u.test(character);
}

/**
 * The same reply as Markdown for a streamed `markdown_text`: **bold**, real list items with a
 * blank line before them, paragraphs instead of single newlines, and the untrusted parts kept
 * literal (no HTML, autolinks or [label](url) links can be formed).
 */
export function replyTextToMarkdown(text: string): string {
  const blocks: string[] = [];
  let list: string[] = [];
  const flushList = () => {
    if (list.length > 0) blocks.push(list.join('\n'));
    list = [];
  };
  for (const rawLine of text.split('\n')) {
    const line = markdownInline(rawLine.trim());
    const bullet = /^(?:[•·▪◦*-])\s+(.*)$/u.exec(line);
    const numbered = /^(\d{1,2})[.)]\s+(.*)$/.exec(line);
    if (bullet) list.push(`- ${bullet[1]}`);
    else if (numbered) list.push(`${numbered[1]}. ${numbered[2]}`);
    else {
      flushList();
      if (line !== '') blocks.push(line);
    }
  }
  flushList();
  return blocks.join('\n\n');
}

function markdownInline(line: string): string {
  const escaped = line
    .replace(/[&<>]/g, (character) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[character]!)
    .replace(/([\\[\]~])/g, '\\$1')
    .replace(/^#/, '\\#');
  // Stars right after a letter are a masked name ("서**병원"), not emphasis: escaped, so Markdown shows them.
  return replaceMaskedNameStars(escaped, (stars) => '\\*'.repeat(stars.length))
    .replace(/(^|[^*\\])\*([^*\s](?:[^*\n]*[^\s*\\])?)\*(?![*])/gu, '$1**$2**');
}

/**
 * A message as Slack delivers it, back to what the person typed: links become "label (url)",
 * channels "#name", broadcasts "@here", user mentions stay "<@U…>" (listeners strip Itda's),
 * and &amp; &lt; &gt; are decoded in one pass, so "&amp;lt;" stays the "&lt;" that was typed.
 */
export function decodeSlackText(text: string): string {
  return text
    .replace(/<([^<>]*)>/g, (token, inner: string) => {
      if (/^@[UW][A-Z0-9]+(\|[^>]*)?$/.test(inner)) return `<${inner.split('|')[0]}>`;
      const [target = '', label] = inner.split('|');
      if (target.startsWith('#')) return label ? `#${label}` : target;
      if (target.startsWith('!subteam^')) return label ?? '@team';
      if (target.startsWith('!')) return label ?? `@${target.slice(1).split('^')[0]}`;
      if (/^mailto:/i.test(target)) return label ?? target.slice('mailto:'.length);
      if (/^https?:/i.test(target)) return label && label !== target ? `${label} (${target})` : target;
      return token;
    })
    .replace(/&(amp|lt|gt);/g, (_entity, name: string) => ({ amp: '&', lt: '<', gt: '>' })[name]!);
}
