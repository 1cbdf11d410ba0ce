/** The statuses the official SDKs retry on their own, written once for every package that needs it. */

/**
 * The Stainless-generated SDKs (Anthropic, OpenAI) retry 408, 409, 429 and every 5xx, after
 * `x-should-retry` (reference/error-taxonomy.md §2.2; `shouldRetry` in each SDK's `client.ts`).
 * A failure with one of these statuses is likely followed by another attempt of the same call.
 */
export function sdkRetriesStatus(status: number): boolean {
  return status === 408 || status === 409 || status === 429 || status >= 500;
}
