/**
 * The one thing Itda needs from a chat model. The OpenAI-compatible implementation lives in
 * openai-language-model.ts; capabilities depend only on this interface.
 */
export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface CompletionRequest {
  messages: ChatMessage[];
  /** Ask for a JSON object (response_format json_object). The caller still validates it. */
  json?: boolean;
  maxTokens?: number;
  temperature?: number;
}

export interface LanguageModel {
  readonly modelId: string;
  complete(request: CompletionRequest): Promise<string>;
}
