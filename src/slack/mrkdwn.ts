/**
 * Untrusted text (what founders typed) made safe for Slack mrkdwn: no mentions, no
 * @channel/@here, no labelled links, no formatting that changes what staff read.
 * Minimal version for the knowledge loop; slack12's src/slack/mrkdwn.ts replaces it on merge.
 */
export function escapeMrkdwn(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([*_~`])/g, '\u200B$1\u200B')
    .replace(/@(channel|here|everyone)\b/gi, '@\u200B$1');
}

/** A link whose label is ours; the label is escaped so it cannot close the link early. */
export function slackLink(url: string, label: string): string {
  return `<${url.replace(/[<>|]/g, encodeURIComponent)}|${escapeMrkdwn(label).replace(/\|/g, '¦')}>`;
}
