import { describe, expect, it } from 'vitest';
import { renderReplyAsText } from '../../src/console/render-reply-as-text.js';
import { replaceMaskedNameStars } from '../../src/privacy/masked-names.js';
import { replyTextToMarkdown } from '../../src/slack/mrkdwn.js';

const LINE = '*2025년 선정 과제*: 서**병원 × 메** (AI 판독)';

describe('a masked name from the published project list', () => {
  it('is the stars right after a letter, not a bold run', () => {
    expect(replaceMaskedNameStars(LINE, (stars) => `[${stars.length}]`)).toBe('*2025년 선정 과제*: 서[2]병원 × 메[2] (AI 판독)');
  });

  it('keeps its stars in the terminal and in the Markdown sent to Slack, while the bold title loses its markers', () => {
    expect(renderReplyAsText({ text: LINE }, 'ko')).toContain('2025년 선정 과제: 서**병원 × 메** (AI 판독)');
    expect(replyTextToMarkdown(LINE)).toBe('**2025년 선정 과제**: 서\\*\\*병원 × 메\\*\\* (AI 판독)');
  });
});
