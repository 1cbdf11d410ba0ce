/** Gemini GenerateContentResponse objects, whole or as one streamed chunk. */
import type { Completion, Finish } from '../protocol/index.js';

const FINISH_REASON: Readonly<Record<Finish, string>> = {
  stop: 'STOP',
  length: 'MAX_TOKENS',
  refusal: 'SAFETY',
};

/** What a blocked candidate carries instead of content. */
const BLOCKED_RATINGS = [
  { category: 'HARM_CATEGORY_HATE_SPEECH', probability: 'NEGLIGIBLE' },
  { category: 'HARM_CATEGORY_DANGEROUS_CONTENT', probability: 'HIGH', blocked: true },
  { category: 'HARM_CATEGORY_HARASSMENT', probability: 'NEGLIGIBLE' },
  { category: 'HARM_CATEGORY_SEXUALLY_EXPLICIT', probability: 'NEGLIGIBLE' },
];

/** The parts of a response chunk and whether it is the last. */
export interface GeminiChunk {
  readonly text: string | undefined;
  readonly outputTokens: number;
  readonly finish: Finish | undefined;
}

/**
 * One GenerateContentResponse. A refusal is a candidate with `finishReason: SAFETY` and no
 * content; an empty answer is a candidate whose content has no parts.
 */
export function geminiResponse(
  chunk: GeminiChunk,
  inputTokens: number,
  model: string,
  responseId: string,
): Record<string, unknown> {
  const candidate: Record<string, unknown> = {};
  if (chunk.finish !== 'refusal') {
    candidate['content'] = {
      parts: chunk.text === undefined ? [] : [{ text: chunk.text }],
      role: 'model',
    };
  }
  if (chunk.finish !== undefined) candidate['finishReason'] = FINISH_REASON[chunk.finish];
  if (chunk.finish === 'refusal') candidate['safetyRatings'] = BLOCKED_RATINGS;
  candidate['index'] = 0;
  const usage: Record<string, unknown> = { promptTokenCount: inputTokens };
  // proto3 JSON leaves zero counts out.
  if (chunk.outputTokens > 0) usage['candidatesTokenCount'] = chunk.outputTokens;
  usage['totalTokenCount'] = inputTokens + chunk.outputTokens;
  usage['promptTokensDetails'] = [{ modality: 'TEXT', tokenCount: inputTokens }];
  return { candidates: [candidate], usageMetadata: usage, modelVersion: model, responseId };
}

/** The non-streaming body. */
export function geminiBody(completion: Completion, model: string, responseId: string): string {
  const { tokens, finish, inputTokens } = completion;
  const chunk = {
    text: tokens.length > 0 ? tokens.join('') : undefined,
    outputTokens: tokens.length,
    finish,
  };
  return JSON.stringify(geminiResponse(chunk, inputTokens, model, responseId));
}
