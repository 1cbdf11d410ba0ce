/** Builds the deterministic answer to a request: seeded words, JSON wrapping, caps and faults. */
import type { Completion, Finish, ProviderRequest } from '../protocol/index.js';
import { estimateTokens } from './estimate-tokens.js';
import { createPrng, hashString, intBetween, type Prng } from './prng.js';
import { VOCABULARY, garbledVocabulary } from './vocabulary.js';

/** Output-shaping faults; their fields mirror the fault rules of the same kinds. */
export type OutputShape =
  | { readonly kind: 'empty' }
  | { readonly kind: 'refusal' }
  | { readonly kind: 'malformed_json' }
  | { readonly kind: 'garbled' }
  | { readonly kind: 'answer'; readonly text: string }
  | { readonly kind: 'truncate'; readonly afterTokens?: number | undefined };

/** Natural answer length in tokens, before any cap. */
const MIN_TOKENS = 20;
const MAX_TOKENS = 80;

/**
 * The answer to `request`: the same (seed, model, prompt) always gives the same words.
 * @example planCompletion(request, 1).tokens.join('') // " the quick signal …"
 */
export function planCompletion(
  request: ProviderRequest,
  seed: number,
  shape?: OutputShape,
): Completion {
  const inputTokens = estimateTokens(request.promptText);
  if (shape?.kind === 'empty') return { tokens: [], finish: 'stop', inputTokens };
  if (shape?.kind === 'refusal') return { tokens: [], finish: 'refusal', inputTokens };
  if (shape?.kind === 'answer')
    return capped(answerTokens(shape.text), 'stop', request, inputTokens);

  const next = createPrng(hashString(`${request.model}\u0000${request.promptText}`, seed));
  const natural = intBetween(next, MIN_TOKENS, MAX_TOKENS);
  const vocabulary = shape?.kind === 'garbled' ? garbledVocabulary() : VOCABULARY;
  const words: string[] = [];
  for (let i = 0; i < natural; i++) {
    words.push(vocabulary[Math.floor(next() * vocabulary.length)] ?? ' the');
  }

  let tokens: readonly string[] = words;
  if (shape?.kind === 'malformed_json') tokens = brokenJsonTokens(words, next);
  else if (request.json) tokens = jsonTokens(words, '{"answer": "', '"}');

  let finish: Finish = 'stop';
  if (shape?.kind === 'truncate') {
    tokens = tokens.slice(0, shape.afterTokens ?? Math.floor(tokens.length / 2));
    finish = 'length';
  }
  return capped(tokens, finish, request, inputTokens);
}

/** The answer cut to the request's `max_tokens`, if it asked for fewer. */
function capped(
  tokens: readonly string[],
  finish: Finish,
  request: ProviderRequest,
  inputTokens: number,
): Completion {
  if (request.maxTokens !== undefined && tokens.length > request.maxTokens)
    return {
      tokens: tokens.slice(0, Math.max(0, request.maxTokens)),
      finish: 'length',
      inputTokens,
    };
  return { tokens, finish, inputTokens };
}

/** A fixed answer as tokens, one per word with its leading space, so streams deliver it in pieces. */
function answerTokens(text: string): string[] {
  return text.match(/\s*\S+|\s+$/g) ?? [];
}

/** Wraps the words' text between `open` and `close`, keeping one token per word. */
function jsonTokens(words: readonly string[], open: string, close: string): string[] {
  const tokens = [...words];
  tokens[0] = open + (tokens[0] ?? '').trimStart();
  tokens[tokens.length - 1] += close;
  return tokens;
}

/** JSON a model gets wrong: fenced in markdown, or cut off before the object closes. */
function brokenJsonTokens(words: readonly string[], next: Prng): string[] {
  return next() < 0.5
    ? jsonTokens(words, '```json\n{"answer": "', '"}\n```')
    : jsonTokens(words, '{"answer": "', '",');
}
