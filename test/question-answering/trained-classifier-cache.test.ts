import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RouteClassifier } from '../../src/question-answering/routing/route-classifier.js';
import { loadRoutingData, ROUTES } from '../../src/question-answering/routing/routing-examples.js';
import { trainedClassifier } from '../../src/question-answering/routing/trained-classifier-cache.js';

// Five examples a route keep the training quick; what is checked is the saving, not the model.
const all = loadRoutingData('knowledge').examples;
const examples = ROUTES.flatMap((route) => all.filter((example) => example.route === route).slice(0, 5));
const questions = ['지원금은 얼마야?', 'When is the deadline?', '병원 데이터 뭐 있어요?', '오늘 점심 뭐 먹지', '가명정보 동의 없이 써도 돼요?'];
const guesses = (classifier: RouteClassifier) => questions.map((question) => classifier.classify(question));

describe('the trained route classifier kept in the index directory', () => {
  it('is saved after training and read back giving exactly the same probabilities', () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'itda-classifier-cache-'));
    const trained = trainedClassifier(examples, cacheDir);
    expect(readdirSync(join(cacheDir, 'routing-classifier'))).toHaveLength(1);
    expect(guesses(trained)).toEqual(guesses(RouteClassifier.train(examples)));

    const read = trainedClassifier(examples, cacheDir);
    expect(read).not.toBe(trained);
    expect(guesses(read)).toEqual(guesses(trained));
  });

  it('trains again when the file is damaged, and replaces it', () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'itda-classifier-cache-'));
    const expected = guesses(trainedClassifier(examples, cacheDir));
    const [file] = readdirSync(join(cacheDir, 'routing-classifier'));
    writeFileSync(join(cacheDir, 'routing-classifier', file!), '{"routes": ["dates"], "vocabulary": [');
    expect(guesses(trainedClassifier(examples, cacheDir))).toEqual(expected);
    expect(guesses(trainedClassifier(examples, cacheDir))).toEqual(expected);
  });

  it('an edited example is a new model: trained, and the old file removed', () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'itda-classifier-cache-'));
    trainedClassifier(examples, cacheDir);
    const [before] = readdirSync(join(cacheDir, 'routing-classifier'));
    const edited = [...examples.slice(1), { route: 'funding' as const, text: '인건비로 써도 되나요?' }];
    expect(guesses(trainedClassifier(edited, cacheDir))).toEqual(guesses(RouteClassifier.train(edited)));
    const after = readdirSync(join(cacheDir, 'routing-classifier'));
    expect(after).toHaveLength(1);
    expect(after[0]).not.toBe(before);
  });

  it('without an index directory nothing is written and the model is trained', () => {
    expect(guesses(trainedClassifier(examples, undefined))).toEqual(guesses(RouteClassifier.train(examples)));
  });
});
