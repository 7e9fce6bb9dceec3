import type { BaseChatModel } from '@langchain/core/language_models/chat_models';

export interface ChatModelSettings {
  apiKey: string;
  /** Any OpenAI-compatible endpoint, e.g. http://localhost:11434/v1 (OPENAI_BASE_URL). */
  baseUrl?: string;
  model: string;
  /** Per attempt, in milliseconds (LLM_TIMEOUT_MS). */
  timeoutMs?: number;
  /** LangChain's caller retries 429 and 5xx with exponential back-off; 4xx other than 429 are not retried. */
  maxRetries?: number;
}

/**
 * The configured chat model. Capabilities see only LangChain's vendor-free `BaseChatModel`; which
 * provider answers is decided here. `load()` builds it on first use, so starting Itda never waits for
 * the provider package.
 */
export interface ChatModelSource {
  readonly modelId: string;
  load(): Promise<BaseChatModel>;
}

/**
 * An OpenAI-compatible chat model through `langchain`'s `initChatModel`, which resolves the
 * "openai" provider to `ChatOpenAI` from `@langchain/openai` (itself over the `openai` SDK).
 */
export function openAiChatModel(settings: ChatModelSettings): ChatModelSource {
  if (!settings.apiKey) throw new Error('openAiChatModel needs apiKey (set OPENAI_API_KEY), or run without an LLM');
  let model: Promise<BaseChatModel> | undefined;
  return {
    modelId: settings.model,
    load: () =>
      (model ??= import('langchain/chat_models/universal').then(({ initChatModel }) =>
        initChatModel(settings.model, {
          modelProvider: 'openai',
          apiKey: settings.apiKey,
          configuration: settings.baseUrl ? { baseURL: settings.baseUrl } : {},
          timeout: settings.timeoutMs ?? 20_000,
          maxRetries: settings.maxRetries ?? 2,
          temperature: 0,
          // Answers are at most 5 lines and rewrites about as long as the answer: a cap keeps a runaway reply cheap.
          maxTokens: 800,
        }),
      )),
  };
}

const configured = new WeakMap<object, ChatModelSource>();

/**
 * The chat model for the configured OpenAI settings (config.openai), or none when no key is set.
 * Question answering, the plan rewrite and the staff-answer translator share one model and client.
 */
export function configuredChatModel(openai: ChatModelSettings | undefined): ChatModelSource | undefined {
  if (!openai) return undefined;
  let model = configured.get(openai);
  if (!model) {
    model = openAiChatModel(openai);
    configured.set(openai, model);
  }
  return model;
}
