import type OpenAI from 'openai';
import type { CompletionRequest, LanguageModel } from './language-model.js';

export interface OpenAiLanguageModelOptions {
  apiKey: string;
  /** Any OpenAI-compatible endpoint, e.g. http://localhost:11434/v1 (OPENAI_BASE_URL). */
  baseUrl?: string;
  model: string;
  /** Per attempt, in milliseconds (LLM_TIMEOUT_MS); the SDK applies it to each retry too. */
  timeoutMs?: number;
  /** The SDK retries 408, 409, 429 and 5xx with exponential back-off, honouring retry-after. */
  maxRetries?: number;
}

/** The chat model behind the `LanguageModel` port, through the openai SDK. */
export class OpenAiLanguageModel implements LanguageModel {
  readonly modelId: string;
  /** The SDK is loaded on the first completion, so starting Itda never waits for it. */
  private readonly client: () => Promise<OpenAI>;

  constructor(options: OpenAiLanguageModelOptions) {
    if (!options.apiKey) throw new Error('OpenAiLanguageModel needs apiKey (set OPENAI_API_KEY), or run without an LLM');
    let client: Promise<OpenAI> | undefined;
    this.client = () =>
      (client ??= import('openai').then(
        ({ default: OpenAI }) =>
          new OpenAI({ apiKey: options.apiKey, baseURL: options.baseUrl, timeout: options.timeoutMs ?? 20_000, maxRetries: options.maxRetries ?? 2 }),
      ));
    this.modelId = options.model;
  }

  async complete(request: CompletionRequest): Promise<string> {
    const completion = await (await this.client()).chat.completions.create({
      model: this.modelId,
      messages: request.messages,
      ...(request.json ? { response_format: { type: 'json_object' as const } } : {}),
      ...(request.maxTokens ? { max_tokens: request.maxTokens } : {}),
      temperature: request.temperature ?? 0,
    });
    return completion.choices[0]?.message?.content ?? '';
  }
}
