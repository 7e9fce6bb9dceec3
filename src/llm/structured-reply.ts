import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import type { ChatPromptTemplate } from '@langchain/core/prompts';
import type { z } from 'zod';

/** What a structured call gave: the validated object, or why there is none (never the reply's text). */
export type StructuredReply<T> = { ok: true; value: T } | { ok: false; reason: string };

/**
 * A prompt template piped into the model's structured output: JSON mode (response_format
 * json_object, which every OpenAI-compatible server accepts) parsed and validated by the zod schema.
 * `includeRaw` makes a malformed reply a value instead of an exception; a failed call stays a value too.
 */
export function structuredReplyChain<Schema extends z.ZodType<Record<string, unknown>>>(prompt: ChatPromptTemplate, model: BaseChatModel, schema: Schema, name: string) {
  const chain = prompt.pipe(model.withStructuredOutput(schema, { name, method: 'jsonMode', includeRaw: true }));
  return async (values: Record<string, string>): Promise<StructuredReply<z.infer<Schema>>> => {
    let result: { parsed: unknown; parsingError?: unknown };
    try {
      result = (await chain.invoke(values)) as { parsed: unknown; parsingError?: unknown };
    } catch (error) {
      return { ok: false, reason: `model call failed: ${String((error as Error).message ?? error).split('\n')[0]!.slice(0, 160)}` };
    }
    if (result.parsingError !== undefined || result.parsed == null) return { ok: false, reason: 'model reply is not the expected JSON' };
    return { ok: true, value: result.parsed as z.infer<Schema> };
  };
}
