import { describe, expect, it } from 'vitest';
import { makeService, user } from './transcript.js';
import { readDocxText } from './read-docx-text.js';

const ENGLISH_ANSWERS: [string, string][] = [
  ['Itda Health Inc.', '[2/21] location'],
  ["We're in Gangnam, founded in 2020 with 8 employees", '[5/21] business'],
  ['We build AI software that finds lung nodules on chest CT to support radiologists.', '[6/21] contact name'],
  ['skip', '[7/21] contact email'],
  ['skip', '[8/21] project title'],
  ['Multi-centre validation of an AI that predicts lung-nodule malignancy on chest CT', '[9/21] background'],
  ['Lung nodules are common but hard to classify, so patients get repeated scans; few tools are validated on Korean patients.', '[10/21] objectives'],
  ['Reach an external-validation AUROC of 0.85 or more\nCut reading time by 20%', '[11/21] data needs'],
  ['Chest CT images of nodule patients; ECG waveforms', '[12/21] target diseases'],
  ['lung nodule, lung cancer', '[13/21] number of patients'],
  ['3,000 patients', '[14/21] data period'],
  ['2016-2024', '[15/21] purposes'],
  ['AI training and validation; clinical trial design', '[16/21] methods'],
  ["Retrain the model on pseudonymised CT inside the hospital's closed environment, then validate on a separate period.", '[17/21] privacy plan'],
  ['Only pseudonymised data, analysed in the hospital closed environment after IRB review and DRB approval.', '[18/21] schedule'],
  ['Month 1-2: IRB and DRB review\nMonth 3-5: retraining\nMonth 6: validation report', '[19/21] budget'],
  ['Data processing KRW 20,000,000; Expert advice 10 million', '[20/21] expected outcomes'],
  ['Use the results for an MFDS class II amendment and launch in three tertiary hospitals in 2026.', '[21/21] preferred hospitals'],
  ['none', 'Your research-plan draft is ready'],
];

describe('a whole pre-application in English', () => {
  it('runs the form in English and drafts an English plan', async () => {
    const { service } = makeService();
    expect(service.isStartRequest('start application')).toBe(true);
    expect(service.isStartRequest('apply')).toBe(true);
    expect(service.isStartRequest('I want to draft my application')).toBe(true);
    const founder = user(service, 'U-EN', 'en');
    expect(await founder.start()).toContain("What is your company's name?");
    for (const [answer, expected] of ENGLISH_ANSWERS) {
      expect(await founder.say(answer), `after "${answer}"`).toContain(expected);
    }
    const summary = founder.replies.at(-1)!.text;
    expect(summary).toContain('Budget total: 30,000,000 KRW (2 items)');
    expect(summary).toContain('No contact person.');
    expect(summary).toContain('Data: medical imaging, biosignals');

    const markdown = (await service.exportDraft('U-EN', 'md'))!.content.toString('utf8');
    expect(markdown).toContain('## 10. Personal-data protection and data management plan');
    expect(markdown).toContain('💡 Suggestion (rewrite in your own words):');
    expect(markdown).toContain('Only pseudonymised data, analysed in the hospital closed environment after IRB review and DRB approval.');
    // Diseases, patients and period were answered once for all the data, so they are written once.
    expect(markdown).toContain('### medical imaging\n\n- Description: Chest CT images of nodule patients\n');
    expect(markdown).toContain('### Scope (all the data above)\n\n- Diseases: lung nodule, lung cancer\n- Patients: 3,000\n- Period: 2016-2024');
    expect(markdown).toContain('| Expert advice | 10,000,000 |');
    const docx = readDocxText((await service.exportDraft('U-EN', 'docx'))!.content);
    expect(docx).toContain('Company overview');

    // Exports are in the draft's language throughout, whatever language the button was pressed in.
    const pressedInKorean = (await service.exportDraft('U-EN', 'md', 'ko'))!.content.toString('utf8');
    expect(pressedInKorean).not.toContain('기업 개요');
    expect(pressedInKorean).toContain('Company overview');
  });

  it('switches language on request and keeps the answers', async () => {
    const { service } = makeService();
    const founder = user(service, 'U-SWITCH', 'ko');
    await founder.start();
    await founder.say('잇다랩');
    const switched = await founder.say('English');
    expect(switched).toContain('Switching to English.');
    expect(switched).toContain('[2/21] location');
    expect(await founder.say('status')).toContain('• company name: 잇다랩');
  });
});
