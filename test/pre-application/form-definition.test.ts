import { mkdtempSync, writeFileSync, mkdirSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadResearchPlanForm } from '../../src/pre-application/form-definition.js';
import { matchChoices } from '../../src/pre-application/match-choices.js';
import { KNOWLEDGE_DIR } from './transcript.js';

describe('the research-plan form file', () => {
  const form = loadResearchPlanForm(KNOWLEDGE_DIR);

  it('lists every answers-schema field, in order, with Korean and English questions', () => {
    expect(form.fields.map((field) => field.path)).toEqual([
      'company.name', 'company.location', 'company.foundedYear', 'company.employees', 'company.business',
      'contact.name', 'contact.email', 'title', 'background', 'objectives', 'dataNeeds', 'dataNeeds[].diseases',
      'dataNeeds[].minPatients', 'dataNeeds[].period', 'purposes', 'methods', 'privacyPlan', 'schedule', 'budget',
      'expectedOutcomes', 'preferredHospitals',
    ]);
    for (const field of form.fields) expect(field.question.ko && field.question.en && field.example.ko).toBeTruthy();
  });

  it('maps Korean and English synonyms to the fixed data types and purposes', () => {
    const types = form.choices.dataTypes!;
    const purposes = form.choices.purposes!;
    expect(matchChoices('흉부 CT', types)).toEqual(['imaging']);
    expect(matchChoices('MRI 영상', types)).toEqual(['imaging']);
    expect(matchChoices('심전도 파형', types)).toEqual(['biosignal']);
    expect(matchChoices('ECG', types)).toEqual(['biosignal']);
    expect(matchChoices('유전체 데이터', types)).toEqual(['genomic']);
    expect(matchChoices('genomic panel', types)).toEqual(['genomic']);
    expect(matchChoices('we predict outcomes', types)).toEqual([]);
    expect(matchChoices('인공지능 학습', purposes)).toEqual(['ai_development']);
    expect(matchChoices('AI', purposes)).toEqual(['ai_development']);
    expect(matchChoices('임상시험 설계', purposes)).toEqual(['trial_design']);
    expect(matchChoices('1, 3', purposes)).toEqual(['clinical_evidence', 'ai_development']);
  });

  it('names the file, line and fix when staff break it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'itda-form-'));
    mkdirSync(join(dir, 'forms'));
    copyFileSync(join(KNOWLEDGE_DIR, 'program.yaml'), join(dir, 'program.yaml'));
    writeFileSync(join(dir, 'forms', 'research-plan.yaml'), 'version: 1\ntitle: { ko: 계획서, en: Plan }\nfields:\n  - id: title\n    path: title\n    kind: essay\n    required: true\nchoices: {}\n');
    expect(() => loadResearchPlanForm(dir)).toThrow(/research-plan\.yaml.*\n.*line 6, fields\.0\.kind/);
  });
});
