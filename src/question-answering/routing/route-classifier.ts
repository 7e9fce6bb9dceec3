import { ROUTES, type LabelledExample, type Route } from './routing-examples.js';
import { FeatureTable } from './feature-table.js';
import { forEachRoutingFeature, routingFeatures } from './routing-features.js';

export interface RouteGuess {
  route: Route;
  /** The model's probability for that route (0..1). */
  confidence: number;
  /** The runner-up, for logs and close calls. */
  second: { route: Route; confidence: number };
  /** Every route's probability: a soft preference for the route's knowledge topics. */
  probabilities: Record<Route, number>;
}

const EPOCHS = 30;
const LEARNING_RATE = 0.8;
const L2 = 1e-5;

export interface SavedRouteClassifier {
  routes: string[];
  /** Features in index order. */
  vocabulary: string[];
  idf: Float64Array;
  weights: Float64Array[];
  bias: Float64Array;
}

interface SparseVector {
  indices: Int32Array;
  values: Float64Array;
}

/**
 * Multinomial logistic regression over TF-IDF weighted word and character n-gram features,
 * trained from the labelled examples at start-up (about a second, no randomness: the examples
 * are visited in a fixed interleaved order, so the same file always gives the same model).
 */
export class RouteClassifier {
  /**
   * The trained model feature by feature, built at the first question: a row per feature of its
   * idf then its weight for each route (see `byFeature`). A question's hundred features then read
   * a hundred short rows instead of an idf and fifteen weights scattered over 2 MB, cache misses
   * while a burst of messages is answered. Training keeps route by route.
   */
  private byFeature?: Float64Array;
  /** The vocabulary by a hash of each feature's characters (vocabulary order: a feature's index is its position). */
  private table?: FeatureTable;
  /** One count slot per feature, for the question being classified. */
  private counts?: Float64Array;

  private constructor(
    private readonly vocabulary: Map<string, number>,
    private readonly idf: Float64Array,
    private readonly weights: Float64Array[],
    private readonly bias: Float64Array,
  ) {}

  static train(examples: LabelledExample[]): RouteClassifier {
    const vocabulary = new Map<string, number>();
    const featureMaps = examples.map((example) => routingFeatures(example.text));
    const documentFrequency: number[] = [];
    for (const features of featureMaps) {
      for (const feature of features.keys()) {
        let index = vocabulary.get(feature);
        if (index === undefined) {
          index = vocabulary.size;
          vocabulary.set(feature, index);
          documentFrequency.push(0);
        }
        documentFrequency[index]! += 1;
      }
    }
    const idf = Float64Array.from(documentFrequency, (frequency) => Math.log((examples.length + 1) / (frequency + 1)) + 1);
    const classifier = new RouteClassifier(vocabulary, idf, ROUTES.map(() => new Float64Array(vocabulary.size)), new Float64Array(ROUTES.length));
    const vectors = featureMaps.map((features) => classifier.vectorize([...features.keys()].map((feature) => vocabulary.get(feature)!), [...features.values()]));
    const labels = examples.map((example) => ROUTES.indexOf(example.route));
    const order = interleavedOrder(labels);
    for (let epoch = 0; epoch < EPOCHS; epoch += 1) {
      const rate = LEARNING_RATE / (1 + epoch * 0.1);
      for (const position of order) classifier.step(vectors[position]!, labels[position]!, rate);
    }
    return classifier;
  }

  /** The trained model as plain data, for the on-disk cache (trained-classifier-cache.ts). */
  toSaved(): SavedRouteClassifier {
    return { routes: [...ROUTES], vocabulary: [...this.vocabulary.keys()], idf: this.idf, weights: this.weights, bias: this.bias };
  }

  /** The model `toSaved` gave; undefined when it does not fit this code's routes (never a half model). */
  static fromSaved(saved: SavedRouteClassifier): RouteClassifier | undefined {
    const size = saved.vocabulary.length;
    const fits =
      saved.routes.join(',') === ROUTES.join(',') &&
      saved.idf.length === size &&
      saved.bias.length === ROUTES.length &&
      saved.weights.length === ROUTES.length &&
      saved.weights.every((weights) => weights.length === size);
    if (!fits) return undefined;
    return new RouteClassifier(new Map(saved.vocabulary.map((feature, index) => [feature, index])), saved.idf, saved.weights, saved.bias);
  }

  classify(text: string): RouteGuess {
    // Counts by vocabulary index, in the order the features first occur (unknown ones dropped),
    // summed in a scratch array that is zeroed again before returning (nothing here awaits).
    const scratch = (this.counts ??= new Float64Array(this.vocabulary.size));
    const indices: number[] = [];
    const table = (this.table ??= new FeatureTable([...this.vocabulary.keys()]));
    forEachRoutingFeature(text, (prefix, source, start, end, second, weight) => {
      const index = table.indexOf(prefix, source, start, end, second);
      if (index === -1) return;
      if (scratch[index] === 0) indices.push(index);
      scratch[index] = scratch[index]! + weight;
    });
    const counts = indices.map((index) => scratch[index]!);
    for (const index of indices) scratch[index] = 0;
    const rows = (this.byFeature ??= byFeature(this.idf, this.weights, this.vocabulary.size));
    const probabilities = softmax(this.logitsByFeature(rows, this.vectorize(indices, counts, rows, this.bias.length + 1)));
    const ranked = ROUTES.map((route, index) => ({ route, confidence: probabilities[index]! })).sort((left, right) => right.confidence - left.confidence);
    const byRoute = {} as Record<Route, number>;
    for (const { route, confidence } of ranked) byRoute[route] = confidence;
    const [best, second] = ranked as [{ route: Route; confidence: number }, { route: Route; confidence: number }];
    return { route: best.route, confidence: best.confidence, second, probabilities: byRoute };
  }

  /**
   * TF-IDF weights of the features at `indices` with their `counts`, unit length, in the order
   * given. A feature's idf is idf[index × stride]: `this.idf` itself, or the rows of `byFeature`.
   */
  private vectorize(indices: number[], counts: number[], idf: Float64Array = this.idf, stride = 1): SparseVector {
    const values = new Float64Array(indices.length);
    for (let position = 0; position < indices.length; position += 1) values[position] = (1 + Math.log(counts[position]! + 1)) * idf[indices[position]! * stride]!;
    let squares = 0;
    for (const value of values) squares += value * value;
    const norm = Math.sqrt(squares) || 1;
    for (let index = 0; index < values.length; index += 1) values[index] = values[index]! / norm;
    return { indices: Int32Array.from(indices), values };
  }

  /** The same sums as `probabilities` makes, route by route in the same order, read feature by feature. */
  private logitsByFeature(weights: Float64Array, { indices, values }: SparseVector): number[] {
    const routes = this.bias.length;
    const sums = Float64Array.from(this.bias);
    for (let position = 0; position < indices.length; position += 1) {
      const offset = indices[position]! * (routes + 1) + 1;
      const value = values[position]!;
      for (let route = 0; route < routes; route += 1) sums[route] = sums[route]! + weights[offset + route]! * value;
    }
    return Array.from(sums);
  }

  private probabilities({ indices, values }: SparseVector): number[] {
    const logits = this.weights.map((weights, route) => {
      let sum = this.bias[route]!;
      for (let position = 0; position < indices.length; position += 1) sum += weights[indices[position]!]! * values[position]!;
      return sum;
    });
    return softmax(logits);
  }


  private step(vector: SparseVector, label: number, rate: number): void {
    const probabilities = this.probabilities(vector);
    for (let route = 0; route < ROUTES.length; route += 1) {
      const error = probabilities[route]! - (route === label ? 1 : 0);
      const weights = this.weights[route]!;
      const { indices, values } = vector;
      for (let position = 0; position < indices.length; position += 1) {
        const index = indices[position]!;
        weights[index] = weights[index]! * (1 - rate * L2) - rate * error * values[position]!;
      }
      this.bias[route] = this.bias[route]! - rate * error;
    }
  }
}

/** Routes take turns (one example of each, then the next of each), so no route dominates an epoch's end. */
function interleavedOrder(labels: number[]): number[] {
  const byRoute = ROUTES.map((_, route) => labels.flatMap((label, position) => (label === route ? [position] : [])));
  const order: number[] = [];
  for (let round = 0; order.length < labels.length; round += 1) for (const positions of byRoute) if (round < positions.length) order.push(positions[round]!);
  return order;
}

function softmax(logits: number[]): number[] {
  const top = Math.max(...logits);
  const exps = logits.map((logit) => Math.exp(logit - top));
  const total = exps.reduce((sum, value) => sum + value, 0);
  return exps.map((value) => value / total);
}

/**
 * The idf and the route-major weights (one array per route) laid out feature-major, a row of
 * routes + 1 numbers per feature: feature f's idf at f × (routes + 1), its weight for route r
 * right after, at f × (routes + 1) + 1 + r.
 */
function byFeature(idf: Float64Array, weights: Float64Array[], features: number): Float64Array {
  const routes = weights.length;
  const stride = routes + 1;
  const laid = new Float64Array(features * stride);
  for (let feature = 0; feature < features; feature += 1) laid[feature * stride] = idf[feature]!;
  for (let route = 0; route < routes; route += 1) {
    const row = weights[route]!;
    for (let feature = 0; feature < features; feature += 1) laid[feature * stride + 1 + route] = row[feature]!;
  }
  return laid;
}
