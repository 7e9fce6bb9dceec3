import type { KnowledgeChunk } from '../knowledge/chunk-by-headings.js';
import { lexicalTerms } from '../retrieval/korean-aware-features.js';

/** A question's terms with how much each says: rare terms weigh more, glossary expansions half. */
export interface QueryTerms {
  /** The question's own terms and their IDF weight. */
  readonly own: ReadonlyMap<string, number>;
  /** Glossary expansion terms (translations, synonyms) at half weight. */
  readonly expanded: ReadonlyMap<string, number>;
}

/** A query's terms as numbers of the knowledge's term list (-1: a term no knowledge text has), in the maps' order. */
interface NumberedTerms {
  own: Int32Array;
  ownWeights: Float64Array;
  expanded: Int32Array;
  expandedWeights: Float64Array;
  /** How many terms were numbered when these numbers were looked up. */
  known: number;
}

const EXPANSION_WEIGHT = 0.5;
// "충**병원", "메**": a name masked in the sources is one identifier. Cut into syllables it is a
// lone "충" or "서" that many other lines share ("서**" the company is not "서**병원" the hospital).
const MASKED_NAME = /[가-힣A-Za-z]{1,3}\*{2,}(?:병원|대학교병원|의료원)?/g;

/** The masked names ("충**병원", "메**") a text mentions, each whole. */
export function maskedNamesIn(text: string): string[] {
  return text.match(MASKED_NAME) ?? [];
}

/** The text's terms: its words as the search cuts them, and each masked name whole. */
function termsWithNames(text: string): string[] {
  return [...lexicalTerms(text), ...maskedNamesIn(text).map((name) => `name:${name}`)];
}

/**
 * Scores single lines of the knowledge against a question, so an extractive answer can lead with
 * the line that holds the asked-for fact, and can tell when no passage covers the question's
 * distinctive words (a term the knowledge never uses weighs most of all).
 */
export class LineRelevance {
  private readonly documentFrequency = new Map<string, number>();
  private readonly lineCount: number;
  private readonly termsOfText = new Map<string, Set<string>>();
  /**
   * The knowledge's own texts (each section's text, heading and lines) are compared by term
   * numbers: a question is compared with some thirty of them, and numbers are cheaper to look up
   * than the terms' strings. Each text is numbered the first time it is compared, so the list of
   * term numbers holds the knowledge's terms only and stops growing once every text has been seen.
   * Other texts are compared by their terms' strings.
   */
  private readonly knowledgeTexts: Set<string>;
  private readonly termNumbers = new Map<string, number>();
  private readonly numbersOfText = new Map<string, Set<number>>();
  private readonly numbered = new WeakMap<QueryTerms, NumberedTerms>();

  constructor(chunks: KnowledgeChunk[]) {
    const lines = chunks.flatMap((chunk) => [chunk.metadata.heading, ...chunk.metadata.lines]);
    this.lineCount = Math.max(lines.length, 1);
    for (const line of lines) for (const term of this.termsOf(line)) this.documentFrequency.set(term, (this.documentFrequency.get(term) ?? 0) + 1);
    this.knowledgeTexts = new Set([...lines, ...chunks.map((chunk) => chunk.text)]);
  }

  idf(term: string): number {
    const frequency = this.documentFrequency.get(term) ?? 0;
    return Math.log(1 + (this.lineCount - frequency + 0.5) / (frequency + 0.5));
  }

  queryTerms(question: string, expansions: string[]): QueryTerms {
    const own = new Map<string, number>();
    // A lone Latin letter ("what's" → "s") says nothing about the topic but occurs everywhere.
    for (const term of termsWithNames(question)) if (!/^[a-z]$/.test(term)) own.set(term, this.idf(term));
    const expanded = new Map<string, number>();
    for (const term of expansions.flatMap((expansion) => lexicalTerms(expansion))) {
      if (!own.has(term)) expanded.set(term, EXPANSION_WEIGHT * this.idf(term));
    }
    return { own, expanded };
  }

  /** Sum of the weights of the question's terms (own and expanded) the text contains. */
  score(text: string, query: QueryTerms): number {
    const numbers = this.numbersOf(text);
    if (numbers) {
      const { own, ownWeights, expanded, expandedWeights } = this.numberedTerms(query);
      let total = 0;
      for (let index = 0; index < own.length; index += 1) if (numbers.has(own[index]!)) total += ownWeights[index]!;
      for (let index = 0; index < expanded.length; index += 1) if (numbers.has(expanded[index]!)) total += expandedWeights[index]!;
      return total;
    }
    const terms = this.termsOf(text);
    let total = 0;
    for (const [term, weight] of query.own) if (terms.has(term)) total += weight;
    for (const [term, weight] of query.expanded) if (terms.has(term)) total += weight;
    return total;
  }

  /**
   * Share (0..1, IDF-weighted) of the question's own terms found in the text. A term counts when
   * the text has it, or when the question has no Latin/Hangul match but an expansion does.
   */
  coverage(text: string, query: QueryTerms): number {
    const numbers = this.numbersOf(text);
    if (numbers) return this.numberedCoverage(numbers, this.numberedTerms(query));
    const terms = this.termsOf(text);
    let found = 0;
    let possible = 0;
    for (const [term, weight] of query.own) {
      possible += weight;
      if (terms.has(term)) found += weight;
    }
    if (possible === 0) return 0;
    let expandedFound = 0;
    let expandedPossible = 0;
    for (const [term, weight] of query.expanded) {
      expandedPossible += weight;
      if (terms.has(term)) expandedFound += weight;
    }
    // A Korean question answered from its English twin (or the reverse) is matched by translation.
    const byTranslation = expandedPossible > 0 ? expandedFound / expandedPossible : 0;
    return Math.max(found / possible, byTranslation * 0.8);
  }

  /** `coverage` over term numbers: the same sums in the same order. */
  private numberedCoverage(numbers: Set<number>, query: NumberedTerms): number {
    let found = 0;
    let possible = 0;
    for (let index = 0; index < query.own.length; index += 1) {
      possible += query.ownWeights[index]!;
      if (numbers.has(query.own[index]!)) found += query.ownWeights[index]!;
    }
    if (possible === 0) return 0;
    let expandedFound = 0;
    let expandedPossible = 0;
    for (let index = 0; index < query.expanded.length; index += 1) {
      expandedPossible += query.expandedWeights[index]!;
      if (numbers.has(query.expanded[index]!)) expandedFound += query.expandedWeights[index]!;
    }
    const byTranslation = expandedPossible > 0 ? expandedFound / expandedPossible : 0;
    return Math.max(found / possible, byTranslation * 0.8);
  }

  /** A knowledge text's term numbers (numbered at its first comparison); undefined for any other text. */
  private numbersOf(text: string): Set<number> | undefined {
    let numbers = this.numbersOfText.get(text);
    if (numbers || !this.knowledgeTexts.has(text)) return numbers;
    numbers = new Set<number>();
    for (const term of termsWithNames(text)) {
      let number = this.termNumbers.get(term);
      if (number === undefined) this.termNumbers.set(term, (number = this.termNumbers.size));
      numbers.add(number);
    }
    this.numbersOfText.set(text, numbers);
    return numbers;
  }

  /**
   * The query's terms numbered once (it is compared with many texts; QueryTerms are never changed
   * after they are made), and again if a text numbered since brought terms the list lacked.
   */
  private numberedTerms(query: QueryTerms): NumberedTerms {
    let numbered = this.numbered.get(query);
    if (!numbered || numbered.known !== this.termNumbers.size) {
      const [own, ownWeights] = this.numberedMap(query.own);
      const [expanded, expandedWeights] = this.numberedMap(query.expanded);
      numbered = { own, ownWeights, expanded, expandedWeights, known: this.termNumbers.size };
      this.numbered.set(query, numbered);
    }
    return numbered;
  }

  /** The terms' numbers (-1: not a knowledge term) and weights, in the map's order; a loop, not TypedArray.from over the map's iterators. */
  private numberedMap(terms: ReadonlyMap<string, number>): [Int32Array, Float64Array] {
    const numbers = new Int32Array(terms.size);
    const weights = new Float64Array(terms.size);
    let index = 0;
    for (const [term, weight] of terms) {
      numbers[index] = this.termNumbers.get(term) ?? -1;
      weights[index] = weight;
      index += 1;
    }
    return [numbers, weights];
  }

  private termsOf(text: string): Set<string> {
    let terms = this.termsOfText.get(text);
    if (!terms) {
      terms = new Set(termsWithNames(text));
      if (this.termsOfText.size > 20_000) this.termsOfText.clear();
      this.termsOfText.set(text, terms);
    }
    return terms;
  }
}
