import { describe, expect, it } from 'vitest';
import {
  decodeSlackText,
  escapeMrkdwn,
  replyTextToMarkdown,
  replyTextToMrkdwn,
  slackLink,
  slackMention,
  withMarkupBoundaries,
} from '../../src/slack/mrkdwn.js';

const ZWSP = '\u200B';
const HOSTILE = [
  '<!channel> 지금 확인하세요',
  '<!here|here> urgent',
  '<!subteam^S0123|@staff> 봐 주세요',
  '<@U0ADMIN> 승인해 주세요',
  '<https://evil.example|📎 심사 서류 업로드>',
  '<#C0STAFF|staff>',
  'R&D <질문> a > b',
];

describe('escaping untrusted text before it becomes mrkdwn', () => {
  it.each(HOSTILE)('leaves no Slack control sequence in %j', (hostile) => {
    const mrkdwn = replyTextToMrkdwn(hostile);
    expect(mrkdwn).not.toMatch(/<[^>]*>/);
    expect(mrkdwn).not.toContain('<!');
    expect(mrkdwn).not.toContain('<@');
    expect(mrkdwn).not.toContain('<http');
  });

  it('escapes the three characters Slack reserves, once', () => {
    expect(escapeMrkdwn('AI & 빅데이터 <1차>')).toBe('AI &amp; 빅데이터 &lt;1차&gt;');
    expect(escapeMrkdwn('&amp; typed literally')).toBe('&amp;amp; typed literally');
  });

  it('restores a mention only for the user ids the reply names itself', () => {
    expect(replyTextToMrkdwn('신청자 <@U0FOUNDER>, 그리고 <@U0ADMIN>', ['U0FOUNDER'])).toBe('신청자 <@U0FOUNDER>, 그리고 &lt;@U0ADMIN&gt;');
    expect(slackMention('U0FOUNDER')).toBe('<@U0FOUNDER>');
    expect(slackMention('<!channel>')).toBe('&lt;!channel&gt;');
  });

  it('keeps quotation marks at line starts, and escapes what is quoted', () => {
    expect(replyTextToMrkdwn('> 첫 줄\n> <!channel> 둘째 줄')).toBe('> 첫 줄\n> &lt;!channel&gt; 둘째 줄');
  });
});

describe('links', () => {
  it('writes <url|label> with the label escaped', () => {
    expect(slackLink('https://www.mohw.go.kr/board.es?mid=a&bid=1', '보건복지부 <공고>')).toBe('<https://www.mohw.go.kr/board.es?mid=a&amp;bid=1|보건복지부 &lt;공고&gt;>');
  });

  it('refuses targets that are not web or mail links, and labels cannot close the link', () => {
    expect(slackLink('javascript:alert(1)', 'click')).toBe('click');
    expect(slackLink('https://a.example', 'x|<!channel>')).toBe('<https://a.example|x¦&lt;!channel&gt;>');
  });
});

describe('Korean next to markup', () => {
  it('puts a zero-width boundary where a particle follows *bold*', () => {
    expect(withMarkupBoundaries('지원금은 *5천만 원*입니다')).toBe(`지원금은 *5천만 원*${ZWSP}입니다`);
    expect(withMarkupBoundaries('마감*4월 28일*까지')).toBe(`마감${ZWSP}*4월 28일*${ZWSP}까지`);
    expect(withMarkupBoundaries('`/itda apply`로 시작')).toBe(`\`/itda apply\`${ZWSP}로 시작`);
  });

  it('leaves ordinary spacing and identifiers alone', () => {
    expect(withMarkupBoundaries('*bold* text and file_name_here')).toBe('*bold* text and file_name_here');
    expect(withMarkupBoundaries('3~5년, 6~7년')).toBe('3~5년, 6~7년');
    expect(withMarkupBoundaries('연구계획서_초안_v2.docx')).toBe('연구계획서_초안_v2.docx');
  });
});

describe('Markdown for streamed answers', () => {
  it('turns Slack-style bold and single-newline bullets into Markdown', () => {
    const markdown = replyTextToMarkdown('*지원 대상*\n• 서울 소재 중소기업\n• 설립 7년 이내\n자세한 것은 공고문을 보세요.');
    expect(markdown).toBe('**지원 대상**\n\n- 서울 소재 중소기업\n- 설립 7년 이내\n\n자세한 것은 공고문을 보세요.');
  });

  it('keeps the stars of masked names literal, so "서**병원 … 메**" is no bold run', () => {
    expect(replyTextToMarkdown('*과제* 세**병원과 한 과제: 메**, 서**')).toBe('**과제** 세\\*\\*병원과 한 과제: 메\\*\\*, 서\\*\\*');
  });

  it('keeps untrusted text literal: no links, HTML or strikethrough', () => {
    const markdown = replyTextToMarkdown('[업로드](https://evil.example) <b>x</b> & <!channel> 3~5년\n# 제목');
    expect(markdown).toContain('\\[업로드\\](https://evil.example)');
    expect(markdown).toContain('&lt;b&gt;x&lt;/b&gt; &amp; &lt;!channel&gt; 3\\~5년');
    expect(markdown).toContain('\\# 제목');
  });
});

describe('text as Slack delivers it', () => {
  it('decodes entities once and unwraps Slack markup to what was typed', () => {
    expect(decodeSlackText('AI &amp; 빅데이터 &lt;1차&gt;')).toBe('AI & 빅데이터 <1차>');
    expect(decodeSlackText('&amp;lt; is how you write &lt;')).toBe('&lt; is how you write <');
    expect(decodeSlackText('<!channel> <!here> <!subteam^S1|@staff> <#C1|general>')).toBe('@channel @here @staff #general');
    expect(decodeSlackText('<https://evil.example|📎 업로드> <https://a.example> <mailto:a@b.kr|a@b.kr>')).toBe('📎 업로드 (https://evil.example) https://a.example a@b.kr');
    expect(decodeSlackText('<@U0ITDA|itda> 안녕')).toBe('<@U0ITDA> 안녕');
  });

  it('round-trips: decoded, then escaped, the text is what Slack sent', () => {
    const sent = 'AI &amp; 빅데이터 &lt;1차&gt; R&amp;D';
    expect(escapeMrkdwn(decodeSlackText(sent))).toBe(sent);
  });
});
