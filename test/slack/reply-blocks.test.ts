import { describe, expect, it } from 'vitest';
import { submissionNotice } from '../../src/conversation/command-handlers.js';
import { replyToBlocks } from '../../src/slack/blocks/reply-blocks.js';

const everything = (message: { text: string; blocks: unknown[] }) => `${message.text}\n${JSON.stringify(message.blocks)}`;

describe('replies as Block Kit, with every untrusted piece escaped', () => {
  it('the staff notice quotes the founder’s text and lets only the applicant’s own mention through', () => {
    const message = replyToBlocks(submissionNotice({
      userId: 'U0FOUNDER',
      company: '<!channel> 주식회사 잇다헬스',
      title: '<https://evil.example|📎 심사 서류 업로드>',
      summary: '<!here> <@U0STAFFLEAD> 확인 바랍니다\nAI & 빅데이터 <1차>',
    }));
    const text = (message.blocks[0] as { text: { text: string } }).text.text;
    expect(text).toBe(
      '*새 사전 신청서 / New pre-application* — <@U0FOUNDER>\n' +
        '> &lt;!channel&gt; 주식회사 잇다헬스: &lt;https://evil.example|📎 심사 서류 업로드&gt;\n' +
        '> &lt;!here&gt; &lt;@U0STAFFLEAD&gt; 확인 바랍니다\n' +
        '> AI &amp; 빅데이터 &lt;1차&gt;',
    );
    expect(everything(message)).not.toMatch(/<!|<@U0STAFFLEAD>|<https/);
  });

  it('escapes catalog and knowledge text in sources and notes, and a model’s answer in the text', () => {
    const message = replyToBlocks({
      text: '<!channel> 팀 <A&B>',
      sources: [{ source: 'knowledge/x.md', title: 'R&D <가이드>', section: '<@U1>' }],
      notes: ['<https://evil.example|클릭>'],
      authorNotes: ['[전화번호]를 지웠습니다 <!here>'],
    });
    const sent = everything(message);
    expect(sent).not.toMatch(/<!|<@U1>|<https/);
    expect(sent).toContain('R&amp;D &lt;가이드&gt; › &lt;@U1&gt;');
    expect(sent).toContain('[전화번호]를 지웠습니다 &lt;!here&gt;');
  });
});
