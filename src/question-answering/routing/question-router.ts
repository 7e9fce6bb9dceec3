import { RouteClassifier, type RouteGuess } from './route-classifier.js';
import { loadRoutingData, type Route, type RouteSettings } from './routing-examples.js';
import { trainedClassifier } from './trained-classifier-cache.js';
import { lexicalTerms } from '../../retrieval/korean-aware-features.js';

export type { Route, RouteGuess };

/** The last trained classifier, by its examples (training is deterministic, so reuse is exact). */
const trained = new Map<string, RouteClassifier>();

/**
 * The classifier trained from knowledge/routing-examples.yaml, with each route's settings
 * (preferred topics, sections answered from program.yaml, a fixed section).
 */
export class QuestionRouter {
  /** The routes that list each topic (asked for each candidate section of every question); a topic no route lists is absent. */
  private readonly routesListing = new Map<string, Set<Route>>();

  private constructor(
    private readonly classifier: RouteClassifier,
    readonly settings: Record<Route, RouteSettings>,
    /** Every word the thanks examples use ("got", "it", "감사합니다"): words that ask nothing. */
    private readonly thanksTerms: Set<string>,
  ) {
    for (const [route, routeSettings] of Object.entries(settings) as [Route, RouteSettings][]) {
      for (const topic of routeSettings.topics) {
        const routes = this.routesListing.get(topic) ?? new Set<Route>();
        routes.add(route);
        this.routesListing.set(topic, routes);
      }
    }
  }

  /** `cacheDir` (the index directory) keeps the trained model across starts; omit to train in memory. */
  static fromKnowledge(knowledgeDir: string, cacheDir?: string): QuestionRouter {
    const data = loadRoutingData(knowledgeDir);
    // A knowledge edit elsewhere reloads the index; the same examples need no second training.
    const key = JSON.stringify(data.examples);
    let classifier = trained.get(key);
    if (!classifier) {
      classifier = trainedClassifier(data.examples, cacheDir);
      trained.clear();
      trained.set(key, classifier);
    }
    const thanksTerms = new Set(data.examples.filter((example) => example.route === 'thanks').flatMap((example) => lexicalTerms(example.text)));
    return new QuestionRouter(classifier, data.settings, thanksTerms);
  }

  /** "thanks, and the deadline?" → "and the deadline?": the words no thank-you example uses; "" for "got it". */
  withoutThanksWords(text: string): string {
    return text
      .split(/\s+/)
      .filter((word) => lexicalTerms(word).some((term) => !this.thanksTerms.has(term)))
      .join(' ');
  }

  classify(text: string): RouteGuess {
    return this.classifier.classify(text);
  }

  /** How much the guess prefers sections of `topic`: the probability of the routes that list it. */
  topicPreference(guess: RouteGuess | undefined, topic: string): number {
    if (!guess) return 0;
    // A file no route lists yet (a new notice staff just added) competes as if its route were the guess.
    const routes = this.routesListing.get(topic);
    if (!routes) return guess.confidence;
    let preference = 0;
    // Summed in the guess's own order (best route first), as the probabilities are listed.
    for (const route in guess.probabilities) if (routes.has(route as Route)) preference += guess.probabilities[route as Route];
    return preference;
  }
}
