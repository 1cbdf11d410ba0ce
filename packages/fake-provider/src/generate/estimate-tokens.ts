/** The input-token estimate every emulated provider reports: about four characters a token. */

/** `ceil(characters / 4)`, at least 1, the usual rule of thumb for English text. */
export function estimateTokens(text: string): number {
  return Math.max(1, Math.ceil(text.length / 4));
}
